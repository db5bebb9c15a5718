/**
 * The seed article (a repost of a news story on the Wagner Group in Mali, ../shared/articles)
 * checked against the calibrated demo store: the five claims the issue lists are found and
 * judged, and Lavrov's "not taking part in the fighting" is contradicted by the events.
 */
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { demoStore } from '../../test/analysis-stores.js';
import type { Store } from '../store/store.js';
import { HAS_SHARED, ROOT } from '../../test/testing.js';
import { checkBatch, checkText, type CheckReport } from './check.js';
import { checkHtml, checkMarkdown } from './report.js';
import { join } from 'node:path';

const ARTICLE = join(ROOT, '../shared/articles/wagner-mali-repost.txt');
const skip = HAS_SHARED ? false : '../shared is absent';
let store: Store;
let report: CheckReport;

before(async () => {
  if (skip) return;
  store = await demoStore();
  report = await checkText(store, readFileSync(ARTICLE, 'utf8'), { published: '2023-02-08' });
});

const find = (pred: (c: CheckReport['claims'][number]) => boolean) => {
  const c = report.claims.find(pred);
  assert.ok(c, 'claim not found');
  return c;
};

test('the rise from 1,913 deaths in 2021 to 4,803 in 2022 in Mali: both found, both supported', { skip }, () => {
  const a = find((c) => c.quantity === 1913);
  const b = find((c) => c.quantity === 4803);
  for (const [c, year] of [
    [a, '2021'],
    [b, '2022'],
  ] as const) {
    assert.equal(c.unit, 'deaths');
    assert.deepEqual(c.place?.countries, ['MLI']);
    assert.deepEqual([c.period?.from, c.period?.to], [`${year}-01-01`, `${year}-12-31`]);
    assert.equal(c.verdict, 'supported');
    assert.equal(c.data?.figure, c.quantity);
    assert.deepEqual(c.data?.filters, { country: ['Mali'], from: `${year}-01-01`, to: `${year}-12-31` });
    assert.equal(c.data?.datasets[0]?.dataset, 'demo-synthetic');
    assert.ok(c.data!.event_ids.length > 0);
  }
  assert.equal(report.text.slice(a.start, a.end), '1,913');
});

test('at least 700 killed in incidents involving "the mercenaries": Wagner Group, at or above', { skip }, () => {
  const c = find((x) => x.quantity === 700);
  assert.equal(c.qualifier, 'at_least');
  assert.deepEqual(c.actors, ['Wagner Group']);
  assert.equal(c.verdict, 'supported');
  assert.ok(c.data!.figure! >= 700);
});

test('civilians died in greater numbers than militants "in such operations": judged on the Wagner Group\'s events, the actor the article is about', { skip }, () => {
  const c = find((x) => x.kind === 'victims');
  // "such operations" follows "war crimes by Malian soldiers and mercenaries": the article is about the mercenaries.
  assert.deepEqual(c.actors, ['Wagner Group']);
  assert.deepEqual(c.data?.filters.actor, ['Wagner Group']);
  // "Malian soldiers … Malian civilians": one place, named once.
  assert.equal(c.place?.text, 'Malian');
  assert.equal(c.verdict, 'supported');
  assert.ok(c.data!.parts!.value > c.data!.parts!.base, JSON.stringify(c.data?.parts));
  assert.ok(c.data?.caveats.some((x) => /does not say who died/.test(x)));
});

test('a batch reads one story whole before judging: reposts under one headline share their context', { skip }, async () => {
  const results = await checkBatch(store, [
    { id: 'a', sentence: 'Over 300 of these reported fatalities were in Mopti.', published: '2023-02-08', source_url: 'https://a.example/1', source_title: 'Violence in Mali doubles (Wire)' },
    { id: 'b', sentence: 'ACLED recorded 4,803 fatalities in Mali in 2022.', published: '2023-02-08', source_url: 'https://b.example/2', source_title: 'Violence in Mali doubles (Repost)' },
    { id: 'c', sentence: 'Over 300 of these reported fatalities were in Mopti.', published: '2023-02-08', source_url: 'https://c.example/3', source_title: 'Another story' },
  ]);
  assert.deepEqual(
    results.map((r) => [r.id, r.claims[0]?.period?.from, r.claims[0]?.period?.to]),
    [
      ['a', '2022-01-01', '2022-12-31'],
      ['b', '2022-01-01', '2022-12-31'],
      ['c', '2023-01-01', '2023-02-08'],
    ],
  );
});

test('more than 300 killed in Moura in March 2022: the location from the store, the month from the text', { skip }, () => {
  const c = find((x) => x.quantity === 300);
  assert.deepEqual(c.place?.locations, ['Moura']);
  assert.deepEqual([c.period?.from, c.period?.to], ['2022-03-01', '2022-03-31']);
  assert.equal(c.verdict, 'supported');
  assert.equal(c.data?.figure, 504);
});

test('the spread to Burkina Faso and Niger: events of the named groups in both countries', { skip }, () => {
  const c = find((x) => x.kind === 'spread');
  assert.deepEqual(c.place?.countries, ['BFA', 'NER']);
  assert.ok(c.actors.some((a) => /JNIM/.test(a)) && c.actors.some((a) => /Islamic State/.test(a)));
  assert.equal(c.verdict, 'supported');
  assert.ok(c.data!.event_count > 0);
});

test('Lavrov\'s "not taking part in the fighting" is contradicted, citing the Wagner Group\'s battles and attacks on civilians', { skip }, () => {
  const c = find((x) => x.kind === 'activity' && /not taking part in the fighting/.test(x.span));
  assert.equal(c.verdict, 'contradicted');
  assert.equal(c.attributed_to, 'Lavrov');
  assert.deepEqual(c.data?.filters.actor, ['Wagner Group']);
  assert.deepEqual(c.data?.filters.eventType, ['Battles', 'Violence against civilians']);
  assert.ok(c.data!.event_count > 0 && c.data!.event_ids.length > 0);
  assert.match(c.explanation, new RegExp(c.data!.event_ids[0]!));
});

test('no number about years, durations, visits or soldiers deployed is taken for a claim', { skip }, () => {
  const spans = report.claims.map((c) => c.span);
  for (const notClaim of ['2012', 'two weeks', '18,000', '3,000', '17%', 'two-day', '2013']) assert.ok(!spans.some((s) => s.includes(notClaim)), notClaim);
});

test('Markdown and HTML show the whole text with every claim marked by its verdict and linked to its events', { skip }, () => {
  const md = checkMarkdown(report);
  const html = checkHtml(report);
  assert.ok(md.includes('Prominent activist Aminata Dicko'));
  assert.match(md, /\*\*1,913\*\* \[\d+: supported\]\(#claim-\d+\)/);
  assert.match(html, /<mark class="contradicted"[^>]*><a href="#claim-\d+">were not taking part in the fighting<\/a><\/mark>/);
  assert.match(html, /href="\/\?country=Mali&amp;event_type=Battles%7CViolence\+against\+civilians&amp;actor=Wagner\+Group&amp;event_date=2022-02-08%7C2023-02-08&amp;event_date_where=BETWEEN"/);
});
