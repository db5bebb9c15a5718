/**
 * POST /api/import: the same importer as `crisismap import`, behind the token. A bad file
 * changes nothing and says which lines failed; a good one shows at once in every answer
 * (the cache is emptied by the import). The error shapes themselves are in errors.test.ts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { acledCsv } from '../../test/testing.js';
import { uploadName } from './routes/import.js';
import { smallAcledFile, testServer, type TestServer } from '../../test/server.js';

const TOKEN = 'test-token-1234';
let server: TestServer;

before(async () => {
  server = await testServer([smallAcledFile()], { token: TOKEN });
});
after(() => server?.close());

function upload(name: string, content: string, query = '', fields: Record<string, string> = {}) {
  const body = new FormData();
  body.set('file', new Blob([content]), name);
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return server.json(`/api/import${query}`, { method: 'POST', body, headers: { authorization: `Bearer ${TOKEN}` } });
}

const mali = async () => (await server.json('/api/count?country=Mali')).body.total;

test('a good file is imported and its events are counted at once', async () => {
  const before = await server.get('/api/count?country=Mali');
  const again = await server.get('/api/count?country=Mali');
  assert.deepEqual([before.headers.get('x-cache'), again.headers.get('x-cache')], ['miss', 'hit']);
  assert.deepEqual(await before.json(), await again.json());

  const csv = acledCsv([
    { event_id_cnty: 'MLI10', event_date: '2022-05-01', fatalities: 7 },
    { event_id_cnty: 'MLI11', event_date: '2022-05-02', fatalities: 1 },
  ]);
  const { status, body } = await upload('acled_may.csv', csv);
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.ok, true);
  assert.equal(body.store, server.store.path);
  const [report] = body.files;
  assert.deepEqual([report.file, report.layout, report.dataset, report.rowsRead, report.added, report.rejected], ['acled_may.csv', 'acled', 'acled', 2, 2, 0]);

  const after = await server.get('/api/count?country=Mali');
  assert.equal(after.headers.get('x-cache'), 'miss');
  assert.deepEqual((await after.json()).total, { events: 5, fatalities: 54 });

  // Importing it again changes nothing: events are matched by id.
  const repeat = await upload('acled_may.csv', csv);
  assert.deepEqual([repeat.body.files[0].added, repeat.body.files[0].unchanged], [0, 2]);
});

test('bad rows: 422 with file:line: reason for each, and nothing imported', async () => {
  const total = await mali();
  const csv = acledCsv([
    { event_id_cnty: 'MLI20', event_date: '2022-06-01' },
    { event_id_cnty: 'MLI21', event_date: '2022-06-31' },
    { event_id_cnty: 'MLI22', event_date: '2022-06-02', fatalities: 'many' },
  ]);
  const { status, body } = await upload('june.csv', csv);
  assert.equal(status, 422);
  assert.equal(body.error.message, 'june.csv: 2 rows cannot be read');
  assert.match(body.error.hints[0], /^june\.csv:3: .*2022-06-31/);
  assert.match(body.error.hints[1], /^june\.csv:4: fatalities "many" is not a whole number/);
  assert.match(body.error.hints[2], /nothing was imported.*skip_invalid=1/);
  assert.ok(!JSON.stringify(body).includes('crisismap-upload-'), 'no temporary path is shown');
  assert.deepEqual(await mali(), total);

  // skip_invalid=1 imports the good row; the rejected ones come back with their reasons.
  const skipped = await upload('june.csv', csv, '?skip_invalid=1');
  assert.equal(skipped.status, 200);
  assert.deepEqual([skipped.body.files[0].added, skipped.body.files[0].rejected], [1, 2]);
  const rejects = skipped.body.files[0].rejects.trimEnd().split('\n');
  assert.match(rejects[0], /^_line,_reason,event_id_cnty,/);
  assert.match(rejects[1], /^3,.*MLI21/);
  assert.equal(rejects.length, 3);
  assert.equal((await mali()).events, total.events + 1);
});

test('a deletions file, a dataset name and a mapping go through the same importer', async () => {
  const deletions = await upload('deletions.csv', 'event_id_cnty,deleted_timestamp\nMLI20,1900000000\n');
  assert.equal(deletions.status, 200, JSON.stringify(deletions.body));
  assert.deepEqual([deletions.body.files[0].layout, deletions.body.files[0].deleted], ['acled-deletions', 1]);

  const mapping = JSON.stringify({ dataset: 'newsroom', fields: { event_date: 'Date', country: 'Country', fatalities: 'Deaths' } });
  const sheet = await upload('sheet.csv', 'Date,Country,Deaths\n2022-07-01,Mali,3\n', '', { mapping });
  assert.equal(sheet.status, 200, JSON.stringify(sheet.body));
  assert.deepEqual((await server.json('/api/count?dataset=newsroom')).body.total, { events: 1, fatalities: 3 });
  const bad = await upload('sheet.csv', 'Date,Country,Deaths\n2022-07-01,Mali,3\n', '', { mapping: '{"fields": 1' });
  assert.equal(bad.status, 422);
  assert.match(bad.body.error.message, /^mapping: not valid JSON/);
});

test('a read-only server takes no writes, token or not', async () => {
  const readOnly = await testServer([smallAcledFile()], { token: TOKEN, readOnly: true });
  try {
    const body = new FormData();
    body.set('file', new Blob(['x']), 'x.csv');
    const { status, body: answer } = await readOnly.json('/api/import', { method: 'POST', body, headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(status, 403);
    assert.equal(answer.error.message, 'writing is disabled: the store is open read-only');
    assert.equal((await readOnly.json('/api/count')).body.total.events, 4);
  } finally {
    await readOnly.close();
  }
});

test('an upload keeps its own name, but never a path', () => {
  assert.equal(uploadName('acled_2022.csv'), 'acled_2022.csv');
  assert.equal(uploadName('../../etc/passwd'), 'passwd');
  assert.equal(uploadName('C:\\Users\\me\\ged231.csv'), 'ged231.csv');
  assert.equal(uploadName('.hidden.csv'), 'hidden.csv');
  assert.equal(uploadName('a;b|c$(x).csv'), 'a_b_c_x_.csv');
  assert.equal(uploadName(''), 'upload.csv');
});
