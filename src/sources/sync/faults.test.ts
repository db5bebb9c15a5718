/**
 * Faults a remote API has on a bad day, injected into the fake ACLED server: the sync retries
 * what can be retried (429 with Retry-After, 500, resets, cut-off pages, a slow server), names
 * the page when it cannot, leaves the store unchanged on failure, continues from the last good
 * page when run again, and ends with exactly the store of a sync that met no fault.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Store } from '../../store/store.js';
import { scratch } from '../../../test/testing.js';
import { HttpClient, retryAfterMs } from './http.js';
import { syncSubscription } from './run.js';
import { describeSubscription, saveSubscription } from './subscriptions.js';
import { acledEvent, fakeAcled, type Fault, type FakeAcled } from '../../../test/sync-servers.js';

const PASSWORD = 'faults-Passw0rd!';
const credentials = { acledUsername: 'desk@example.org', acledPassword: PASSWORD };
const EVENTS = Array.from({ length: 40 }, (_, i) => acledEvent(i, { timestamp: String(1700000000 + (i % 4) * 1000) }));

async function server(): Promise<FakeAcled> {
  const acled = await fakeAcled({ events: EVENTS.map((e) => ({ ...e })) });
  acled.users.set(credentials.acledUsername, { password: PASSWORD, eventAccess: true });
  return acled;
}

async function syncInto(db: string, acled: FakeAcled, retry = {}) {
  const store = await Store.open(db);
  try {
    const sub = await saveSubscription(store, describeSubscription('acled', '', {}, acled.url));
    return await syncSubscription(store, sub, { credentials, pageSize: 6, retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2000, ...retry } });
  } finally {
    store.close();
  }
}

/** The events as stored, every column, in id order: two stores compared event for event. */
export async function dump(db: string): Promise<string> {
  const store = await Store.open(db, { readOnly: true });
  try {
    const rows = await store.all('SELECT * EXCLUDE (actors) FROM events ORDER BY id');
    return JSON.stringify(rows);
  } finally {
    store.close();
  }
}

const page = (n: number) => (req: { path: string; params: URLSearchParams }) => req.path === '/api/acled/read' && req.params.get('page') === String(n);

test('Retry-After is read as seconds or as a date', () => {
  assert.equal(retryAfterMs('3'), 3000);
  assert.equal(retryAfterMs('Wed, 02 Dec 2026 00:00:10 GMT', Date.parse('Wed, 02 Dec 2026 00:00:00 GMT')), 10_000);
  assert.equal(retryAfterMs('soon'), undefined);
});

test('429 with Retry-After is waited out as the server asks; the wait is not the backoff', async () => {
  const acled = await server();
  const waits: number[] = [];
  acled.fault = (req, n) => (req.path === '/probe' && n === 0 ? { status: 429, retryAfter: '1' } : undefined);
  try {
    const http = new HttpClient({ retry: { baseDelayMs: 1, maxDelayMs: 1 }, onRetry: (_l, _a, _reason, wait) => waits.push(wait) });
    const started = Date.now();
    // /probe is no route: after the 429 the fake answers 404, which is returned, not retried.
    const reply = await http.send({ label: 'probe', url: `${acled.url}/probe` }, () => 'ok');
    assert.equal(typeof reply === 'object' && reply.status, 404);
    assert.deepEqual(waits, [1000]);
    assert.ok(Date.now() - started >= 990);
  } finally {
    await acled.close();
  }
});

test('faults on several pages are retried, and the store ends as a clean sync leaves it', async () => {
  const clean = join(scratch(), 'clean.duckdb');
  const quiet = await server();
  try {
    await syncInto(clean, quiet);
  } finally {
    await quiet.close();
  }

  const acled = await server();
  const faults: Array<[(r: { path: string; params: URLSearchParams }) => boolean, Fault]> = [
    [page(1), { status: 429, retryAfter: '0' }],
    [page(2), { status: 500 }],
    [page(3), { reset: true }],
    [page(4), { truncate: true }],
    [page(5), { delayMs: 2500 }], // longer than the 2 s request timeout: a slow server
    [(r) => r.path === '/oauth/token', { status: 503 }],
  ];
  acled.fault = (req, n) => (n === 0 ? faults.find(([when]) => when(req))?.[1] : undefined);
  const db = join(scratch(), 'faulty.duckdb');
  try {
    const report = await syncInto(db, acled);
    assert.equal(report.retries, 6);
    assert.equal(report.added, 40);
    assert.equal(await dump(db), await dump(clean));
  } finally {
    await acled.close();
  }
});

test('a page that stays cut off is an error naming it; the store is unchanged; the next run continues from it', async () => {
  const acled = await server();
  acled.fault = (req) => (page(3)(req) ? { truncate: true } : undefined);
  const db = join(scratch(), 'cut.duckdb');
  const clean = join(scratch(), 'clean.duckdb');
  try {
    await assert.rejects(syncInto(db, acled), (e: Error & { details: string[] }) => {
      assert.match(e.message, /^ACLED events page 3: not whole JSON \([\d,]+ bytes, cut off or malformed\) after 4 attempts$/);
      assert.match(e.details.join(' '), /run the same sync again to continue/);
      return true;
    });
    assert.equal(await dump(db), '[]');
    acled.fault = undefined;
    const before = acled.seen.filter((s) => s.path === '/api/acled/read').length;
    const report = await syncInto(db, acled);
    // Pages 1 and 2 came from the staging area; page 3 on were asked.
    assert.deepEqual(
      report.pages.filter((p) => p.resumed).map((p) => p.page),
      [1, 2],
    );
    assert.deepEqual(
      acled.seen
        .filter((s) => s.path === '/api/acled/read')
        .slice(before)
        .map((s) => s.params.get('page')),
      ['3', '4', '5', '6', '7'],
    );
    await syncInto(clean, acled);
    assert.equal(await dump(db), await dump(clean));
  } finally {
    await acled.close();
  }
});

test('a server down for good fails after the configured attempts, naming what it asked', async () => {
  const acled = await server();
  acled.fault = (req) => (page(2)(req) ? { status: 502 } : undefined);
  try {
    await assert.rejects(syncInto(join(scratch(), 'x.duckdb'), acled, { attempts: 3 }), (e: Error) => /^ACLED events page 2: HTTP 502 after 3 attempts$/.test(e.message));
  } finally {
    await acled.close();
  }
});
