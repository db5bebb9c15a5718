/** Judging claims against a small store: tolerances per qualifier, no_data, other measures, events behind each figure. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { smallStore } from '../../test/analysis-stores.js';
import type { Store } from '../store/store.js';
import { checkText } from './check.js';

let store: Store;
before(async () => {
  // Mali, 2022: 200 fatalities in three events (one targeting civilians, 50); 2021: 100.
  store = await smallStore([
    { event_id_cnty: 'MLI1', event_date: '2022-03-27', fatalities: 100 },
    { event_id_cnty: 'MLI2', event_date: '2022-06-01', fatalities: 50, event_type: 'Violence against civilians', sub_event_type: 'Attack', actor2: 'Civilians (Mali)', inter2: 7, interaction: 17 },
    { event_id_cnty: 'MLI3', event_date: '2022-09-01', fatalities: 50 },
    { event_id_cnty: 'MLI4', event_date: '2021-09-01', year: 2021, fatalities: 100 },
    // Events without fatalities at both ends: the data cover 2021 and 2022 whole.
    { event_id_cnty: 'MLI5', event_date: '2021-01-02', year: 2021, fatalities: 0, event_type: 'Strategic developments', sub_event_type: 'Other' },
    { event_id_cnty: 'MLI6', event_date: '2022-12-30', fatalities: 0, event_type: 'Strategic developments', sub_event_type: 'Other' },
  ]);
});

const verdictOf = async (text: string, published = '2023-02-08') => {
  const report = await checkText(store, text, { published });
  const claims = report.claims.filter((c) => c.kind === 'number');
  assert.equal(claims.length, 1, JSON.stringify(report.claims.map((c) => c.span)));
  return claims[0]!;
};

test('about passes within ±10%; exact within ±5%; more than and at least at or above', async () => {
  assert.equal((await verdictOf('About 215 people were killed in Mali in 2022.')).verdict, 'supported');
  assert.equal((await verdictOf('About 250 people were killed in Mali in 2022.')).verdict, 'contradicted');
  assert.equal((await verdictOf('In Mali, 208 people were killed in 2022.')).verdict, 'supported');
  assert.equal((await verdictOf('In Mali, 215 people were killed in 2022.')).verdict, 'contradicted');
  assert.equal((await verdictOf('More than 150 people were killed in Mali in 2022.')).verdict, 'supported');
  assert.equal((await verdictOf('At least 200 people were killed in Mali in 2022.')).verdict, 'supported');
  assert.equal((await verdictOf('At least 300 people were killed in Mali in 2022.')).verdict, 'contradicted');
});

test('small numbers must match exactly; civilian deaths count events targeting civilians', async () => {
  const c = await verdictOf('In Mali, 50 civilians were killed in 2022.');
  assert.deepEqual([c.verdict, c.data?.figure, c.data?.filters.civilianTargeting, c.data?.event_ids], ['supported', 50, true, ['acled:MLI2']]);
  assert.equal((await verdictOf('In Mali, 19 people were killed on 1 June 2022.')).verdict, 'contradicted');
});

test("the dead of one side: the events' dead on every side bound the claim, but cannot confirm it (ACLED does not attribute them)", async () => {
  const within = await verdictOf('In Mali, militants killed 120 soldiers in 2022.');
  assert.deepEqual([within.side, within.verdict, within.data?.figure], ['soldiers', 'unclear', 200]);
  assert.match(within.explanation, /^Unclear: the store holds 200 fatalities .* on every side: it does not say how many of them were soldiers/);
  const beyond = await verdictOf('In Mali, militants killed 300 soldiers in 2022.');
  assert.equal(beyond.verdict, 'contradicted');
  assert.match(beyond.explanation, /fewer than the 300 soldiers the claim counts/);
  // People, not a side: judged as before.
  assert.equal((await verdictOf('In Mali, militants killed 200 people in 2022.')).verdict, 'supported');
});

test('changes: the figure is the change between the two periods, with both counts', async () => {
  const c = await verdictOf('Deaths in Mali doubled in 2022 compared to 2021.');
  assert.deepEqual([c.metric, c.verdict, c.data?.figure, c.data?.parts?.value, c.data?.parts?.base], ['change_ratio', 'supported', 2, 200, 100]);
});

test('no_data names what is missing: a country the store lacks, a period it does not cover', async () => {
  const chad = await verdictOf('At least 100 people were killed in Chad in 2022.');
  assert.equal(chad.verdict, 'no_data');
  assert.match(chad.explanation, /no events in Chad/);
  const early = await verdictOf('At least 100 people were killed in Mali in 2015.');
  assert.equal(early.verdict, 'no_data');
  assert.match(early.explanation, /run from 2021-01 to 2022-12/);
});

test('a figure from a source with another measure is not contradicted: the store figure is given beside it', async () => {
  const c = await verdictOf('Some 90 terrorism deaths were recorded in Mali in 2022, the Global Terrorism Index said.');
  assert.equal(c.verdict, 'not_checkable');
  assert.match(c.explanation, /Not comparable: the figure comes from Global Terrorism Index.*the store's figure is 200/);
  assert.equal(c.data?.figure, 200);
});

test('a filter limits the data used, and is echoed', async () => {
  const report = await checkText(store, 'About 215 people were killed in Mali in 2022.', { published: '2023-01-01', filter: { dataset: ['acled'] } });
  assert.deepEqual(report.filters, { dataset: ['acled'] });
  assert.deepEqual(report.claims[0]?.data?.filters.dataset, ['acled']);
});

test('an incident the text names is judged against the deadliest episode of its place and period, and says so', async () => {
  const massacre = await verdictOf('The massacre killed at least 90 people in Mali in 2022.');
  assert.deepEqual([massacre.verdict, massacre.period?.from, massacre.period?.to, massacre.data?.figure], ['supported', '2022-03-27', '2022-03-27', 100]);
  assert.match(massacre.explanation, /deadliest episode/);
  assert.equal((await verdictOf('The massacre killed at least 150 people in Mali in 2022.')).verdict, 'contradicted');
  // A tally of attacks is no incident: the whole year counts.
  const tally = await verdictOf('At least 150 people were killed in attacks in Mali in 2022.');
  assert.deepEqual([tally.verdict, tally.period?.from, tally.period?.to], ['supported', '2022-01-01', '2022-12-31']);
});

test('a recent incident at a town is the one before publication, not the deadliest there ever', async () => {
  // All the store's events are at Moura: its deadliest episodes had 100 dead (2021, March 2022); June 2022 has one of 50.
  const old = await verdictOf('The massacre at Moura killed 100 people.', '2022-06');
  assert.equal(old.data?.figure, 100);
  assert.ok(old.period!.from < '2022-06-01', old.period!.from);
  const recent = await verdictOf('A recent massacre at Moura killed 50 people.', '2022-06');
  assert.deepEqual([recent.verdict, recent.period?.from, recent.data?.figure], ['supported', '2022-06-01', 50]);
});

test('a second-level area the store holds (a cercle, a province) places the claim and limits the count', async () => {
  const c = await verdictOf('At least 150 people were killed in the Djenne cercle in 2022.');
  assert.deepEqual([c.place?.countries, c.place?.admin2, c.data?.filters.admin2, c.data?.figure, c.verdict], [['MLI'], ['Djenne'], ['Djenne'], 200, 'supported']);
});

test('a period stated to the end of the publication month is counted only up to publication', async () => {
  const c = await verdictOf('About 250 people have been killed in Mali since 2021.', '2022-06-10');
  assert.deepEqual([c.period?.from, c.period?.to], ['2021-01-01', '2022-06-30']);
  assert.deepEqual([c.data?.filters.from, c.data?.filters.to, c.data?.figure], ['2021-01-01', '2022-06-10', 250]);
});

test('averages: the total over the period, per year or per day', async () => {
  const c = await verdictOf('In Mali, an average of 150 people were killed a year between 2021 and 2022.');
  assert.deepEqual([c.per, c.data?.figure, c.verdict], ['year', 150, 'supported']);
});

test('a change in attacks on civilians counts only the events that target civilians', async () => {
  // The store's only event that targets civilians is MLI2 (2022): the filter says so.
  const c = await verdictOf('Attacks on civilians in Mali rose by 40% in 2022 compared with 2021.');
  assert.equal(c.data?.filters.civilianTargeting, true);
});
