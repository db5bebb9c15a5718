/**
 * Workbooks and JSON pages become a temporary CSV with one record per row or item, so that
 * they go through the same staging, validation and merge as any CSV.
 */
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { CrisisError } from '../model/errors.js';
import { csvLine } from './csv-text.js';

export interface Converted {
  csvPath: string;
  /** How to name data record k (1-based) of the CSV in the original file. */
  locate: (record: number) => string;
}

function tempCsv(): string {
  return join(mkdtempSync(join(tmpdir(), 'crisismap-')), 'converted.csv');
}

async function writeRows(path: string, rows: Iterable<unknown[]>): Promise<void> {
  const out = createWriteStream(path);
  for (const row of rows) if (!out.write(csvLine(row))) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** The first worksheet; its first row names the columns. Dates become YYYY-MM-DD. */
export async function convertXlsx(path: string): Promise<Converted> {
  // exceljs is large and only workbooks need it: loaded here, not with every import.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new CrisisError(`${path}: cannot read the workbook: ${(error as Error).message}`, ['save it again as .xlsx, or export the sheet as CSV']);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new CrisisError(`${path}: the workbook has no rows`);
  const width = sheet.columnCount;
  const rowNumbers: number[] = [];
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values: unknown[] = [];
    for (let c = 1; c <= width; c++) values.push(cellText(row.getCell(c).value));
    rows.push(values);
    rowNumbers.push(number);
  });
  const csvPath = tempCsv();
  await writeRows(csvPath, rows);
  return { csvPath, locate: (record) => `row ${rowNumbers[record] ?? record + 1}` };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/**
 * A page of an API: UCDP's `{"Result": [...]}`, ACLED's `{"data": [...]}`, or a bare array.
 * Columns are the union of the items' keys, in order of first appearance.
 */
export async function convertJson(path: string): Promise<Converted> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CrisisError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(value)
    ? value
    : ((value as Record<string, unknown>)?.Result ?? (value as Record<string, unknown>)?.data);
  if (!Array.isArray(items)) throw new CrisisError(`${path}: JSON without a list of events`, ['expected a UCDP API page ({"Result": [...]}), an ACLED API page ({"data": [...]}) or an array of objects']);
  if (items.length === 0) throw new CrisisError(`${path}: the JSON page holds no events`);
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new CrisisError(`${path}: every event in the JSON list must be an object`);
    for (const key of Object.keys(item)) if (!seen.has(key)) { seen.add(key); columns.push(key); }
  }
  const csvPath = tempCsv();
  await writeRows(csvPath, [columns, ...items.map((item) => columns.map((c) => (item as Record<string, unknown>)[c]))]);
  return { csvPath, locate: (record) => `item ${record}` };
}
