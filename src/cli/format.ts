/** Plain-text tables for the terminal, and the CSV and JSON every command can print instead. */
import { AsyncLocalStorage } from 'node:async_hooks';
import { wordDeep } from '../model/param.js';
import { thousands } from '../model/thousands.js';
import { CLI_NAMES } from './wording.js';
import { csvExportLine } from '../sources/csv-text.js';

// Codes and years read wrong with thousands separators ("2,022").
const CODES = /^(year|iso|timestamp|interaction|inter\d|time_precision|geo_precision|violence_type)$/;

export function formatNumber(value: unknown, column = ''): string {
  if (typeof value === 'number') return CODES.test(column) ? String(value) : thousands(value);
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

/** Terminal width when stdout is not a terminal (a file, a pipe into less): a wide window. */
export const DEFAULT_TABLE_WIDTH = 120;
// A text column is never squeezed narrower than this to fit the width; its cells wrap instead.
const NARROWEST = 8;

const tableWidth = new AsyncLocalStorage<number | undefined>();

/** Runs `work` with tables fitted to `width` columns (the terminal's; default DEFAULT_TABLE_WIDTH). */
export function withTableWidth<T>(width: number | undefined, work: () => Promise<T>): Promise<T> {
  return tableWidth.run(width, work);
}

/**
 * Columns padded to their widest cell; numbers right-aligned with thousands separators.
 * Text wider than `maxWidth`, or than the terminal leaves room for, wraps onto further lines
 * within its column: nothing is cut off, and no line is wider than the terminal.
 */
export function table(columns: string[], rows: Array<Record<string, unknown>>, footer: Array<Record<string, unknown>> = [], maxWidth = 60): string {
  const limit = tableWidth.getStore() ?? DEFAULT_TABLE_WIDTH;
  const cells = [...rows, ...footer].map((r) => columns.map((c) => formatNumber(r[c], c).replace(/\s+/g, ' ').trim()));
  const numeric = columns.map((c) => rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number'));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  columns.forEach((_c, i) => {
    if (!numeric[i]) widths[i] = Math.min(widths[i]!, Math.max(maxWidth, NARROWEST));
  });
  // Squeeze the widest text column, one character at a time, until the table fits: first those
  // whose text wraps between words, and only then ids and dates, which read badly broken.
  const total = () => widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
  const words = columns.map((_c, i) => cells.some((row) => row[i]!.includes(' ')));
  for (const squeezable of [(i: number) => !numeric[i] && words[i], (i: number) => !numeric[i]]) {
    while (total() > limit) {
      let widest = -1;
      widths.forEach((w, i) => {
        if (squeezable(i) && w > NARROWEST && (widest < 0 || w > widths[widest]!)) widest = i;
      });
      if (widest < 0) break;
      widths[widest]!--;
    }
  }
  const line = (values: string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const lines = (values: string[]) => {
    const wrapped = values.map((v, i) => (numeric[i] ? [v] : wrap(v, widths[i]!)));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, k) => line(wrapped.map((w) => w[k] ?? '')));
  };
  const rule = line(widths.map((w) => '-'.repeat(w)));
  const out = [...lines(columns), rule];
  cells.forEach((row, i) => {
    if (i === rows.length && footer.length) out.push(rule);
    out.push(...lines(row));
  });
  return out.join('\n') + '\n';
}

/** Words onto lines of at most `width` characters; a word longer than a line is split. */
function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const out: string[] = [];
  let current = '';
  for (let word of text.split(' ')) {
    while (word.length > width) {
      if (current) {
        out.push(current);
        current = '';
      }
      out.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!current) current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      out.push(current);
      current = word;
    }
  }
  if (current) out.push(current);
  return out;
}

export function csv(columns: string[], rows: Array<Record<string, unknown>>): string {
  return csvExportLine(columns) + rows.map((r) => csvExportLine(columns.map((c) => r[c]))).join('');
}

export function json(value: unknown): string {
  // Parameters named in caveats and notes, as the command line names them (before quoting: they may hold quotes).
  return JSON.stringify(wordDeep(value, CLI_NAMES), null, 2) + '\n';
}
