/**
 * Importing files into the store, in five steps:
 *   1. sniff      what the file is (CSV, XLSX, JSON; encoding; HXL row)     sniff.ts, convert.ts
 *   2. detect     its layout, from the header                                detect.ts, layouts/
 *   3. stage      DuckDB reads it as text; unsplittable rows are kept aside  stage.ts
 *   4. normalize  typed event rows, a reason for every unreadable one        normalize.ts
 *   5. merge      one transaction: add, update by id (newer timestamp wins)  merge.ts
 * Any unreadable row fails the whole import (nothing changes) unless skipInvalid is set,
 * in which case it goes, unchanged and with its reason, to a rejects file.
 */
import { basename } from 'node:path';
import { CrisisError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { convertJson, convertXlsx } from './convert.js';
import { detectLayout } from './detect.js';
import { Columns, sqlString, type Layout } from './layout.js';
import type { Mapping } from './layouts/mapping.js';
import { mergeEvents, prepareEvents } from './merge.js';
import { normalizeSql } from './normalize.js';
import { locateProblems, writeRejects, type Problem } from './problems.js';
import { sniff } from './sniff.js';
import { stageCsv, type Progress } from './stage.js';

export interface ImportOptions {
  mapping?: Mapping;
  /** Import the valid rows and write the others to a rejects file. */
  skipInvalid?: boolean;
  /** Where rejected rows go (default: FILE.rejects.csv beside the input). */
  rejectsPath?: string;
  /** Name the dataset (default: acled, ucdp, or the mapping's). */
  dataset?: string;
  version?: string;
  onProgress?: (file: string, fraction: number) => void;
}

export interface ImportReport {
  file: string;
  layout: string;
  dataset: string;
  version: string;
  rowsRead: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Rows older than the stored event with the same id: the store keeps its newer version. */
  stale: number;
  /** Rows folded into another row of the same event (monadic exports, repeated ids). */
  merged: number;
  rejected: number;
  deleted: number;
  rejectsFile?: string;
  warnings: string[];
}

/** How many problems an error message lists before it says "and N more". */
export const PROBLEMS_SHOWN = 20;

export async function importFiles(store: Store, files: string[], options: ImportOptions = {}): Promise<ImportReport[]> {
  if (store.readOnly) throw new CrisisError('the store is open read-only; cannot import');
  // Reading and checking happen outside the transaction (temporary tables only); the store
  // itself changes in one transaction at the end, so a failure anywhere changes nothing.
  const pending: Pending[] = [];
  const rejectsWritten = new Set<string>();
  try {
    for (const [i, file] of files.entries()) pending.push(await readFile(store, file, options, rejectsWritten, `_ready_${i}`));
    return await store.transaction(async () => {
      for (const p of pending) {
        if (p.deletions) p.report.deleted = await applyDeletions(store, p.table, p.deletions.idColumn, p.deletions.timeColumn, p.report.dataset);
        else Object.assign(p.report, await mergeEvents(store, p.report.dataset, p.table));
        await logImport(store, p.report);
      }
      return pending.map((p) => p.report);
    });
  } finally {
    for (const p of pending) await store.run(`DROP TABLE IF EXISTS ${p.table}`).catch(() => undefined);
  }
}

interface Pending {
  report: ImportReport;
  /** Temporary table with the file's events (or, for a deletions file, its rows). */
  table: string;
  deletions?: { idColumn: string; timeColumn: string };
}

async function readFile(store: Store, file: string, options: ImportOptions, rejectsWritten: Set<string>, table: string): Promise<Pending> {
  const sniffed = sniff(file);
  let csvPath = file;
  let locate = (record: number) => `line ${record + 1}`;
  let linesKnown = sniffed.kind === 'csv';
  if (sniffed.kind !== 'csv') {
    const converted = sniffed.kind === 'xlsx' ? await convertXlsx(file) : await convertJson(file);
    csvPath = converted.csvPath;
    locate = converted.locate;
    linesKnown = false;
    Object.assign(sniffed, sniff(csvPath), { path: file });
  }
  const progress: Progress | undefined = options.onProgress ? (f) => options.onProgress!(file, f) : undefined;
  const staged = await stageCsv(store, csvPath, sniffed, progress);
  const columns = new Columns(staged.columns);
  const detected = detectLayout(columns, basename(file), options.mapping);
  const dataRows = staged.rows + staged.rejects.length - (sniffed.hxl ? 1 : 0);

  if (detected.kind === 'deletions') {
    await checkDeletions(store, file, detected.idColumn, detected.timeColumn);
    await store.run(`DROP TABLE IF EXISTS ${table}`);
    await store.run(`ALTER TABLE _staged RENAME TO ${table}`);
    const report = { ...emptyReport(file, 'acled-deletions', options.dataset ?? 'acled', ''), rowsRead: dataRows };
    return { report, table, deletions: detected };
  }

  const layout = detected.layout;
  const dataset = options.dataset ?? layout.dataset;
  await store.run('DROP TABLE IF EXISTS _normalized');
  await store.run(`CREATE TEMP TABLE _normalized AS ${normalizeSql(layout, staged.table, sniffed.hxl)}`);
  await recordNumbers(store, staged.rejects.map((r) => r.record));
  if (layout.monadic) await flagDisagreements(store);

  const problems: Problem[] = [
    ...staged.rejects,
    ...(await store.all(`SELECT _record AS record, _error AS reason FROM _normalized WHERE _error IS NOT NULL ORDER BY _record`)).map(
      (r) => ({ record: Number(r.record), reason: String(r.reason) }),
    ),
  ].sort((a, b) => a.record - b.record);

  const report = emptyReport(file, layout.name, dataset, '');
  report.rowsRead = dataRows;
  if (problems.length) {
    const located = locateProblems(csvPath, problems, linesKnown ? undefined : locate);
    if (!options.skipInvalid) {
      const shown = located.slice(0, PROBLEMS_SHOWN).map((p) => `${file}:${p.where}: ${p.reason}`);
      if (located.length > PROBLEMS_SHOWN) shown.push(`… and ${located.length - PROBLEMS_SHOWN} more`);
      shown.push('nothing was imported. Fix these rows, or import the others with --skip-invalid (rejected rows go to a rejects file)');
      throw new CrisisError(`${file}: ${located.length} row${located.length === 1 ? '' : 's'} cannot be read`, shown);
    }
    report.rejectsFile = options.rejectsPath ?? `${file.replace(/\.(csv|xlsx|json|txt)$/i, '')}.rejects.csv`;
    // Several input files may share one --rejects file: the first writes it, the others append.
    writeRejects(report.rejectsFile, csvPath, located, rejectsWritten.has(report.rejectsFile));
    rejectsWritten.add(report.rejectsFile);
    report.rejected = located.length;
  }

  report.warnings.push(...(await civilianTargetingCheck(store, layout)));
  report.version = options.version ?? layout.version ?? (await exportVersion(store));
  const prepared = await prepareEvents(store, layout, {
    dataset,
    version: report.version,
    file: basename(file),
    extra: columns.unused(usedColumns(layout)),
  });
  report.merged = prepared.merged;
  await store.run(`DROP TABLE IF EXISTS ${table}`);
  await store.run(`ALTER TABLE _ready RENAME TO ${table}`);
  return { report, table };
}

async function logImport(store: Store, r: ImportReport): Promise<void> {
  await store.run(`INSERT INTO imports VALUES (now()::TIMESTAMP, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    r.file, r.layout, r.dataset, r.version, r.rowsRead, r.added, r.updated, r.unchanged, r.stale, r.merged, r.rejected, r.deleted,
  ]);
}

function emptyReport(file: string, layout: string, dataset: string, version: string): ImportReport {
  return { file, layout, dataset, version, rowsRead: 0, added: 0, updated: 0, unchanged: 0, stale: 0, merged: 0, rejected: 0, deleted: 0, warnings: [] };
}

/** Data record number of each staged row: its position in the file once CSV-rejected rows are counted back in. */
async function recordNumbers(store: Store, rejected: number[]): Promise<void> {
  await store.run('DROP TABLE IF EXISTS _reject_pos');
  await store.run('CREATE TEMP TABLE _reject_pos (pos BIGINT)');
  // The i-th rejected record (0-based rank i, record number x) pushes every staged row from x - 1 - i on by one.
  const sorted = [...rejected].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i += 1000) {
    const values = sorted.slice(i, i + 1000).map((x, j) => `(${x - 1 - (i + j)})`).join(',');
    await store.run(`INSERT INTO _reject_pos VALUES ${values}`);
  }
  const shift = sorted.length ? ' + (SELECT count(*) FROM _reject_pos WHERE pos <= _row)' : '';
  await store.run(`ALTER TABLE _normalized ADD COLUMN _record BIGINT`);
  await store.run(`UPDATE _normalized SET _record = _row + 1${shift}`);
}

/** Monadic rows of one event must agree on its fatalities; if not, which is right is not ours to guess. */
async function flagDisagreements(store: Store): Promise<void> {
  await store.run(`UPDATE _normalized SET _error = 'rows of event ' || d.source_id || ' disagree on fatalities (' || d.values || ')'
    FROM (SELECT source_id, string_agg(DISTINCT fatalities::VARCHAR, ' vs ') AS values FROM _normalized
          WHERE _error IS NULL GROUP BY source_id HAVING count(DISTINCT fatalities) > 1) d
    WHERE _normalized.source_id = d.source_id AND _normalized._error IS NULL`);
}

/**
 * A civilian_targeting column empty in every row says nothing (some samples ship it blank):
 * treat it as absent, so the Violence against civilians rule applies, and say so.
 */
async function civilianTargetingCheck(store: Store, layout: Layout): Promise<string[]> {
  if (layout.dataset !== 'acled' || !layout.fields.civilian_targeting || layout.fields.civilian_targeting === 'NULL') return [];
  const { flagged } = await store.one(`SELECT count(*) FILTER (WHERE civilian_targeting) AS flagged FROM _normalized WHERE _error IS NULL`);
  if (Number(flagged) > 0) return [];
  await store.run('UPDATE _normalized SET civilian_targeting = NULL');
  return ['the civilian_targeting column is empty in every row: treated as absent (civilian targeting falls back to the Violence against civilians event type)'];
}

/** ACLED files carry no version: the date of their newest change names the export. */
async function exportVersion(store: Store): Promise<string> {
  const { ts } = await store.one(`SELECT max(timestamp) AS ts FROM _normalized WHERE _error IS NULL`);
  if (ts === null || ts === undefined) return 'unversioned';
  return `export ${new Date(Number(ts) * 1000).toISOString().slice(0, 10)}`;
}

function usedColumns(layout: Layout): Set<string> {
  const used = new Set<string>();
  for (const expr of Object.values(layout.fields)) {
    for (const m of (expr ?? '').matchAll(/"((?:[^"]|"")*)"/g)) used.add(m[1]!.replace(/""/g, '"').trim().toLowerCase());
  }
  return used;
}

async function checkDeletions(store: Store, file: string, idColumn: string, timeColumn: string): Promise<void> {
  const bad = await store.all(`SELECT rowid AS r, ${idColumn} AS id, ${timeColumn} AS t FROM _staged
    WHERE ${idColumn} IS NULL OR try_cast(${timeColumn} AS BIGINT) IS NULL ORDER BY rowid LIMIT ${PROBLEMS_SHOWN}`);
  if (bad.length) {
    throw new CrisisError(`${file}: deletions file with unreadable rows`, bad.map((b) =>
      `${file}:${Number(b.r) + 2}: ${b.id === null ? 'no event_id_cnty' : `deleted_timestamp "${b.t ?? ''}" is not unix seconds`}`));
  }
}

async function applyDeletions(store: Store, table: string, idColumn: string, timeColumn: string, dataset: string): Promise<number> {
  // An event changed after its deletion was announced has been re-published: it stays.
  const match = `events.dataset = ${sqlString(dataset)} AND events.source_id = trim(d.${idColumn})
      AND (events.timestamp IS NULL OR events.timestamp <= try_cast(d.${timeColumn} AS BIGINT))`;
  const { n } = await store.one(`SELECT count(*) AS n FROM events, ${table} d WHERE ${match}`);
  await store.run(`DELETE FROM events USING ${table} d WHERE ${match}`);
  return Number(n);
}
