/**
 * Reads a CSV file into a temporary all-text table with DuckDB's own reader (the fast path),
 * keeping the rows it cannot split (wrong number of fields, an unterminated quote) in a
 * rejects table with their line, instead of failing or dropping them.
 */
import type { Store } from '../store/store.js';
import { quoteIdent, sqlString } from './layout.js';
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

export async function stageCsv(store: Store, path: string, sniffed: Sniffed, onProgress?: Progress): Promise<Staged> {
  const columns = uniqueNames(sniffed.header);
  const spec = columns.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ');
  await store.run('DROP TABLE IF EXISTS _staged');
  await store.run('DROP TABLE IF EXISTS _reject_errors');
  await store.run('DROP TABLE IF EXISTS _reject_scans');
  const sql = `CREATE TEMP TABLE _staged AS SELECT * FROM read_csv(${sqlString(path)},
      columns = {${spec}}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
      encoding = '${sniffed.encoding}', nullstr = ['', 'NA'], strict_mode = true, null_padding = false,
      store_rejects = true, rejects_table = '_reject_errors', rejects_scan = '_reject_scans', max_line_size = 10000000)`;
  const timer = onProgress ? setInterval(() => {
    const p = store.connection.progress;
    if (p.percentage >= 0) onProgress(p.percentage / 100);
  }, 200) : undefined;
  try {
    await store.run(sql);
  } finally {
    if (timer) clearInterval(timer);
  }
  onProgress?.(1);
  const rows = Number((await store.one('SELECT count(*) AS n FROM _staged')).n);
  const rejectRows = await store.all(
    `SELECT line, arg_min(error_type, column_idx) AS type, arg_min(error_message, column_idx) AS message
     FROM _reject_errors GROUP BY line ORDER BY line`);
  const rejects = rejectRows.map((r) => ({ record: Number(r.line) - 1, reason: csvReason(String(r.type), String(r.message)) }));
  return { table: '_staged', columns, rows, rejects };
}

function csvReason(type: string, message: string): string {
  const found = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  switch (type) {
    case 'MISSING COLUMNS':
      return `${found?.[2] ?? 'too few'} fields where the header has ${found?.[1] ?? 'more'} — a cut-off or shifted row`;
    case 'TOO MANY COLUMNS':
      return `more fields than the header's ${found?.[1] ?? ''} — an unquoted comma, or a shifted row`;
    case 'UNQUOTED VALUE':
      return 'a quote opened but never closed — the file may be truncated';
    case 'INVALID ENCODING':
    case 'INVALID UNICODE':
      return 'text that is not valid in the file\'s encoding';
    default:
      return `${type.toLowerCase()}: ${message}`;
  }
}

/** DuckDB needs distinct column names; R's leading row-index column is often unnamed. */
function uniqueNames(header: string[]): string[] {
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

export { quoteIdent };
