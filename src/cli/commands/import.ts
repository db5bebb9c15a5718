import { resolveDbPath, Store } from '../../store/store.js';
import { importFiles, type ImportReport } from '../../sources/import.js';
import { readMapping } from '../../sources/layouts/mapping.js';
import { getHeapStatistics } from 'node:v8';
import { CrisisError } from '../../model/errors.js';
import { DATE_ORDERS, type DateOrder } from '../../sources/dates.js';
import type { Command } from '../command.js';
import { DB_HELP, parse } from '../options.js';
import { json, table } from '../format.js';
import { progressBar } from '../progress.js';
import { numberFlag } from './answer-output.js';
import { MAX_UNPACKED_BYTES } from '../../sources/archive.js';

export const importCommand: Command = {
  help: `Usage: crisismap import FILE... [--mapping F] [--skip-invalid] [--rejects F] [--db FILE]

Reads CSV, XLSX, JSON or GeoJSON files, or zip archives of them, and adds their events to the
store. The layout is recognised from the header: ACLED exports (current, older, HDX with an HXL
row, monadic, 2016-era), ACLED deletion files (event_id_cnty,deleted_timestamp), UCDP GED CSV,
GeoJSON and UCDP API pages. Text may be UTF-8, Windows-1252 or Latin-1 (the report names it).
Any other CSV needs --mapping (see docs/import.md).

Importing is one transaction: if any file fails, the store is left exactly as it was.
Events are matched by id: importing the same file twice changes nothing, and a newer
export updates its events (the newer timestamp wins) instead of duplicating them.

Options:
  --mapping FILE          JSON file saying which of your columns feeds which field
  --skip-invalid          import the valid rows; write the others to a rejects file
  --rejects FILE          where rejected rows go (default: FILE.rejects.csv beside the input)
  --dataset NAME          name the dataset (default: acled, ucdp, or the mapping's)
  --dataset-version V     name its version (default: from the file name or newest timestamp)
  --date-order dmy|mdy    order of day and month in dates with slashes, when no date in the
                          file proves it (a part above 12 does: 29/12/2015 is day first)
  --max-unpacked MB       most a zip or XLSX may unpack to (default ${MAX_UNPACKED_BYTES / 2 ** 20}): a larger one, or
                          one that lies about its size, is refused before it is read (zip bombs)
  --json                  print the report as JSON
${DB_HELP}

Example:
  crisismap import acled_2022.csv ged231.csv
  crisismap import messy.csv --skip-invalid --rejects messy-rejects.csv`,

  async run(args, io) {
    const { values, positionals } = parse(
      args,
      {
        mapping: { type: 'string' },
        'skip-invalid': { type: 'boolean' },
        rejects: { type: 'string' },
        dataset: { type: 'string' },
        'dataset-version': { type: 'string' },
        'date-order': { type: 'string' },
        'max-unpacked': { type: 'string' },
        json: { type: 'boolean' },
      },
      true,
    );
    const dateOrder = values['date-order'] as string | undefined;
    if (dateOrder !== undefined && !DATE_ORDERS.includes(dateOrder as DateOrder)) {
      throw new CrisisError(`--date-order must be ${DATE_ORDERS.join(' or ')}, not "${dateOrder}"`, ['dmy: 29/12/2015 (day first); mdy: 12/29/2015 (month first)']);
    }
    if (!positionals.length) throw new CrisisError('no file to import', ['usage: crisismap import FILE... (see --help)']);
    const mapping = values.mapping ? readMapping(values.mapping as string) : undefined;
    const store = await Store.open(resolveDbPath(values.db as string | undefined));
    const bar = io.interactive ? progressBar() : undefined;
    try {
      const reports = await importFiles(store, positionals, {
        ...(mapping ? { mapping } : {}),
        skipInvalid: !!values['skip-invalid'],
        ...(values.rejects ? { rejectsPath: values.rejects as string } : {}),
        ...(values.dataset ? { dataset: values.dataset as string } : {}),
        ...(values['dataset-version'] ? { version: values['dataset-version'] as string } : {}),
        ...(dateOrder ? { dateOrder: dateOrder as DateOrder } : {}),
        ...(values['max-unpacked'] !== undefined ? { maxUnpackedBytes: numberFlag(values['max-unpacked'], 'max-unpacked', MAX_UNPACKED_BYTES / 2 ** 20, true) * 2 ** 20 } : {}),
        ...(bar ? { onProgress: bar } : {}),
        // Sent to a running server (src/cli/via-server.ts): the files are read in a worker thread, so
        // that the server's readers are not held up, with as much heap as a process of its own has.
        ...(io.inServer ? { worker: { memoryMb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20) } } : {}),
      });
      io.out(values.json ? json({ store: store.path, files: reports }) : describeReports(reports, store.path));
    } finally {
      store.close();
    }
  },
};

function describeReports(reports: ImportReport[], path: string): string {
  const columns = ['file', 'layout', 'rows read', 'added', 'updated', 'unchanged', 'merged', 'rejected'];
  if (reports.some((r) => r.stale)) columns.splice(6, 0, 'stale');
  if (reports.some((r) => r.deleted)) columns.push('deleted');
  const rows = reports.map((r) => ({
    file: r.file,
    layout: r.layout,
    'rows read': r.rowsRead,
    added: r.added,
    updated: r.updated,
    unchanged: r.unchanged,
    stale: r.stale,
    merged: r.merged,
    rejected: r.rejected,
    deleted: r.deleted,
  }));
  let text = table(columns, rows);
  for (const r of reports) {
    text += `${r.file}: dataset ${r.dataset}${r.version ? ` (${r.version})` : ''}, text ${r.encoding}\n`;
    if (r.dateOrder) text += `  ${r.dateOrder}\n`;
    if (r.merged) text += `  ${r.merged} rows were folded into other rows of the same event (one row per actor, or a repeated id)\n`;
    if (r.stale) text += `  ${r.stale} rows were older than the stored events with their ids: the store kept the newer ones\n`;
    if (r.rejectsFile) text += `  ${r.rejected} rows rejected, written with their reasons to ${r.rejectsFile}\n`;
    for (const w of r.warnings) text += `  note: ${w}\n`;
  }
  return text + `Store: ${path}\n`;
}
