/** One set of places across sources: a store holding ACLED and UCDP events counts each country once. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from './count.js';
import { importFiles } from '../sources/import.js';
import { join } from 'node:path';
import { Store } from '../store/store.js';
import { acledCsv, memoryStore, NEEDS_SHARED, scratch, shared, writeScratch } from '../../test/testing.js';

const ACLED = shared('acled', 'acled_sample_2022h1.csv');
const UCDP = shared('ucdp', 'ged231_sample.csv');

test('mixed ACLED + UCDP store: one row per country, every spelling counts both sources (../shared/data/README.md)', { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  await importFiles(store, [ACLED, UCDP]);
  const byCountry = await count(store, {}, ['country']);
  const names = byCountry.rows.map((r) => r.country);
  assert.equal(new Set(names).size, names.length, 'one row per country');
  // 169 ACLED countries, 59 UCDP ones; the UCDP countries absent from the ACLED sample are few.
  assert.ok(!names.includes('DR Congo (Zaire)') && !names.includes('Myanmar (Burma)'));

  const expected: Array<[string, string[], number, number, number, number]> = [
    // name shown, spellings to try, ACLED events, UCDP events, ACLED fatalities, UCDP best
    ['Myanmar', ['Myanmar', 'Myanmar (Burma)', 'Burma', 'MMR'], 514, 9, 573, 22],
    ['Democratic Republic of Congo', ['DR Congo', 'DRC', 'Democratic Republic of Congo', 'Congo-Kinshasa'], 149, 35, 222, 3289],
    ['Russia', ['Russia', 'Russia (Soviet Union)'], 67, 16, 0, 35],
    ['Yemen', ['Yemen'], 266, 15, 201, 160],
    ['Cambodia', ['Cambodia (Kampuchea)'], 2, 2, 0, 21],
    ['eSwatini', ['Swaziland', 'eSwatini'], 2, 1, 1, 1],
  ];
  for (const [name, spellings, acledEvents, ucdpEvents, acledDeaths, ucdpDeaths] of expected) {
    const row = byCountry.rows.find((r) => r.country === name)!;
    assert.equal(row.events, acledEvents + ucdpEvents, name);
    assert.equal(row.fatalities, acledDeaths + ucdpDeaths, name);
    for (const spelling of spellings) {
      const both = await count(store, { country: [spelling] });
      const acled = await count(store, { country: [spelling], dataset: ['acled'] });
      const ucdp = await count(store, { country: [spelling], dataset: ['ucdp'] });
      assert.deepEqual([acled.total.events, ucdp.total.events], [acledEvents, ucdpEvents], spelling);
      assert.equal(both.total.events, acled.total.events + ucdp.total.events, spelling);
      assert.equal(both.total.fatalities, acledDeaths + ucdpDeaths, spelling);
      assert.deepEqual(both.filters.country, [name], 'the filter echoes the one name');
    }
  }
  // The source's own spelling is kept.
  const spellings = await store.all(`SELECT DISTINCT dataset, country_source FROM events WHERE country_code = 'COD' ORDER BY dataset`);
  assert.deepEqual(spellings, [
    { dataset: 'acled', country_source: 'Democratic Republic of Congo' },
    { dataset: 'ucdp', country_source: 'DR Congo (Zaire)' },
  ]);
  store.close();
});

test('a country the store lacks is an error naming the country, never an empty count', { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  await importFiles(store, [UCDP]);
  await assert.rejects(count(store, { country: ['Canada'] }), /unknown country "Canada"/);
  store.close();
});

test("a row mixing ACLED and UCDP labels the low–high range as UCDP's own, beside UCDP's events and best", { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  await importFiles(store, [ACLED, UCDP]);
  const drc = await count(store, { country: ['DRC'] });
  assert.deepEqual(drc.estimates, { datasets: ['ucdp'] });
  assert.equal(drc.total.events, 184);
  assert.equal(drc.total.estimated_events, 35);
  assert.equal(drc.total.estimated_best, 3289);
  assert.ok(
    drc.notes.some((n) => /low and high are ucdp's estimates for its own 35 events \(best estimate 3,289\)/.test(n)),
    drc.notes.join('\n'),
  );
  // One source alone: the range is the total's, nothing to label.
  const ucdpOnly = await count(store, { country: ['DRC'], dataset: ['ucdp'] });
  assert.equal(ucdpOnly.estimates, undefined);
  assert.equal(ucdpOnly.total.estimated_events, undefined);
  assert.equal(ucdpOnly.total.fatalities, 3289);
  store.close();
});

test("country names as people write them work in every filter: Côte d'Ivoire, Cote d'Ivoire, DRC, Burma", async () => {
  const store = await memoryStore();
  await importFiles(store, [
    writeScratch(
      'acled.csv',
      acledCsv([
        { event_id_cnty: 'CIV1', country: 'Ivory Coast', admin1: 'Abidjan', fatalities: 1 },
        { event_id_cnty: 'DRC1', country: 'Democratic Republic of Congo', admin1: 'Ituri', fatalities: 2 },
        { event_id_cnty: 'MMR1', country: 'Myanmar', admin1: 'Sagaing', fatalities: 3 },
      ]),
    ),
  ]);
  for (const [name, fatalities] of [
    ["Côte d'Ivoire", 1],
    ["Cote d'Ivoire", 1],
    ['ivory coast', 1],
    ['DRC', 2],
    ['Congo-Kinshasa', 2],
    ['Burma', 3],
    ['MMR', 3],
  ] as const) {
    assert.equal((await count(store, { country: [name] })).total.fatalities, fatalities, name);
  }
  store.close();
});

test('a store made before the country table is brought up to date when opened, its events unchanged', async () => {
  const path = join(scratch(), 'old.duckdb');
  const store = await Store.open(path);
  await importFiles(store, [
    writeScratch(
      'acled.csv',
      acledCsv([
        { event_id_cnty: 'MMR1', country: 'Myanmar (Burma)', fatalities: 3 },
        { event_id_cnty: 'X1', country: 'Atlantis', fatalities: 1 },
      ]),
    ),
  ]);
  // As an older crisismap left it: no country_code, no country_source, the source's spelling in country.
  await store.run(`UPDATE events SET country = country_source`);
  await store.run('ALTER TABLE events DROP COLUMN country_code');
  await store.run('ALTER TABLE events DROP COLUMN country_source');
  store.close();
  const reopened = await Store.open(path, { readOnly: true });
  assert.deepEqual(await reopened.all('SELECT country, country_code, country_source, fatalities FROM events ORDER BY fatalities'), [
    { country: 'Atlantis', country_code: null, country_source: 'Atlantis', fatalities: 1 },
    { country: 'Myanmar', country_code: 'MMR', country_source: 'Myanmar (Burma)', fatalities: 3 },
  ]);
  assert.equal((await count(reopened, { country: ['Burma'] })).total.events, 1);
  assert.equal((await count(reopened, { country: ['atlantis'] })).total.events, 1, 'a name the table does not know still matches itself');
  reopened.close();
});

test('a name written otherwise (case, accents, punctuation) gets its code too, and re-importing it changes nothing', async () => {
  const store = await memoryStore();
  const file = writeScratch('acled.csv', acledCsv([{ event_id_cnty: 'CIV1', country: 'COTE D’IVOIRE', fatalities: 1 }]));
  await importFiles(store, [file]);
  assert.deepEqual(await store.one('SELECT country, country_code, country_source FROM events'), { country: 'Ivory Coast', country_code: 'CIV', country_source: 'COTE D’IVOIRE' });
  const [again] = await importFiles(store, [file]);
  assert.deepEqual([again!.added, again!.updated, again!.unchanged], [0, 0, 1]);
  store.close();
});
