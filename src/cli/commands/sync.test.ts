/**
 * `crisismap sync` as a user runs it, in its own process against the fake servers: killed with
 * SIGKILL at random points and run again, it must leave exactly the store of a sync that was
 * never interrupted; and no password or token may appear in anything it writes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../../store/store.js';
import { ROOT, scratch } from '../../../test/testing.js';
import { acledEvent, fakeAcled, fakeUcdp, gedEvent, type FakeAcled } from '../../../test/sync-servers.js';
import { runCli, spawnCli } from '../../../test/cli.js';

const PASSWORD = 'kill-test-S3cret-pw';
const USER = 'newsdesk@example.org';
const UCDP_TOKEN = 'ucdp-T0ken-for-tests';
const _BIN = join(ROOT, 'bin/crisismap.js');

/** A sync in a process of its own, killed once `killWhen` says so (placed by the sync's progress, not the clock). */
const cli = (args: string[], env: Record<string, string>, killWhen?: () => boolean) => spawnCli(args, { env: { ...process.env, ...env, TZ: 'UTC' }, killWhen });
/** A sync in this process: cheaper than a process on a busy machine. */
const inProcess = runCli;

async function dump(db: string): Promise<string> {
  const store = await Store.open(db, { readOnly: true });
  try {
    return JSON.stringify(await store.all('SELECT * EXCLUDE (actors) FROM events ORDER BY id'));
  } finally {
    store.close();
  }
}

function copyStore(from: string, to: string): void {
  copyFileSync(from, to);
  if (existsSync(`${from}.wal`)) copyFileSync(`${from}.wal`, `${to}.wal`);
}

/** Every file under a folder, as text, to search for secrets. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

/** Week 1 of a small ACLED, and week 2: corrections, additions, a deletion. */
function week(acled: FakeAcled, n: 1 | 2): void {
  acled.events = Array.from({ length: 60 }, (_, i) => acledEvent(i));
  acled.deletions = [];
  if (n === 2) {
    for (const i of [4, 11, 30]) acled.events[i] = acledEvent(i, { fatalities: '12', timestamp: '1700600000' });
    for (let i = 60; i < 75; i++) acled.events.push(acledEvent(i, { timestamp: '1700600000' }));
    acled.events = acled.events.filter((e) => e.event_id_cnty !== 'BUR20');
    acled.deletions.push({ event_id_cnty: 'BUR20', deleted_timestamp: '1700500000' });
  }
}

test('sync killed with SIGKILL at random points, then run again, leaves the store of an uninterrupted sync', { timeout: 900_000 }, async () => {
  const acled = await fakeAcled();
  acled.users.set(USER, { password: PASSWORD, eventAccess: true });
  acled.delayMs = 25; // a slow server: kills land while pages are coming
  const env = { ACLED_USERNAME: USER, ACLED_PASSWORD: PASSWORD };
  const dir = scratch();
  const args = (db: string) => ['sync', 'acled', '--db', db, '--base-url', acled.url, '--page-size', '8', '--backoff', '5'];
  const outputs: string[] = [];
  try {
    // The references: week 1 from nothing, then week 2 on top of it, never interrupted.
    week(acled, 1);
    const base = join(dir, 'week1.duckdb');
    const first = await inProcess(args(base), env);
    assert.equal(first.code, 0, first.err);
    outputs.push(first.out, first.err);
    const cleanWeek1 = await dump(base);
    week(acled, 2);
    const clean2 = join(dir, 'week2.duckdb');
    copyStore(base, clean2);
    const second = await inProcess(args(clean2), env);
    assert.equal(second.code, 0, second.err);
    assert.match(second.out, /acled\s+since 2023-11-14\s+11\s+74\s+15\s+3\s+56\s+1/);
    const cleanWeek2 = await dump(clean2);
    // How many requests a whole sync makes, from nothing and on top of week 1.
    const requestsOf = async (n: 1 | 2) => {
      week(acled, n);
      const db = join(dir, `count${n}.duckdb`);
      if (n === 2) copyStore(base, db);
      const from = acled.seen.length;
      assert.equal((await inProcess(args(db), env)).code, 0);
      return acled.seen.length - from;
    };
    const requests = { 1: await requestsOf(1), 2: await requestsOf(2) };

    // Seeded, so a failure can be replayed. A kill falls in the start-up (before the first
    // request), after a random request while pages come, or after the last request, while
    // the staged pages are landed and cleaned up.
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const RUNS = 20;
    let killed = 0;
    for (let i = 0; i < RUNS; i++) {
      const incremental = i % 2 === 1;
      week(acled, incremental ? 2 : 1);
      const db = join(dir, `run${i}.duckdb`);
      if (incremental) copyStore(base, db);
      const total = requests[incremental ? 2 : 1];
      const after = Math.floor(random() * (total + 2)); // 0: start-up; total + 1: landing
      const landingMs = random() * 100;
      const from = acled.seen.length;
      let lastAt = 0;
      const killWhen = () => {
        const seen = acled.seen.length - from;
        if (after === 0) return true;
        if (seen < Math.min(after, total)) return false;
        lastAt ||= Date.now();
        return after <= total || Date.now() - lastAt >= landingMs;
      };
      const stopped = await cli(args(db), env, killWhen);
      if (stopped.signal === 'SIGKILL') killed++;
      outputs.push(stopped.out, stopped.err);
      const again = await inProcess(args(db), env);
      outputs.push(again.out, again.err);
      assert.equal(again.code, 0, `run ${i}: ${again.err}`);
      assert.equal(await dump(db), incremental ? cleanWeek2 : cleanWeek1, `run ${i} (killed after request ${after} of ${total}) differs from a clean sync`);
      assert.ok(!existsSync(join(`${db}.sync`)) || filesUnder(`${db}.sync`).length === 0, `run ${i}: staged pages left behind`);
    }
    // Most runs must really have been killed mid-way, or the test proves little.
    assert.ok(killed >= RUNS / 2, `only ${killed} of ${RUNS} runs were killed before they finished`);

    // No password or token in any output, store or staging file.
    const secrets = [PASSWORD, ...acled.tokens.keys()];
    const files = readdirSync(dir)
      .map((f) => join(dir, f))
      .filter((f) => statSync(f).isFile())
      .concat(filesUnder(dir));
    for (const text of [...outputs, ...files.map((f) => readFileSync(f).toString('latin1'))]) {
      for (const s of secrets) assert.ok(!text.includes(s), 'a secret was written out');
    }
  } finally {
    await acled.close();
  }
});

test('credentials files readable by others are refused; status lists subscriptions; failures are one clear line without secrets', async () => {
  const acled = await fakeAcled({ events: Array.from({ length: 12 }, (_, i) => acledEvent(i)) });
  acled.users.set(USER, { password: PASSWORD, eventAccess: false });
  const ucdp = await fakeUcdp({ '25.1': Array.from({ length: 9 }, (_, i) => gedEvent(i + 1, 2023)) }, UCDP_TOKEN);
  const dir = scratch();
  const db = join(dir, 's.duckdb');
  const creds = join(dir, 'creds.env');
  writeFileSync(creds, `ACLED_USERNAME=${USER}\nACLED_PASSWORD="${PASSWORD}"\nUCDP_TOKEN=${UCDP_TOKEN}\n`);
  const noEnv = { ACLED_USERNAME: '', ACLED_PASSWORD: '', UCDP_TOKEN: '' };
  const outputs: string[] = [];
  try {
    chmodSync(creds, 0o644);
    const open = await inProcess(['sync', 'ucdp', '--version', '25.1', '--db', db, '--base-url', ucdp.url, '--credentials', creds], noEnv);
    assert.equal(open.code, 2);
    assert.match(open.err, /readable by other users \(mode 644\); refused/);

    chmodSync(creds, 0o600);
    const ok = await inProcess(['sync', 'ucdp', '--version', '25.1', '--db', db, '--base-url', ucdp.url, '--credentials', creds, '--page-size', '4'], noEnv);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /ucdp-final\s+25\.1\s+3\s+9\s+9/);

    // An account without event access: one line, and the way to the aggregated files.
    const denied = await inProcess(['sync', 'acled', 'country=Mali', '--db', db, '--base-url', acled.url, '--credentials', creds], noEnv);
    assert.equal(denied.code, 2);
    assert.equal(denied.err.split('\n')[0], 'crisismap sync: your ACLED account has no access to event data through the API (HTTP 403)');
    assert.match(denied.err, /aggregated files/);

    const wrong = await inProcess(['sync', 'ucdp', '--version', '25.1', '--db', db], { ...noEnv, UCDP_TOKEN: 'not-the-token' });
    assert.equal(wrong.err.split('\n')[0], 'crisismap sync: UCDP refused the access token (HTTP 401)');

    // `sync` alone refreshes every subscription; one failing does not stop the other.
    const all = await inProcess(['sync', '--db', db, '--credentials', creds], noEnv);
    assert.equal(all.code, 2);
    assert.match(all.out, /ucdp-final\s+25\.1\s+1\s+9\s+0\s+0\s+9/);
    assert.match(all.err, /acled country=Mali: your ACLED account has no access/);
    assert.match(all.err, /1 of 2 subscriptions failed; the others are current/);
    outputs.push(all.out, all.err);

    const status = await inProcess(['sync', 'status', '--db', db], noEnv);
    assert.match(status.out, /acled country=Mali\s+never\s+failed [\s\S]*HTTP 403/);
    // The refresh after the 401 succeeded: the failure is cleared, the counts are the last run's.
    assert.match(status.out, /ucdp-final\s+25\.1\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+9\s+0\s+0\s+0\s+ok/);
    const json = JSON.parse((await inProcess(['sync', 'status', '--db', db, '--json'], noEnv)).out);
    assert.deepEqual(
      json.subscriptions.map((s: { name: string }) => s.name),
      ['acled country=Mali', 'ucdp-final'],
    );
    outputs.push(open.out, open.err, ok.out, ok.err, denied.out, denied.err, wrong.out, wrong.err, status.out, JSON.stringify(json));

    for (const text of [...outputs, readFileSync(db).toString('latin1')]) {
      for (const s of [PASSWORD, UCDP_TOKEN, ...acled.tokens.keys()]) assert.ok(!text.includes(s), 'a secret was written out');
    }
  } finally {
    await acled.close();
    await ucdp.close();
  }
});
