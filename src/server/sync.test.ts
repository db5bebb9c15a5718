/** serve --sync-every: subscriptions refreshed in the server process while reads go on; /api/info says how the last sync went. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describeSubscription, saveSubscription } from '../sources/sync/subscriptions.js';
import { acledEvent, fakeAcled } from '../../test/sync-servers.js';
import { Store } from '../store/store.js';
import { scratch } from '../../test/testing.js';
import { startServer } from './serve.js';
import { parseInterval } from './sync.js';

const PASSWORD = 'server-sync-pw-99';

test('--sync-every takes s, m, h and d', () => {
  assert.equal(parseInterval('6h'), 6 * 3_600_000);
  assert.equal(parseInterval('30m'), 1_800_000);
  assert.equal(parseInterval('1d'), 86_400_000);
  assert.equal(parseInterval('90s'), 90_000);
  assert.equal(parseInterval('6 hours'), undefined);
  assert.equal(parseInterval('0h'), undefined);
});

test('the server syncs its subscriptions while answering reads, and /api/info shows the last sync and the last failure', async () => {
  const acled = await fakeAcled({ events: Array.from({ length: 40 }, (_, i) => acledEvent(i)) });
  acled.users.set('ops@example.org', { password: PASSWORD, eventAccess: true });
  acled.delayMs = 150; // slow pages: the sync is still running while we read
  const db = join(scratch(), 'served.duckdb');
  const store = await Store.open(db);
  await saveSubscription(store, describeSubscription('acled', '', { country: 'Mali' }, acled.url));
  const gone = await fakeAcled();
  await gone.close(); // nothing listens there any more
  await saveSubscription(store, describeSubscription('acled', '', { country: 'Niger' }, gone.url));
  store.close();
  const lines: string[] = [];
  const server = await startServer({
    db,
    port: 0,
    sync: {
      everyMs: 3_600_000,
      log: (l) => lines.push(l),
      options: { credentials: { acledUsername: 'ops@example.org', acledPassword: PASSWORD }, pageSize: 4, retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 5 } },
    },
  });
  try {
    // Reads answered during the sync: they see the store before it, whole.
    const during = (await (await fetch(new URL('/api/count', server.url))).json()) as { total: { events: number } };
    assert.equal(during.total.events, 0);
    assert.ok(acled.seen.length < 10, 'the read was not held up until the sync finished');
    await server.sync!.last;
    const after = (await (await fetch(new URL('/api/count', server.url))).json()) as { total: { events: number } };
    const mali = acled.events.filter((e) => e.country === 'Mali').length;
    assert.equal(after.total.events, mali);

    const info = (await (await fetch(new URL('/api/info', server.url))).json()) as { sync: Array<{ subscription: string; last_success_at: string | null; last_error: string | null }> };
    const byName = Object.fromEntries(info.sync.map((s) => [s.subscription, s]));
    assert.match(byName['acled country=Mali']!.last_success_at!, /^\d{4}-\d\d-\d\dT/);
    assert.equal(byName['acled country=Mali']!.last_error, null);
    assert.equal(byName['acled country=Niger']!.last_success_at, null);
    assert.match(byName['acled country=Niger']!.last_error!, /ACLED login: connection refused after 2 attempts/);
    assert.deepEqual(
      lines.map((l) => l.replace(/:.*/s, '')),
      ['sync acled country=Mali', 'sync acled country=Niger'],
    );
    assert.ok(!JSON.stringify(info).includes(PASSWORD) && !lines.join().includes(PASSWORD));
  } finally {
    await server.close();
    await acled.close();
  }
});
