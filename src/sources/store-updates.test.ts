/**
 * The store over time: the same file twice changes nothing; a newer export updates its events
 * by id; deletions remove them; a failed import leaves the store exactly as it was.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from '../query/count.js';
import { listEvents } from '../query/events.js';
import { importFiles } from './import.js';
import { acledCsv, memoryStore, writeScratch } from '../../test/testing.js';

const v1 = acledCsv([
  { event_id_cnty: 'MLI1', fatalities: 3, timestamp: 1000 },
  { event_id_cnty: 'MLI2', fatalities: 5, timestamp: 1000 },
]);

test('importing the same file twice gives the same store', async () => {
  const store = await memoryStore();
  const file = writeScratch('v1.csv', v1);
  await importFiles(store, [file]);
  const before = await store.all('SELECT * EXCLUDE (source_file) FROM events ORDER BY id');
  const [again] = await importFiles(store, [file]);
  assert.deepEqual([again!.added, again!.updated, again!.unchanged], [0, 0, 2]);
  assert.deepEqual(await store.all('SELECT * EXCLUDE (source_file) FROM events ORDER BY id'), before);
});

test('a newer export updates events by id: the newer timestamp wins, an older one is kept out', async () => {
  const store = await memoryStore();
  await importFiles(store, [writeScratch('v1.csv', v1)]);
  const v2 = acledCsv([
    { event_id_cnty: 'MLI1', fatalities: 4, timestamp: 2000 }, // revised
    { event_id_cnty: 'MLI2', fatalities: 9, timestamp: 500 }, // older than what the store has
    { event_id_cnty: 'MLI3', fatalities: 1, timestamp: 2000 }, // new
  ]);
  const [report] = await importFiles(store, [writeScratch('v2.csv', v2)]);
  assert.deepEqual([report!.added, report!.updated, report!.stale, report!.unchanged], [1, 1, 1, 0]);
  const events = (await listEvents(store, {}, { fields: ['source_id', 'fatalities', 'timestamp'] })).events;
  assert.deepEqual(
    events.sort((a, b) => String(a.source_id).localeCompare(String(b.source_id))),
    [
      { source_id: 'MLI1', fatalities: 4, timestamp: 2000 },
      { source_id: 'MLI2', fatalities: 5, timestamp: 1000 },
      { source_id: 'MLI3', fatalities: 1, timestamp: 2000 },
    ],
  );
});

test('an id repeated within one file is one event: the newest row', async () => {
  const store = await memoryStore();
  const file = writeScratch(
    'dupes.csv',
    acledCsv([
      { event_id_cnty: 'MLI1', fatalities: 3, timestamp: 1000 },
      { event_id_cnty: 'MLI1', fatalities: 6, timestamp: 3000 },
    ]),
  );
  const [report] = await importFiles(store, [file]);
  assert.deepEqual([report!.added, report!.merged], [1, 1]);
  assert.deepEqual((await count(store, {})).total, { events: 1, fatalities: 6 });
});

test('an ACLED deletions file removes events, unless they changed after the deletion', async () => {
  const store = await memoryStore();
  await importFiles(store, [
    writeScratch(
      'v1.csv',
      acledCsv([
        { event_id_cnty: 'MLI1', timestamp: 1000 },
        { event_id_cnty: 'MLI2', timestamp: 1000 },
        { event_id_cnty: 'MLI3', timestamp: 5000 },
      ]),
    ),
  ]);
  const deletions = writeScratch('deleted.csv', 'event_id_cnty,deleted_timestamp\nMLI1,2000\nMLI3,2000\nMLI404,2000\n');
  const [report] = await importFiles(store, [deletions]);
  assert.equal(report!.layout, 'acled-deletions');
  assert.equal(report!.deleted, 1);
  const left = (await listEvents(store, {}, { fields: ['source_id'] })).events.map((e) => e.source_id).sort();
  assert.deepEqual(left, ['MLI2', 'MLI3']);
});

test('a failed import leaves the store exactly as it was, even after earlier files of the same run', async () => {
  const store = await memoryStore();
  await importFiles(store, [writeScratch('v1.csv', v1)]);
  const before = await store.all('SELECT * FROM events ORDER BY id');
  const update = writeScratch('update.csv', acledCsv([{ event_id_cnty: 'MLI1', fatalities: 40, timestamp: 9000 }, { event_id_cnty: 'MLI7' }]));
  const broken = writeScratch('broken.csv', acledCsv([{ event_id_cnty: 'MLI8', event_date: 'yesterday' }]));
  await assert.rejects(importFiles(store, [update, broken]), /broken\.csv: 1 row cannot be read/);
  assert.deepEqual(await store.all('SELECT * FROM events ORDER BY id'), before);
  assert.equal((await store.one('SELECT count(*) AS n FROM imports')).n, 1);
});

test('a failure inside the transaction rolls back everything written in it', async () => {
  const store = await memoryStore();
  await importFiles(store, [writeScratch('v1.csv', v1)]);
  const before = await store.all('SELECT * FROM events ORDER BY id');
  await assert.rejects(
    store.transaction(async () => {
      await store.run(`DELETE FROM events WHERE source_id = 'MLI1'`);
      await store.run(`INSERT INTO events (id, fatalities) VALUES ('acled:X', 1)`);
      throw new Error('disk full');
    }),
    /disk full/,
  );
  assert.deepEqual(await store.all('SELECT * FROM events ORDER BY id'), before);
});

test('an event whose timestamp ties is compared whole: a changed field updates it, the same content leaves it', async () => {
  const store = await memoryStore();
  const rows = [
    { event_id_cnty: 'MLI1', fatalities: 3, timestamp: 1000 },
    { event_id_cnty: 'MLI2', fatalities: 5, timestamp: 1000 },
    { event_id_cnty: 'MLI3', fatalities: 7, timestamp: '' },
    { event_id_cnty: 'MLI4', fatalities: 8, timestamp: '' },
  ];
  await importFiles(store, [writeScratch('tie1.csv', acledCsv(rows))]);
  const changed = rows.map((r) => (r.event_id_cnty === 'MLI2' || r.event_id_cnty === 'MLI4' ? { ...r, fatalities: r.fatalities + 1 } : r));
  const [report] = await importFiles(store, [writeScratch('tie2.csv', acledCsv(changed))]);
  assert.deepEqual([report!.added, report!.updated, report!.stale, report!.unchanged], [0, 2, 0, 2]);
  const events = (await listEvents(store, {}, { fields: ['source_id', 'fatalities'] })).events;
  assert.deepEqual(
    events.sort((a, b) => String(a.source_id).localeCompare(String(b.source_id))).map((e) => e.fatalities),
    [3, 6, 7, 9],
  );
});

test("an import that changes no event leaves the caches of the store's values valid; one that does makes them read again", async () => {
  const store = await memoryStore();
  const file = writeScratch('v1.csv', v1);
  await importFiles(store, [file]);
  const [generation, contents] = [store.generation, store.contentGeneration];
  await importFiles(store, [file]);
  // The import log changed (answers that show it are computed again); the events did not.
  assert.deepEqual([store.generation, store.contentGeneration], [generation + 1, contents]);
  await importFiles(store, [writeScratch('v2.csv', acledCsv([{ event_id_cnty: 'MLI1', fatalities: 4, timestamp: 2000 }]))]);
  assert.deepEqual([store.generation, store.contentGeneration], [generation + 2, contents + 1]);
});
