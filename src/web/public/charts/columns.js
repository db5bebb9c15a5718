/**
 * The time series as columns in SVG: one column per period, every period between the
 * first and last the data covers (a period without events is a real zero, drawn as such),
 * partial periods paler. Each column is clickable; the x axis names years, or months
 * when the series is short.
 */
import { fmt, s, short } from '../dom.js';
import { COLORS, linear, ticks } from './scale.js';

/**
 * `part`, when given, is the share of the column inside the selection: drawn dark over the
 * whole column, which is drawn pale.
 * @typedef {{ period: string, first: string, last: string, value: number, part?: number, partial?: boolean, label: string }} Column
 * @param {{ columns: Column[], title: string, metric: string, onClick?: (c: Column, e: Event) => void, width?: number, height?: number }} options
 * @returns {SVGSVGElement}
 */
export function columnChart({ columns, title, metric, onClick, width = 640, height = 220 }) {
  const margin = { top: 10, right: 8, bottom: 24, left: 44 };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const max = Math.max(0, ...columns.map((c) => c.value));
  const tickValues = ticks(max);
  const top = tickValues[tickValues.length - 1] ?? 1;
  const y = linear(top, innerH);
  const step = columns.length ? innerW / columns.length : innerW;
  const gap = step > 6 ? 1 : 0;
  const svg = s(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, class: 'chart column-chart', role: 'list', 'aria-label': title, 'font-size': 11 },
    s('title', null, title),
    // Horizontal grid lines and their values.
    tickValues.map((t) =>
      s(
        'g',
        null,
        s('line', { x1: margin.left, x2: width - margin.right, y1: margin.top + innerH - y(t), y2: margin.top + innerH - y(t), stroke: COLORS.grid }),
        s('text', { x: margin.left - 6, y: margin.top + innerH - y(t) + 4, 'text-anchor': 'end', fill: COLORS.axis }, short(t)),
      ),
    ),
    columns.map((c, i) => {
      const x = margin.left + i * step;
      const hasPart = c.part !== undefined;
      const bar = (/** @type {number} */ value, /** @type {string} */ color) =>
        s('rect', {
          x: x + gap / 2,
          y: margin.top + innerH - y(value),
          width: Math.max(0.5, step - gap),
          height: y(value),
          fill: color,
          'fill-opacity': c.partial ? 0.55 : 1,
        });
      return s(
        'g',
        {
          class: `column${onClick ? ' clickable' : ''}${hasPart && c.part ? ' selected' : ''}`,
          role: 'listitem',
          tabindex: onClick ? 0 : undefined,
          dataset: { period: c.period, value: String(hasPart ? c.part : c.value) },
          'aria-label': `${c.label}: ${fmt(c.value)} ${metric}${hasPart ? `, ${fmt(c.part)} selected` : ''}`,
          onclick: onClick ? (/** @type {MouseEvent} */ e) => onClick(c, e) : undefined,
          onkeydown: onClick
            ? (/** @type {KeyboardEvent} */ e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onClick(c, e);
                }
              }
            : undefined,
        },
        s('title', null, `${c.label}: ${fmt(c.value)} ${metric}${hasPart ? `, ${fmt(c.part)} in the selection` : ''}${c.partial ? ' (the data covers only part of this period)' : ''}`),
        s('rect', { x, y: margin.top, width: step, height: innerH, fill: 'transparent' }),
        bar(c.value, hasPart ? COLORS.barMuted : COLORS.bar),
        hasPart && c.part ? bar(c.part, COLORS.bar) : null,
      );
    }),
    s('line', { x1: margin.left, x2: width - margin.right, y1: margin.top + innerH, y2: margin.top + innerH, stroke: COLORS.axis }),
    axisLabels(columns, margin.left, step, margin.top + innerH + 16),
  );
  return /** @type {SVGSVGElement} */ (svg);
}

/**
 * Years under the first period of each year; with under two years of data, every month or quarter.
 * @param {Column[]} columns @param {number} left @param {number} step @param {number} y @returns {SVGGElement[]}
 */
function axisLabels(columns, left, step, y) {
  const byYear = columns.length > 24;
  const minGap = 34;
  let lastX = -Infinity;
  /** @type {SVGGElement[]} */
  const labels = [];
  columns.forEach((c, i) => {
    const year = c.period.slice(0, 4);
    const starts = i === 0 || columns[i - 1]?.period.slice(0, 4) !== year;
    if (byYear && !starts) return;
    const x = left + i * step + (byYear ? 0 : step / 2);
    if (x - lastX < minGap) return;
    lastX = x;
    labels.push(
      s(
        'g',
        null,
        byYear ? s('line', { x1: x, x2: x, y1: y - 16, y2: y - 11, stroke: COLORS.axis }) : null,
        s('text', { x: byYear ? x + 2 : x, y, 'text-anchor': byYear ? 'start' : 'middle', fill: COLORS.axis }, byYear ? year : c.period.length > 4 ? c.period.slice(2) : c.period),
      ),
    );
  });
  return labels;
}
