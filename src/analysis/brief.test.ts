/** The brief chains the analyses; every paragraph keeps its events and its data note. */
import { CLI_NAMES } from '../cli/wording.js';
import { wordDeep } from '../model/param.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from '../query/count.js';
import { brief } from './brief.js';
import { demoStore } from '../../test/analysis-stores.js';
import { briefHtml, briefMarkdown } from './report.js';

test('demo: a brief on Mali in 2022 with Wagner finds the calibration in every section', async () => {
  const store = await demoStore();
  const answer = await brief(store, { country: ['Mali'], year: [2022] }, { actor: 'Wagner' });
  const sections = Object.fromEntries(answer.figures.sections.map((s) => [s.id, s.answer]));
  assert.deepEqual(
    answer.figures.sections.map((s) => s.id),
    ['trend', 'victims', 'actor', 'episodes', 'spread', 'surges'],
  );
  assert.equal(sections.trend!.sentence, 'Fatalities in Mali rose from 1,913 in 2021 to 4,803 in 2022, 2.5 times as many.');
  assert.deepEqual(sections.trend!.filters, { country: ['Mali'], year: [2021, 2022] }, 'the headline says it looked at 2021 too');
  assert.ok((sections.actor!.figures as { total: { fatalities: number } }).total.fatalities >= 700);
  assert.match(sections.episodes!.sentence, /was at Moura \(Djenne, Mopti, Mali\), 27–31 March 2022/);
  assert.equal(answer.eventCount, (await count(store, { country: ['Mali'], year: [2022] })).total.events);
  assert.equal(answer.figures.title, 'Situation report: Mali, 2022, with the involvement of Wagner');
  assert.equal(answer.figures.sections.at(-1)!.title, 'Surges in the 30 days to 31 December 2022', 'named for its window, not "now"');
  assert.ok(answer.caveats.some((c) => /SYNTHETIC/.test(c)));

  // As the command line words it (the library names parameters by token: src/model/param.ts).
  const md = briefMarkdown(wordDeep(answer, CLI_NAMES), CLI_NAMES);
  for (const s of answer.figures.sections) assert.ok(md.includes(`## ${s.title}`), s.title);
  assert.equal(md.match(/^\*Events behind it: /gm)?.length, answer.figures.sections.filter((s) => s.answer.eventCount > 0).length, 'one per section with events');
  assert.equal(md.match(/^<small>Data: demo-synthetic/gm)?.length, 6, 'a data note per section');
  assert.match(md, /list them with: crisismap events --country Mali --year 2022 --actor "Wagner Group"/);
  assert.match(md, /\| 1 \| 27–31 March 2022 \| Moura \(Djenne, Mopti, Mali\) \|/);
});

test('the HTML brief is one standalone page, with every text escaped', async () => {
  const store = await demoStore();
  const answer = await brief(store, { country: ['Mali'], year: [2022] }, { actor: 'Wagner' });
  const html = briefHtml(wordDeep(answer, CLI_NAMES), {}, CLI_NAMES);
  assert.match(html, /^<!doctype html>/);
  assert.equal(html.match(/<section id="/g)?.length, 6);
  assert.match(html, /--actor &quot;Wagner Group&quot;/);
  assert.doesNotMatch(html, /<script/);
});

test('without an actor, five sections; with no events, each section says so', async () => {
  const store = await demoStore();
  const plain = await brief(store, { country: ['Niger'], from: '2022-01-01', to: '2022-06-30' });
  assert.deepEqual(
    plain.figures.sections.map((s) => s.id),
    ['trend', 'victims', 'episodes', 'spread', 'surges'],
  );
  assert.equal((plain.figures.sections[0]!.answer.figures as { by: string }).by, 'month', 'half a year is shown by month');
  const none = await brief(store, { country: ['Ghana'], year: [2019] });
  assert.equal(none.eventCount, 0);
  assert.ok(
    none.figures.sections.every((s) => /^No /.test(s.answer.sentence)),
    none.figures.sections.map((s) => s.answer.sentence).join('\n'),
  );
});

test('data text cannot become markup in the HTML or the Markdown brief', async () => {
  const { importFiles } = await import('../sources/import.js');
  const { acledCsv, memoryStore, writeScratch } = await import('../../test/testing.js');
  const store = await memoryStore();
  const hostile = '<img src=x onerror=alert(1)>';
  await importFiles(store, [
    writeScratch(
      'x.csv',
      acledCsv([
        { event_id_cnty: 'MLI1', actor1: hostile, assoc_actor_1: '', location: `<b>${hostile}</b>`, fatalities: 40 },
        { event_id_cnty: 'MLI2', event_date: '2021-03-27', year: 2021, actor1: hostile, assoc_actor_1: '', fatalities: 4 },
      ]),
    ),
  ]);
  const answer = await brief(store, { country: ['Mali'] }, { actor: 'img' });
  for (const text of [briefHtml(answer), briefMarkdown(answer)]) {
    assert.doesNotMatch(text, /<img|<b>/);
    assert.match(text, /&lt;img src=x onerror=alert\(1\)&gt;/);
  }
});
