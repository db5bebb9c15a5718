/**
 * A list of rows drawn as an SVG table: the SVG and PNG downloads of the panels that are
 * tables on screen (headline figures, deadliest episodes, the event table's page).
 */
import { clip, s } from '../dom.js';
import { COLORS } from './scale.js';

/**
 * @typedef {{ key: string, label: string, width: number, align?: 'start' | 'end' }} Column
 * @param {{ title: string, subtitle?: string, columns: Column[], rows: Array<Record<string, unknown>>, footer?: string }} options
 * @returns {SVGSVGElement}
 */
export function tableSvg({ title, subtitle = '', columns, rows, footer = '' }) {
  const rowHeight = 20;
  const width = columns.reduce((w, c) => w + c.width, 0) + 24;
  const head = subtitle ? 58 : 42;
  const height = head + (rows.length + 1) * rowHeight + (footer ? 30 : 12);
  let x = 12;
  const positions = columns.map((c) => {
    const at = x;
    x += c.width;
    return at;
  });
  /** @param {Column} c @param {number} i @param {unknown} value @param {number} y @param {number} weight */
  const cell = (c, i, value, y, weight) =>
    s(
      'text',
      {
        x: c.align === 'end' ? positions[i] + c.width - 8 : positions[i],
        y,
        'text-anchor': c.align === 'end' ? 'end' : 'start',
        fill: COLORS.text,
        'font-weight': weight,
      },
      clip(Array.isArray(value) ? value.join('; ') : (value ?? ''), Math.floor(c.width / 6.4)),
    );
  const svg = s(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, class: 'chart table-svg', 'font-size': 12 },
    s('text', { x: 12, y: 22, 'font-size': 15, 'font-weight': 700, fill: COLORS.text }, title),
    subtitle ? s('text', { x: 12, y: 40, fill: COLORS.textMuted }, subtitle) : null,
    columns.map((c, i) => cell(c, i, c.label, head, 700)),
    s('line', { x1: 12, x2: width - 12, y1: head + 6, y2: head + 6, stroke: COLORS.axis }),
    rows.map((row, r) => columns.map((c, i) => cell(c, i, row[c.key], head + (r + 1) * rowHeight, 400))),
    footer ? s('text', { x: 12, y: height - 10, fill: COLORS.textMuted, 'font-size': 11 }, footer) : null,
  );
  return /** @type {SVGSVGElement} */ (svg);
}
