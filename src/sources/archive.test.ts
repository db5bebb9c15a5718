/**
 * Zip archives import as the data files inside them, named "archive.zip/member.csv" in every
 * message; workbooks stream; an archive or workbook that unpacks beyond the limit is refused
 * before anything is read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CrisisError } from '../model/errors.js';
import { importFiles } from './import.js';
import { count } from '../query/count.js';
import { UnpackLimitError } from './archive.js';
import { acledCsv, declareSizes, memoryStore, scratch, writeWorkbook, writeZip } from '../../test/testing.js';

test('a zip holding one CSV imports as that CSV, and names it', async () => {
  const path = await writeZip(join(scratch(), 'ged.zip'), { 'data/export.csv': acledCsv([{ event_id_cnty: 'A1' }, { event_id_cnty: 'A2' }]) });
  const store = await memoryStore();
  const [report, ...rest] = await importFiles(store, [path]);
  assert.equal(rest.length, 0);
  assert.match(report!.file, /ged\.zip\/data\/export\.csv$/);
  assert.equal(report!.added, 2);
});

test('a zip holding several files imports each; folders, hidden files and READMEs are left alone', async () => {
  const path = await writeZip(join(scratch(), 'bundle.zip'), {
    'mali.csv': acledCsv([{ event_id_cnty: 'M1', country: 'Mali' }]),
    'niger.csv': acledCsv([
      { event_id_cnty: 'N1', country: 'Niger' },
      { event_id_cnty: 'N2', country: 'Niger' },
    ]),
    '__MACOSX/._mali.csv': 'junk',
    'README.pdf': 'not data',
  });
  const store = await memoryStore();
  const reports = await importFiles(store, [path]);
  assert.deepEqual(
    reports.map((r) => [r.file.replace(/.*\//, ''), r.added]),
    [
      ['mali.csv', 1],
      ['niger.csv', 2],
    ],
  );
  assert.equal((await count(store, {})).total.events, 3);
});

test('a bad row inside a zip is named by archive, member and line', async () => {
  const path = await writeZip(join(scratch(), 'bad.zip'), { 'inner.csv': acledCsv([{ event_id_cnty: 'A1' }, { event_id_cnty: 'A2', fatalities: 'x' }]) });
  const error = await importFiles(await memoryStore(), [path]).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof CrisisError);
  assert.match(error.details[0]!, /bad\.zip\/inner\.csv:3: fatalities "x"/);
});

test('a zip with no data file says what it holds', async () => {
  const path = await writeZip(join(scratch(), 'docs.zip'), { 'readme.pdf': 'x', 'notes.docx': 'y' });
  await assert.rejects(importFiles(await memoryStore(), [path]), /docs\.zip: the ZIP archive holds no CSV, XLSX or JSON file/);
});

test('an archive that unpacks beyond the limit is refused before it is read (zip-bomb defence)', async () => {
  const path = await writeZip(join(scratch(), 'bomb.zip'), { 'big.csv': acledCsv([{}]) + ' '.repeat(200_000) });
  const store = await memoryStore();
  await assert.rejects(importFiles(store, [path], { maxUnpackedMb: 100_000 / 2 ** 20 }), /bomb\.zip: unpacks to 19\d\.\d KB, more than the limit of 97\.7 KB/);
  assert.equal((await count(store, {})).total.events, 0);
});

test('a zip whose member lies about its size is stopped at the first byte past what it declares', async () => {
  const csv = acledCsv([{ event_id_cnty: 'A1' }]) + ' '.repeat(300_000);
  // Declared: 1,000 bytes, well within the limit; inflated: 300 KB of it.
  const path = declareSizes(await writeZip(join(scratch(), 'liar.zip'), { 'data.csv': csv }), 1000);
  const store = await memoryStore();
  const error = await importFiles(store, [path]).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof UnpackLimitError, String(error));
  assert.match(error.message, /liar\.zip: data\.csv declares 1000 bytes but unpacks to more: the archive lies about its size \(the limit is 2\.0 GB\)/);
  assert.equal((await count(store, {})).total.events, 0);
});

test('the limit is read from the declared sizes first: a zip declaring 3 GB is refused without inflating a byte', async () => {
  const path = declareSizes(await writeZip(join(scratch(), 'huge.zip'), { 'data.csv': acledCsv([{ event_id_cnty: 'A1' }]) }), 3 * 1024 ** 3);
  await assert.rejects(importFiles(await memoryStore(), [path]), /huge\.zip: unpacks to 3\.0 GB, more than the limit of 2\.0 GB/);
});

test('a workbook whose sheet lies about its size is stopped the same way, in the worker thread too', async () => {
  const rows = [['event_id_cnty', 'event_date', 'actor1', 'country', 'fatalities'], ...Array.from({ length: 2000 }, (_, i) => [`M${i}`, '2022-01-01', 'A', 'Mali', 1])];
  const path = declareSizes(await writeWorkbook(join(scratch(), 'liar.xlsx'), rows), 2000, 'xl/worksheets/sheet1.xml');
  for (const worker of [undefined, { memoryMb: 256 }]) {
    const error = await importFiles(await memoryStore(), [path], worker ? { worker } : {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof UnpackLimitError, `${worker ? 'worker' : 'this thread'}: ${String(error)}`);
    assert.match(error.message, /liar\.xlsx: xl\/worksheets\/sheet1\.xml declares 2\.0 KB but unpacks to more: the archive lies/);
  }
});

test('a workbook that unpacks beyond the limit is refused before it is read', async () => {
  const rows = [['event_id_cnty', 'event_date', 'actor1', 'country', 'fatalities'], ...Array.from({ length: 2000 }, (_, i) => [`M${i}`, '2022-01-01', 'A', 'Mali', 1])];
  const path = await writeWorkbook(join(scratch(), 'big.xlsx'), rows);
  await assert.rejects(importFiles(await memoryStore(), [path], { maxUnpackedMb: 50_000 / 2 ** 20 }), /big\.xlsx: unpacks to .* more than the limit/);
  const [report] = await importFiles(await memoryStore(), [path]);
  assert.equal(report!.added, 2000);
});

test('a workbook reads its first sheet with shared and inline strings, numbers kept as written', async () => {
  const path = await writeWorkbook(join(scratch(), 'book.xlsx'), [
    ['event_id_cnty', 'event_date', 'actor1', 'country', 'fatalities', 'latitude'],
    ['M1', new Date(Date.UTC(2016, 11, 31)), 'Wagner Group', 'Mali', 12, 14.1303],
  ]);
  const store = await memoryStore();
  await importFiles(store, [path]);
  assert.deepEqual(await store.one('SELECT event_date, actor1, fatalities, latitude FROM events'), { event_date: '2016-12-31', actor1: 'Wagner Group', fatalities: 12, latitude: 14.1303 });
});
