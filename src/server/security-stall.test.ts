/**
 * Issue 13, section 1: anyone who can reach the server must not be able to stall the readers.
 * Long lists are refused before they reach the store; every query has a time budget, past
 * which DuckDB is interrupted and the client told so; one client (or a stream of heavy
 * requests) cannot hold every connection; requests Node's parser refuses get the JSON error
 * shape; a server on loopback answers only loopback names (DNS rebinding).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { Store } from '../store/store.js';
import { MAX_LENGTH, MAX_VALUES } from '../model/param.js';
import { isHeavy, MAX_URL_LENGTH } from './limits.js';
import { BudgetExceeded, ReaderPool } from './pool.js';
import { smallAcledFile, testServer, type TestServer } from '../../test/server.js';

let server: TestServer;
before(async () => {
  server = await testServer([smallAcledFile()], { cacheMb: 0 });
});
after(() => server?.close());

async function expectJsonError(response: Response, status: number, message: RegExp) {
  const text = await response.text();
  assert.equal(response.status, status, text);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const body = JSON.parse(text);
  assert.equal(body.ok, false);
  assert.equal(body.error.status, status);
  assert.match(body.error.message, message);
  return body.error as { message: string; hints: string[] };
}

/** A raw request on a socket, for what fetch will not send; the whole answer as text. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

const SLOW_SQL = 'SELECT count(*) FROM range(100000000000) a';

test('1,000 actor values, one value too many, an over-long value: a 400 naming the bound, before any query', async () => {
  const actors = Array.from({ length: 1000 }, (_, i) => i).join('|');
  const started = Date.now();
  await expectJsonError(await server.get(`/api/events?actor=${actors}`), 400, new RegExp(`^actor: 1000 values, at most ${MAX_VALUES} are taken$`));
  assert.ok(Date.now() - started < 2000);
  // Repetitions count the same as the | form.
  const countries = Array.from({ length: MAX_VALUES + 1 }, (_, i) => `country=C${i}`).join('&');
  await expectJsonError(await server.get(`/api/count?${countries}`), 400, new RegExp(`^country: ${MAX_VALUES + 1} values, at most ${MAX_VALUES} are taken$`));
  await expectJsonError(
    await server.get(`/api/chart/bar.svg?actor=${'x'.repeat(MAX_LENGTH + 1)}`),
    400,
    new RegExp(`^actor: a value of ${MAX_LENGTH + 1} characters, at most ${MAX_LENGTH} are taken$`),
  );
  // At the bound, the request is answered as usual.
  assert.equal((await server.get(`/api/count?actor=${'Wagner|'.repeat(MAX_VALUES - 1)}Wagner`)).status, 200);
});

test('a request is heavy with many values in all, or several actor names', () => {
  assert.equal(isHeavy({ country: ['Mali|Niger'], year: ['2021|2022'] }), false);
  assert.equal(isHeavy({ actor: ['A|B|C|D'] }), true);
  assert.equal(isHeavy({ country: [Array.from({ length: 13 }, (_, i) => `C${i}`).join('|')] }), true);
});

test('a query past its time budget is interrupted, and the connection serves the next one', async () => {
  const store = await Store.open(':memory:');
  const pool = await ReaderPool.open(store, 1, 300);
  try {
    const started = Date.now();
    await assert.rejects(
      pool.use((s) => s.all(SLOW_SQL)),
      (error: unknown) => error instanceof BudgetExceeded && error.budgetMs === 300,
    );
    assert.ok(Date.now() - started < 2000, `answered after ${Date.now() - started} ms`);
    // The one connection was interrupted, not lost: it answers the next query.
    assert.deepEqual(await pool.use((s) => s.all('SELECT 42 AS x')), [{ x: 42 }]);
  } finally {
    await pool.close();
    store.close();
  }
});

test('over HTTP: the client gets a JSON 503 naming the budget, and the server answers on', async () => {
  const tight = await testServer([smallAcledFile()], { cacheMb: 0, queryTimeoutS: 0.001 });
  try {
    const error = await expectJsonError(await tight.get('/api/trend?country=Mali'), 503, /^the query was stopped: it ran longer than the server's time budget of 0\.001 s$/);
    assert.ok(error.hints.some((h) => h.includes('--query-timeout')));
  } finally {
    await tight.close();
  }
  assert.equal((await server.get('/api/trend?country=Mali')).status, 200);
});

test('one client cannot take every connection: another client is served while it holds all it may', async () => {
  const store = await Store.open(':memory:');
  const pool = await ReaderPool.open(store, 3, 5000);
  try {
    assert.equal(pool.perClient, 2);
    // The attacker asks for 6 slow queries at once; it gets 2 connections, and waits for the others.
    const attack = Array.from({ length: 6 }, () => pool.use((s) => s.all(SLOW_SQL), { client: 'attacker', budgetMs: 1500 }).catch((e: unknown) => e));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    assert.deepEqual(await pool.use((s) => s.all('SELECT 1 AS one'), { client: 'reader' }), [{ one: 1 }]);
    assert.ok(Date.now() - started < 500, `the other client waited ${Date.now() - started} ms`);
    const outcomes = await Promise.all(attack);
    // Two at a time, each stopped at its budget: the client's own queue, not anyone else's.
    assert.ok(
      outcomes.every((e) => e instanceof BudgetExceeded),
      'every slow query ran out of its budget',
    );
  } finally {
    await pool.close();
    store.close();
  }
});

test('heavy requests share a quarter of the connections, whoever sends them', async () => {
  const store = await Store.open(':memory:');
  const pool = await ReaderPool.open(store, 4, 5000);
  try {
    assert.equal(pool.heavySlots, 1);
    const heavy = Array.from({ length: 4 }, (_, i) => pool.use((s) => s.all(SLOW_SQL), { client: `h${i}`, heavy: true, budgetMs: 1500 }).catch((e: unknown) => e));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await Promise.all([1, 2].map((i) => pool.use((s) => s.all('SELECT 1'), { client: `r${i}` })));
    assert.ok(Date.now() - started < 500, `ordinary reads waited ${Date.now() - started} ms`);
    await Promise.all(heavy);
  } finally {
    await pool.close();
    store.close();
  }
});

test('imports take a heavy share without a connection: heavy reads wait for them, ordinary reads do not', async () => {
  const store = await Store.open(':memory:');
  // Eight connections: a heavy share of two, both taken by imports.
  const pool = await ReaderPool.open(store, 8, 5000);
  try {
    assert.equal(pool.heavySlots, 2);
    const ends: Array<() => void> = [];
    const importing = [1, 2].map(() => pool.reserve(() => new Promise<void>((resolve) => ends.push(resolve)), 'uploader'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(ends.length, 2, 'both imports run: the heavy share is theirs');
    let heavyRan = false;
    const heavy = pool.use(
      async (s) => {
        heavyRan = true;
        return s.all('SELECT 1');
      },
      { client: 'h', heavy: true },
    );
    // All eight connections are idle, and an ordinary read takes one at once.
    assert.deepEqual(await pool.use((s) => s.all('SELECT 42 AS n'), { client: 'r' }), [{ n: 42 }]);
    assert.equal(heavyRan, false, 'a heavy read waits while imports hold the heavy share');
    ends[0]!();
    await heavy;
    assert.equal(heavyRan, true);
    ends[1]!();
    await Promise.all(importing);
  } finally {
    await pool.close();
    store.close();
  }
});

test("an import holds no connection: its client's ordinary reads keep all the connections but one", async () => {
  const store = await Store.open(':memory:');
  const pool = await ReaderPool.open(store, 4, 5000);
  try {
    let end!: () => void;
    const importing = pool.reserve(() => new Promise<void>((resolve) => (end = resolve)), 'one');
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(end, 'the import runs');
    // The same client (one address: a dashboard that uploads and reads) reads on three connections at once.
    const held: Array<() => void> = [];
    const reads = [1, 2, 3].map(() => pool.use(() => new Promise<void>((resolve) => held.push(resolve)), { client: 'one' }));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(held.length, 3, `${held.length} of its 3 reads run beside its import`);
    // Its fourth waits: another client still finds a connection.
    let fourth = false;
    const waiting = pool.use(async () => (fourth = true), { client: 'one' });
    assert.deepEqual(await pool.use((s) => s.all('SELECT 7 AS n'), { client: 'other' }), [{ n: 7 }]);
    assert.equal(fourth, false);
    for (const release of held) release();
    await Promise.all([...reads, waiting]);
    end();
    await importing;
  } finally {
    await pool.close();
    store.close();
  }
});

test('over-long URLs and malformed request lines get the JSON error shape, not an empty body', async () => {
  const long = `/api/count?country=${'Mali|'.repeat(MAX_URL_LENGTH / 5)}Mali`;
  await expectJsonError(await server.get(long), 414, /^the URL is [\d,]+ characters long: at most 8,192 are answered$/);

  const huge = await rawRequest(server.port, `GET /api/count?country=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
  assert.match(huge, /^HTTP\/1\.1 431 /);
  assert.match(huge, /application\/json/);
  assert.match(huge, /"status":431,"message":"the request line and headers are longer than the server reads \(16 KB\)"/);

  for (const line of ['GARBAGE\r\n\r\n', 'GET /api/info HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n', 'GET /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n']) {
    const answer = await rawRequest(server.port, line);
    assert.match(answer, /^HTTP\/1\.1 400 /, JSON.stringify(line));
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    assert.equal(body.ok, false);
    assert.match(body.error.message, /^the request is not well-formed HTTP/);
  }
});

test('on loopback, a Host that is not a loopback name is refused (DNS rebinding)', async () => {
  for (const host of ['attacker.example', 'attacker.example:8080', '192.168.1.10', 'localhost.attacker.example']) {
    const answer = await rawRequest(server.port, `GET /api/info HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    assert.match(answer, /^HTTP\/1\.1 403 /, host);
    assert.match(answer, /this server answers only requests addressed to this machine/);
  }
  for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, 'localhost', '[::1]:80', 'app.localhost']) {
    const answer = await rawRequest(server.port, `GET /api/info HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    assert.match(answer, /^HTTP\/1\.1 200 /, host);
  }
});
