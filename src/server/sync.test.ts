/** serve --sync-every: subscriptions refreshed in the server process while reads go on; /api/info says how the last sync went. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describeSubscription, saveSubscription } from '../sources/sync/subscriptions.js';
import { acledEvent, fakeAcled, type Item } from '../../test/sync-servers.js';
import { csvLine } from '../sources/csv-text.js';
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

/** Events as a CSV upload, in the API's own columns: the same rows a sync stages. */
function csvOf(events: Item[]): string {
  const columns = Object.keys(events[0]!);
  return [csvLine(columns), ...events.map((e) => csvLine(columns.map((c) => e[c])))].join('');
}

test('a scheduled sync and uploads take turns writing: an upload sent while a sync lands waits for it and sees all of it; a sync that fails does not hold up the upload behind it', async () => {
  const served = Array.from({ length: 60 }, (_, i) => acledEvent(i));
  const mali = served.filter((e) => e.country === 'Mali');
  const acled = await fakeAcled({ events: served });
  acled.users.set('ops@example.org', { password: PASSWORD, eventAccess: true });
  acled.delayMs = 30; // a slow server: the uploads below are sent once the sync has its pages and is landing them
  // A second subscription whose one event cannot be read: its sync fails while landing, inside its write turn.
  const broken = await fakeAcled({ events: [acledEvent(1000, { country: 'Niger', event_date: 'sometime in May' })] });
  broken.users.set('ops@example.org', { password: PASSWORD, eventAccess: true });
  const db = join(scratch(), 'turns.duckdb');
  const store = await Store.open(db);
  await saveSubscription(store, describeSubscription('acled', '', { country: 'Mali' }, acled.url));
  await saveSubscription(store, describeSubscription('acled', '', { country: 'Niger' }, broken.url));
  store.close();

  const TOKEN = 'turns-token-77';
  const post = (csv: string, name: string) => {
    const body = new FormData();
    body.set('file', new Blob([csv]), name);
    return fetch(new URL('/api/import', server.url), { method: 'POST', body, headers: { authorization: `Bearer ${TOKEN}` } }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { files: Array<Record<string, number>> },
    }));
  };
  // Upload 1: ten of the events the sync is landing, the same rows, and five events of its own.
  const first = csvOf([...mali.slice(0, 10), ...Array.from({ length: 5 }, (_, i) => acledEvent(3000 + i * 3))]);
  // Upload 2: three more events of its own.
  const second = csvOf(Array.from({ length: 3 }, (_, i) => acledEvent(4000 + i * 3)));
  const uploads: Array<ReturnType<typeof post>> = [];
  const lines: string[] = [];
  const server = await startServer({
    db,
    port: 0,
    token: TOKEN,
    sync: {
      everyMs: 3_600_000,
      log: (l) => lines.push(l),
      options: {
        credentials: { acledUsername: 'ops@example.org', acledPassword: PASSWORD },
        pageSize: 5,
        retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 5 },
        // Told inside the sync's write turn, as its landing begins.
        onProgress: (label) => {
          if (/^acled country=Mali: storing/.test(label)) uploads.push(post(first, 'mali-upload.csv'));
          if (/^acled country=Niger: storing/.test(label)) uploads.push(post(second, 'later-upload.csv'));
        },
      },
    },
  });
  try {
    await server.sync!.last;
    const [one, two] = await Promise.all(uploads);
    assert.equal(uploads.length, 2);
    assert.equal(one!.status, 200, JSON.stringify(one!.body));
    // It landed after the whole sync, never beside half of it: the ten shared events were all there already.
    assert.deepEqual([one!.body.files[0]!.added, one!.body.files[0]!.unchanged, one!.body.files[0]!.updated], [5, 10, 0]);
    // It waited for a landing that failed, then went ahead.
    assert.equal(two!.status, 200, JSON.stringify(two!.body));
    assert.equal(two!.body.files[0]!.added, 3);

    const count = (await (await fetch(new URL('/api/count', server.url))).json()) as { total: { events: number } };
    assert.equal(count.total.events, mali.length + 5 + 3);
    const info = (await (await fetch(new URL('/api/info', server.url))).json()) as { sync: Array<{ subscription: string; last_success_at: string | null; last_error: string | null }> };
    const byName = Object.fromEntries(info.sync.map((s) => [s.subscription, s]));
    assert.equal(byName['acled country=Mali']!.last_error, null);
    assert.equal(byName['acled country=Niger']!.last_success_at, null);
    assert.match(byName['acled country=Niger']!.last_error!, /acled-api\.csv: 1 row cannot be read/);
    assert.match(lines.join('\n'), new RegExp(`sync acled country=Mali: ${mali.length} added`));
  } finally {
    await server.close();
    await acled.close();
    await broken.close();
  }
});
