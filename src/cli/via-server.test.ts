/**
 * A CLI command beside a running server: imports go through it with the same report, only a
 * discovery file of the user's own with the right credential is trusted, and a stale one
 * (its server gone) is ignored. The tour test (tour.test.ts) checks every read command.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startServer } from '../server/serve.js';
import { ownerFilePath, readOwnerFile, writeOwnerFile } from '../store/owner.js';
import { Store } from '../store/store.js';
import { acledCsv, ROOT, scratch } from '../../test/testing.js';
import { main } from './main.js';
import { spawnCli } from '../../test/cli.js';

const _BIN = join(ROOT, 'bin/crisismap.js');

const cli = (argv: string[], cwd: string) => spawnCli(argv, { cwd });

const quiet = () => ({ out: '', err: '', io: null as never });
function capture() {
  const seen = quiet();
  seen.io = {
    out: (t: string) => {
      seen.out += t;
    },
    err: (t: string) => {
      seen.err += t;
    },
    interactive: false,
  } as never;
  return seen;
}

test('an import beside a running server goes through it, prints the same report, and the server sees the events', async () => {
  const folder = scratch();
  const file = join(folder, 'acled.csv');
  writeFileSync(
    file,
    acledCsv([
      { event_id_cnty: 'MLI1', fatalities: 4 },
      { event_id_cnty: 'MLI2', event_date: '2022-04-02', fatalities: 6 },
    ]),
  );
  // The report a user sees without a server, on a store of its own.
  const alone = capture();
  assert.equal(await main(['import', file, '--db', join(folder, 'alone.duckdb'), '--json'], alone.io), 0);

  const db = join(folder, 'crisismap.duckdb');
  const server = await startServer({ db, port: 0, commands: main });
  try {
    const owner = readOwnerFile(db).owner!;
    assert.ok(owner, 'the server wrote its discovery file');
    assert.equal(owner.pid, process.pid);
    // Readable by its owner only.
    assert.equal((await import('node:fs')).statSync(ownerFilePath(db)).mode & 0o777, 0o600);

    const through = await cli(['import', 'acled.csv', '--json'], folder);
    assert.equal(through.code, 0, through.err);
    const report = JSON.parse(through.out);
    const expected = JSON.parse(alone.out);
    assert.equal(report.store, db);
    assert.deepEqual(
      report.files.map((f: Record<string, unknown>) => ({ ...f, file: undefined })),
      expected.files.map((f: Record<string, unknown>) => ({ ...f, file: undefined })),
    );
    const count = (await (await fetch(new URL('api/count', server.url))).json()) as { total: { events: number; fatalities: number } };
    assert.deepEqual([count.total.events, count.total.fatalities], [2, 10], 'the server answers with the imported events at once');

    // Without the credential, or with a wrong one, the server runs nothing.
    const body = JSON.stringify({ argv: ['count'], cwd: folder, db });
    for (const authorization of [undefined, 'Bearer wrong']) {
      const response = await fetch(owner.url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) } });
      assert.equal(response.status, 401);
      assert.equal(((await response.json()) as { ok: boolean }).ok, false);
    }
    // The token of `serve` is not the credential: remote writes still need it, and it does not open this route.
  } finally {
    await server.close();
  }
  assert.equal(existsSync(ownerFilePath(db)), false, 'closing removes the discovery file');
});

test('a stale or untrusted discovery file is ignored', async () => {
  const folder = scratch();
  const db = join(folder, 'crisismap.duckdb');
  (await Store.open(db)).close();
  // A server that died: its PID is gone. The command opens the store itself.
  writeOwnerFile({ url: 'http://127.0.0.1:9/api/-/command', pid: 2 ** 22 + 12345, credential: 'x', db });
  assert.match(readOwnerFile(db).reason ?? '', /no longer running/);
  const stale = await cli(['count'], folder);
  assert.equal(stale.code, 0, stale.err);
  assert.match(stale.out, /^events/m);
  // Alive but not answering (this test's own PID, a closed port): not trusted either.
  writeOwnerFile({ url: 'http://127.0.0.1:9/api/-/command', pid: process.pid, credential: 'x', db });
  assert.ok(readOwnerFile(db).owner);
  // Readable by others: never trusted, whatever it says.
  chmodSync(ownerFilePath(db), 0o644);
  assert.match(readOwnerFile(db).reason ?? '', /readable by other users/);
  assert.equal(JSON.parse(readFileSync(ownerFilePath(db), 'utf8')).db, db);
});

test('a server that cannot listen leaves no store behind', async () => {
  const folder = scratch();
  const first = await startServer({ db: join(folder, 'one.duckdb'), port: 0 });
  try {
    const db = join(folder, 'two.duckdb');
    await assert.rejects(startServer({ db, port: first.port }), /port \d+ on 127\.0\.0\.1 is in use/);
    assert.equal(existsSync(db), false);
    assert.equal(existsSync(`${db}.wal`), false);
  } finally {
    await first.close();
  }
});
