/** Counting aggregated data: at its own resolution, never added to events, always naming the dataset that answered. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from './count.js';
import { listEvents } from './events.js';
import { importFiles } from '../sources/import.js';
import { acledCsv, memoryStore, NEEDS_SHARED, shared, writeScratch } from '../../test/testing.js';

const WEEKLY = shared('acled', 'aggregated', 'US-and-Canada_aggregated_data_up_to_week_of-2026-03-28.csv');
const FATALITIES = shared('acled', 'aggregated', 'number_of_reported_fatalities_by_country-year_as-of-24Oct2025.xlsx');

test("real aggregated files counted through count(): the README's figures, each naming its dataset", { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  await importFiles(store, [WEEKLY, FATALITIES]);
  const minnesota = await count(store, { dataset: ['acled-weekly'], country: ['United States'], admin1: ['minnesota'], year: [2020] });
  assert.deepEqual(minnesota.total, { events: 368, fatalities: 3 });
  assert.deepEqual(minnesota.datasets, [{ dataset: 'acled-weekly', version: 'up to 2026-03-28', events: 368, aggregated: { rows: 81 } }]);
  assert.match(minnesota.notes.join('\n'), /dates match whole weeks: counted are the weeks starting 2020-01-04 to 2020-12-26 \(the last ends 2021-01-01\)/);

  const mali = await count(store, { dataset: ['acled-fatalities'], country: ['Mali'], from: '2021-01-01', to: '2023-12-31' }, ['year']);
  assert.deepEqual(
    mali.rows.map((r) => [r.year, r.fatalities, r.events]),
    [
      [2021, 1909, null],
      [2022, 4858, null],
      [2023, 4329, null],
    ],
    'the file has no event counts: null, never 0',
  );
  const burkina = await count(store, { dataset: ['acled-fatalities'], country: ['Burkina'], year: [2021, 2022, 2023] }, ['year']);
  assert.deepEqual(
    burkina.rows.map((r) => r.fatalities),
    [2360, 4234, 8499],
  );
  const world = await count(store, { dataset: ['acled-fatalities'], year: [2022, 2023] }, ['year']);
  assert.deepEqual(
    world.rows.map((r) => r.fatalities),
    [167007, 196923],
  );
  const all = await count(store, { dataset: ['acled-fatalities'] });
  assert.equal(all.total.fatalities, 2394088);
  assert.deepEqual(all.aggregate, { dataset: 'acled-fatalities', scope: 'reported fatalities (all events)', resolution: 'country × year', period: 'year', measures: ['fatalities'] });
  store.close();
});

async function mixedStore() {
  const store = await memoryStore();
  const header = 'WEEK,REGION,COUNTRY,ADMIN1,EVENT_TYPE,SUB_EVENT_TYPE,EVENTS,FATALITIES,POPULATION_EXPOSURE,DISORDER_TYPE,ID,CENTROID_LATITUDE,CENTROID_LONGITUDE';
  await importFiles(store, [
    writeScratch(
      'Africa_aggregated_data_up_to-2022-04-02.csv',
      `${header}\n2022-03-26,Western Africa,Mali,Mopti,Battles,Armed clash,5,300,,Political violence,1,14,-4\n2022-03-26,Western Africa,Mali,Gao,Protests,Peaceful protest,2,0,,Demonstrations,2,16,0\n`,
    ),
    // The same week, as events: one battle in Moura.
    writeScratch('mali.csv', acledCsv([{ event_id_cnty: 'MLI1', event_date: '2022-03-27', fatalities: 30 }])),
  ]);
  return store;
}

test('events and aggregates of the same places and weeks are never added together; --dataset chooses', async () => {
  const store = await mixedStore();
  const events = await count(store, { country: ['Mali'] });
  assert.deepEqual(events.total, { events: 1, fatalities: 30 });
  assert.equal(events.aggregate, undefined);
  assert.match(events.notes.join('\n'), /counted from events only; the store's aggregated data \(acled-weekly\) is never added to events/);
  const aggregated = await count(store, { country: ['Mali'], dataset: ['acled-weekly'] }, ['event_type']);
  assert.deepEqual(
    aggregated.rows.map((r) => [r.event_type, r.events, r.fatalities]),
    [
      ['Battles', 5, 300],
      ['Protests', 2, 0],
    ],
  );
  assert.match(aggregated.notes.join('\n'), /the store also holds events; they are not added to these aggregates/);
  await assert.rejects(count(store, { dataset: ['acled', 'acled-weekly'] }), /mixes aggregated data \(acled-weekly\) with events/);
  store.close();
});

test('filters and groups an aggregate cannot answer are refused, naming its resolution', async () => {
  const store = await mixedStore();
  await assert.rejects(
    count(store, { dataset: ['acled-weekly'], actor: ['Wagner'] }),
    /actor "Wagner": does not apply to acled-weekly: its rows are all events per week × admin1 × event type × sub-event type/,
  );
  await assert.rejects(count(store, { dataset: ['acled-weekly'], admin2: ['Djenne'] }), /admin2 "Djenne": does not apply/);
  await assert.rejects(count(store, { dataset: ['acled-weekly'] }, ['actor']), /cannot group acled-weekly by actor/);
  assert.equal((await count(store, { dataset: ['acled-weekly'], disorderType: ['demonstrations'] })).total.events, 2);
  store.close();
});

test('commands that need events say plainly that aggregated data has none behind its numbers', async () => {
  const store = await mixedStore();
  await assert.rejects(listEvents(store, { dataset: ['acled-weekly'] }), /acled-weekly is aggregated data: it has no events behind its numbers/);
  const only = await memoryStore();
  await importFiles(only, [writeScratch('number_of_political_violence_events_by_country-month-year_as-of-24Oct2025.csv', 'COUNTRY,MONTH,YEAR,EVENTS\nMali,January,2022,80\n')]);
  await assert.rejects(listEvents(only, {}), /acled-political-violence is aggregated data/);
  // Its one aggregated dataset answers a count without --dataset, and says which it is.
  const counted = await count(only, { country: ['Mali'] }, ['month']);
  assert.deepEqual(counted.rows, [{ month: '2022-01', events: 80, fatalities: null }]);
  assert.equal(counted.datasets[0]!.dataset, 'acled-political-violence');
  store.close();
  only.close();
});
