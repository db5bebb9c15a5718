/** Syncing ACLED from a fake server that follows ACLED's API: first pull, then changes, deletions, token expiry, refusals. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Store } from '../../store/store.js';
import { scratch } from '../../../test/testing.js';
import { syncSubscription, type SyncOptions } from './run.js';
import { describeSubscription, listSubscriptions, saveSubscription } from './subscriptions.js';
import { acledEvent, fakeAcled, type FakeAcled } from '../../../test/sync-servers.js';

const PASSWORD = 'pw-Secret-4711';
const credentials = { acledUsername: 'analyst@example.org', acledPassword: PASSWORD };
const fast = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 };

async function setup(events = 23, access = true) {
  const acled = await fakeAcled({ events: Array.from({ length: events }, (_, i) => acledEvent(i)) });
  acled.users.set(credentials.acledUsername, { password: PASSWORD, eventAccess: access });
  const store = await Store.open(join(scratch(), 'sync.duckdb'));
  return { acled, store };
}

async function sync(store: Store, acled: FakeAcled, filters: Record<string, string> = {}, options: Partial<SyncOptions> = {}) {
  const sub = await saveSubscription(store, describeSubscription('acled', '', filters, acled.url));
  return syncSubscription(store, (await listSubscriptions(store)).find((s) => s.name === sub.name)!, { credentials, retry: fast, pageSize: 5, ...options });
}

const ids = async (store: Store) => (await store.all(`SELECT source_id FROM events ORDER BY source_id`)).map((r) => r.source_id);

test('a first sync pulls every page; the next pulls only what changed, and applies deletions', async () => {
  const { acled, store } = await setup();
  try {
    const first = await sync(store, acled);
    assert.equal(first.first, true);
    assert.equal(first.added, 23);
    assert.deepEqual(
      first.pages.map((p) => p.rows),
      [5, 5, 5, 5, 3],
    );
    assert.equal((await store.one('SELECT count(*) AS n FROM events')).n, 23);

    // ACLED's week: two events corrected, one added, one deleted; all stamped later.
    acled.events[3] = acledEvent(3, { fatalities: '40', timestamp: '1700500000' });
    acled.events[7] = acledEvent(7, { notes: 'Corrected location.', timestamp: '1700500000' });
    acled.events.push(acledEvent(100, { timestamp: '1700500000' }));
    acled.events.splice(
      acled.events.findIndex((e) => e.event_id_cnty === 'MAL9'),
      1,
    );
    acled.deletions.push({ event_id_cnty: 'MAL9', deleted_timestamp: '1700400000' });

    const second = await sync(store, acled);
    assert.equal(second.first, false);
    assert.equal(second.since, 1700000000);
    assert.deepEqual({ added: second.added, updated: second.updated, deleted: second.deleted }, { added: 1, updated: 2, deleted: 1 });
    // Asked with the incremental filter, in ACLED's names.
    const asked = acled.seen.filter((s) => s.path === '/api/acled/read').at(-1)!;
    assert.equal(asked.params.get('timestamp'), '1700000000');
    assert.equal(asked.params.get('timestamp_where'), '>=');
    assert.equal((await store.one(`SELECT fatalities FROM events WHERE source_id = 'MAL3'`)).fatalities, 40);
    assert.ok(!(await ids(store)).includes('MAL9'));
    assert.equal((await store.one('SELECT count(*) AS n FROM events')).n, 23);

    // Nothing changed: the boundary events come again and are unchanged.
    const third = await sync(store, acled);
    assert.deepEqual({ added: third.added, updated: third.updated, deleted: third.deleted, unchanged: third.unchanged }, { added: 0, updated: 0, deleted: 0, unchanged: 3 });
  } finally {
    store.close();
    await acled.close();
  }
});

test('filters go to ACLED in its own names, with | lists and _where operators', async () => {
  const { acled, store } = await setup(40);
  try {
    const r = await sync(store, acled, { country: 'Mali|Niger', fatalities: '4', fatalities_where: '>=' });
    const expected = acled.events.filter((e) => ['Mali', 'Niger'].includes(String(e.country)) && Number(e.fatalities) >= 4).length;
    assert.equal(r.added, expected);
    assert.deepEqual(
      (await store.all('SELECT DISTINCT country FROM events ORDER BY 1')).map((x) => x.country),
      ['Mali', 'Niger'],
    );
    assert.equal((await store.one('SELECT min(fatalities) AS m FROM events')).m, 4);
    assert.equal((await listSubscriptions(store))[0]!.name, 'acled country=Mali|Niger fatalities=4 fatalities_where=>=');
  } finally {
    store.close();
    await acled.close();
  }
});

test('a token that expires mid-sync is refreshed with the refresh token, and the sync goes on', async () => {
  const { acled, store } = await setup(30);
  let pages = 0;
  acled.fault = (req) => {
    if (req.path === '/api/acled/read' && ++pages === 3) acled.expireTokens();
    return undefined;
  };
  try {
    const r = await sync(store, acled);
    assert.equal(r.added, 30);
    assert.equal(r.tokenRenewals, 1);
    const grants = acled.seen.filter((s) => s.path === '/oauth/token').map((s) => new URLSearchParams(s.body).get('grant_type'));
    assert.deepEqual(grants, ['password', 'refresh_token']);
  } finally {
    store.close();
    await acled.close();
  }
});

test('a wrong password, and an account without event access, each get one clear line; the store is unchanged', async () => {
  const { acled, store } = await setup(5, false);
  try {
    await assert.rejects(
      sync(store, acled, {}, { credentials: { ...credentials, acledPassword: 'wrong-password' } }),
      (e: Error) => /^ACLED refused the username or password \(HTTP 400\)/.test(e.message) && !e.message.includes('wrong-password'),
    );
    await assert.rejects(sync(store, acled), (e: Error & { details: string[] }) => {
      assert.match(e.message, /no access to event data through the API \(HTTP 403\)/);
      assert.match(e.details.join(' '), /aggregated files.*crisismap import/s);
      return true;
    });
    assert.equal((await store.one('SELECT count(*) AS n FROM events')).n, 0);
    const [sub] = await listSubscriptions(store);
    assert.match(sub!.lastError!, /HTTP 403/);
    assert.equal(sub!.lastSuccessAt, null);
  } finally {
    store.close();
    await acled.close();
  }
});

test('without credentials the sync says which variables to set', async () => {
  const { acled, store } = await setup(1);
  try {
    await assert.rejects(sync(store, acled, {}, { credentials: {} }), /no ACLED credentials/);
  } finally {
    store.close();
    await acled.close();
  }
});

test('a progress bar is told the page, the rows, the rate and the retries', async () => {
  const { acled, store } = await setup(12);
  acled.fault = (req, n) => (req.path === '/api/acled/read' && req.params.get('page') === '2' && n === 0 ? { status: 503 } : undefined);
  const seen: Array<[string, number]> = [];
  try {
    await sync(store, acled, {}, { onProgress: (label, f) => seen.push([label, f]) });
    assert.deepEqual(
      seen.map(([l]) => l.replace(/ · [\d,]+\/s/, ' · N/s')),
      [
        'acled: ACLED events page 1/3 · 5 rows · N/s',
        'acled: ACLED events page 2/3 · 10 rows · N/s · 1 retry',
        'acled: ACLED events page 3/3 · 12 rows · N/s · 1 retry',
        'acled: storing 12 events',
        'acled: stored',
      ],
    );
    assert.deepEqual(
      seen.map(([, f]) => Math.round(f * 100)),
      [33, 67, 99, 0, 100],
    );
  } finally {
    store.close();
    await acled.close();
  }
});

test('two syncs of one subscription at once take turns: the second starts where the first ended', async () => {
  const { acled, store } = await setup();
  try {
    acled.delayMs = 10;
    const sub = await saveSubscription(store, describeSubscription('acled', '', {}, acled.url));
    const options = { credentials, retry: fast, pageSize: 5 };
    const [first, second] = await Promise.all([syncSubscription(store, sub, options), syncSubscription(store, sub, options)]);
    assert.deepEqual([first.first, first.added], [true, 23]);
    // It waited, then pulled only what changed since the first: nothing new, so every event it saw is unchanged.
    assert.deepEqual([second.first, second.since, second.added, second.unchanged], [false, 1700000000, 0, 23]);
    assert.equal((await store.one('SELECT count(*) AS n FROM events')).n, 23);
  } finally {
    await acled.close();
    store.close();
  }
});
