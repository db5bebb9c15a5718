/**
 * Downloads of a panel: CSV from the panel's data, SVG by serialising the panel's chart,
 * PNG by drawing that SVG on a canvas (or, for the map, reading its WebGL canvas).
 * Files are named after the panel and the filters, so a folder of downloads stays legible.
 */
import { filtersToParams } from './query.js';

/** Save a Blob under a name, through a temporary link (the only way a page can). @param {Blob} blob @param {string} name */
export function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "event-types_country-Mali_year-2022" — the panel name plus the filters, safe for any file system.
 * @param {string} panel @param {import('./query.js').Filters} filters @param {string} ext
 */
export function fileName(panel, filters, ext) {
  const parts = [...filtersToParams(filters)].filter(([k]) => k !== 'event_date_where').map(([k, v]) => `${k}-${v}`);
  const stem = [panel, ...parts]
    .join('_')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 120);
  return `${stem}.${ext}`;
}

/**
 * CSV text (RFC 4180; a leading =, +, - or @ is prefixed with ' so that spreadsheets do
 * not run data as formulas).
 * @param {string[]} columns
 * @param {Array<Record<string, unknown>>} rows
 */
export function csvText(columns, rows) {
  const cell = (/** @type {unknown} */ v) => {
    let t = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);
    if (/^[=+\-@]/.test(t) && !/^-?\d/.test(t)) t = `'${t}`;
    return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** @param {string[]} columns @param {Array<Record<string, unknown>>} rows */
export const csvBlob = (columns, rows) => new Blob([csvText(columns, rows)], { type: 'text/csv;charset=utf-8' });

/** A standalone SVG file from a chart element: namespaced, sized, with a white background. @param {SVGSVGElement} svg */
export function svgText(svg) {
  const copy = /** @type {SVGSVGElement} */ (svg.cloneNode(true));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const { width, height } = sizeOf(svg);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of Object.entries({ width: '100%', height: '100%', fill: '#ffffff' })) bg.setAttribute(k, v);
  copy.prepend(bg);
  copy.setAttribute('font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/**
 * The chart a download is of: a panel with nothing drawn yet (loading, or no data for it) has none.
 * @param {SVGSVGElement | null} svg @returns {SVGSVGElement}
 */
export function drawnSvg(svg) {
  if (!svg) throw new Error('nothing is drawn yet');
  return svg;
}

/** @param {SVGSVGElement} svg */
export const svgBlob = (svg) => new Blob([svgText(svg)], { type: 'image/svg+xml;charset=utf-8' });

/** @param {SVGSVGElement} svg @returns {{ width: number, height: number }} */
function sizeOf(svg) {
  const box = svg.viewBox?.baseVal;
  if (box?.width) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: Math.round(rect.width), height: Math.round(rect.height) };
}

/** A PNG of a chart, at twice its size for sharp text. @param {SVGSVGElement} svg @returns {Promise<Blob>} */
export async function pngBlob(svg, scale = 2) {
  const { width, height } = sizeOf(svg);
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d')).drawImage(image, 0, 0, canvas.width, canvas.height);
    return await canvasBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** @param {HTMLCanvasElement} canvas @returns {Promise<Blob>} */
export function canvasBlob(canvas) {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be read'))), 'image/png'));
}

/** A file the server makes (the API's CSV of the events, its map as SVG), as a Blob. @param {string} url */
export async function fetchBlob(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the server answered ${response.status} for ${url}`);
  return response.blob();
}
