/** Linear scales and round axis ticks for the hand-drawn SVG charts. */

/** Round tick values from 0 to at least max: 0, 50, 100… @param {number} max @returns {number[]} */
export function ticks(max, count = 4) {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  // Counts are whole: no tick at 0.25 events.
  const step = Math.max(1, [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw);
  const out = [];
  for (let v = 0; v < max + step; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** Maps [0, domainMax] onto [0, rangeMax]. @param {number} domainMax @param {number} rangeMax @returns {(v: number) => number} */
export const linear = (domainMax, rangeMax) => (v) => (domainMax > 0 ? (v / domainMax) * rangeMax : 0);

/** The palette, inline in every chart so that a downloaded SVG looks as it does on screen. */
export const COLORS = {
  bar: '#b7472a',
  barSelected: '#6b1d0c',
  barMuted: '#e3b5a6',
  axis: '#6b6b6b',
  grid: '#e6e2dc',
  text: '#222222',
  textMuted: '#5c5c5c',
  parts: ['#8c1c13', '#d1603d', '#e8a33d', '#9a9a9a'],
};

/** Stable colours for event types, shared by the breakdown and the map's points. */
export const EVENT_TYPE_COLORS = {
  Battles: '#b7472a',
  'Violence against civilians': '#6d2e8a',
  'Explosions/Remote violence': '#d48a1f',
  Riots: '#2c7fb8',
  Protests: '#41ab5d',
  'Strategic developments': '#7a7a7a',
};
export const OTHER_COLOR = '#4d4d4d';
/** @param {string} type @returns {string} */
export const eventTypeColor = (type) => /** @type {Record<string, string>} */ (EVENT_TYPE_COLORS)[type] ?? OTHER_COLOR;
