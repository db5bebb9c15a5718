/** Plain-text tables for the terminal, and the CSV and JSON every command can print instead. */
import { wordDeep } from '../model/param.js';
import { CLI_NAMES } from './wording.js';
import { csvExportLine } from '../sources/csv-text.js';

// Codes and years read wrong with thousands separators ("2,022").
const CODES = /^(year|iso|timestamp|interaction|inter\d|time_precision|geo_precision|violence_type)$/;

export function formatNumber(value: unknown, column = ''): string {
  if (typeof value === 'number') return CODES.test(column) ? String(value) : value.toLocaleString('en-US');
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

/** Columns padded to their widest cell; numbers right-aligned with thousands separators. */
export function table(columns: string[], rows: Array<Record<string, unknown>>, footer: Array<Record<string, unknown>> = [], maxWidth = 60): string {
  const cells = [...rows, ...footer].map((r) => columns.map((c) => clip(formatNumber(r[c], c), maxWidth)));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const numeric = columns.map((c) => rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number'));
  const line = (values: string[]) => values.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [line(columns), line(widths.map((w) => '-'.repeat(w)))];
  cells.forEach((row, i) => {
    if (i === rows.length && footer.length) out.push(line(widths.map((w) => '-'.repeat(w))));
    out.push(line(row));
  });
  return out.join('\n') + '\n';
}

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? flat.slice(0, width - 1) + '…' : flat;
}

export function csv(columns: string[], rows: Array<Record<string, unknown>>): string {
  return csvExportLine(columns) + rows.map((r) => csvExportLine(columns.map((c) => r[c]))).join('');
}

export function json(value: unknown): string {
  // Parameters named in caveats and notes, as the command line names them (before quoting: they may hold quotes).
  return JSON.stringify(wordDeep(value, CLI_NAMES), null, 2) + '\n';
}
