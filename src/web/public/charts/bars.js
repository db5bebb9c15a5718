/**
 * A horizontal bar chart in SVG: one clickable bar per row, the label left, the value
 * right. Used for the breakdowns by event type and by actor and for who died.
 * Colours are inline attributes so that the downloaded SVG and PNG look as on screen.
 */
import { clip, fmt, s } from '../dom.js';
import { COLORS, linear } from './scale.js';

/**
 * @typedef {{ key: string, label: string, value: number, detail?: string, color?: string }} BarRow
 * @param {{
 *   rows: BarRow[], title: string, width?: number, labelWidth?: number,
 *   selected?: string[], onClick?: (row: BarRow, event: MouseEvent | KeyboardEvent) => void,
 * }} options
 * @returns {SVGSVGElement}
 */
export function barChart({ rows, title, width = 460, labelWidth = 190, selected = [], onClick }) {
  const rowHeight = 24;
  const valueWidth = 62;
  const top = 4;
  const height = top + rows.length * rowHeight + 4;
  const max = Math.max(0, ...rows.map((r) => r.value));
  const x = linear(max, width - labelWidth - valueWidth - 8);
  // DejaVu Sans, the widest common fallback, averages about 7 px a character at 12 px.
  const chars = Math.floor(labelWidth / 7.2);
  const anySelected = selected.length > 0;
  const svg = s(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, class: 'chart bar-chart', role: 'list', 'aria-label': title, 'font-size': 12 },
    s('title', null, title),
    rows.map((row, i) => {
      const y = top + i * rowHeight;
      const isSelected = selected.includes(row.key);
      const fillColor = row.color ?? (isSelected ? COLORS.barSelected : anySelected ? COLORS.barMuted : COLORS.bar);
      return s(
        'g',
        {
          class: `bar${onClick ? ' clickable' : ''}${isSelected ? ' selected' : ''}`,
          role: 'listitem',
          tabindex: onClick ? 0 : undefined,
          dataset: { key: row.key, value: String(row.value) },
          'aria-label': `${row.label}: ${fmt(row.value)}${row.detail ? `, ${row.detail}` : ''}`,
          onclick: onClick ? (/** @type {MouseEvent} */ event) => onClick(row, event) : undefined,
          onkeydown: onClick
            ? (/** @type {KeyboardEvent} */ event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onClick(row, event);
                }
              }
            : undefined,
        },
        s('title', null, `${row.label}: ${fmt(row.value)}${row.detail ? ` (${row.detail})` : ''}`),
        // A full-width transparent target, so that short bars are as easy to click as long ones.
        s('rect', { x: 0, y, width, height: rowHeight, fill: 'transparent' }),
        s('text', { x: labelWidth - 8, y: y + 16, 'text-anchor': 'end', fill: COLORS.text, 'font-weight': isSelected ? 700 : 400 }, clip(row.label, chars)),
        s('rect', { x: labelWidth, y: y + 4, width: Math.max(row.value > 0 ? 1 : 0, x(row.value)), height: rowHeight - 8, fill: fillColor, rx: 2 }),
        s('text', { x: labelWidth + x(row.value) + 5, y: y + 16, fill: COLORS.textMuted }, fmt(row.value)),
      );
    }),
  );
  return /** @type {SVGSVGElement} */ (svg);
}
