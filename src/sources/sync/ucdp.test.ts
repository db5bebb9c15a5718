/** Syncing UCDP GED from a fake server: paging with the token header, versions, and a final release replacing candidate events. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Store } from '../../store/store.js';
import { scratch } from '../../../test/testing.js';
import { syncAll, syncSubscription } from './run.js';
import { describeSubscription, saveSubscription } from './subscriptions.js';
import { fakeUcdp, gedEvent, type FakeUcdp } from '../../../test/sync-servers.js';

const TOKEN = 'ucdp-token-0042';
const credentials = { ucdpToken: TOKEN };
const options = { credentials, retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 10 }, pageSize: 7 };

async function subscribe(store: Store, ucdp: FakeUcdp, version: string, filters: Record<string, string> = {}) {
  return saveSubscription(store, describeSubscription('ucdp', version, filters, ucdp.url));
}

test('UCDP pages are asked with the token header, from page 0, and every event lands once', async () => {
  const ucdp = await fakeUcdp({ '25.1': Array.from({ length: 30 }, (_, i) => gedEvent(i + 1, 2020 + (i % 5))) }, TOKEN);
  const store = await Store.open(join(scratch(), 'u.duckdb'));
  try {
    const r = await syncSubscription(store, await subscribe(store, ucdp, '25.1'), options);
    assert.equal(r.added, 30);
    assert.deepEqual(
      r.pages.map((p) => [p.page, p.rows]),
      [
        [0, 7],
        [1, 7],
        [2, 7],
        [3, 7],
        [4, 2],
      ],
    );
    assert.ok(ucdp.seen.every((s) => s.headers['x-ucdp-access-token'] === TOKEN && s.params.get('pagesize') === '7'));
    const row = await store.one(`SELECT dataset, dataset_version, deaths_a, violence_type FROM events WHERE source_id = '1'`);
    assert.deepEqual(row, { dataset: 'ucdp', dataset_version: '25.1', deaths_a: 1, violence_type: 2 });

    await assert.rejects(syncSubscription(store, await subscribe(store, ucdp, '25.1'), { ...options, credentials: { ucdpToken: 'wrong-token-1' } }), /UCDP refused the access token \(HTTP 401\)/);
    await assert.rejects(syncSubscription(store, await subscribe(store, ucdp, '26.1'), options), /UCDP has no GED version 26\.1 \(HTTP 404\)/);
    await assert.rejects(syncSubscription(store, await subscribe(store, ucdp, '25.1'), { ...options, pageSize: 5000 }), /at most 1000/);
  } finally {
    store.close();
    await ucdp.close();
  }
});

test('a final release replaces the candidate events of the years it covers, within its filters', async () => {
  // Candidate 24.0.12: 2024 events (ids 9001…), Mali (432) and Niger (436). Candidate 25.0.3: 2025 events.
  const candidate2024 = Array.from({ length: 12 }, (_, i) => gedEvent(9001 + i, 2024));
  const candidate2025 = Array.from({ length: 5 }, (_, i) => gedEvent(9501 + i, 2025));
  // Final 25.1 covers 1989–2024: its 2024 events recode the candidate ones under new ids, one shares an id.
  const final = [...Array.from({ length: 20 }, (_, i) => gedEvent(i + 1, 2022 + (i % 3))), gedEvent(9001, 2024, { best: 7 })];
  const ucdp = await fakeUcdp({ '24.0.12': candidate2024, '25.0.3': candidate2025, '25.1': final }, TOKEN);
  const store = await Store.open(join(scratch(), 'u.duckdb'));
  const count = async (where = 'true') => Number((await store.one(`SELECT count(*) AS n FROM events WHERE ${where}`)).n);
  try {
    await syncSubscription(store, await subscribe(store, ucdp, '24.0.12'), options);
    assert.equal(await count(), 12);
    // The candidate subscription moves on to the next monthly release: same subscription, new version.
    await syncSubscription(store, await subscribe(store, ucdp, '25.0.3'), options);
    assert.equal(await count(), 17);

    // A final release for Mali only: Mali's 2024 candidate events go, Niger's stay.
    const mali = await syncSubscription(store, await subscribe(store, ucdp, '25.1', { Country: '432' }), options);
    const maliCandidates2024 = candidate2024.filter((e) => e.country_id === 432).length;
    assert.equal(mali.superseded, maliCandidates2024);
    assert.equal(await count(`dataset_version = '24.0.12' AND json_extract_string(extra, '$.country_id') = '432'`), 0);
    assert.equal(await count(`dataset_version = '24.0.12'`), 12 - maliCandidates2024);
    assert.equal(await count(`dataset_version = '25.0.3'`), 5);
    // The event whose id the final release kept is there once, as the final release says it.
    assert.deepEqual(await store.all(`SELECT dataset_version, fatalities FROM events WHERE source_id = '9001'`), [{ dataset_version: '25.1', fatalities: 7 }]);

    // Refreshing everything again changes nothing and counts nothing twice.
    const before = await count();
    const all = await syncAll(store, options);
    assert.ok(
      all.every((r) => !r.error),
      all.map((r) => r.error?.message).join(),
    );
    assert.equal(await count(), before);
    assert.equal(await count(`year = 2024 AND dataset_version = '24.0.12' AND json_extract_string(extra, '$.country_id') = '432'`), 0);
  } finally {
    store.close();
    await ucdp.close();
  }
});
