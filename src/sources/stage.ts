/**
 * DuckDB's own CSV reader, told the columns (all read as text) instead of guessing them,
 * keeping the rows it cannot split (wrong number of fields, an unterminated quote) in a
 * rejects table with their line, instead of failing or dropping them. A file is either
 * streamed straight into the store (clean files) or staged first in a temporary table.
 */
import type { Store } from '../store/store.js';
import { sqlString } from './layout.js';
import type { Sniffed } from './sniff.js';

export interface Staged {
  table: string;
  /** Column names as staged: the header, made unique. */
  columns: string[];
  rows: number;
  /** CSV-level problems: data record number (1 = first row after the header) and reason. */
  rejects: Array<{ record: number; reason: string }>;
}

export type Progress = (fraction: number) => void;

/** The longest record the CSV reader takes; a longer one is rejected with this limit named. */
export const MAX_RECORD_BYTES = 10_000_000;

/** The read_csv(…) call for a file: every column as text, rows that cannot be split kept aside. */
export function csvSource(path: string, sniffed: Sniffed): string {
  const spec = uniqueNames(sniffed.header)
    .map((c) => `${sqlString(c)}: 'VARCHAR'`)
    .join(', ');
  return `read_csv(${sqlString(path)},
      columns = {${spec}}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
      encoding = '${sniffed.encoding}', nullstr = ['', 'NA'], strict_mode = true, null_padding = false,
      store_rejects = true, rejects_table = '_reject_errors', rejects_scan = '_reject_scans', max_line_size = ${MAX_RECORD_BYTES})`;
}

/** Runs a long statement, reporting DuckDB's own progress while it runs. */
export async function withProgress<T>(store: Store, work: () => Promise<T>, onProgress?: Progress): Promise<T> {
  const timer = onProgress
    ? setInterval(() => {
        const p = store.connection.progress;
        if (p.percentage >= 0) onProgress(p.percentage / 100);
      }, 200)
    : undefined;
  try {
    return await work();
  } finally {
    if (timer) clearInterval(timer);
    onProgress?.(1);
  }
}

/** CSV-level problems found by the last read: data record number and reason. */
export async function csvRejects(store: Store): Promise<Array<{ record: number; reason: string }>> {
  const rows = await store.all(
    // A problem with the whole line (too long) has no column: it comes first, not never.
    `SELECT line, arg_min(error_type, coalesce(column_idx, -1)) AS type, arg_min(error_message, coalesce(column_idx, -1)) AS message
     FROM _reject_errors GROUP BY line ORDER BY line`,
  );
  return rows.map((r) => ({ record: Number(r.line) - 1, reason: csvReason(String(r.type), String(r.message)) }));
}

export async function clearRejects(store: Store): Promise<void> {
  await store.run('DROP TABLE IF EXISTS _reject_errors');
  await store.run('DROP TABLE IF EXISTS _reject_scans');
}

export async function stageCsv(store: Store, path: string, sniffed: Sniffed, table: string, onProgress?: Progress): Promise<Staged> {
  await store.run(`DROP TABLE IF EXISTS ${table}`);
  await clearRejects(store);
  // Staged rows keep the file's order: a row's rowid is how its line is found again.
  // Everywhere else order does not matter, and not keeping it makes DuckDB several times faster.
  await store.run('SET preserve_insertion_order = true');
  try {
    await withProgress(store, () => store.run(`CREATE TEMP TABLE ${table} AS SELECT * FROM ${csvSource(path, sniffed)}`), onProgress);
  } finally {
    await store.run('SET preserve_insertion_order = false');
  }
  const rows = Number((await store.one(`SELECT count(*) AS n FROM ${table}`)).n);
  return { table, columns: uniqueNames(sniffed.header), rows, rejects: await csvRejects(store) };
}

function csvReason(type: string, message: string): string {
  const found = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  switch (type) {
    case 'MISSING COLUMNS':
    case 'TOO MANY COLUMNS':
      return fieldCountReason(found ? Number(found[2]) : undefined, found ? Number(found[1]) : undefined, type === 'TOO MANY COLUMNS');
    case 'UNQUOTED VALUE':
      return 'a quote opened but never closed — the file may be truncated';
    case 'LINE SIZE OVER MAXIMUM':
      return `the row is longer than ${MAX_RECORD_BYTES.toLocaleString('en-US')} bytes, the most one row may hold`;
    case 'INVALID ENCODING':
    case 'INVALID UNICODE':
      return "text that is not valid in the file's encoding";
    default:
      return type && type !== 'null' ? `${type.toLowerCase()}: ${message}` : 'the CSV reader could not split this row';
  }
}

/** A row whose number of fields differs from the header's (`found` unknown when the reader does not say). */
export function fieldCountReason(found: number | undefined, width: number | undefined, more = (found ?? 0) > (width ?? 0)): string {
  return more
    ? `more fields than the header's ${width ?? ''} — an unquoted comma, or a shifted row`
    : `${found ?? 'too few'} fields where the header has ${width ?? 'more'} — a cut-off or shifted row`;
}

/** DuckDB needs distinct column names; R's leading row-index column is often unnamed. */
export function uniqueNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((name, i) => {
    let base = name.trim() || `column${i}`;
    const key = base.toLowerCase();
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    if (n > 0) base = `${base}_${n + 1}`;
    return base;
  });
}
