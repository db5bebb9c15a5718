/**
 * Writing a figure to a file, in the format its extension names: .svg, .png (2×), .vl.json
 * (the Vega-Lite spec with its data, to restyle), .csv (the data behind it) and, for maps,
 * .geojson (the areas and places with their values, and the names that matched nothing).
 */
import { writeFileSync } from 'node:fs';
import { csvExportLine } from '../sources/csv-text.js';
import { CrisisError } from '../model/errors.js';
import { visibleControls } from '../model/html.js';
import type { MapFigure } from './map.js';
import { mapGeoJson } from './geojson.js';
import { svgToPng } from './png.js';
import { chartSpec, chartSvg, type Chart, type Table } from './spec.js';

export type Format = 'svg' | 'png' | 'vl.json' | 'csv' | 'geojson';
export const CHART_FORMATS: Format[] = ['svg', 'png', 'vl.json', 'csv'];
export const MAP_FORMATS: Format[] = ['svg', 'png', 'geojson', 'csv'];

/** The format of a file name: its extension (".vl.json" before ".json"). */
export function formatOf(path: string, allowed: Format[]): Format {
  const lower = path.toLowerCase();
  const found = [...allowed].sort((a, b) => b.length - a.length).find((f) => lower.endsWith(`.${f}`));
  if (!found) throw new CrisisError(`--out "${path}": cannot tell the format from its extension`, [`end the file name with ${allowed.map((f) => `.${f}`).join(', ')}`]);
  return found;
}

export function tableCsv(table: Table): string {
  return csvExportLine(table.columns) + table.rows.map((r) => csvExportLine(table.columns.map((c) => r[c] ?? null))).join('');
}

/** The bytes of a chart in a format. */
export async function chartOutput(chart: Chart, format: Format): Promise<string | Buffer> {
  switch (format) {
    case 'svg':
      return visibleControls(await chartSvg(chart));
    case 'png':
      return svgToPng(await chartSvg(chart));
    case 'vl.json':
      return JSON.stringify(chartSpec(chart), null, 2) + '\n';
    case 'csv':
      return tableCsv(chart.table);
    default:
      throw new CrisisError(`a chart cannot be written as .${format}`, [`use ${CHART_FORMATS.map((f) => `.${f}`).join(', ')}`]);
  }
}

export async function mapOutput(figure: MapFigure, format: Format): Promise<string | Buffer> {
  switch (format) {
    case 'svg':
      return visibleControls(figure.svg);
    case 'png':
      return svgToPng(figure.svg);
    case 'geojson':
      return JSON.stringify(mapGeoJson(figure)) + '\n';
    case 'csv':
      return tableCsv(figure.table);
    default:
      throw new CrisisError(`a map cannot be written as .${format}`, [`use ${MAP_FORMATS.map((f) => `.${f}`).join(', ')}`]);
  }
}

export async function writeChart(chart: Chart, path: string): Promise<Format> {
  const format = formatOf(path, CHART_FORMATS);
  writeFileSync(path, await chartOutput(chart, format));
  return format;
}

export async function writeMap(figure: MapFigure, path: string): Promise<Format> {
  const format = formatOf(path, MAP_FORMATS);
  writeFileSync(path, await mapOutput(figure, format));
  return format;
}
