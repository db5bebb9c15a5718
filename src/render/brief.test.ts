/** The HTML brief carries its charts and a map inline, in one file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief } from '../analysis/index.js';
import { demoStore } from '../../test/analysis-stores.js';
import { briefDocument, renderBriefFigures } from './index.js';
import { CLI_NAMES } from '../cli/wording.js';

test('demo: the HTML brief on Mali in 2022 embeds the trend, who died, the actor and a map', async () => {
  const store = await demoStore();
  const answer = await brief(store, { country: ['Mali'], year: [2022] }, { actor: 'Wagner' });
  const figures = await renderBriefFigures(store, answer);
  assert.deepEqual(Object.keys(figures).sort(), ['actor', 'spread', 'trend', 'victims']);
  // The one renderer, as the CLI and /api/brief.html both call it: the page is built whole, figures in place.
  const html = await briefDocument(store, answer, 'html', CLI_NAMES);
  assert.doesNotMatch(html, /⟦/, 'every parameter named in the text is worded');
  assert.match(html, /list them with: crisismap events --country Mali --year 2022/);
  assert.equal(html.match(/<svg /g)?.length, 4);
  assert.match(html, /<section id="trend"><h2>[^<]*<\/h2><p>[^<]*<\/p><figure class="chart"><svg /, 'the chart follows its paragraph');
  assert.match(html, /Fatalities in Mali rose from 1,913 in 2021 to 4,803 in 2022/);
  assert.match(html, /class="areas"/, 'the map is there');
  const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique across the figures');
  assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org)/, 'self-contained: no scripts, nothing fetched');
});
