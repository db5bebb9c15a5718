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
import { readAggregate, storeAggregate } from './aggregates.js';
import { detectAggregate } from './layouts/aggregated.js';
import { Columns, sqlString, type Layout } from './layout.js';
import type { Mapping } from './layouts/mapping.js';
import { mergeEvents, prepareEvents } from './merge.js';
import { normalizeSql } from './normalize.js';
import { locateProblems, writeRejects, type Problem } from './problems.js';
import { sniff } from './sniff.js';
import { clearRejects, csvRejects, csvSource, stageCsv, uniqueNames, withProgress, type Progress } from './stage.js';

export interface ImportOptions {
  mapping?: Mapping;
  /** Import the valid rows and write the others to a rejects file. */
  skipInvalid?: boolean;
  /** Where rejected rows go (default: FILE.rejects.csv beside the input). */
  rejectsPath?: string;
  /** Name the dataset (default: acled, ucdp, or the mapping's). */
  dataset?: string;
  version?: string;
  /** Progress of the long steps, for a progress bar: what is happening ("checking FILE") and how far. */
  onProgress?: (step: string, fraction: number) => void;
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
  // Reading and checking happen outside the transaction (temporary tables and views only);
  // the store itself changes in one transaction at the end, so a failure anywhere changes nothing.
  const prepared = await prepareImport(store, files, options);
  try {
    return await store.transaction(() => prepared.apply());
  } finally {
    await prepared.dispose();
  }
}

/** Files read and checked, ready to land: apply() inside the caller's transaction, then dispose(). */
export interface PreparedImport {
  apply(): Promise<ImportReport[]>;
  dispose(): Promise<void>;
}

/** Steps 1–4 for every file; apply() is step 5. A sync uses it to land its pages with other writes in one transaction. */
export async function prepareImport(store: Store, files: string[], options: ImportOptions = {}): Promise<PreparedImport> {
  if (store.readOnly) throw new CrisisError('the store is open read-only; cannot import');
  const pending: Pending[] = [];
  const rejectsWritten = new Set<string>();
  const dispose = async () => {
    for (const p of pending) await dropTemporaries(store, p.index);
  };
  try {
    for (const [i, file] of files.entries()) pending.push(await readFile(store, file, options, rejectsWritten, i));
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    dispose,
    async apply() {
      for (const p of pending) {
        if (p.aggregate) await storeAggregateReport(store, p);
        else if (p.deletions) p.report.deleted = await applyDeletions(store, p.staged, p.deletions.idColumn, p.deletions.timeColumn, p.report.dataset);
        else {
          const progress = options.onProgress ? (f: number) => options.onProgress!(`storing ${p.report.file}`, f) : undefined;
          Object.assign(p.report, await withProgress(store, () => mergeEvents(store, p.report.dataset, p.ready!), progress));
        }
        await logImport(store, p.report);
      }
      return pending.map((p) => p.report);
    },
  };
}

interface Pending {
  index: number;
  report: ImportReport;
  /** Temporary table with the file's rows as text. */
  staged: string;
  /** View of the file's events, ready to merge (absent for a deletions file). */
  ready?: string;
  deletions?: { idColumn: string; timeColumn: string };
  /** Aggregated data: the temporary table of typed rows to store apart from events. */
  aggregate?: { ready: string; resolution: string };
}

const names = (i: number) => ({ staged: `_staged_${i}`, rejectPos: `_reject_pos_${i}`, normalized: `_normalized_${i}`, ready: `_ready_${i}` });

async function dropTemporaries(store: Store, i: number): Promise<void> {
  const n = names(i);
  for (const sql of [`DROP TABLE IF EXISTS _agg_ready_${i}`, `DROP TABLE IF EXISTS _agg_typed_${i}`, `DROP VIEW IF EXISTS ${n.ready}`, `DROP VIEW IF EXISTS ${n.normalized}`, `DROP TABLE IF EXISTS ${n.rejectPos}`, `DROP TABLE IF EXISTS ${n.staged}`]) {
    await store.run(sql).catch(() => undefined);
  }
}

async function readFile(store: Store, file: string, options: ImportOptions, rejectsWritten: Set<string>, index: number): Promise<Pending> {
  const n = names(index);
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
  const progress = (step: string): Progress | undefined => (options.onProgress ? (f) => options.onProgress!(`${step} ${file}`, f) : undefined);
  const columns = new Columns(uniqueNames(sniffed.header));
  const aggregate = detectAggregate(columns, basename(file), options.dataset);
  if (aggregate) {
    const staged = await stageCsv(store, csvPath, sniffed, n.staged, progress('reading'));
    const read = await readAggregate(store, file, csvPath, n.staged, aggregate,
      { skipInvalid: options.skipInvalid, rejectsPath: options.rejectsPath, version: options.version, shown: PROBLEMS_SHOWN },
      rejectsWritten, linesKnown ? undefined : locate, index);
    const report = { ...emptyReport(file, aggregate.name, aggregate.dataset, read.version), rowsRead: read.rowsRead + staged.rejects.length, rejected: read.rejected };
    if (read.rejectsFile) report.rejectsFile = read.rejectsFile;
    if (staged.rejects.length) throw new CrisisError(`${file}: ${staged.rejects.length} rows cannot be split into columns`, staged.rejects.slice(0, PROBLEMS_SHOWN).map((r) => `${file}:${locate(r.record)}: ${r.reason}`));
    return { index, report, staged: n.staged, aggregate: { ready: read.ready, resolution: aggregate.resolution } };
  }
  const detected = detectLayout(columns, basename(file), options.mapping);
  const extra = detected.kind === 'events' ? columns.unused(usedColumns(detected.layout)) : [];

  // Fast path: a clean file streams from the CSV reader straight into the store, read twice
  // (check, then insert) but never copied. Row order matters only to place problems on lines,
  // to fold monadic rows and to number identical rows, so those files take the staged path.
  if (detected.kind === 'events' && !sniffed.hxl && !detected.layout.monadic && !detected.layout.deriveIds) {
    const layout = detected.layout;
    await clearRejects(store);
    await store.run(`CREATE OR REPLACE TEMP VIEW ${n.normalized} AS ${normalizeSql(layout, {
      from: csvSource(csvPath, sniffed), row: 'NULL::BIGINT', skipFirstRow: false, extra, recordSql: 'NULL::BIGINT',
    })}`);
    const check = await withProgress(store, () => store.one(`SELECT count(*) AS rows, count(*) FILTER (WHERE _error IS NOT NULL) AS bad,
        count(DISTINCT source_id) FILTER (WHERE _error IS NULL) AS ids, max(timestamp) FILTER (WHERE _error IS NULL) AS newest,
        count(*) FILTER (WHERE _error IS NULL AND civilian_targeting) AS flagged FROM ${n.normalized}`), progress('checking'));
    const rejected = await csvRejects(store);
    if (Number(check.bad) === 0 && rejected.length === 0 && Number(check.ids) === Number(check.rows)) {
      const report = emptyReport(file, layout.name, options.dataset ?? layout.dataset, '');
      report.rowsRead = Number(check.rows);
      await finish(store, report, layout, n, check, options, file);
      return { index, report, staged: n.staged, ready: n.ready };
    }
  }

  const staged = await stageCsv(store, csvPath, sniffed, n.staged, progress('reading'));
  const dataRows = staged.rows + staged.rejects.length - (sniffed.hxl ? 1 : 0);

  if (detected.kind === 'deletions') {
    await checkDeletions(store, file, n.staged, detected.idColumn, detected.timeColumn);
    const report = { ...emptyReport(file, 'acled-deletions', options.dataset ?? 'acled', ''), rowsRead: dataRows };
    return { index, report, staged: n.staged, deletions: detected };
  }

  const layout = detected.layout;
  const dataset = options.dataset ?? layout.dataset;
  const recordSql = await recordNumbers(store, n.rejectPos, staged.rejects.map((r) => r.record));
  await store.run(`CREATE OR REPLACE TEMP VIEW ${n.normalized} AS ${normalizeSql(layout, {
    from: n.staged, row: 'rowid', skipFirstRow: sniffed.hxl, extra, recordSql,
  })}`);

  const problems: Problem[] = [
    ...staged.rejects,
    ...(await store.all(`SELECT _record AS record, _error AS reason FROM ${n.normalized} WHERE _error IS NOT NULL ORDER BY _record`)).map(
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

  const stats = await store.one(`SELECT max(timestamp) AS newest, count(*) FILTER (WHERE civilian_targeting) AS flagged
    FROM ${n.normalized} WHERE _error IS NULL`);
  await finish(store, report, layout, n, stats, options, file);
  return { index, report, staged: n.staged, ready: n.ready };
}

/** Version, the civilian-targeting check and the view of events ready to merge: the same for both paths. */
async function finish(store: Store, report: ImportReport, layout: Layout, n: ReturnType<typeof names>,
  stats: Record<string, unknown>, options: ImportOptions, file: string): Promise<void> {
  // A civilian_targeting column empty in every row says nothing (some samples ship it blank):
  // treat it as absent, so the Violence against civilians rule applies, and say so.
  const blankTargeting = layout.dataset === 'acled' && !!layout.fields.civilian_targeting
    && layout.fields.civilian_targeting !== 'NULL' && Number(stats.flagged) === 0;
  if (blankTargeting) {
    report.warnings.push('the civilian_targeting column is empty in every row: treated as absent (civilian targeting falls back to the Violence against civilians event type)');
  }
  report.version = options.version ?? layout.version ?? exportVersion(stats.newest);
  const prepared = await prepareEvents(store, layout, n.normalized, n.ready, {
    dataset: report.dataset, version: report.version, file: basename(file), dropCivilianTargeting: blankTargeting,
    ...(stats.ids !== undefined ? { counted: { rows: Number(stats.rows), ids: Number(stats.ids) } } : {}),
  });
  report.merged = prepared.merged;
}

async function storeAggregateReport(store: Store, p: Pending): Promise<void> {
  const stored = await storeAggregate(store, p.aggregate!.ready);
  p.report.added = stored.added;
  p.report.deleted = stored.replaced;
  p.report.warnings.push(`aggregated data (one row per ${p.aggregate!.resolution}), stored apart from events: it has no events behind its numbers`);
  if (stored.replaced) p.report.warnings.push(`replaced the ${stored.replaced} stored rows this file covers (same dataset, country and period)`);
  if (stored.unknownCountries.length) p.report.warnings.push(`countries the country table does not know (kept as written, without an ISO code): ${stored.unknownCountries.join(', ')}`);
}

async function logImport(store: Store, r: ImportReport): Promise<void> {
  await store.run(`INSERT INTO imports VALUES (now()::TIMESTAMP, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    r.file, r.layout, r.dataset, r.version, r.rowsRead, r.added, r.updated, r.unchanged, r.stale, r.merged, r.rejected, r.deleted,
  ]);
}

function emptyReport(file: string, layout: string, dataset: string, version: string): ImportReport {
  return { file, layout, dataset, version, rowsRead: 0, added: 0, updated: 0, unchanged: 0, stale: 0, merged: 0, rejected: 0, deleted: 0, warnings: [] };
}

/**
 * SQL for the data record number (1 = first row after the header) of staged row `_row`:
 * its position in the file once the rows the CSV reader rejected are counted back in.
 */
async function recordNumbers(store: Store, table: string, rejected: number[]): Promise<string> {
  if (!rejected.length) return '_row + 1';
  await store.run(`CREATE OR REPLACE TEMP TABLE ${table} (pos BIGINT)`);
  // The i-th rejected record (0-based rank i, record number x) pushes every staged row from x - 1 - i on by one.
  const sorted = [...rejected].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i += 1000) {
    const values = sorted.slice(i, i + 1000).map((x, j) => `(${x - 1 - (i + j)})`).join(',');
    await store.run(`INSERT INTO ${table} VALUES ${values}`);
  }
  return `_row + 1 + (SELECT count(*) FROM ${table} WHERE pos <= _row)`;
}

/** ACLED files carry no version: the date of their newest change names the export. */
function exportVersion(newest: unknown): string {
  if (newest === null || newest === undefined) return 'unversioned';
  return `export ${new Date(Number(newest) * 1000).toISOString().slice(0, 10)}`;
}

function usedColumns(layout: Layout): Set<string> {
  const used = new Set<string>();
  for (const expr of Object.values(layout.fields)) {
    for (const m of (expr ?? '').matchAll(/"((?:[^"]|"")*)"/g)) used.add(m[1]!.replace(/""/g, '"').trim().toLowerCase());
  }
  return used;
}

async function checkDeletions(store: Store, file: string, staged: string, idColumn: string, timeColumn: string): Promise<void> {
  const bad = await store.all(`SELECT rowid AS r, ${idColumn} AS id, ${timeColumn} AS t FROM ${staged}
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
