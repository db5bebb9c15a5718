/** One set of places across sources: a store holding ACLED and UCDP events counts each country once. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from './count.js';
import { importFiles } from '../sources/import.js';
import { memoryStore, NEEDS_SHARED, shared } from '../testing.js';

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
  assert.deepEqual(spellings, [{ dataset: 'acled', country_source: 'Democratic Republic of Congo' }, { dataset: 'ucdp', country_source: 'DR Congo (Zaire)' }]);
  store.close();
});

test('a country the store lacks is an error naming the country, never an empty count', { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  await importFiles(store, [UCDP]);
  await assert.rejects(count(store, { country: ['Canada'] }), /unknown country "Canada"/);
  store.close();
});

test('a row mixing ACLED and UCDP labels the low–high range as UCDP\'s own, beside UCDP\'s events and best', { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  await importFiles(store, [ACLED, UCDP]);
  const drc = await count(store, { country: ['DRC'] });
  assert.deepEqual(drc.estimates, { datasets: ['ucdp'] });
  assert.equal(drc.total.events, 184);
  assert.equal(drc.total.estimated_events, 35);
  assert.equal(drc.total.estimated_best, 3289);
  assert.ok(drc.notes.some((n) => /low and high are ucdp's estimates for its own 35 events \(best estimate 3,289\)/.test(n)), drc.notes.join('\n'));
  // One source alone: the range is the total's, nothing to label.
  const ucdpOnly = await count(store, { country: ['DRC'], dataset: ['ucdp'] });
  assert.equal(ucdpOnly.estimates, undefined);
  assert.equal(ucdpOnly.total.estimated_events, undefined);
  assert.equal(ucdpOnly.total.fatalities, 3289);
  store.close();
});
