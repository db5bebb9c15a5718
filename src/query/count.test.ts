/** The counting rules of docs/counting.md, each shown on a small store. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readParam } from '../model/param.js';
import { COUNT_PARAMS, count } from './count.js';
import { compileFilter } from './compile.js';
import type { Filter } from './filter.js';
import { resolveFilter } from './resolve.js';
import { EVENTS_PARAMS, listEvents } from './events.js';
import { importFiles } from '../sources/import.js';
import { acledCsv, memoryStore, writeScratch } from '../../test/testing.js';

async function sahel() {
  const store = await memoryStore();
  await importFiles(store, [
    writeScratch(
      'sahel.csv',
      acledCsv([
        {
          event_id_cnty: 'MLI1',
          event_date: '2021-12-30',
          year: 2021,
          actor1: 'Military Forces of Mali (2021-)',
          assoc_actor_1: 'Wagner Group',
          actor2: 'Civilians (Mali)',
          event_type: 'Violence against civilians',
          fatalities: 10,
        },
        {
          event_id_cnty: 'MLI2',
          event_date: '2022-03-27',
          actor1: 'Wagner Group',
          assoc_actor_1: 'Military Forces of Mali (2021-)',
          actor2: 'JNIM: Group for Support of Islam and Muslims',
          fatalities: 30,
        },
        {
          event_id_cnty: 'MLI3',
          event_date: '2022-05-01',
          actor1: 'JNIM: Group for Support of Islam and Muslims',
          assoc_actor_1: 'Katiba Macina; Dozo militia',
          actor2: 'Civilians (Mali)',
          admin1: 'Segou',
          fatalities: 5,
        },
        {
          event_id_cnty: 'BFO1',
          event_date: '2022-06-01',
          country: 'Burkina Faso',
          admin1: 'Centre',
          actor1: 'Protesters (Burkina Faso)',
          assoc_actor_1: '',
          actor2: '',
          event_type: 'Protests',
          fatalities: 0,
        },
        { event_id_cnty: 'TOG1', event_date: '2022-07-01', country: 'Togo', admin1: 'Centre', actor1: 'Unidentified Armed Group (Togo)', assoc_actor_1: '', actor2: 'Civilians (Togo)', fatalities: 2 },
      ]),
    ),
  ]);
  return store;
}

test('an event counts once, however many actors it has', async () => {
  const store = await sahel();
  // MLI2 involves Wagner as actor1 and the army as associated actor: still one event.
  assert.deepEqual((await count(store, { actor: ['wagner'] })).total, { events: 2, fatalities: 40 });
  assert.deepEqual((await count(store, { actor: ['Wagner', 'Military Forces of Mali'] })).total, { events: 2, fatalities: 40 });
});

test('involvement means actor1, actor2 or any associated actor; part of a name unless exact', async () => {
  const store = await sahel();
  assert.equal((await count(store, { actor: ['Katiba Macina'] })).total.events, 1);
  assert.equal((await count(store, { actor: ['civilians (mali)'] })).total.events, 2);
  assert.equal((await count(store, { actor: ['Civilians'] })).total.events, 3);
  assert.equal((await count(store, { actor: ['Civilians'], actorExact: true })).total.events, 0);
  assert.equal((await count(store, { actor: ['wagner group'], actorExact: true })).total.events, 2);
  // A name holds no line break or other control character: such a value matches no actor, not two names at once.
  assert.equal((await count(store, { actor: ['civilians (mali)\nwagner'] })).total.events, 0);
  assert.equal((await count(store, { actor: ['wag\u0001ner'] })).total.events, 0);
  assert.equal((await count(store, { actor: ['wag\u0001ner', 'wagner'] })).total.events, 2);
});

test('actor values are looked up once among the stored names: the same counts as scanning every event, and no scan for a name none holds', async () => {
  const store = await sahel();
  // The plain scan: the filter compiled as it is, without resolveFilter's lookup.
  const scanned = async (filter: Filter) => {
    const { where, params } = compileFilter(filter);
    return Number((await store.one(`SELECT count(*) AS n FROM events ${where}`, params)).n);
  };
  const values = [
    'Wagner',
    'wagner group',
    'GROUP',
    'mali)',
    '(2021-)',
    'Katiba Macina',
    'dozo militia',
    'katiba macina; dozo militia',
    'mali)\nwag',
    'Nobody',
    'wag\u0001ner',
    'protesters (burkina faso)',
    '  Civilians (Togo)  ',
  ];
  const filters: Filter[] = [
    ...values.flatMap((v) => [{ actor: [v] }, { actor: [v], actorExact: true }]),
    { actor: ['Nobody', 'Wagner'] },
    { actor: ['Nobody', 'No one either'], country: ['Mali'] },
    { actor: ['Nobody', 'wagner group', 'katiba'], actorExact: true },
  ];
  // A resolved filter whose actors match no name compiles to FALSE: DuckDB reads no row.
  const none = await resolveFilter(store, { actor: ['Nobody', 'no one either'] });
  assert.match(compileFilter(none).where, /WHERE FALSE/);
  // The names are now known for this store's generation: one value is looked up too.
  for (const filter of filters) assert.equal((await count(store, filter)).total.events, await scanned(filter), JSON.stringify(filter));
  assert.match(compileFilter(await resolveFilter(store, { actor: ['Nobody'] })).where, /WHERE FALSE/);
  assert.match(compileFilter(await resolveFilter(store, { actor: ['Nobody', 'wagner'] })).where, /contains\(actor_text, \?\)\)/);
  // What the lookup learnt is not part of the filter outputs echo.
  assert.deepEqual((await count(store, { actor: ['Nobody'] })).filters, { actor: ['Nobody'] });
  // A store that changes is looked up again (one value, scanned while the names are not read again): a name imported later matches at once.
  await importFiles(store, [writeScratch('nobody.csv', acledCsv([{ event_id_cnty: 'MLI9', event_date: '2022-09-01', actor1: 'Nobody Brigade', actor2: 'Civilians (Mali)' }]))]);
  assert.equal((await count(store, { actor: ['Nobody'] })).total.events, 1);
});

test('grouping by actor lists an event under each actor; rows overlap and the total is distinct', async () => {
  const store = await sahel();
  const result = await count(store, { country: ['Mali'] }, ['actor']);
  const rows = Object.fromEntries(result.rows.map((r) => [r.actor, r.events]));
  assert.equal(rows['Wagner Group'], 2);
  assert.equal(rows['JNIM: Group for Support of Islam and Muslims'], 2);
  assert.equal(result.rows.reduce((n, r) => n + r.events, 0) > result.total.events, true);
  assert.deepEqual(result.total, { events: 3, fatalities: 45 });
  assert.match(result.notes[0]!, /rows overlap/);
});

test('places are grouped with the areas that contain them: two "Centre" regions stay apart', async () => {
  const store = await sahel();
  const result = await count(store, { admin1: ['centre'] }, ['admin1']);
  assert.deepEqual(result.by, ['country', 'admin1']);
  assert.deepEqual(
    result.rows.map((r) => [r.country, r.admin1, r.events]),
    [
      ['Togo', 'Centre', 1],
      ['Burkina Faso', 'Centre', 1],
    ],
  );
});

test('filters combine: alternatives within a flag, all flags together; dates inclusive', async () => {
  const store = await sahel();
  assert.equal((await count(store, { country: ['Mali', 'Togo'] })).total.events, 4);
  assert.equal((await count(store, { country: ['Mali'], year: [2022] })).total.events, 2);
  assert.equal((await count(store, { from: '2021-12-30', to: '2022-03-27' })).total.events, 2);
  assert.equal((await count(store, { civilianTargeting: true })).total.events, 1);
  const byYear = await count(store, { country: ['mali'] }, ['year']);
  assert.deepEqual(
    byYear.rows.map((r) => [r.year, r.events, r.fatalities]),
    [
      [2021, 1, 10],
      [2022, 2, 35],
    ],
  );
  assert.deepEqual(byYear.filters, { country: ['Mali'] });
});

test('a value that matches nothing is an error naming the closest values', async () => {
  const store = await sahel();
  await assert.rejects(count(store, { country: ['Maly'] }), (e: { message: string; details: string[] }) => e.message === 'unknown country "Maly"' && e.details[0] === 'closest: Mali');
  await assert.rejects(count(store, { from: '27/03/2022' }), /is not a date/);
  // Words of a fixed vocabulary are checked by their declarations, whatever the interface.
  assert.throws(() => readParam(COUNT_PARAMS.by, ['year,colour']), /^ParamError: by "colour" is not one of year, quarter, month, week, country/);
  assert.deepEqual(readParam(COUNT_PARAMS.by, ['Year,event-type', 'year']), ['year', 'event_type'], 'any case, - for _, once each');
  assert.throws(() => readParam(EVENTS_PARAMS.fields, [' , ']), /^ParamError: fields is empty$/);
  assert.throws(() => readParam(EVENTS_PARAMS.fields, ['id,colour']), /^ParamError: fields "colour" is not one of id, dataset/);
  const none = await count(store, { actor: ['Wagnr'] });
  assert.equal(none.total.events, 0);
  assert.match(none.notes[0]!, /closest names: Wagner Group/);
});

test("events by id: crisismap's id or the source's own (ACLED's event_id_cnty), in any case; an unknown id is an error", async () => {
  const store = await sahel();
  const listed = async (ids: string[]) => (await listEvents(store, { eventId: ids }, { fields: ['id', 'fatalities'] })).events.map((e) => e.id);
  assert.deepEqual(await listed(['acled:MLI2']), ['acled:MLI2']);
  assert.deepEqual(await listed(['MLI2']), ['acled:MLI2'], "the source's id");
  assert.deepEqual(await listed(['mli2', 'ACLED:TOG1']), ['acled:MLI2', 'acled:TOG1'], 'any case, alternatives');
  const one = await count(store, { eventId: ['MLI3'], country: ['Mali'] });
  assert.deepEqual(one.total, { events: 1, fatalities: 5 });
  assert.deepEqual(one.filters, { country: ['Mali'], eventId: ['acled:MLI3'] }, 'echoed as the ids the store holds');
  assert.equal((await count(store, { eventId: ['MLI3'], country: ['Togo'] })).total.events, 0, 'and every other filter still holds');
  await assert.rejects(count(store, { eventId: ['MLI9'] }), (e: { message: string }) => e.message === 'unknown eventId "MLI9"');
});

test('filter values never enter the SQL text: they are parameters', () => {
  const nasty = "Mali'); DROP TABLE events; --";
  const { where, params } = compileFilter({ country: [nasty], actor: [nasty] });
  assert.ok(!where.includes('DROP'));
  assert.deepEqual(params, [nasty, nasty.toLowerCase()]);
});
