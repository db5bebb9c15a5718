/**
 * Every error the API gives has one shape, {"ok": false, "error": {status, message, hints}},
 * whatever the route and the status; its message names the value and says what to fix; and
 * bad input is always a 4xx, never a 500. All the 4xx cases are here, in one file.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzzParameters } from '../../test/fuzz.js';
import { smallAcledFile, testServer, type TestServer } from '../../test/server.js';

let server: TestServer;
let writable: TestServer;

before(async () => {
  // A generous time budget: the fuzz below is about bad input, on a machine that may be busy.
  server = await testServer([smallAcledFile()], { queryTimeoutS: 600 });
  writable = await testServer([], { token: 'the-token', maxUploadMb: 0.01 });
});
after(async () => {
  await server?.close();
  await writable?.close();
});

/** The one shape, checked key by key; returns the error for further checks. */
async function expectError(response: Response, status: number, message: RegExp) {
  const text = await response.text();
  assert.equal(response.status, status, `${response.url}: ${text}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const body = JSON.parse(text);
  assert.deepEqual(Object.keys(body), ['ok', 'error']);
  assert.equal(body.ok, false);
  assert.deepEqual(Object.keys(body.error), ['status', 'message', 'hints']);
  assert.equal(body.error.status, status);
  assert.ok(Array.isArray(body.error.hints) && body.error.hints.every((h: unknown) => typeof h === 'string'));
  assert.match(body.error.message, message, response.url);
  return body.error as { status: number; message: string; hints: string[] };
}

test('messages and caveats name parameters as the API takes them, never as command-line flags', async () => {
  const surges = await (await server.get('/api/surges?year=2022')).json();
  assert.ok(
    surges.caveats.some((c: string) => /^the first day of event_date and year do not limit surges: .* the window ends at at, else the last day of event_date/.test(c)),
    surges.caveats.join('\n'),
  );
  const trend = await expectError(await server.get('/api/trend?compare=1999,2000'), 400, /^compare: 1999 is not in the series$/);
  assert.doesNotMatch(JSON.stringify([surges, trend]), /--[a-z]|crisismap /);
  const unknown = await expectError(await server.get('/api/count?country=Maly'), 400, /^unknown country "Maly"$/);
  assert.ok(unknown.hints.includes('see what the store holds with: GET /api/count?by=country'), unknown.hints.join('\n'));
  await expectError(await server.get('/api/episodes?km=2000'), 400, /^km=2000 is out of range: give a number from 0 to 1,000$/);
  assert.equal((await server.get('/api/episodes?limit=10000')).status, 200, 'the API takes every limit the analysis takes');
});

test('an unknown parameter is a 400 naming the closest and every known one', async () => {
  const error = await expectError(await server.get('/api/count?contry=Mali'), 400, /^unknown parameter "contry"$/);
  assert.equal(error.hints[0], 'closest: country');
  assert.match(error.hints[1]!, /^this route takes: country, admin1, .*, by$/);
  await expectError(await server.get('/api/events?from=2022-01-01&to=2022-02-01'), 400, /^unknown parameters "from", "to"$/);
  await expectError(await server.get('/api/info?country=Mali'), 400, /^unknown parameter "country"$/);
});

test('a name that matches nothing is a 400 with the closest stored names', async () => {
  const error = await expectError(await server.get('/api/count?country=Maly'), 400, /^unknown country "Maly"$/);
  assert.deepEqual(error.hints, ['closest: Mali', 'see what the store holds with: GET /api/count?by=country']);
  await expectError(await server.get('/api/events?event_type=Batles'), 400, /^unknown event_type "Batles"$/);
  await expectError(await server.get('/api/trend?dataset=ucdp'), 400, /^unknown dataset "ucdp"$/);
  await expectError(await server.get('/api/spread?group=coast=Atlantis'), 400, /no country or admin1 area "Atlantis"/);
});

test('dates: not a date, not a day, the wrong way round, and how event_date_where reads them', async () => {
  const cases: Array<[string, RegExp]> = [
    ['event_date=27/03/2022', /^event_date "27\/03\/2022" is not a date: write it as YYYY-MM-DD/],
    ['event_date=2022-02-30', /^event_date "2022-02-30" is not a date/],
    ['event_date=2022-12-31|2022-01-01&event_date_where=BETWEEN', /^event_date: 2022-12-31 is after 2022-01-01$/],
    ['event_date=2022-01-01&event_date_where=BETWEEN', /^event_date_where=BETWEEN needs two dates, not 1$/],
    ['event_date=2022-01-01|2022-12-31', /^event_date has 2 dates: give one, or add event_date_where=BETWEEN/],
    ['event_date_where=BETWEEN', /^event_date_where needs an event_date$/],
    ['event_date=2022-01-01&event_date_where=AFTER', /^event_date_where "AFTER" is not one of =, >, <, >=, <=, BETWEEN$/],
  ];
  for (const [query, message] of cases) await expectError(await server.get(`/api/count?${query}`), 400, message);
  await expectError(await server.get('/api/surges?at=15/04/2022'), 400, /^at "15\/04\/2022" is not a date: write it as YYYY-MM-DD$/);
});

test('a client that words parameters itself (the dashboard) gets them as tokens, answers and errors alike', async () => {
  const tokens = { headers: { 'X-Crisismap-Wording': 'tokens' } };
  const worded = await server.get('/api/surges?year=2022');
  const raw = await server.get('/api/surges?year=2022', tokens);
  assert.equal(worded.headers.get('vary'), 'X-Crisismap-Wording', 'caches keep both');
  const caveat = ((await raw.json()) as { caveats: string[] }).caveats.find((c) => c.includes('do not limit surges'));
  assert.match(caveat!, /^⟦from⟧ and ⟦year⟧ do not limit surges: .* the window ends at ⟦at⟧, else ⟦to⟧, else the end of the data$/);
  assert.doesNotMatch(await worded.text(), /⟦/);
  const error = await expectError(await server.get('/api/count?event_type=Batles', tokens), 400, /^unknown ⟦eventType⟧ "Batles"$/);
  assert.ok(
    error.hints.some((h) => /^see what the store holds with: ⟦@\["count",null,\[\["by","event_type"\]\]\]⟧$/.test(h)),
    error.hints.join('\n'),
  );
  await expectError(await server.get('/api/count?event_type=Batles'), 400, /^unknown event_type "Batles"$/);
});

test('values of the wrong form: each message names the parameter and the value', async () => {
  const cases: Array<[string, RegExp]> = [
    ['/api/count?year=22', /^year "22" is not a year/],
    ['/api/count?by=decade', /^by "decade" is not one of year, quarter/],
    ['/api/count?civilian_targeting=0', /^civilian_targeting "0": give civilian_targeting=1 .* or leave it out/],
    ['/api/count?actor_exact=maybe', /^actor_exact "maybe" is not 1 or 0$/],
    ['/api/events?fields=id,colour', /^fields "colour" is not one of id, dataset, /],
    ['/api/events?limit=0', /^limit=0 is out of range: give a number from 1 to 100,000$/],
    ['/api/events?limit=1000000', /^limit=1000000 is out of range/],
    ['/api/events?page=first', /^page "first" is not a whole number$/],
    ['/api/events?order=random', /^order "random" is not one of date, deadliest$/],
    ['/api/trend?by=decade', /^by "decade" is not one of year, quarter, month, week$/],
    ['/api/trend?metric=deaths', /^metric "deaths" is not one of fatalities, events$/],
    ['/api/trend?compare=2022', /^compare "2022" needs two periods/],
    ['/api/trend?compare=2019|2022', /^compare: 2019 is not in the series$/],
    ['/api/victims?max_ids=lots', /^max_ids "lots" is not a whole number or all$/],
    ['/api/actor', /^actor is required, e.g. actor=Wagner$/],
    ['/api/actor?actor=Wagner|JNIM', /^actor: one actor, not 2$/],
    ['/api/actor?actor=Wagner&actor_exact=1', /^unknown parameter "actor_exact"$/],
    ['/api/episodes?km=far', /^km "far" is not a number$/],
    ['/api/episodes?days=9999', /^days=9999 is out of range: give a number from 0 to 366$/],
    ['/api/spread?by=month', /^by "month" is not one of year, quarter$/],
    ['/api/spread?group=Mali', /^group "Mali" needs a name and areas$/],
    ['/api/brief?actor=Wagner|JNIM', /^actor: one actor, not 2$/],
    ['/api/chart/bar.svg?by=year,country', /^a bar chart shows one grouping$/],
    ['/api/chart/actor.svg', /^the actor chart needs one actor$/],
    ['/api/map.svg?level=province', /^level "province" is not one of country, admin1, points$/],
    ['/api/map.svg?labels=101', /^labels=101 is out of range: give a number from 0 to 100$/],
    ['/api/chart/bar.svg?top=0', /^top=0 is out of range: give a number from 1 to 1,000$/],
    ['/api/boundaries/admin1.geojson?country=Atlantis', /^no admin1 boundaries for country "Atlantis"$/],
  ];
  for (const [path, message] of cases) await expectError(await server.get(path), 400, message);
});

test('routes that do not exist: 404 with the closest; the wrong method: 405', async () => {
  const missing = await expectError(await server.get('/api/counts'), 404, /^no route GET \/api\/counts$/);
  assert.match(missing.hints[0]!, /closest: \/api\/count/);
  await expectError(await server.get('/api/import'), 405, /^GET is not taken by \/api\/import$/);
  await expectError(await server.get('/vendor/jquery.js'), 404, /^no vendor file "jquery.js"$/);
  const chart = await expectError(await server.get('/api/chart/pies.svg'), 404, /^no chart "pies.svg"$/);
  assert.equal(chart.hints[0], 'kinds: bar, stacked-bar, line, pie, trend, victims, actor');
  await expectError(await server.get('/api/chart/bar.pdf'), 404, /^no chart "bar.pdf"$/);
});

test('writing: 403 without a configured token, 401 without or with a wrong one, 413 too large, 422 bad rows', async () => {
  const form = (content: string, name = 'events.csv') => {
    const body = new FormData();
    body.set('file', new Blob([content]), name);
    return body;
  };
  const post = (target: TestServer, body: FormData, token?: string) => target.get('/api/import', { method: 'POST', body, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
  await expectError(await post(server, form('x')), 403, /^writing is disabled: start the server with --token/);
  await expectError(await post(writable, form('x')), 401, /^this route needs the token/);
  await expectError(await post(writable, form('x'), 'guess'), 401, /^wrong token$/);
  await expectError(await post(writable, form('x'.repeat(20_000)), 'the-token'), 413, /^the upload is larger than 0 MB$/);
  await expectError(await writable.get('/api/import', { method: 'POST', headers: { authorization: 'Bearer the-token' } }), 400, /^no file: send it as multipart field "file"$/);
  await expectError(await post(writable, new FormData(), 'the-token'), 400, /^no file: send it as multipart field "file"$/);
  const layout = await expectError(await post(writable, form('a,b\n1,2\n', 'mystery.csv'), 'the-token'), 422, /^mystery.csv: unknown layout/);
  assert.ok(layout.hints.some((h) => /multipart field "mapping"/.test(h)));
});

test('no bad value of any parameter of any route gives a 500', async () => {
  const document = (await server.json('/api/openapi.json')).body;
  const nasty = ['', 'x', '-1', '2022-13-45', '<script>', "'; DROP TABLE events; --", '%', '|||', '9'.repeat(40)].map(encodeURIComponent);
  const report = await fuzzParameters(document, {
    values: () => nasty,
    get: (target) => server.get(target),
    check: ({ target, status, bytes }) => assert.ok(status < 500, `${target}: ${status} ${bytes.toString('utf8', 0, 300)}`),
  });
  assert.equal(report.covered, report.pairs, 'every parameter of every route got bad values');
  await expectError(await server.get('/api/count?country=%E0%A4%A'), 400, /^unknown country/);
});
