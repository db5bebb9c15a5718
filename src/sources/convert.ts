/**
 * Workbooks and JSON pages become a temporary CSV with one record per row or item, so that
 * they go through the same staging, validation and merge as any CSV.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { CrisisError } from '../model/errors.js';
import { csvLine } from './csv-text.js';
import { chooseDataSheet, PREVIEW_ROWS } from './layouts/sheets.js';
import { readFirstSheet, type WorkbookLimits } from './workbook.js';

/**
 * How data record k (1-based; 0 is the header) of a converted CSV is named in the original: its
 * sheet row, JSON item or GeoJSON feature. Plain data rather than a function, so that it can
 * come back from the worker thread that converted the file (read-worker.ts).
 */
export type Places = { unit: 'row'; rows: Uint32Array } | { unit: 'item' } | { unit: 'feature' };

export function placeOf(places: Places, record: number): string {
  if (places.unit === 'row') return `row ${places.rows[record] ?? record + 1}`;
  return `${places.unit} ${record}`;
}

async function writeRows(path: string, rows: Iterable<unknown[]>): Promise<void> {
  const out = createWriteStream(path);
  for (const row of rows) if (!out.write(csvLine(row))) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/**
 * The data worksheet (the first, unless a terms-of-use sheet comes first), streamed; its first row names the columns. Dates become YYYY-MM-DD.
 * Rows are padded to the header's width (a sheet leaves trailing empty cells out).
 */
export async function convertXlsx(path: string, csvPath: string, name = path, limits: WorkbookLimits = {}): Promise<Places> {
  const out = createWriteStream(csvPath);
  const rowNumbers: number[] = [];
  let width = 0;
  await readFirstSheet(
    path,
    name,
    async (cells, number) => {
      if (!rowNumbers.length) width = cells.length;
      while (cells.length < width) cells.push('');
      rowNumbers.push(number);
      if (!out.write(csvLine(cells))) await once(out, 'drain');
    },
    limits,
    { rows: PREVIEW_ROWS, pick: chooseDataSheet },
  );
  out.end();
  await once(out, 'finish');
  if (!rowNumbers.length) throw new CrisisError(`${name}: the workbook has no rows`);
  // Record k (0 = header) is sheet row rowNumbers[k].
  return { unit: 'row', rows: Uint32Array.from(rowNumbers) };
}

/**
 * A page of an API: UCDP's `{"Result": [...]}`, ACLED's `{"data": [...]}`, a bare array, or a
 * GeoJSON FeatureCollection (UCDP GED is published as one: each feature's properties are GED's
 * columns, its Point geometry the event's place). Columns are the union of the items' keys,
 * in order of first appearance.
 */
export async function convertJson(path: string, csvPath: string, name = path): Promise<Places> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CrisisError(`${name}: not valid JSON: ${(error as Error).message}`);
  }
  if ((value as Record<string, unknown>)?.type === 'FeatureCollection') return convertFeatures(value as FeatureCollection, csvPath, name);
  const items = Array.isArray(value) ? value : ((value as Record<string, unknown>)?.Result ?? (value as Record<string, unknown>)?.data);
  if (!Array.isArray(items))
    throw new CrisisError(`${name}: JSON without a list of events`, ['expected a UCDP API page ({"Result": [...]}), an ACLED API page ({"data": [...]}) or an array of objects']);
  if (items.length === 0) throw new CrisisError(`${name}: the JSON page holds no events`);
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new CrisisError(`${name}: every event in the JSON list must be an object`);
    for (const key of Object.keys(item))
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
  }
  await writeRows(csvPath, [columns, ...items.map((item) => columns.map((c) => (item as Record<string, unknown>)[c]))]);
  return { unit: 'item' };
}

interface FeatureCollection {
  features?: unknown;
}

/** Features as rows: their properties, with longitude and latitude from a Point geometry where the properties lack them. */
async function convertFeatures(collection: FeatureCollection, csvPath: string, name: string): Promise<Places> {
  const features = collection.features;
  if (!Array.isArray(features) || features.length === 0) throw new CrisisError(`${name}: the GeoJSON FeatureCollection holds no features`);
  const columns: string[] = [];
  const seen = new Set<string>();
  const rows = features.map((feature, i) => {
    const f = feature as { properties?: Record<string, unknown> | null; geometry?: { type?: string; coordinates?: unknown } | null };
    if (typeof f !== 'object' || f === null) throw new CrisisError(`${name}: feature ${i + 1} is not an object`);
    const row: Record<string, unknown> = { ...(f.properties ?? {}) };
    const point = f.geometry?.type === 'Point' && Array.isArray(f.geometry.coordinates) ? f.geometry.coordinates : undefined;
    if (point) {
      if (row.longitude === undefined || row.longitude === null || row.longitude === '') row.longitude = point[0];
      if (row.latitude === undefined || row.latitude === null || row.latitude === '') row.latitude = point[1];
    }
    for (const key of Object.keys(row))
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    return row;
  });
  await writeRows(csvPath, [columns, ...rows.map((row) => columns.map((c) => row[c]))]);
  return { unit: 'feature' };
}
