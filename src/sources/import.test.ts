/**
 * Importing the real files in ../shared/data reproduces, exactly, the figures in its README
 * (computed there independently with a plain CSV reader).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFiles } from './import.js';
import { count } from '../query/count.js';
import { listEvents } from '../query/events.js';
import { memoryStore, NEEDS_SHARED, shared } from '../../test/testing.js';

const byKey = (rows: Array<Record<string, unknown>>, key: string, measure = 'fatalities') => Object.fromEntries(rows.map((r) => [String(r[key]), r[measure]]));

test('ACLED current export: 9,000 events, 4,568 fatalities, top countries, Mali, Wagner, types', { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  const [report] = await importFiles(store, [shared('acled/acled_sample_2022h1.csv')]);
  assert.equal(report!.layout, 'acled');
  assert.equal(report!.added, 9000);

  assert.deepEqual((await count(store, {})).total, { events: 9000, fatalities: 4568 });
  const countries = (await count(store, {}, ['country'])).rows.sort((a, b) => b.fatalities - a.fatalities).slice(0, 5);
  assert.deepEqual(
    countries.map((r) => [r.country, r.fatalities]),
    [
      ['Ukraine', 959],
      ['Myanmar', 573],
      ['Nigeria', 486],
      ['Mexico', 285],
      ['Democratic Republic of Congo', 222],
    ],
  );
  assert.deepEqual((await count(store, { country: ['Mali'] })).total, { events: 64, fatalities: 177 });

  const wagner = await count(store, { actor: ['Wagner'] });
  assert.deepEqual(wagner.total, { events: 5, fatalities: 37 });
  const ids = (await listEvents(store, { actor: ['Wagner'] }, { fields: ['source_id'] })).events.map((e) => e.source_id);
  assert.deepEqual(ids.sort(), ['CEN48850', 'CEN48942', 'CEN48963', 'MLI6437', 'MLI6442']);

  const several = await store.one(`SELECT count(*) AS n FROM events WHERE len(assoc_actor_1) > 1 OR len(assoc_actor_2) > 1`);
  assert.equal(several.n, 1934);

  const types = await count(store, {}, ['event_type']);
  assert.deepEqual(byKey(types.rows, 'event_type', 'events'), {
    Battles: 956,
    'Explosions/Remote violence': 1137,
    Protests: 4756,
    Riots: 529,
    'Strategic developments': 643,
    'Violence against civilians': 979,
  });
  assert.equal((await count(store, { eventType: ['Violence against civilians'] })).total.fatalities, 1146);
  // The sample spells it this way; the import keeps what the source wrote.
  assert.ok((await count(store, { disorderType: ['Demostrations'] })).total.events > 0);
});

test('HDX files with an HXL hashtag row: Mali, Burkina Faso, Niger 1997–2020', { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  const reports = await importFiles(
    store,
    ['mli', 'bfa', 'ner'].map((c) => shared(`acled/hdx_${c}_1997_2020.csv`)),
  );
  assert.deepEqual(
    reports.map((r) => r.added),
    [3990, 2730, 1349],
  );

  const mali = await count(store, { country: ['Mali'] }, ['year']);
  assert.deepEqual(mali.total, { events: 3990, fatalities: 9660 });
  const maliYears = byKey(mali.rows, 'year');
  assert.deepEqual([maliYears['2018'], maliYears['2019'], maliYears['2020']], [1747, 1887, 1967]);
  const maliEvents = byKey(mali.rows, 'year', 'events');
  assert.deepEqual([maliEvents['2018'], maliEvents['2019'], maliEvents['2020']], [751, 813, 721]);
  const range = await store.one(`SELECT min(event_date) AS first, max(event_date) AS last FROM events WHERE country = 'Mali'`);
  assert.deepEqual(range, { first: '1997-01-06', last: '2020-07-31' });

  const burkina = await count(store, { country: ['Burkina Faso'] }, ['year']);
  assert.deepEqual(burkina.total, { events: 2730, fatalities: 4784 });
  const b = byKey(burkina.rows, 'year');
  assert.deepEqual([b['2018'], b['2019'], b['2020']], [303, 2219, 1796]);

  const niger = await count(store, { country: ['Niger'] }, ['year']);
  assert.deepEqual(niger.total, { events: 1349, fatalities: 4419 });
  const n = byKey(niger.rows, 'year');
  assert.deepEqual([n['2018'], n['2019'], n['2020']], [506, 719, 876]);
  const last = await store.one(`SELECT max(event_date) AS last FROM events WHERE country <> 'Mali'`);
  assert.equal(last.last, '2020-08-01');
});

test('monadic export: 6,214 rows fold back into 3,314 events and 7,422 fatalities, not 14,830', { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  const [report] = await importFiles(store, [shared('acled/monadic_mali_2017_2020.csv')]);
  assert.equal(report!.layout, 'acled-monadic');
  assert.equal(report!.rowsRead, 6214);
  assert.equal(report!.added, 3314);
  assert.equal(report!.merged, 6214 - 3314);
  const result = await count(store, {}, ['year']);
  assert.deepEqual(result.total, { events: 3314, fatalities: 7422 });
  assert.deepEqual(byKey(result.rows, 'year'), { 2017: 946, 2018: 1747, 2019: 1875, 2020: 2854 });
  // Both actors of a dyadic event come back, on their own sides.
  const event = (await listEvents(store, { actor: ['Katiba Macina'], from: '2020-12-31', to: '2020-12-31' }, { fields: ['source_id', 'actor1', 'assoc_actor_1', 'actor2'] })).events.find(
    (e) => e.source_id === 'MLI4682',
  );
  assert.deepEqual(event, { source_id: 'MLI4682', actor1: 'Katiba Macina', assoc_actor_1: ['JNIM: Group for Support of Islam and Muslims'], actor2: 'Civilians (Mali)' });
});

test('older layout with 16-Feb-21 dates: 254 events, 259 fatalities', { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  const [report] = await importFiles(store, [shared('acled/burkina_2021_sample.csv')]);
  assert.equal(report!.added, 254);
  assert.deepEqual((await count(store, {})).total, { events: 254, fatalities: 259 });
  const first = await listEvents(store, {}, { fields: ['source_id', 'event_date'], limit: 1000 });
  assert.equal(first.events.find((e) => e.source_id === 'BFO4460')?.event_date, '2021-02-16');
});

test('UCDP GED: best, low, high and deaths by side, counted per event', { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  const [report] = await importFiles(store, [shared('ucdp/ged231_sample.csv')]);
  assert.equal(report!.layout, 'ucdp-ged');
  assert.equal(report!.version, '23.1');
  const result = await count(store, {});
  assert.deepEqual(result.total, { events: 1000, fatalities: 9561, fatalities_low: 6224, fatalities_high: 22017 });
  const sides = await store.one(`SELECT sum(deaths_civilians) AS civilians,
      count(*) FILTER (WHERE deaths_a + deaths_b + deaths_civilians + deaths_unknown <> fatalities) AS mismatched FROM events`);
  assert.deepEqual(sides, { civilians: 2690, mismatched: 0 });
  const types = await count(store, {}, ['event_type']);
  assert.deepEqual(byKey(types.rows, 'event_type'), { 'State-based conflict': 3914, 'Non-state conflict': 3752, 'One-sided violence': 1895 });
  assert.equal((await count(store, { country: ['Mali', 'Burkina Faso', 'Niger'] })).total.events, 12);
  const one = (await listEvents(store, { dataset: ['ucdp'] }, { fields: ['id', 'extra'], limit: 1 })).events[0]!;
  assert.match(String(one.id), /^ucdp:\d+$/);
  // Columns without a field of their own are kept, not dropped.
  assert.ok('conflict_name' in JSON.parse(String(one.extra)));
});

test('ACLED All-Africa 2016, zipped, Windows-1252, day-first slash dates: 6,831 events, 12,375 fatalities', { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  const [report, ...others] = await importFiles(store, [shared('acled/acled_africa_2016-01_to_05.zip')]);
  assert.equal(others.length, 0);
  assert.match(report!.file, /acled_africa_2016-01_to_05\.zip\/ACLED All Africa File_20160101 to 20160528_csv\.csv$/);
  assert.deepEqual([report!.layout, report!.encoding, report!.rowsRead, report!.added, report!.rejected], ['acled-2016', 'windows-1252', 6831, 6831, 0]);
  assert.match(report!.dateOrder!, /read day first: .*_csv\.csv:2 has "29\/12\/2015", which can only be day first/);
  assert.deepEqual((await count(store, {})).total, { events: 6831, fatalities: 12375 });
  const years = await count(store, {}, ['year']);
  assert.deepEqual(Object.fromEntries(years.rows.map((r) => [String(r.year), [r.events, r.fatalities]])), {
    2014: [3, 0],
    2015: [109, 347],
    2016: [6719, 12028],
  });
  const countries = (await count(store, {}, ['country'])).rows.sort((a, b) => b.events - a.events).slice(0, 3);
  assert.deepEqual(
    countries.map((r) => [r.country, r.events, r.fatalities]),
    [
      ['Somalia', 1021, 2113],
      ['South Africa', 716, 59],
      ['Nigeria', 646, 2498],
    ],
  );
  assert.deepEqual((await count(store, { from: '2016-03-01', to: '2016-03-31' })).total, { events: 1397, fatalities: 2519 });
  // Windows-1252 punctuation is read as the characters it stands for.
  const quoted = await store.one(`SELECT count(*) AS n FROM events WHERE notes LIKE '%’%' OR notes LIKE '%“%'`);
  assert.ok(Number(quoted.n) > 0);
  assert.equal((await store.one(`SELECT count(*) AS n FROM events WHERE notes SIMILAR TO '.*[\\x80-\\x9f].*'`)).n, 0);
});

test('UCDP GED as GeoJSON (Central African Republic): 1,848 events, best 14,948, low 13,721, high 17,760', { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  const [report] = await importFiles(store, [shared('ucdp/ged231_central_african_republic.geojson')]);
  assert.deepEqual([report!.layout, report!.version, report!.added], ['ucdp-ged', '23.1', 1848]);
  assert.deepEqual((await count(store, {})).total, { events: 1848, fatalities: 14948, fatalities_low: 13721, fatalities_high: 17760 });
  const years = Object.fromEntries((await count(store, {}, ['year'])).rows.map((r) => [String(r.year), [r.events, r.fatalities]]));
  assert.deepEqual(
    [years['2013'], years['2014'], years['2017'], years['2021'], years['2022']],
    [
      [186, 3396],
      [461, 3493],
      [220, 1848],
      [167, 1080],
      [105, 773],
    ],
  );
  assert.deepEqual((await count(store, { from: '2013-03-01', to: '2013-12-31' })).total.events, 174);
  assert.deepEqual((await count(store, { from: '2013-03-01', to: '2013-12-31' })).total.fatalities, 3346);
  // The point geometry gives each event its place.
  assert.equal((await store.one('SELECT count(*) AS n FROM events WHERE latitude IS NULL OR longitude IS NULL')).n, 0);
  assert.deepEqual(await store.one(`SELECT longitude, latitude FROM events WHERE source_id = '36210'`), { longitude: 26.486881, latitude: 5.399784 });
});
