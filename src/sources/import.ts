/**
 * Importing files into the store, in five steps:
 *   0. unpack     a zip archive becomes the data files inside it             read.ts, archive.ts
 *   1. sniff      what the file is (CSV, XLSX, JSON, GeoJSON; encoding; HXL)  read.ts, sniff.ts, encoding.ts, convert.ts, workbook.ts
 *   2. detect     its layout, from the header                                detect.ts, layouts/
 *   3. stage      DuckDB reads it as text; unsplittable rows are kept aside  stage.ts, recover.ts
 *   4. normalize  typed event rows, a reason for every unreadable one        normalize.ts, date-order.ts
 *   5. merge      one transaction: add, update by id (newer timestamp wins)  merge.ts
 * Any unreadable row fails the whole import (nothing changes) unless skipInvalid is set,
 * in which case it goes, unchanged and with its reason, to a rejects file.
 * Steps 0 and 1, and splitting a damaged CSV again, run JavaScript over every byte: with the
 * `worker` option they run in a worker thread with a memory cap (read-off-thread.ts); steps
 * 2–5 are DuckDB's work, on its own threads either way.
 */
import { basename } from 'node:path';
import { CrisisError } from '../model/errors.js';
import { ParamError, ref, refOf } from '../model/param.js';
import type { Store } from '../store/store.js';
import { placeOf } from './convert.js';
import { decideDateOrder, describeDateOrder, findDateEvidence, type DateOrderProof } from './date-order.js';
import type { DateOrder } from './dates.js';
import { detectLayout } from './detect.js';
import { readAggregate, storeAggregate } from './aggregates.js';
import { detectAggregate } from './layouts/aggregated.js';
import { Columns, sqlString, type Layout } from './layout.js';
import type { Mapping } from './layouts/mapping.js';
import { mergeEvents, prepareEvents } from './merge.js';
import { normalizeSql } from './normalize.js';
import { DATASET_NAME, IMPORT_PARAMS, NOTHING_IMPORTED } from './params.js';
import { placeProblems, type Located, type Problem } from './problems.js';
import type { TextScan } from './encoding.js';
import { readInThisThread, type FileReader, type Input } from './read.js';
import { readInWorker } from './read-off-thread.js';
import { Scratch } from './scratch.js';
import { clearRejects, csvRejects, csvSource, MAX_RECORD_BYTES, stageCsv, uniqueNames, withProgress, type Progress } from './stage.js';

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
  /** Order of day and month in dates written with slashes, when the file cannot prove it (default: the mapping's). */
  dateOrder?: DateOrder;
  /** The most an archive or workbook may unpack to (zip-bomb defence). */
  maxUnpackedMb?: number;
  /**
   * Read the files (unpack, scan, convert, split again: read.ts) in a worker thread whose heap
   * may grow to `memoryMb`, so that this thread stays free for other work (the server's readers).
   * A file that needs more fails with an ImportMemoryError, and nothing is imported.
   */
  worker?: { memoryMb: number };
  /**
   * Files whose bytes the caller wrote and scanned as it wrote them (a sync's staged pages), by
   * path: their encoding, line ends and control characters are taken from here, not read again.
   */
  scanned?: Record<string, TextScan>;
}

export interface ImportReport {
  /** The file as named in messages; a member of a zip archive is "archive.zip/member.csv". */
  file: string;
  layout: string;
  /** Text encoding the file was read in: utf-8, latin-1, windows-1252 or mixed (…). */
  encoding: string;
  /** How dates with slashes were read, and which line proved it. */
  dateOrder?: string;
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
  // Both in the store's write turn: an import and a sync in one server never land at once.
  return store.exclusive(async () => {
    const prepared = await prepareImport(store, files, options);
    try {
      // An upload whose events are all stored already only logs itself: the caches of the
      // store's values stay valid (Store.contentGeneration).
      return await store.transaction(
        () => prepared.apply(),
        (reports) => reports.some((r) => r.added > 0 || r.updated > 0 || r.deleted > 0),
      );
    } finally {
      await prepared.dispose();
    }
  });
}

/** Files read and checked, ready to land: apply() inside the caller's transaction, then dispose(). */
export interface PreparedImport {
  apply(): Promise<ImportReport[]>;
  dispose(): Promise<void>;
}

/** Steps 1–4 for every file; apply() is step 5. A sync uses it to land its pages with other writes in one transaction. */
export async function prepareImport(store: Store, files: string[], options: ImportOptions = {}): Promise<PreparedImport> {
  if (store.readOnly) throw new CrisisError('the store is open read-only; cannot import');
  if (options.dataset !== undefined && !DATASET_NAME.test(options.dataset))
    throw new ParamError(refOf(IMPORT_PARAMS.dataset), options.dataset, { kind: 'other', text: 'may hold only letters, digits, . _ and -, and starts with a letter or digit' }, [
      `e.g. ${ref(IMPORT_PARAMS.dataset, 'acled-2016')}`,
    ]);
  const pending: Pending[] = [];
  const rejectsWritten = new Set<string>();
  const scratch = new Scratch();
  const limits = options.maxUnpackedMb !== undefined ? { maxUnpackedBytes: options.maxUnpackedMb * 2 ** 20 } : {};
  const reader = options.worker ? readInWorker(scratch, options.worker.memoryMb, limits) : readInThisThread(scratch, limits);
  const dispose = async () => {
    await reader.close();
    for (const p of pending) await dropTemporaries(store, p.index);
    scratch.remove();
  };
  try {
    const inputs: Input[] = [];
    for (const file of files) inputs.push(...(await asCrisisError(file, () => reader.unpack(file))));
    for (const input of inputs) {
      const scan = options.scanned?.[input.path];
      if (scan) input.scan = scan;
    }
    for (const [i, input] of inputs.entries()) {
      pending.push(await asCrisisError(input.name, () => readFile(store, reader, input, options, rejectsWritten, i)));
    }
    // Every file is read: the worker's memory goes back before the store changes.
    await reader.close();
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    dispose,
    apply: () =>
      asCrisisError(
        'the store',
        async () => {
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
        3,
      ),
  };
}

/**
 * Every failure of an import is the user's to read: an error that is not already worded for
 * them (DuckDB, the file system) is named with the file it happened on, never "unexpected".
 */
async function asCrisisError<T>(name: string, work: () => Promise<T>, exitCode = 2): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CrisisError) throw error;
    throw new CrisisError(
      `${name}: cannot be imported: ${(error as Error)?.message ?? String(error)}`,
      ['nothing was imported; if the file looks right to you, please report this message with the file'],
      exitCode,
    );
  }
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
  for (const sql of [
    `DROP TABLE IF EXISTS _agg_ready_${i}`,
    `DROP TABLE IF EXISTS _agg_typed_${i}`,
    `DROP VIEW IF EXISTS ${n.ready}`,
    `DROP VIEW IF EXISTS ${n.normalized}`,
    `DROP TABLE IF EXISTS ${n.rejectPos}`,
    `DROP TABLE IF EXISTS ${n.staged}`,
  ]) {
    await store.run(sql).catch(() => undefined);
  }
}

async function readFile(store: Store, reader: FileReader, input: Input, options: ImportOptions, rejectsWritten: Set<string>, index: number): Promise<Pending> {
  const n = names(index);
  const file = input.name;
  const { csvPath: originalCsv, sniffed, places, encoding, controls, unusualSpaces, newlines } = await reader.readable(input);
  let csvPath = originalCsv;
  const originalLocate = places ? (record: number) => placeOf(places, record) : undefined;
  let locate = originalLocate;
  const progress = (step: string): Progress | undefined => (options.onProgress ? (f) => options.onProgress!(`${step} ${file}`, f) : undefined);
  const columns = new Columns(uniqueNames(sniffed.header));
  const aggregate = detectAggregate(columns, basename(file), options.dataset);
  if (aggregate) {
    const staged = await stageCsv(store, csvPath, sniffed, n.staged, progress('reading'));
    const read = await readAggregate(
      store,
      file,
      csvPath,
      n.staged,
      aggregate,
      { skipInvalid: options.skipInvalid, rejectsPath: options.rejectsPath, version: options.version, shown: PROBLEMS_SHOWN },
      rejectsWritten,
      locate,
      index,
      reader,
    );
    const report = { ...emptyReport(file, aggregate.name, aggregate.dataset, read.version, encoding), rowsRead: read.rowsRead + staged.rejects.length, rejected: read.rejected };
    if (read.rejectsFile) report.rejectsFile = read.rejectsFile;
    if (staged.rejects.length)
      throw new CrisisError(
        `${file}: ${staged.rejects.length} rows cannot be split into columns`,
        staged.rejects.slice(0, PROBLEMS_SHOWN).map((r) => `${file}:${locate ? locate(r.record) : `line ${r.record + 1}`}: ${r.reason}`),
      );
    return { index, report, staged: n.staged, aggregate: { ready: read.ready, resolution: aggregate.resolution } };
  }
  const detected = detectLayout(columns, basename(file), options.mapping);
  const extra = detected.kind === 'events' ? columns.unused(usedColumns(detected.layout)) : [];
  const dateOrder = options.dateOrder ?? options.mapping?.dateOrder;

  // Fast path: a clean file streams from the CSV reader straight into the store, read twice
  // (check, then insert) but never copied. Row order matters only to place problems on lines,
  // to fold monadic rows, to number identical rows and to report cleaned values (control
  // characters, a year column that disagrees), so those files take the staged path. So does a
  // file whose dates need their order decided (it fails the check), or read in an order the
  // user gave (the report says whether any date was read in it).
  if (detected.kind === 'events' && !sniffed.hxl && !detected.layout.monadic && !detected.layout.deriveIds && !dateOrder && !controls) {
    const layout = detected.layout;
    await clearRejects(store);
    await store.run(
      `CREATE OR REPLACE TEMP VIEW ${n.normalized} AS ${normalizeSql(layout, {
        from: csvSource(csvPath, sniffed),
        row: 'NULL::BIGINT',
        skipFirstRow: false,
        extra,
        recordSql: 'NULL::BIGINT',
        asciiSpaces: !unusualSpaces,
      })}`,
    );
    const check = await withProgress(
      store,
      () =>
        store.one(`SELECT count(*) AS rows, count(*) FILTER (WHERE _error IS NOT NULL) AS bad,
        count(DISTINCT source_id) FILTER (WHERE _error IS NULL) AS ids, ${STATS} FROM ${n.normalized}`),
      progress('checking'),
    );
    const rejected = await csvRejects(store);
    // More line ends than records: a value spans lines, which outside notes is cleaned and reported.
    const multiline = newlines > Number(check.rows) + 1;
    const clean = Number(check.bad) === 0 && !multiline && Number(check.year_notes) === 0;
    if (clean && rejected.length === 0 && Number(check.ids) === Number(check.rows)) {
      const report = emptyReport(file, layout.name, options.dataset ?? layout.dataset, '', encoding);
      report.rowsRead = Number(check.rows);
      if (report.rowsRead === 0) throw noRows(file);
      await finish(store, report, layout, n, check, options, file);
      return { index, report, staged: n.staged, ready: n.ready };
    }
  }

  let staged = await stageCsv(store, csvPath, sniffed, n.staged, progress('reading'));
  // Rows the reader could not split: split the file again, strictly, so that no line is lost or doubled.
  let recovered: Located[] = [];
  if (staged.rejects.length) {
    const split = await reader.recover(csvPath, MAX_RECORD_BYTES);
    const where = (o: { line: number; record: number }) => (originalLocate ? originalLocate(o.record) : String(o.line));
    recovered = split.bad.map((b) => ({ record: -1, reason: b.reason, line: b.line, where: where(b), raw: b.raw }));
    csvPath = split.csvPath;
    locate = (record) => (split.origin[record - 1] ? where(split.origin[record - 1]!) : `record ${record}`);
    staged = await stageCsv(store, csvPath, sniffed, n.staged, progress('reading'));
  }
  const dataRows = staged.rows + staged.rejects.length + recovered.length - (sniffed.hxl ? 1 : 0);
  if (dataRows <= 0) throw noRows(file);

  if (detected.kind === 'deletions') {
    if (recovered.length)
      throw new CrisisError(
        `${file}: deletions file with unreadable rows`,
        recovered.slice(0, PROBLEMS_SHOWN).map((r) => `${file}:${r.where}: ${r.reason}`),
      );
    await checkDeletions(store, file, n.staged, detected.idColumn, detected.timeColumn);
    const report = { ...emptyReport(file, 'acled-deletions', options.dataset ?? 'acled', '', encoding), rowsRead: dataRows };
    return { index, report, staged: n.staged, deletions: detected };
  }

  const layout = detected.layout;
  const dataset = options.dataset ?? layout.dataset;
  const recordSql = await recordNumbers(
    store,
    n.rejectPos,
    staged.rejects.map((r) => r.record),
  );
  // Lines are found only when needed (a scan of the file, by the reader: off this thread when it
  // has its own): to name a row in a message, or to place the rows that failed.
  const lines = new Map<number, number>();
  const findLines = async (records: number[]) => {
    const missing = [...new Set(records)].filter((r) => !lines.has(r));
    if (!missing.length) return;
    const found = await reader.lines(csvPath, missing);
    for (const [i, r] of missing.entries()) lines.set(r, found[i]!);
  };
  // Named only after findLines: decideDateOrder and the warnings below ask for records found first.
  const where = (record: number) => `${file}:${locate ? locate(record) : String(lines.get(record) ?? record + 1)}`;
  const evidence = await findDateEvidence(store, layout, n.staged, recordSql);
  if (!locate) await findLines([evidence.dmy, evidence.mdy, evidence.example].flatMap((e) => (e ? [e.record] : [])));
  let proof: DateOrderProof | undefined;
  try {
    proof = decideDateOrder(evidence, dateOrder, where);
  } catch (error) {
    if (error instanceof CrisisError) throw new CrisisError(`${file}: ${error.message}`, error.details);
    throw error;
  }
  const report = emptyReport(file, layout.name, dataset, '', encoding);
  if (proof) report.dateOrder = describeDateOrder(proof, where);
  await store.run(
    `CREATE OR REPLACE TEMP VIEW ${n.normalized} AS ${normalizeSql(layout, {
      from: n.staged,
      row: 'rowid',
      skipFirstRow: sniffed.hxl,
      extra,
      recordSql,
      ...(proof ? { dateOrder: proof.order } : {}),
      controls: true,
    })}`,
  );

  const problems: Problem[] = [
    ...staged.rejects,
    ...(await store.all(`SELECT _record AS record, _error AS reason FROM ${n.normalized} WHERE _error IS NOT NULL ORDER BY _record`)).map((r) => ({
      record: Number(r.record),
      reason: String(r.reason),
    })),
  ].sort((a, b) => a.record - b.record);

  report.rowsRead = dataRows;
  if (problems.length || recovered.length) {
    await findLines(problems.map((p) => p.record));
    const placed = placeProblems(
      problems,
      problems.map((p) => lines.get(p.record)!),
      locate,
    );
    const located = [...placed, ...recovered].sort((a, b) => a.line - b.line);
    if (!options.skipInvalid) {
      const shown = located.slice(0, PROBLEMS_SHOWN).map((p) => `${file}:${p.where}: ${p.reason}`);
      if (located.length > PROBLEMS_SHOWN) shown.push(`… and ${located.length - PROBLEMS_SHOWN} more`);
      shown.push(NOTHING_IMPORTED);
      throw new CrisisError(`${file}: ${located.length} row${located.length === 1 ? '' : 's'} cannot be read`, shown);
    }
    if (located.length >= dataRows) throw nothingReadable(file, located);
    report.rejectsFile = options.rejectsPath ?? input.rejectsPath;
    // Several input files may share one --rejects file: the first writes it, the others append.
    await reader.writeRejects(report.rejectsFile, csvPath, located, rejectsWritten.has(report.rejectsFile));
    rejectsWritten.add(report.rejectsFile);
    report.rejected = located.length;
  }

  const stats = await store.one(`SELECT ${STATS} FROM ${n.normalized} WHERE _error IS NULL`);
  if (Number(stats.year_notes) > 0) {
    const first = await store.one(`SELECT arg_min(_record, _record) AS record, arg_min(_year, _record) AS note FROM ${n.normalized} WHERE _error IS NULL AND _year IS NOT NULL`);
    if (!locate) await findLines([Number(first.record)]);
    report.warnings.push(
      `the year column disagrees with the date in ${Number(stats.year_notes)} row${Number(stats.year_notes) === 1 ? '' : 's'}, which keep their date; the first is ${where(Number(first.record))}: ${first.note}`,
    );
  }
  if (Number(stats.dirty) > 0) {
    const first = await store.one(`SELECT arg_min(_record, _record) AS record, arg_min(_controls, _record) AS fields FROM ${n.normalized} WHERE _error IS NULL AND _controls IS NOT NULL`);
    if (!locate) await findLines([Number(first.record)]);
    const rows = Number(stats.dirty);
    report.warnings.push(
      `control characters removed (tabs and line breaks made spaces, except in notes) in ${rows} row${rows === 1 ? '' : 's'}; the first is ${where(Number(first.record))} (${first.fields})`,
    );
  }
  await finish(store, report, layout, n, stats, options, file);
  return { index, report, staged: n.staged, ready: n.ready };
}

/**
 * Figures taken while the rows are read anyway: the newest change, civilian targeting flags, the
 * event types, rows whose year column disagrees with their date, rows with control characters.
 */
const STATS = `max(timestamp) FILTER (WHERE _error IS NULL) AS newest, count(*) FILTER (WHERE _error IS NULL AND civilian_targeting) AS flagged,
  histogram(event_type) FILTER (WHERE _error IS NULL AND event_type IS NOT NULL) AS types,
  count(*) FILTER (WHERE _error IS NULL AND _year IS NOT NULL) AS year_notes, count(*) FILTER (WHERE _controls IS NOT NULL) AS dirty`;

function noRows(file: string): CrisisError {
  return new CrisisError(`${file}: the file has no rows, only a header`, ['nothing was imported']);
}

/** Every row was rejected: the run fails, naming the reason most rows share. */
function nothingReadable(file: string, located: Located[]): CrisisError {
  const byReason = new Map<string, Located[]>();
  // Reasons quote the values; rows that fail for the same reason differ only in those.
  for (const p of located) {
    const key = p.reason.replace(/"[^"]*"/g, '"…"');
    byReason.set(key, [...(byReason.get(key) ?? []), p]);
  }
  const [reason, rows] = [...byReason.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
  return new CrisisError(`${file}: none of its ${located.length} rows can be read, so nothing was imported`, [
    `most common reason (${rows.length} row${rows.length === 1 ? '' : 's'}): ${reason}`,
    ...rows.slice(0, 3).map((p) => `${file}:${p.where}: ${p.reason}`),
  ]);
}

/** Version, the civilian-targeting check and the view of events ready to merge: the same for both paths. */
async function finish(store: Store, report: ImportReport, layout: Layout, n: ReturnType<typeof names>, stats: Record<string, unknown>, options: ImportOptions, file: string): Promise<void> {
  // A civilian_targeting column empty in every row says nothing (some samples ship it blank):
  // treat it as absent, so the Violence against civilians rule applies, and say so.
  const blankTargeting = layout.dataset === 'acled' && !!layout.fields.civilian_targeting && layout.fields.civilian_targeting !== 'NULL' && Number(stats.flagged) === 0;
  if (blankTargeting) {
    report.warnings.push('the civilian_targeting column is empty in every row: treated as absent (civilian targeting falls back to the Violence against civilians event type)');
  }
  // DuckDB's histogram is a MAP, which arrives as a list of {key, value}.
  const unknown = ((stats.types ?? []) as Array<{ key: string; value: unknown }>)
    .map((e) => [e.key, e.value] as const)
    .filter(([type]) => layout.eventTypes && !layout.eventTypes.includes(type))
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  if (unknown.length) {
    report.warnings.push(`event types the ${layout.name} layout does not know, kept as written: ${unknown.map(([t, c]) => `"${t}" (${Number(c)} row${Number(c) === 1 ? '' : 's'})`).join(', ')}`);
  }
  report.version = options.version ?? layout.version ?? exportVersion(stats.newest);
  const prepared = await prepareEvents(store, layout, n.normalized, n.ready, {
    dataset: report.dataset,
    version: report.version,
    file: basename(file),
    dropCivilianTargeting: blankTargeting,
    // Only the fast path's check counts ids, and only a file without a bad row gets here from it.
    ...(stats.ids !== undefined ? { checked: { rows: Number(stats.rows), ids: Number(stats.ids) } } : {}),
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
    r.file,
    r.layout,
    r.dataset,
    r.version,
    r.rowsRead,
    r.added,
    r.updated,
    r.unchanged,
    r.stale,
    r.merged,
    r.rejected,
    r.deleted,
  ]);
}

function emptyReport(file: string, layout: string, dataset: string, version: string, encoding: string): ImportReport {
  return { file, layout, encoding, dataset, version, rowsRead: 0, added: 0, updated: 0, unchanged: 0, stale: 0, merged: 0, rejected: 0, deleted: 0, warnings: [] };
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
    const values = sorted
      .slice(i, i + 1000)
      .map((x, j) => `(${x - 1 - (i + j)})`)
      .join(',');
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
  for (const column of layout.keepInExtra ?? []) used.delete(column.toLowerCase());
  return used;
}

async function checkDeletions(store: Store, file: string, staged: string, idColumn: string, timeColumn: string): Promise<void> {
  const bad = await store.all(`SELECT rowid AS r, ${idColumn} AS id, ${timeColumn} AS t FROM ${staged}
    WHERE ${idColumn} IS NULL OR try_cast(${timeColumn} AS BIGINT) IS NULL ORDER BY rowid LIMIT ${PROBLEMS_SHOWN}`);
  if (bad.length) {
    throw new CrisisError(
      `${file}: deletions file with unreadable rows`,
      bad.map((b) => `${file}:${Number(b.r) + 2}: ${b.id === null ? 'no event_id_cnty' : `deleted_timestamp "${b.t ?? ''}" is not unix seconds`}`),
    );
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
