/** Trend and change, on the demo's calibration, the real ACLED files, and the edge cases. */
import { CLI_NAMES } from '../cli/wording.js';
import type { CrisisError } from '../model/errors.js';
import { wordError } from '../model/param.js';

// The library names parameters by token; as the command line words them:
const said = (pattern: RegExp) => (e: CrisisError) => pattern.test(wordError(e, CLI_NAMES).message);
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from '../query/count.js';
import { listEvents } from '../query/events.js';
import { NEEDS_SHARED } from '../../test/testing.js';
import { demoStore, realStore } from '../../test/analysis-stores.js';
import { trend } from './trend.js';

test('demo: Mali fatalities rose from 1,913 in 2021 to 4,803 in 2022, 2.5 times as many', async () => {
  const store = await demoStore();
  const answer = await trend(store, { country: ['mali'] }, { compare: ['2021', '2022'] });
  assert.equal(answer.sentence, 'Fatalities in Mali rose from 1,913 in 2021 to 4,803 in 2022, 2.5 times as many.');
  const change = answer.figures.change!;
  assert.deepEqual([change.before, change.after, change.difference, change.basis], [1913, 4803, 2890, 'complete']);
  assert.equal(change.ratio!.toFixed(3), '2.511');
  assert.equal(Math.round(change.percent!), 151);
  assert.deepEqual(answer.filters, { country: ['Mali'] });
  assert.equal(answer.datasets[0]!.dataset, 'demo-synthetic');
  assert.ok(answer.caveats.some((c) => /SYNTHETIC/.test(c)));
});

test('the series is count() by period, gaps included, and the default compares the last two complete periods', async () => {
  const store = await demoStore();
  const answer = await trend(store, { country: ['Mali'] }, { by: 'quarter', metric: 'events' });
  const counted = await count(store, { country: ['Mali'] }, ['quarter']);
  assert.deepEqual(
    answer.figures.series.map((p) => [p.period, p.events]),
    counted.rows.map((r) => [r.quarter, r.events]),
  );
  assert.equal(answer.figures.series.length, 20);
  assert.ok(answer.figures.series.every((p) => !p.partial));
  assert.deepEqual([answer.figures.change!.from, answer.figures.change!.to], ['2023-Q3', '2023-Q4']);
  assert.match(answer.sentence, /^Events in Mali (rose|fell) from [\d,]+ in 2023-Q3 to [\d,]+ in 2023-Q4, (up|down) \d+%\.$/);
});

test('a period covered in part is flagged, left out by default, and compared over the same days when asked', async () => {
  const store = await demoStore();
  const filter = { country: ['Mali'], to: '2022-06-30' };
  const byDefault = await trend(store, filter);
  const last = byDefault.figures.series.at(-1)!;
  assert.deepEqual([last.period, last.partial, last.coveredDays, last.coveredTo], ['2022', true, 181, '2022-06-30']);
  assert.deepEqual([byDefault.figures.change!.from, byDefault.figures.change!.to], ['2020', '2021']);
  assert.ok(byDefault.caveats.some((c) => /2022 is left out of the comparison/.test(c)));

  const asked = await trend(store, filter, { compare: ['2021', '2022'] });
  const h1 = async (year: number) => (await count(store, { country: ['Mali'], from: `${year}-01-01`, to: `${year}-06-30` })).total.fatalities;
  const change = asked.figures.change!;
  assert.equal(change.basis, 'same-stretch');
  assert.deepEqual([change.before, change.after], [await h1(2021), await h1(2022)]);
  assert.match(asked.sentence, /^Fatalities in Mali rose from [\d,]+ in 2021 to [\d,]+ in 2022, between 1 January and 30 June of each year, [\d.]+ times as many\.$/);
});

test('real ACLED sample: Mali by month, every event behind the figures', { skip: NEEDS_SHARED }, async () => {
  const store = await realStore('acled/acled_sample_2022h1.csv');
  const answer = await trend(store, { country: ['Mali'] }, { by: 'month' });
  assert.deepEqual(
    answer.figures.series.map((p) => p.period),
    ['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06'],
  );
  assert.deepEqual(answer.figures.total, { events: 64, fatalities: 177 });
  assert.equal(
    answer.figures.series.reduce((n, p) => n + p.fatalities, 0),
    177,
  );
  assert.equal(answer.eventCount, 64);
  assert.deepEqual(
    answer.eventIds,
    (await listEvents(store, { country: ['Mali'] }, { fields: ['id'] })).events.map((e) => e.id),
  );
  assert.deepEqual(answer.eventFilter, { country: ['Mali'] });
  assert.match(answer.sentence, /in May 2022 to [\d,]+ in June 2022/);
});

test('real HDX Mali file: 2020 ends in July, so the default change is 2018 to 2019', { skip: NEEDS_SHARED }, async () => {
  const store = await realStore('acled/hdx_mli_1997_2020.csv');
  const answer = await trend(store, {});
  const year = (y: string) => answer.figures.series.find((p) => p.period === y)!;
  assert.equal(year('2020').partial, true);
  assert.equal(year('2020').coveredTo, '2020-07-31');
  assert.equal(year('1997').partial, true, 'the file starts on 1997-01-06');
  assert.equal(answer.sentence, 'Fatalities rose from 1,747 in 2018 to 1,887 in 2019, up 8%.');
});

test('edge cases: no events, one period, an actor that matches nothing, bad --compare', async () => {
  const store = await demoStore();
  const none = await trend(store, { country: ['Mali'], year: [2018] });
  assert.deepEqual([none.figures.series, none.figures.change, none.eventIds, none.eventCount], [[], null, [], 0]);
  assert.match(none.sentence, /^No events match in Mali/);

  const one = await trend(store, { country: ['Mali'], year: [2022] });
  assert.equal(one.figures.change, null);
  assert.equal(one.sentence, 'Fatalities in Mali: 4,803 in 2022; the data holds no two complete years to compare.');

  const nobody = await trend(store, { actor: ['Wagnr'] });
  assert.equal(nobody.eventCount, 0);
  assert.ok(
    nobody.caveats.some((c) => /closest names: Wagner Group/.test(c)),
    nobody.caveats.join('\n'),
  );

  await assert.rejects(trend(store, { country: ['Mali'] }, { compare: ['2017', '2022'] }), said(/--compare: 2017 is not in the series/));
  await assert.rejects(trend(store, { country: ['Mali'] }, { by: 'month', compare: ['2022', '2022-03'] }), /"2022" is not a month/);
});

test('event ids are capped on request; the count and the filter still describe them all', async () => {
  const store = await demoStore();
  const capped = await trend(store, { country: ['Mali'], year: [2022] }, { maxIds: 5 });
  assert.equal(capped.eventIds.length, 5);
  assert.equal(capped.eventCount, (await count(store, { country: ['Mali'], year: [2022] })).total.events);
  const all = await trend(store, { country: ['Mali'], year: [2022] }, { maxIds: Infinity });
  assert.equal(all.eventIds.length, capped.eventCount);
  assert.deepEqual(all.eventIds.slice(0, 5), capped.eventIds);
});
