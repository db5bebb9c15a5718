/**
 * The one route behind every analysis (src/analysis/registry.ts), answering in the Answer
 * shape of src/analysis/answer.ts — the same JSON as the command's --json. Its parameters are
 * the filters and the analysis's options, derived from their declarations; an analysis that
 * is also a document (the brief) is served as .html and .md too, by the one brief renderer.
 */
import { z } from 'zod';
import type { Analysis } from '../../analysis/analysis.js';
import { ANALYSES } from '../../analysis/registry.js';
import { wordText } from '../../model/param.js';
import { FILTERS } from '../../query/filter.js';
import { briefDocument } from '../../render/brief.js';
import { filterOf, filterShapeOf, shapeOf, valuesOf } from '../params.js';
import { json, text, type Api } from '../route.js';
import { eventPath } from '../address.js';
import { HTTP_NAMES } from '../wording.js';

const ANSWER = 'an Answer: {question, figures, sentence, filters, datasets, caveats, eventIds, eventCount, eventFilter}';

const DOCUMENTS = [
  ['.html', 'text/html', 'html', 'a standalone HTML page with its charts and map inline; the filters and datasets are also in the X-Crisismap-* headers'],
  ['.md', 'text/markdown', 'md', 'Markdown; the filters and datasets are also in the X-Crisismap-* headers'],
] as const;

function analysisRoute(api: Api, a: Analysis<never>): void {
  const filters = FILTERS.filter((p) => !a.without?.includes(p.key as never));
  const query = z.object({ ...filterShapeOf(filters), ...shapeOf(a.params) });
  const summary = `${a.summary[0]!.toUpperCase()}${a.summary.slice(1)}`;
  const description = `As \`crisismap ${a.name} --json\`. ${wordText(a.about, HTTP_NAMES).replace(/\s*\n\s*/g, ' ')}`;
  const answer = (q: Record<string, string | undefined>, store: Parameters<Analysis['run']>[0]) => a.run(store, filterOf(q, filters), valuesOf(a.params, q));

  // A document (the brief) chains the analyses: expensive in every format.
  const heavy = !!a.document;
  api.get({ path: `/api/${a.name}`, tag: 'analyses', query, responses: { 'application/json': ANSWER }, summary, description, heavy }, async (q, store) => json(await answer(q, store)));

  if (!a.document) return;
  for (const [suffix, type, format, holds] of DOCUMENTS) {
    api.get({ path: `/api/${a.name}${suffix}`, tag: 'analyses', query, responses: { [type]: holds }, summary: `${summary}, as ${format.toUpperCase()}`, description, heavy }, async (q, store) => {
      const result = await answer(q, store);
      // The page is served beside /api/events: its event ids link to this server's, relative to the page.
      return text(await briefDocument(store, result as never, format, HTTP_NAMES, { href: eventPath }), type, { filters: result.filters, datasets: result.datasets });
    });
  }
}

export function analysisRoutes(api: Api): void {
  for (const a of ANALYSES) analysisRoute(api, a);
}
