/** Rows that cannot be read: where they are in the file, and the rejects file that keeps them. */
import { appendFileSync, writeFileSync } from 'node:fs';
import { csvField, readSpan, scanRecords } from './csv-text.js';

export interface Problem {
  record: number;
  reason: string;
}
/** `raw`: the bytes of a line the CSV reader could not split, written to the rejects file as they were. */
export interface Located extends Problem {
  where: string;
  line: number;
  raw?: Buffer;
}

/**
 * The physical line each data record starts on. It needs a scan of the file, as a quoted note
 * may span lines: only done when rows failed, and by the FileReader (read.ts), so that a
 * server's thread answering readers does not scan.
 */
export function recordLines(csvPath: string, records: number[]): number[] {
  const spans = scanRecords(csvPath);
  return records.map((record) => spans[record]?.line ?? record + 1);
}

/** Problems placed on their lines (recordLines, in the same order) and named as the user sees them. */
export function placeProblems(problems: Problem[], lines: number[], locate?: (record: number) => string): Located[] {
  return problems.map((p, i) => ({ ...p, line: lines[i]!, where: locate ? locate(p.record) : String(lines[i]) }));
}

/**
 * Rejected rows, byte for byte as they were, behind two columns: where and why. With those two
 * columns removed (or not: extra columns are allowed) the file can be fixed and imported again.
 */
export function writeRejects(path: string, csvPath: string, rows: Located[], append: boolean): void {
  const spans = scanRecords(csvPath);
  const header = spans[0] ? readSpan(csvPath, spans[0]).toString('utf8') : '';
  const parts: Array<string | Buffer> = append ? [] : [`_line,_reason,${header}\n`];
  for (const row of rows) {
    const span = spans[row.record];
    parts.push(`${csvField(row.where)},${csvField(row.reason)},`);
    if (row.raw) parts.push(row.raw);
    else if (span) parts.push(readSpan(csvPath, span));
    parts.push('\n');
  }
  const data = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
  if (append) appendFileSync(path, data);
  else writeFileSync(path, data);
}
