/** Every chart kind drawn from a small fixed store: snapshots, PNGs, specs and CSVs. */
import { CLI_NAMES } from '../cli/wording.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFiles } from '../sources/import.js';
import { acledCsv, memoryStore, writeScratch } from '../../test/testing.js';
import { chart, chartSvg, chartOutput, pngSize, CHART_KINDS, type ChartKind, type ChartOptions } from './index.js';
import { compile } from 'vega-lite';
import { assertSnapshot } from '../../test/snapshot.js';

const ROWS: Array<Record<string, string | number>> = [
  { event_id_cnty: 'MLI1', event_date: '2021-02-01', year: 2021, event_type: 'Battles', admin1: 'Mopti', fatalities: 12 },
  { event_id_cnty: 'MLI2', event_date: '2021-07-15', year: 2021, event_type: 'Violence against civilians', actor2: 'Civilians (Mali)', inter2: 7, admin1: 'Segou', fatalities: 20 },
  { event_id_cnty: 'MLI3', event_date: '2022-03-27', event_type: 'Violence against civilians', actor2: 'Civilians (Mali)', inter2: 7, fatalities: 300 },
  { event_id_cnty: 'MLI4', event_date: '2022-05-02', event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', admin1: 'Gao', fatalities: 25 },
  { event_id_cnty: 'MLI5', event_date: '2022-11-20', event_type: 'Battles', admin1: 'Timbuktu', fatalities: 1500 },
  { event_id_cnty: 'NIR1', event_date: '2022-06-01', country: 'Niger', admin1: 'Tillaberi', actor1: 'Islamic State (Sahel)', assoc_actor_1: '', fatalities: 40 },
  {
    event_id_cnty: 'BFO1',
    event_date: '2022-08-09',
    country: 'Burkina Faso',
    admin1: 'Sahel',
    event_type: 'Protests',
    actor1: 'Protesters (Burkina Faso)',
    assoc_actor_1: '',
    actor2: '',
    fatalities: 0,
  },
];

let store: ReturnType<typeof memoryStore> | undefined;
function fixed() {
  store ??= (async () => {
    const s = await memoryStore();
    await importFiles(s, [writeScratch('charts.csv', acledCsv(ROWS))]);
    return s;
  })();
  return store;
}

const CASES: Array<[ChartKind, ChartOptions, string]> = [
  ['bar', { by: ['year'] }, 'Fatalities peaked in 2022 at 1,865'],
  ['bar', { by: ['admin1'] }, 'Timbuktu (Mali) leads with 1,500 of 1,897 fatalities (79%)'],
  ['stacked-bar', { by: ['year', 'event_type'] }, 'Battles leads with 1,552 of 1,897 fatalities (82%)'],
  ['line', { by: ['month'], metric: 'events' }, 'Events peaked in Feb 2021 at 1'],
  ['pie', { by: ['country'] }, 'Mali leads with 1,857 of 1,897 fatalities (98%)'],
  ['trend', { by: ['year'] as never, compare: ['2021', '2022'] }, 'Fatalities rose from 32 in 2021 to 1,865 in 2022, between 1 February and 20 November of each year, 58.3 times as many'],
  ['victims', {}, '82% of the 1,897 fatalities were in battles'],
  ['actor', { actor: 'Wagner' }, '1,857 people were killed in 5 incidents involving Wagner Group from February 2021 to November 2022'],
];

for (const [kind, options, title] of CASES) {
  const name = `${kind}${options.by ? `-${options.by.join('-')}` : ''}`;
  test(`${name}: the title states the finding, and the SVG matches its snapshot`, async () => {
    // Drawn as the command line draws it: parameters in notes named as flags.
    const drawn = await chart(await fixed(), kind, {}, { ...options, names: CLI_NAMES });
    assert.equal(drawn.text.title, title);
    assert.match(drawn.text.source, /^Source: acled, version export 2022-04-15: \d+ events · chart: crisismap$/);
    const svg = await chartSvg(drawn);
    assert.match(svg, /^<svg[^>]* width="600"/, 'readable at 600 px: drawn at that width');
    assert.ok(svg.includes(`Filters: ${kind === 'actor' ? 'actor=Wagner Group' : 'no filters (all events)'}`), 'the filters are on the figure');
    assert.doesNotMatch(svg, /NaN|undefined/);
    assertSnapshot(`chart-${name}`, svg);
  });
}

test('every kind has a case above', () => {
  assert.deepEqual([...new Set(CASES.map((c) => c[0]))].sort(), [...CHART_KINDS].sort());
});

test('a PNG is twice the SVG size and not blank', async () => {
  const drawn = await chart(await fixed(), 'bar', {}, { by: ['year'] });
  const svg = await chartSvg(drawn);
  const png = (await chartOutput(drawn, 'png')) as Buffer;
  const height = Number(/height="(\d+)"/.exec(svg)![1]);
  assert.deepEqual(pngSize(png), { width: 1200, height: 2 * height });
  // Text and bars make a PNG of many colours: a blank one compresses to almost nothing.
  assert.ok(png.length > 20_000, `PNG only ${png.length} bytes`);
});

test('the .vl.json is a Vega-Lite spec with its data inlined and the source in its title', async () => {
  const drawn = await chart(await fixed(), 'stacked-bar', {}, { by: ['year', 'event_type'] });
  const spec = JSON.parse((await chartOutput(drawn, 'vl.json')) as string);
  assert.equal(spec.$schema, 'https://vega.github.io/schema/vega-lite/v6.json');
  assert.ok(spec.title.subtitle.some((l: string) => l.startsWith('Source: acled')));
  assert.ok(spec.data.values.length > 0, 'data inlined');
  assert.doesNotThrow(() => compile(spec));
});

test('the .csv holds the data behind the chart', async () => {
  const drawn = await chart(await fixed(), 'bar', {}, { by: ['year'] });
  assert.equal(await chartOutput(drawn, 'csv'), 'year,events,fatalities\n2021,2,32\n2022,5,1865\n');
});

test('charts refuse what they cannot show honestly', async () => {
  await assert.rejects(chart(await fixed(), 'pie', {}, { by: ['actor'] }), /a pie chart cannot show --by actor/);
  await assert.rejects(chart(await fixed(), 'line', {}, { by: ['country'] }), /a line chart is a time series/);
  await assert.rejects(chart(await fixed(), 'actor', {}), /the actor chart needs one actor/);
});
