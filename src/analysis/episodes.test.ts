/** Episodes: events grouped in space and time, ranked by fatalities. */
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
import { clusterIslands } from './clusters.js';
import { episodes } from './episodes.js';
import { demoStore, realStore, smallStore } from '../../test/analysis-stores.js';
import { dayOf } from './periods.js';

test('demo: Moura, 27-31 March 2022, is the deadliest episode of 2022 in Mali', async () => {
  const store = await demoStore();
  const answer = await episodes(store, { country: ['Mali'], year: [2022] });
  const [moura, next] = answer.figures.episodes;
  assert.deepEqual([moura!.place.location, moura!.place.admin2, moura!.place.admin1], ['Moura', 'Djenne', 'Mopti']);
  assert.deepEqual([moura!.first, moura!.last], ['2022-03-27', '2022-03-31']);
  // Checked against a plain count of the same place and days, not against a number written here.
  const there = { country: ['Mali'], location: ['Moura'], from: '2022-03-27', to: '2022-03-31' };
  assert.equal(moura!.fatalities, (await count(store, there)).total.fatalities);
  assert.ok(moura!.fatalities > 300);
  assert.ok(moura!.fatalities > 3 * next!.fatalities, 'by a wide margin');
  assert.deepEqual(
    moura!.eventIds,
    (await listEvents(store, there, { fields: ['id'] })).events.map((e) => e.id),
  );
  assert.ok(moura!.eventCount > moura!.fatalEvents, 'events without deaths at Moura (the abductions, the looting) are listed too');
  assert.ok(moura!.actors.some((a) => a.actor === 'Wagner Group'));
  assert.equal(moura!.events[0]!.fatalities, Math.max(...moura!.events.map((e) => e.fatalities)));
  assert.match(
    answer.sentence,
    new RegExp(
      `^The deadliest of [\\d,]+ episodes in Mali in 2022 was at Moura \\(Djenne, Mopti, Mali\\), 27–31 March 2022: ${moura!.fatalities} killed in ${moura!.eventCount} events \\(${moura!.fatalEvents} of them deadly\\) involving `,
    ),
  );
  assert.deepEqual(
    answer.eventIds,
    answer.figures.episodes.flatMap((e) => e.eventIds),
  );
  assert.equal(
    answer.eventCount,
    answer.figures.episodes.reduce((n, e) => n + e.eventCount, 0),
  );
  const capped = await episodes(store, { country: ['Mali'], year: [2022] }, { maxIds: 3 });
  assert.deepEqual([capped.eventIds.length, capped.eventCount, capped.figures.episodes[0]!.eventIds.length], [3, answer.eventCount, 3]);
  assert.deepEqual(
    answer.figures.episodes.map((e) => e.rank),
    answer.figures.episodes.map((_, i) => i + 1),
  );
  assert.ok(answer.figures.episodes.every((e, i, all) => i === 0 || all[i - 1]!.fatalities >= e.fatalities));
});

test('near in space and time joins, farther does not: --km and --days decide', async () => {
  // Moura (14.1303, -4.4714); a point ~5.5 km north; one ~55 km north.
  const store = await smallStore([
    { event_id_cnty: 'A1', event_date: '2022-03-01', latitude: 14.1303, fatalities: 10 },
    { event_id_cnty: 'A2', event_date: '2022-03-02', latitude: 14.18, location: 'North of Moura', fatalities: 5 },
    { event_id_cnty: 'A3', event_date: '2022-03-05', latitude: 14.18, location: 'North of Moura', fatalities: 7 },
    { event_id_cnty: 'B1', event_date: '2022-03-02', latitude: 14.63, location: 'Far away', fatalities: 30 },
    { event_id_cnty: 'C1', event_date: '2022-03-02', latitude: '', longitude: '', location: 'Unknown', fatalities: 4 },
  ]);
  const sizes = async (km: number, days: number) => (await episodes(store, {}, { km, days })).figures.episodes.map((e) => [e.fatalities, e.fatalEvents]);
  assert.deepEqual(await sizes(10, 1), [
    [30, 1],
    [15, 2],
    [7, 1],
  ]);
  assert.deepEqual(await sizes(10, 3), [
    [30, 1],
    [22, 3],
  ]);
  assert.deepEqual(await sizes(2, 3), [
    [30, 1],
    [12, 2],
    [10, 1],
  ]);
  assert.deepEqual(await sizes(100, 3), [[52, 4]]);
  const answer = await episodes(store, {});
  assert.deepEqual(answer.figures.leftOut, { events: 1, fatalities: 4 });
  assert.ok(answer.caveats.some((c) => /1 event with 4 fatalities has no coordinates and is left out/.test(c)));
  await assert.rejects(episodes(store, {}, { km: -1 }), said(/--km -1 is out of range/));
});

test('clustering links in chains, across days within the gap', () => {
  const at = (latitude: number, first: string, last = first) => ({ latitude, longitude: 0, first: dayOf(first), last: dayOf(last), fatalities: 1, events: 1 });
  // Each ~8 km from the next: a chain of three, though the ends are 16 km apart.
  const chain = clusterIslands([at(0, '2022-01-01'), at(0.072, '2022-01-02'), at(0.144, '2022-01-03')], 10, 1);
  assert.equal(chain.length, 1);
  assert.deepEqual([chain[0]!.first, chain[0]!.last], [dayOf('2022-01-01'), dayOf('2022-01-03')]);
  assert.equal(clusterIslands([at(0, '2022-01-01'), at(0, '2022-01-03')], 10, 1).length, 2);
  assert.equal(clusterIslands([at(0, '2022-01-01', '2022-01-10'), at(0.05, '2022-01-05')], 10, 1).length, 1, 'overlapping dates join');
});

test('real ACLED sample: every episode adds up its events; none left out', { skip: NEEDS_SHARED }, async () => {
  const store = await realStore('acled/acled_sample_2022h1.csv');
  const answer = await episodes(store, { country: ['Mali'] }, { limit: 100 });
  assert.deepEqual(answer.figures.leftOut, { events: 0, fatalities: 0 });
  const fatal = await count(store, { country: ['Mali'] });
  const listed = answer.figures.episodes.reduce((n, e) => n + e.fatalities, 0);
  assert.equal(listed, fatal.total.fatalities, 'all Mali fatalities fall in some episode');
  assert.equal(answer.figures.found, answer.figures.episodes.length);
});

test('no events: no episodes, said plainly', async () => {
  const store = await demoStore();
  const answer = await episodes(store, { country: ['Ghana'], year: [2019] });
  assert.deepEqual([answer.figures.found, answer.figures.episodes, answer.eventIds], [0, [], []]);
  assert.equal(answer.sentence, 'No events with fatalities in Ghana in 2019 can be placed: there are no episodes to rank.');
});
