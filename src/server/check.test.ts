/** POST /api/check on a real server: the same JSON as checkText, a size limit, and the API's error shape for every bad request. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../check/check.js';
import { wordDeep } from '../model/param.js';
import { HTTP_NAMES } from './wording.js';
import { MAX_CHECK_BYTES } from './routes/check.js';
import { smallAcledFile, testServer, type TestServer } from '../../test/server.js';

let server: TestServer;
before(async () => {
  server = await testServer([smallAcledFile()]);
});
after(() => server?.close());

const post = (body: string, query = '') => server.json(`/api/check${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
const TEXT = 'Lavrov said the Wagner Group was not taking part in the fighting in Mali. At least 40 people were killed in Moura in March 2022.';

test('answers what checkText answers for the same text, parameters named as the API names them', async () => {
  const { status, body } = await post(JSON.stringify({ text: TEXT, published: '2022-03-30', lang: 'en' }));
  assert.equal(status, 200);
  assert.deepEqual(body, JSON.parse(JSON.stringify(wordDeep(await checkText(server.store, TEXT, { published: '2022-03-30', lang: 'en' }), HTTP_NAMES))));
  assert.doesNotMatch(JSON.stringify(body), /⟦/, 'no wording placeholder reaches a client');
  assert.deepEqual(
    body.claims.map((c: { verdict: string }) => c.verdict),
    ['contradicted', 'supported'],
  );
});

test('filters in the query limit the data used', async () => {
  const { status, body } = await post(JSON.stringify({ text: TEXT, published: '2023-02-08' }), '?dataset=acled');
  assert.equal(status, 200);
  assert.deepEqual(body.filters, { dataset: ['acled'] });
});

test('bad requests get the error shape, never a 500', async () => {
  const cases: Array<[string, number, RegExp]> = [
    ['not json', 400, /not JSON/],
    [JSON.stringify({}), 400, /text is required/],
    [JSON.stringify({ text: 'x', published: 'yesterday' }), 400, /published "yesterday" is not a date/],
    [JSON.stringify({ text: 'x', lang: 'de' }), 400, /lang "de" is not en, fr or auto/],
    [JSON.stringify({ text: 'x'.repeat(MAX_CHECK_BYTES + 10) }), 413, /larger than/],
  ];
  for (const [body, status, message] of cases) {
    const answer = await post(body);
    assert.equal(answer.status, status, body.slice(0, 40));
    assert.equal(answer.body.ok, false);
    assert.match(answer.body.error.message, message);
  }
  const unknown = await post(JSON.stringify({ text: TEXT }), '?dataset=nope');
  assert.equal(unknown.status, 400);
  assert.match(unknown.body.error.message, /unknown dataset "nope"/);
});
