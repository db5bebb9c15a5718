/**
 * What every Vega-Lite chart shares: the config (bundled font, sizes, colours), the frame
 * (600 px wide, fitted), and the two ways out: an SVG framed with crisismap's header and
 * footer, or a standalone spec whose title carries that text, for restyling.
 */
import type { TopLevelSpec } from 'vega-lite';
import { footerLines, frame, subtitleLines, titleLines, unwrap, type FigureText } from './figure.js';
import { INK, FONT_STACK, PRIMARY, SIZE, WIDTH } from './theme.js';

export type ChartKind = 'bar' | 'stacked-bar' | 'line' | 'pie' | 'trend' | 'victims' | 'actor';
export const CHART_KINDS: ChartKind[] = ['bar', 'stacked-bar', 'line', 'pie', 'trend', 'victims', 'actor'];

export type Cell = string | number | boolean | null;
/** The data behind a chart, as its CSV holds it. */
export interface Table {
  columns: string[];
  rows: Array<Record<string, Cell>>;
}

export interface Chart {
  kind: ChartKind;
  text: FigureText;
  /**
   * The plots as Vega-Lite, data inlined, without the title and footer (the frame draws
   * them); several are drawn one under the other (an actor by year, then by admin1).
   */
  plots: Array<Record<string, unknown>>;
  table: Table;
}

export const CONFIG = {
  font: FONT_STACK,
  background: INK.background,
  view: { stroke: null },
  axis: {
    labelFontSize: SIZE.label,
    titleFontSize: SIZE.label,
    titleFontWeight: 'normal',
    labelColor: INK.text,
    titleColor: INK.muted,
    domainColor: INK.faint,
    tickColor: INK.faint,
    gridColor: INK.grid,
    labelLimit: 220,
  },
  legend: { labelFontSize: SIZE.label, titleFontSize: SIZE.label, titleFontWeight: 'normal', titleColor: INK.muted, labelColor: INK.text, labelLimit: 260 },
  bar: { color: PRIMARY },
  line: { color: PRIMARY, strokeWidth: 2 },
  text: { fontSize: SIZE.label, color: INK.text },
} as const;

/** The plot spec, fitted to the figure's width (Vega lays out the axes within it). */
function plotSpec(plot: Record<string, unknown>, width = WIDTH): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width,
    autosize: { type: 'fit-x', contains: 'padding' },
    padding: { left: SIZE.padding, right: SIZE.padding, top: 4, bottom: 8 },
    config: CONFIG,
    ...plot,
  };
}

/** The chart as a standalone SVG: header, plot, footer. */
export async function chartSvg(chart: Chart, width = WIDTH): Promise<string> {
  // Vega and Vega-Lite load only when a chart is drawn: a map, a count or the server's start need neither.
  const { vegaLiteSvg } = await import('./vega.js');
  let height = 0;
  const bodies: string[] = [];
  for (const plot of chart.plots) {
    const drawn = unwrap(await vegaLiteSvg(plotSpec(plot, width) as unknown as TopLevelSpec));
    bodies.push(`<g transform="translate(0,${height})">${drawn.body}</g>`);
    height += drawn.height;
  }
  return frame(chart.text, bodies.join(''), width, height);
}

/** A panel's own heading, for charts of several plots. */
export const panelTitle = (text: string) => ({ text, anchor: 'start', fontSize: SIZE.subtitle, fontWeight: 'bold', color: INK.text, offset: 8 });

/**
 * The chart as a Vega-Lite spec to restyle: the plot, with the title, subtitle, source and
 * notes in Vega-Lite's title (it has no footer), and the same text in `usermeta.crisismap`.
 */
export function chartSpec(chart: Chart, width = WIDTH): TopLevelSpec {
  const { text } = chart;
  // Vega-Lite fits only single views to a width: panels get a width of their own.
  const body =
    chart.plots.length === 1 ? plotSpec(chart.plots[0]!, width) : { ...plotSpec({ vconcat: chart.plots.map((p) => ({ ...p, width: width - 200 })) }, width), width: undefined, autosize: undefined };
  return {
    ...body,
    padding: SIZE.padding,
    title: {
      text: titleLines(text, width),
      subtitle: [...subtitleLines(text, width), ...footerLines(text, width)],
      anchor: 'start',
      fontSize: SIZE.title,
      subtitleFontSize: SIZE.subtitle,
      subtitleColor: INK.muted,
      offset: 12,
    },
    description: [text.title, ...text.subtitle, text.source, ...text.notes].join('\n'),
    usermeta: { crisismap: { kind: chart.kind, ...text } },
  } as unknown as TopLevelSpec;
}
