/**
 * Bad input gets a clear error and nothing is lost: every unreadable row is named by file and
 * line with a reason; by default nothing is imported; with skipInvalid the rest is imported
 * and each rejected row goes, unchanged, to the rejects file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CrisisError } from '../model/errors.js';
import { wordText } from '../model/param.js';
import { CLI_NAMES } from '../cli/wording.js';
import { count } from '../query/count.js';
import { importFiles } from './import.js';
import { acledCsv, acledRow, ACLED_HEADER, memoryStore, scratch, writeScratch } from '../../test/testing.js';

async function importError(content: string | Buffer, name = 'bad.csv'): Promise<CrisisError> {
  const store = await memoryStore();
  const file = writeScratch(name, content);
  const error = await importFiles(store, [file]).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof CrisisError, `expected a CrisisError, got ${error}`);
  // Nothing was imported.
  assert.equal((await count(store, {})).total.events, 0);
  return error;
}

const good = (id: string) => ({ event_id_cnty: id });

const cases: Array<[string, Record<string, string | number>, RegExp]> = [
  ['no id', { event_id_cnty: '' }, /:3: no event id/],
  ['no date', { event_date: '' }, /:3: no event date/],
  ['unparseable date', { event_date: '31/02/2022' }, /:3: unreadable date "31\/02\/2022"/],
  ['impossible date', { event_date: '2022-02-31' }, /:3: unreadable date "2022-02-31"/],
  ['non-numeric fatalities', { fatalities: 'many' }, /:3: fatalities "many" is not a whole number of 0 or more/],
  ['negative fatalities', { fatalities: -4 }, /:3: fatalities "-4" is not a whole number/],
  ['empty fatalities', { fatalities: '' }, /:3: no fatalities \(empty cell\)/],
  ['latitude out of range', { latitude: 114.1 }, /:3: latitude "114.1" is not a number between -90 and 90/],
  ['longitude out of range', { longitude: -190 }, /:3: longitude "-190" is not a number between -180 and 180/],
];

for (const [name, row, message] of cases) {
  test(`a row with ${name} fails the import and is named by line`, async () => {
    const error = await importError(acledCsv([good('MLI1'), { ...good('MLI2'), ...row }, good('MLI3')]));
    assert.match(error.message, /bad\.csv: 1 row cannot be read/);
    assert.match(error.details.join('\n'), message);
    assert.match(wordText(error.details.join('\n'), CLI_NAMES), /--skip-invalid/);
  });
}

test('a date contradicting the year column keeps its date, and the report names the row', async () => {
  const store = await memoryStore();
  const [report] = await importFiles(store, [writeScratch('years.csv', acledCsv([good('MLI1'), { ...good('MLI2'), event_date: '27 March 2021', year: 2022 }]))]);
  assert.equal(report!.added, 2);
  assert.match(
    report!.warnings.join('\n'),
    /year column disagrees with the date in 1 row, which keep their date; the first is .*years\.csv:3: date 27 March 2021 is in 2021 but the year column says 2022/,
  );
  assert.equal((await count(store, { year: [2021] })).total.events, 1);
});

test('a row with the wrong number of fields is named with both counts', async () => {
  const text = acledCsv([good('MLI1')]) + acledRow(good('MLI2')) + ',extra,fields\n' + 'MLI3,2022-03-27,2022\n';
  const error = await importError(text);
  assert.match(error.message, /2 rows cannot be read/);
  assert.match(error.details[0]!, /bad\.csv:3: more fields than the header's 31/);
  assert.match(error.details[1]!, /bad\.csv:4: 3 fields where the header has 31/);
});

test('a truncated last line (a quote never closed) is an error, not a silent drop', async () => {
  const full = acledCsv([good('MLI1'), good('MLI2')]);
  const cut = full.slice(0, full.lastIndexOf('a test event') + 6);
  const error = await importError(cut);
  assert.match(error.details[0]!, /bad\.csv:3: a quote opened but never closed/);
});

test('line numbers count the physical lines of notes that span several lines', async () => {
  const text = acledCsv([
    { ...good('MLI1'), notes: 'first line\nsecond line\nthird' },
    { ...good('MLI2'), fatalities: 'x' },
  ]);
  const error = await importError(text);
  assert.match(error.details[0]!, /bad\.csv:5: fatalities "x"/);
});

test('the first 20 problems are listed, then the total', async () => {
  const rows = Array.from({ length: 25 }, (_, i) => ({ event_id_cnty: `MLI${i}`, fatalities: 'NaN?' }));
  const error = await importError(acledCsv(rows));
  assert.match(error.message, /25 rows cannot be read/);
  assert.equal(error.details.filter((d) => d.includes('fatalities')).length, 20);
  assert.ok(error.details.includes('… and 5 more'));
});

test('--skip-invalid imports the valid rows and writes each rejected row unchanged, with its reason', async () => {
  const store = await memoryStore();
  const bad = { event_id_cnty: 'MLI2', fatalities: 'unknown', notes: 'kept "as is", with commas' };
  const file = writeScratch('mixed.csv', acledCsv([good('MLI1'), bad, good('MLI3')]) + 'MLI4,2022\n');
  const rejects = join(scratch(), 'rejects.csv');
  const [report] = await importFiles(store, [file], { skipInvalid: true, rejectsPath: rejects });
  assert.deepEqual([report!.added, report!.rejected, report!.rowsRead], [2, 2, 4]);
  assert.equal((await count(store, {})).total.events, 2);
  const lines = readFileSync(rejects, 'utf8').split('\n');
  assert.equal(lines[0], `_line,_reason,${ACLED_HEADER}`);
  assert.equal(lines[1], `3,"fatalities ""unknown"" is not a whole number of 0 or more",${acledRow(bad)}`);
  assert.match(lines[2]!, /^5,2 fields where the header has 31 — a cut-off or shifted row,MLI4,2022$/);
});

test('the default rejects file sits beside the input and is reported', async () => {
  const store = await memoryStore();
  const file = writeScratch('export.csv', acledCsv([good('MLI1'), { ...good('MLI2'), latitude: 'north' }]));
  const [report] = await importFiles(store, [file], { skipInvalid: true });
  assert.equal(report!.rejectsFile, file.replace(/\.csv$/, '.rejects.csv'));
  assert.match(readFileSync(report!.rejectsFile!, 'utf8'), /latitude ""north"" is not a number/);
});

test('a file of unknown layout names the columns it lacks and suggests --mapping', async () => {
  const error = await importError('date,place,deaths\n2022-01-01,Gao,3\n');
  assert.match(error.message, /unknown layout/);
  assert.match(error.details.join('\n'), /event_id_cnty, event_date, actor1, country, fatalities/);
  assert.match(wordText(error.details.join('\n'), CLI_NAMES), /--mapping/);
});

test('a missing, empty or binary file gets one clear line', async () => {
  const store = await memoryStore();
  await assert.rejects(importFiles(store, [join(scratch(), 'nope.csv')]), /nope\.csv: no such file/);
  await assert.rejects(importFiles(store, [writeScratch('empty.csv', '')]), /empty\.csv: the file is empty/);
  await assert.rejects(importFiles(store, [writeScratch('image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))]), /image\.csv: a binary file/);
  await assert.rejects(importFiles(store, [writeScratch('data.zip', Buffer.from('PK\u0003\u0004rest'))]), /a ZIP archive/);
});
