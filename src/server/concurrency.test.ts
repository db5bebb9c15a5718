/**
 * The server owns the store: many readers at once get their answers (each on a pooled
 * connection, or from the cache), an import goes on beside them, and another process that
 * must write to the file is told the server holds it. Also `crisismap serve` itself.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { acledCsv, ROOT, scratch } from '../../test/testing.js';
import { smallAcledFile, testServer, type TestServer } from '../../test/server.js';
import { spawnCli } from '../../test/cli.js';

const MIX = [
  '/api/count?by=year',
  '/api/count?country=Mali|Niger&by=country',
  '/api/count?actor=Wagner',
  '/api/events?limit=2',
  '/api/events.csv?country=Mali',
  '/api/trend?country=Mali',
  '/api/victims',
  '/api/episodes?limit=2',
  '/api/actor?actor=Wagner',
  '/api/info',
];

let uncached: TestServer;
before(async () => {
  uncached = await testServer([smallAcledFile()], { cacheMb: 0, token: 'tok', readers: 3 });
});
after(() => uncached?.close());

test('200 requests at once, without the cache: every one answered, each as when asked alone', async () => {
  const alone = new Map<string, string>();
  for (const path of MIX) alone.set(path, await (await uncached.get(path)).text());
  const responses = await Promise.all(
    Array.from({ length: 200 }, (_, i) => MIX[i % MIX.length]!).map(async (path) => {
      const response = await uncached.get(path);
      return { path, status: response.status, text: await response.text(), cache: response.headers.get('x-cache') };
    }),
  );
  assert.deepEqual(
    responses.filter((r) => r.status !== 200).map((r) => `${r.path}: ${r.status} ${r.text}`),
    [],
  );
  for (const r of responses) assert.equal(r.text, alone.get(r.path), r.path);
  assert.ok(responses.every((r) => r.cache === 'miss'));
});

test('with the cache, the same question asked 50 times at once is answered once', async () => {
  const server = await testServer([smallAcledFile()]);
  try {
    const bodies = await Promise.all(Array.from({ length: 50 }, async () => (await server.get('/api/trend?country=Mali&by=month')).text()));
    assert.equal(new Set(bodies).size, 1);
    assert.deepEqual([server.cache.misses, server.cache.hits], [1, 49]);
    // The normalised request is the key: the order of parameters does not matter.
    const a = await server.get('/api/count?country=Mali&by=year');
    const b = await server.get('/api/count?by=year&country=Mali');
    assert.deepEqual([a.headers.get('x-cache'), b.headers.get('x-cache')], ['miss', 'hit']);
  } finally {
    await server.close();
  }
});

test('reads go on while an import runs, and see its events once it commits', async () => {
  const csv = acledCsv(Array.from({ length: 2000 }, (_, i) => ({ event_id_cnty: `BIG${i}`, event_date: '2023-01-01', year: 2023, fatalities: 1 })));
  const body = new FormData();
  body.set('file', new Blob([csv]), 'big.csv');
  const importing = uncached.json('/api/import', { method: 'POST', body, headers: { authorization: 'Bearer tok' } });
  const reads = await Promise.all(Array.from({ length: 40 }, (_, i) => uncached.json(MIX[i % 4]!)));
  assert.deepEqual(
    reads.map((r) => r.status).filter((s) => s !== 200),
    [],
  );
  const imported = await importing;
  assert.equal(imported.status, 200, JSON.stringify(imported.body));
  assert.equal((await uncached.json('/api/count?year=2023')).body.total.events, 2000);
});

const crisismap = (args: string[]) => spawnCli(args);

test('a command that must write to the store while the server holds it fails, saying what to do', async () => {
  const { code, err } = await crisismap(['import', smallAcledFile(), '--db', uncached.store.path]);
  assert.equal(code, 3, err);
  assert.match(err, /the store .*api\.duckdb is in use by another process/);
  assert.match(err, /import through its API \(POST \/api\/import with the token\)/);
});

test('crisismap serve --demo builds the demo store, serves it, prints the address and stops on SIGTERM', async () => {
  const db = join(scratch(), 'demo.duckdb');
  const child = spawn(process.execPath, [join(ROOT, 'bin/crisismap.js'), 'serve', '--demo', '--db', db, '--port', '0'], { cwd: ROOT });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', () => undefined);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const found = /^crisismap serving (.+) at (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
        if (found) resolve(found[2]!);
      });
      child.once('close', () => reject(new Error(`serve exited: ${out}`)));
    });
    assert.ok(out.startsWith(`crisismap serving ${db} at `), out);
    const info = await (await fetch(`${url}api/info`)).json();
    assert.equal(info.datasets[0].dataset, 'demo-synthetic');
    assert.ok(info.events > 10_000);
  } finally {
    child.kill('SIGTERM');
  }
  const [code] = await once(child, 'close');
  assert.equal(code, 0);
  assert.match(out, /crisismap: server stopped\n$/);
});
