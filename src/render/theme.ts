/**
 * The look every figure shares: sizes, the bundled font, and colour-blind-safe palettes.
 * Charts (Vega-Lite config) and maps (hand-built SVG) both read from here, so a newsroom
 * restyling crisismap changes one file.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The font of every figure, shipped in node_modules so a PNG looks the same on every machine. */
export const FONT_FAMILY = 'DejaVu Sans';
/** What an SVG opened elsewhere falls back to: Verdana has nearly the same widths. */
export const FONT_STACK = `${FONT_FAMILY}, Verdana, Arial, sans-serif`;
export const FONT_FILES = {
  regular: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
};

/** Default figure width in px: readable in a news article column and on a phone. */
export const WIDTH = 600;
/** PNGs are drawn at twice the size, for sharp text on high-density screens. */
export const PNG_SCALE = 2;

export const SIZE = {
  title: 17,
  subtitle: 12,
  label: 11,
  note: 10,
  padding: 12,
} as const;

export const INK = {
  text: '#222222',
  muted: '#555555',
  faint: '#8a8a8a',
  grid: '#e4e4e4',
  land: '#ededed',
  border: '#ffffff',
  countryBorder: '#555555',
  water: '#ffffff',
  noData: '#d9d9d9',
  background: '#ffffff',
  /** The synthetic-data label: red, bold, at the top. */
  synthetic: '#b00020',
} as const;

/**
 * Okabe & Ito's eight colours, distinguishable with any common colour-vision deficiency,
 * without black (kept for text) and ordered so that neighbouring series contrast.
 */
export const CATEGORICAL = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442', '#999999'];

/** The colour of one-series bars and lines: Okabe–Ito's blue. */
export const PRIMARY = CATEGORICAL[0]!;
/** What a chart points at (the compared periods of a trend). */
export const HIGHLIGHT = '#D55E00';

/**
 * ColorBrewer's YlOrRd in six classes for choropleths: sequential, print-friendly and marked
 * colour-blind safe by ColorBrewer; light means few, dark means many. The palest is kept for
 * areas with events but a value of 0.
 */
export const SEQUENTIAL = ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'];

/** Proportional symbols: one warm colour, half transparent so overlaps stay visible. */
export const SYMBOL = { fill: '#D55E00', opacity: 0.55, stroke: '#8c3b00' } as const;
