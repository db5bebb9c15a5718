/**
 * The figures of a situation report (`crisismap brief --html`): the trend, who died and the
 * actor as charts, and a map of fatalities by admin1 with the spread section, each an inline
 * SVG with ids of its own so that several can share one page.
 */
import type { Answer } from '../analysis/answer.js';
import type { BriefFigures } from '../analysis/brief.js';
import type { ActorFigures } from '../analysis/actor.js';
import type { TrendFigures } from '../analysis/trend.js';
import type { VictimsFigures } from '../analysis/victims.js';
import type { Store } from '../store/store.js';
import { actorChart } from './charts/actor.js';
import { trendChart } from './charts/trend.js';
import { victimsChart } from './charts/victims.js';
import { map } from './map.js';
import { chartSvg } from './spec.js';
import { esc, prefixIds } from './svg.js';

/** Section id → the figure to show in it, as HTML (`<figure>` with an inline SVG). */
export type BriefFigureMap = Record<string, string>;

export async function renderBriefFigures(store: Store, answer: Answer<BriefFigures>): Promise<BriefFigureMap> {
  const figures: BriefFigureMap = {};
  for (const section of answer.figures.sections) {
    const a = section.answer;
    if (a.eventCount === 0) continue;
    let svg: string | undefined;
    if (section.id === 'trend') svg = await chartSvg(trendChart(a as Answer<TrendFigures>));
    if (section.id === 'victims') svg = await chartSvg(victimsChart(a as Answer<VictimsFigures>));
    if (section.id === 'actor') svg = await chartSvg(actorChart(a as Answer<ActorFigures>, { metric: 'fatalities', top: 10 }));
    if (section.id === 'spread') svg = (await map(store, answer.filters, { level: 'admin1', metric: 'fatalities' })).svg;
    if (svg) figures[section.id] = `<figure class="chart">${prefixIds(svg, `fig-${section.id}`)}</figure>`;
  }
  return figures;
}

/**
 * The brief's HTML with each figure after its section's first paragraph (report.ts writes
 * sections as `<section id="…"><h2>…</h2><p>…</p>`); a section it cannot find is left as is.
 */
export function embedFigures(html: string, figures: BriefFigureMap): string {
  let out = html;
  for (const [id, figure] of Object.entries(figures)) {
    const start = out.indexOf(`<section id="${esc(id)}">`);
    if (start < 0) continue;
    const end = out.indexOf('</p>', start);
    if (end < 0) continue;
    out = `${out.slice(0, end + 4)}${figure}${out.slice(end + 4)}`;
  }
  // Figures take the column's whole width (their text grows with them, the source line too) and shrink on a phone.
  return out.replace('</style>', 'figure.chart{margin:1rem 0}figure.chart svg{width:100%;height:auto}</style>');
}
