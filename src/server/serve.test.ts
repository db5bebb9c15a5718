/**
 * `crisismap serve --demo` listens before it builds the demo data, so that a busy port fails at
 * once; while it builds, every request is told to come back, never answered from the empty store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { importFiles } from '../sources/import.js';
import { startServer } from './serve.js';
import { scratch } from '../../test/testing.js';
import { smallAcledFile } from '../../test/server.js';

/** A port nothing listens on: the server's own is only known once startServer returns, after the build. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

test('while the demo data is built, every request gets a JSON 503 with Retry-After; then the data answers', async () => {
  const port = await freePort();
  let building!: () => void;
  const begun = new Promise<void>((resolve) => {
    building = resolve;
  });
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const serving = startServer({
    db: join(scratch(), 'demo.duckdb'),
    port,
    host: '127.0.0.1',
    demo: async (store) => {
      building();
      await finished;
      await importFiles(store, [smallAcledFile()]);
    },
  });
  await begun;
  const early = await fetch(`http://127.0.0.1:${port}/api/count?country=Mali`).finally(finish);
  const server = await serving;
  try {
    assert.equal(early.status, 503);
    assert.equal(early.headers.get('retry-after'), '10');
    const body = (await early.json()) as { ok: boolean; error: { message: string } };
    assert.equal(body.ok, false);
    assert.match(body.error.message, /^the demo data is being built/);
  } catch (error) {
    await server.close();
    throw error;
  }
  try {
    const answer = await fetch(`http://127.0.0.1:${port}/api/count?country=Mali`);
    assert.equal(answer.status, 200);
    assert.ok(((await answer.json()) as { total: { events: number } }).total.events > 0);
  } finally {
    await server.close();
  }
});
