/**
 * The API as a client sees it, on a real server over the real ACLED sample (9,000 events,
 * figures in ../shared/data/README.md): the same answers as the library and the CLI's --json,
 * ACLED-style filters, and every format.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { actorProfile, trend } from '../analysis/index.js';
import { wordDeep } from '../model/param.js';
import { HTTP_NAMES } from './wording.js';
import { count } from '../query/count.js';
import { listEvents } from '../query/events.js';
import { NEEDS_SHARED, shared } from '../../test/testing.js';
import { testServer, type TestServer } from '../../test/server.js';

const skip = NEEDS_SHARED;
let server: TestServer;

before(async () => {
  if (!skip) server = await testServer([shared('acled/acled_sample_2022h1.csv')]);
});
after(() => server?.close());

test('/api/count answers exactly what count() answers for the same filter', { skip }, async () => {
  const { status, body, headers } = await server.json('/api/count?country=Mali');
  assert.equal(status, 200);
  assert.match(headers.get('content-type')!, /^application\/json/);
  assert.deepEqual(body, await count(server.store, { country: ['Mali'] }));
  assert.deepEqual(body.total, { events: 64, fatalities: 177 });
  assert.deepEqual(body.datasets, [{ dataset: 'acled', version: 'export 2022-08-01', events: 64 }]);
});

test("filters in ACLED's conventions: | for alternatives, event_date with event_date_where", { skip }, async () => {
  const both = await server.json('/api/count?country=Mali|Niger&by=country');
  assert.deepEqual(both.body.filters, { country: ['Mali', 'Niger'] });
  assert.deepEqual(both.body.total, (await count(server.store, { country: ['Mali', 'Niger'] })).total);
  // A repeated parameter means the same as the | form.
  assert.deepEqual((await server.json('/api/count?country=mali&country=niger&by=country')).body.rows, both.body.rows);

  const q1 = await server.json('/api/count?country=Mali&event_date=2022-01-01|2022-03-31&event_date_where=BETWEEN');
  assert.deepEqual(q1.body.filters, { country: ['Mali'], from: '2022-01-01', to: '2022-03-31' });
  assert.deepEqual(q1.body.total, (await count(server.store, { country: ['Mali'], from: '2022-01-01', to: '2022-03-31' })).total);
  const after = await server.json(`/api/count?country=Mali&event_date=2022-03-31&event_date_where=${encodeURIComponent('>')}`);
  assert.deepEqual(after.body.filters, { country: ['Mali'], from: '2022-04-01' });
  assert.equal(q1.body.total.events + after.body.total.events, 64);
  const day = await server.json('/api/count?event_date=2022-03-27');
  assert.deepEqual(day.body.filters, { from: '2022-03-27', to: '2022-03-27' });

  assert.deepEqual((await server.json('/api/count?year=2022&event_type=violence against civilians')).body.total, { events: 979, fatalities: 1146 });
});

test('Wagner: 5 events, 37 fatalities, the same through count, events and the actor profile', { skip }, async () => {
  const counted = await server.json('/api/count?actor=Wagner');
  assert.deepEqual(counted.body.total, { events: 5, fatalities: 37 });
  const listed = await server.json('/api/events?actor=wagner&fields=id,fatalities');
  assert.deepEqual(listed.body.events.map((e: { id: string }) => e.id).sort(), ['acled:CEN48850', 'acled:CEN48942', 'acled:CEN48963', 'acled:MLI6437', 'acled:MLI6442']);
  assert.equal(
    listed.body.events.reduce((n: number, e: { fatalities: number }) => n + e.fatalities, 0),
    37,
  );
  const profile = await server.json('/api/actor?actor=Wagner');
  // The library's answer, with the parameters it names worded as the API takes them (successors=1).
  assert.deepEqual(profile.body, JSON.parse(JSON.stringify(wordDeep(await actorProfile(server.store, 'Wagner', {}), HTTP_NAMES))));
  assert.ok(profile.body.caveats.includes('later names (Africa Corps) are left out; include them with successors=1'));
  assert.deepEqual(profile.body.figures.total, { events: 5, fatalities: 37 });
});

test("/api/events pages through the events in date order, with the list's own fields", { skip }, async () => {
  const first = await server.json('/api/events?country=Mali&limit=10');
  const second = await server.json('/api/events?country=Mali&limit=10&page=2');
  const direct = await listEvents(server.store, { country: ['Mali'] }, { limit: 20 });
  assert.deepEqual([...first.body.events, ...second.body.events], direct.events);
  assert.deepEqual([first.body.matched, first.body.page, first.body.limit, first.body.pages, second.body.page], [64, 1, 10, 7, 2]);
  assert.deepEqual(first.body.filters, { country: ['Mali'] });
  const deadliest = await server.json('/api/events?country=Mali&order=deadliest&limit=1&fields=id,fatalities');
  assert.deepEqual(Object.keys(deadliest.body.events[0]), ['id', 'fatalities']);
  assert.equal(deadliest.body.events[0].fatalities, 57);
});

test('/api/events.csv and .geojson: the same events, the filters and datasets in headers or a foreign member', { skip }, async () => {
  const csv = await server.get('/api/events.csv?actor=Wagner&fields=id,event_date,fatalities,notes');
  assert.equal(csv.status, 200);
  assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
  const lines = (await csv.text()).trimEnd().split('\n');
  assert.equal(lines[0], 'id,event_date,fatalities,notes');
  assert.equal(lines.length, 6);
  assert.deepEqual(JSON.parse(csv.headers.get('x-crisismap-filters')!), { actor: ['Wagner'] });
  assert.deepEqual(JSON.parse(csv.headers.get('x-crisismap-datasets')!), [{ dataset: 'acled', version: 'export 2022-08-01', events: 5 }]);

  const geo = await server.get('/api/events.geojson?country=Mali&fields=id,fatalities');
  assert.equal(geo.headers.get('content-type'), 'application/geo+json; charset=utf-8');
  const collection = await geo.json();
  assert.equal(collection.type, 'FeatureCollection');
  assert.equal(collection.features.length + collection.crisismap.withoutCoordinates, 64);
  assert.deepEqual(collection.features[0].geometry.type, 'Point');
  assert.deepEqual(collection.crisismap.filters, { country: ['Mali'] });
  assert.equal(collection.crisismap.matched, 64);
});

test("analyses answer in the Answer shape, as the library (and the CLI's --json) does", { skip }, async () => {
  const SHAPE = ['question', 'figures', 'sentence', 'filters', 'datasets', 'caveats', 'eventIds', 'eventCount'];
  for (const path of [
    '/api/trend?country=Mali&by=month',
    '/api/victims?country=Mali',
    '/api/actor?actor=JNIM&country=Mali',
    '/api/episodes?country=Mali&limit=3',
    '/api/spread?by=quarter&group=sahel=Mali,Niger,Burkina Faso',
    '/api/surges?min=10&min_admin1=5',
  ]) {
    const { status, body } = await server.json(path);
    assert.equal(status, 200, `${path}: ${JSON.stringify(body).slice(0, 300)}`);
    for (const key of SHAPE) assert.ok(key in body, `${path} has ${key}`);
    assert.equal(body.datasets[0].dataset, 'acled', path);
  }
  const monthly = await server.json('/api/trend?country=Mali&by=month&metric=events&max_ids=3');
  const direct = await trend(server.store, { country: ['Mali'] }, { by: 'month', metric: 'events', maxIds: 3 });
  assert.deepEqual(monthly.body, JSON.parse(JSON.stringify(direct)));
  assert.equal(monthly.body.eventIds.length, 3);
  assert.equal(monthly.body.eventCount, 64);
  const episodes = await server.json('/api/episodes?country=Mali&limit=1');
  assert.equal(episodes.body.figures.episodes[0].fatalities, 57);
});

test('the brief as JSON, HTML and Markdown; HTML pages run no script', { skip }, async () => {
  const json = await server.json('/api/brief?country=Mali&actor=Wagner&max_ids=5');
  assert.equal(json.status, 200);
  assert.ok(json.body.figures.sections.some((s: { id: string }) => s.id === 'actor'));
  const html = await server.get('/api/brief.html?country=Mali&actor=Wagner');
  assert.equal(html.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.match(html.headers.get('content-security-policy')!, /default-src 'none'/);
  const page = await html.text();
  assert.match(page, /<h2>Incidents involving Wagner Group<\/h2>/);
  // The one brief renderer: the figures are there, as from `crisismap brief --html`, and requests are the API's.
  assert.equal(page.match(/<figure class="chart"><svg /g)?.length, 4);
  assert.match(page, /list them with: GET \/api\/events\?country=Mali/);
  assert.doesNotMatch(page, /crisismap events|⟦/);
  assert.deepEqual(JSON.parse(html.headers.get('x-crisismap-filters')!), { country: ['Mali'] });
  const md = await server.get('/api/brief.md?country=Mali');
  assert.equal(md.headers.get('content-type'), 'text/markdown; charset=utf-8');
  assert.match(await md.text(), /^# Situation report: Mali\n/);
});

test('charts and maps in every format, each with its content type and the filters it covers', { skip }, async () => {
  const cases: Array<[string, string, (body: Buffer) => void]> = [
    ['/api/chart/bar.svg?country=Mali&by=month', 'image/svg+xml; charset=utf-8', (b) => assert.match(b.toString(), /^<svg [^>]*width="600"/)],
    ['/api/chart/trend.png?country=Mali&by=month', 'image/png', (b) => assert.equal(b.toString('latin1', 1, 4), 'PNG')],
    ['/api/chart/stacked-bar.vl.json?year=2022&by=country,event_type', 'application/json; charset=utf-8', (b) => assert.match(JSON.parse(b.toString()).$schema, /vega-lite/)],
    ['/api/chart/actor.csv?actor=Wagner', 'text/csv; charset=utf-8', (b) => assert.match(b.toString(), /^[a-z_]+,/)],
    ['/api/chart/victims.svg?country=Mali', 'image/svg+xml; charset=utf-8', (b) => assert.match(b.toString(), /<title>/)],
    ['/api/map.svg?country=Mali', 'image/svg+xml; charset=utf-8', (b) => assert.match(b.toString(), /^<svg /)],
    ['/api/map.png?country=Mali&level=points', 'image/png', (b) => assert.equal(b.toString('latin1', 1, 4), 'PNG')],
    ['/api/map.csv?country=Mali&metric=events', 'text/csv; charset=utf-8', (b) => assert.ok(b.length > 20)],
  ];
  for (const [path, type, check] of cases) {
    const response = await server.get(path);
    const body = Buffer.from(await response.arrayBuffer());
    assert.equal(response.status, 200, `${path}: ${body.toString().slice(0, 300)}`);
    assert.equal(response.headers.get('content-type'), type, path);
    assert.ok(response.headers.get('x-crisismap-datasets')!.includes('export 2022-08-01'), path);
    check(body);
  }
  const svg = await server.get('/api/chart/bar.svg?country=Mali');
  assert.deepEqual(JSON.parse(svg.headers.get('x-crisismap-filters')!), { country: ['Mali'] });
  assert.match(svg.headers.get('content-security-policy')!, /default-src 'none'/);
  const geo = await server.json('/api/map.geojson?country=Mali|Niger&level=admin1');
  assert.equal(geo.headers.get('content-type'), 'application/geo+json; charset=utf-8');
  assert.equal(geo.body.type, 'FeatureCollection');
  assert.deepEqual(geo.body.crisismap.filters, { country: ['Mali', 'Niger'] });
  const mopti = geo.body.features.find((f: { properties: { boundary?: string } }) => f.properties.boundary === 'Mopti');
  assert.equal(mopti.properties.events, (await count(server.store, { country: ['Mali'], admin1: ['Mopti'] })).total.events);
});

test('the boundaries the dashboard draws: countries, and admin1 areas of the countries asked for', { skip }, async () => {
  const countries = await server.json('/api/boundaries/countries.geojson');
  assert.equal(countries.headers.get('content-type'), 'application/geo+json; charset=utf-8');
  assert.ok(countries.body.features.length > 200);
  const sahel = await server.json('/api/boundaries/admin1.geojson?country=Mali|NER');
  assert.deepEqual([...new Set(sahel.body.features.map((f: { properties: { country: string } }) => f.properties.country))].sort(), ['MLI', 'NER']);
  assert.ok(sahel.body.features.some((f: { properties: { name: string } }) => f.properties.name === 'Mopti'));
});

test('/api/info is what `crisismap info --json` prints', { skip }, async () => {
  const { body } = await server.json('/api/info');
  assert.equal(body.events, 9000);
  assert.deepEqual(
    body.datasets.map((d: { dataset: string; versions: string[] }) => [d.dataset, d.versions]),
    [['acled', ['export 2022-08-01']]],
  );
});
