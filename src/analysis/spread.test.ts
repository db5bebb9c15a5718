/** Spread: areas with events for the first time, the moving centre of events, named groups. */
import { CLI_NAMES } from '../cli/wording.js';
import type { CrisisError } from '../model/errors.js';
import { wordError } from '../model/param.js';

// The library names parameters by token; as the command line words them:
const said = (pattern: RegExp) => (e: CrisisError) => pattern.test(wordError(e, CLI_NAMES).message);
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from '../query/count.js';
import { NEEDS_SHARED } from '../../test/testing.js';
import { parseGroup } from './areas.js';
import { demoStore, realStore, smallStore } from '../../test/analysis-stores.js';
import { spread } from './spread.js';

const COASTAL = parseGroup(`coastal=Benin,Togo,Ghana,"Côte d'Ivoire"`);

test('demo: events reach the coastal states one by one, none before 2020', async () => {
  const store = await demoStore();
  const answer = await spread(store, {}, { groups: [COASTAL] });
  const f = answer.figures;
  assert.equal(f.baseline, '2019');
  assert.deepEqual(
    f.periods.map((p) => [p.period, [...p.newCountries].sort()]),
    [
      ['2019', []],
      ['2020', ['Ivory Coast']],
      ['2021', ['Benin', 'Togo']],
      ['2022', ['Ghana']],
      ['2023', []],
    ],
  );
  assert.deepEqual(f.groups, [{ name: 'coastal', areas: ['Benin', 'Togo', 'Ghana', 'Ivory Coast'], level: 'country' }]);
  const coastal = f.periods.map((p) => p.groups.coastal!);
  assert.deepEqual(coastal[0], { events: 0, fatalities: 0, share: 0 });
  for (const [i, p] of f.periods.entries()) {
    const c = await count(store, { country: ['Benin', 'Togo', 'Ghana', 'Ivory Coast'], year: [Number(p.period)] });
    assert.deepEqual([coastal[i]!.events, coastal[i]!.fatalities], [c.total.events, c.total.fatalities], p.period);
  }
  assert.match(answer.sentence, /^From 2019 to 2023, events reached new countries, Ivory Coast \(2020\), Togo and Benin \(2021\) and Ghana \(2022\), and \d+ new admin1 areas; /);
});

test('demo: within Burkina Faso and Niger, violence reaches new regions, and its centre moves south', async () => {
  const store = await demoStore();
  const f = (await spread(store, { country: ['Burkina Faso', 'Niger'] })).figures;
  const fresh = (country: string) => f.periods.flatMap((p) => p.newAdmin1.filter((a) => a.country === country).map((a) => `${p.period} ${a.admin1}`));
  assert.ok(fresh('Burkina Faso').length >= 3, fresh('Burkina Faso').join(', '));
  assert.ok(fresh('Niger').length >= 2, fresh('Niger').join(', '));
  assert.ok(f.periods[0]!.newAdmin1.length === 0, 'the first year is the baseline');
  // Each new area had no event before its period, and some in it.
  for (const p of f.periods) {
    for (const a of p.newAdmin1) {
      assert.equal((await count(store, { country: [a.country], admin1: [a.admin1], to: `${Number(p.period) - 1}-12-31` })).total.events, 0);
      assert.ok((await count(store, { country: [a.country], admin1: [a.admin1], year: [Number(p.period)] })).total.events > 0);
    }
  }
  const all = (await spread(store, {})).figures;
  assert.ok(all.periods.at(-1)!.centre!.latitude < all.periods[0]!.centre!.latitude, 'the centre moves south');
  assert.match(all.overall!.direction, /south/);
});

test('the centre is weighted by fatalities and its move measured on the sphere', async () => {
  const store = await smallStore([
    { event_id_cnty: 'A1', event_date: '2021-05-01', year: 2021, latitude: 14, longitude: -4, fatalities: 3 },
    { event_id_cnty: 'A2', event_date: '2021-06-01', year: 2021, latitude: 16, longitude: -4, fatalities: 1 },
    { event_id_cnty: 'B1', event_date: '2022-05-01', latitude: 13, longitude: -4, fatalities: 5 },
    { event_id_cnty: 'B2', event_date: '2022-05-02', latitude: '', longitude: '', fatalities: 9 },
  ]);
  const f = (await spread(store, {})).figures;
  assert.deepEqual(
    f.periods.map((p) => p.centre!.latitude),
    [14.5, 13],
  );
  assert.equal(Math.round(f.periods[1]!.moved!.km), 167);
  assert.equal(f.periods[1]!.moved!.direction, 'south');
  assert.deepEqual(f.leftOut, { events: 1, fatalities: 9 });
});

test('"new" looks before the dates asked for; bad groups are refused with the closest names', async () => {
  const store = await demoStore();
  const f = (await spread(store, { year: [2022, 2023] })).figures;
  assert.deepEqual(
    f.periods.map((p) => [p.period, p.newCountries]),
    [
      ['2022', ['Ghana']],
      ['2023', []],
    ],
  );
  await assert.rejects(spread(store, {}, { groups: [{ name: 'x', areas: ['Benim'] }] }), said(/--group x: no country or admin1 area "Benim"/));
  await assert.rejects(spread(store, {}, { groups: [{ name: 'x', areas: ['Benin', 'Mopti'] }] }), /mixes countries \(Benin\) and admin1 areas \(Mopti\)/);
  assert.throws(() => parseGroup('Benin,Togo'), /needs a name and areas/);
  const mali = await spread(store, { country: ['Mali'] }, { groups: [COASTAL] });
  assert.ok(mali.caveats.some((c) => /the filters leave none of group coastal/.test(c)));
});

test('real HDX files: every area called new had no event before its year', { skip: NEEDS_SHARED }, async () => {
  const store = await realStore('acled/hdx_mli_1997_2020.csv', 'acled/hdx_bfa_1997_2020.csv', 'acled/hdx_ner_1997_2020.csv');
  const f = (await spread(store, { from: '2012-01-01' })).figures;
  assert.equal(f.baseline, '1997');
  const fresh = f.periods.flatMap((p) => p.newAdmin1.map((a) => ({ ...a, year: Number(p.period) })));
  assert.ok(fresh.length > 0);
  for (const a of fresh) {
    assert.equal((await count(store, { country: [a.country], admin1: [a.admin1], to: `${a.year - 1}-12-31` })).total.events, 0, `${a.admin1} ${a.year}`);
  }
});

test('edge cases: no events, one period', async () => {
  const store = await demoStore();
  assert.equal((await spread(store, { country: ['Ghana'], year: [2019] })).sentence, 'No events match in Ghana: nothing spread.');
  assert.equal((await spread(store, { country: ['Mali'], year: [2022] })).sentence, 'Events in Mali cover one year, 2022: there is no spread to measure.');
});
