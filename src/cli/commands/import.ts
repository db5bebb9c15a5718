import { resolveDbPath, Store } from '../../store/store.js';
import { importFiles, type ImportOptions, type ImportReport } from '../../sources/import.js';
import { IMPORT_PARAMS } from '../../sources/params.js';
import { readMapping } from '../../sources/layouts/mapping.js';
import { getHeapStatistics } from 'node:v8';
import { CrisisError } from '../../model/errors.js';
import type { Command } from '../command.js';
import { DB_HELP, helpLinesOf, optionsOf, parse, valuesOf } from '../options.js';
import { json, table } from '../format.js';
import { progressBar } from '../progress.js';

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
${helpLinesOf(Object.values(IMPORT_PARAMS))}
  --json                  print the report as JSON
${DB_HELP}

Example:
  crisismap import acled_2022.csv ged231.csv
  crisismap import messy.csv --skip-invalid --rejects messy-rejects.csv`,

  async run(args, io) {
    const { values, positionals } = parse(args, { ...optionsOf(Object.values(IMPORT_PARAMS)), json: { type: 'boolean' } }, true);
    const { mapping: mappingFile, ...options } = valuesOf(Object.values(IMPORT_PARAMS), values) as Omit<ImportOptions, 'mapping'> & { mapping?: string };
    if (!positionals.length) throw new CrisisError('no file to import', ['usage: crisismap import FILE... (see --help)']);
    const mapping = mappingFile ? readMapping(mappingFile) : undefined;
    const store = await Store.open(resolveDbPath(values.db as string | undefined));
    const bar = io.interactive ? progressBar() : undefined;
    try {
      const reports = await importFiles(store, positionals, {
        ...options,
        ...(mapping ? { mapping } : {}),
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
