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
import { KEY_NAMES, wordDeep, type Namer } from '../model/param.js';
import type { Store } from '../store/store.js';
import { actorChart } from './charts/actor.js';
import { trendChart } from './charts/trend.js';
import { victimsChart } from './charts/victims.js';
import { map } from './map.js';
import { chartSvg } from './spec.js';
import { prefixIds } from './svg.js';
import { briefHtml, briefMarkdown, type EventLinks } from '../analysis/report.js';

/** Section id → the figure to show in it: an inline SVG with ids of its own. */
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
    if (svg) figures[section.id] = prefixIds(svg, `fig-${section.id}`);
  }
  return figures;
}

export type DocumentFormat = 'md' | 'html';

/**
 * The brief as a document: the one renderer behind `crisismap brief --html|--md` and
 * /api/brief.html|.md. HTML carries its figures inline (one self-contained file); Markdown is
 * written from the same sections. `names`: how the interface asking names parameters;
 * `links`: where each event id links to (the server's own events route), if anywhere.
 */
export async function briefDocument(store: Store, answer: Answer<BriefFigures>, format: DocumentFormat, names: Namer = KEY_NAMES, links?: EventLinks): Promise<string> {
  // Parameters named in the text are worded as the interface asking names them, before any escaping.
  const worded = wordDeep(answer, names);
  return format === 'html' ? briefHtml(worded, await renderBriefFigures(store, worded), names, links) : briefMarkdown(worded, names, links);
}
