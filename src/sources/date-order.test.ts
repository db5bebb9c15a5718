/**
 * Dates with slashes are read in one order for the whole file, the order the file proves:
 * a first part above 12 proves day first, a second part above 12 month first. Never row by row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { CrisisError } from '../model/errors.js';
import { wordText } from '../model/param.js';
import { CLI_NAMES } from '../cli/wording.js';
import { importFiles } from './import.js';
import { readMapping } from './layouts/mapping.js';
import { listEvents } from '../query/events.js';
import { acledCsv, memoryStore, scratch, writeScratch } from '../../test/testing.js';

async function importDates(dates: string[], options = {}) {
  const store = await memoryStore();
  const rows = dates.map((d, i) => ({ event_id_cnty: `MLI${i + 1}`, event_date: d, year: '' }));
  const [report] = await importFiles(store, [writeScratch('dates.csv', acledCsv(rows))], options);
  const events = (await listEvents(store, {}, { fields: ['source_id', 'event_date'] })).events;
  return { report: report!, dates: Object.fromEntries(events.map((e) => [e.source_id, e.event_date])) };
}

test('29/12/2015 proves day first: every slash date of the file is read day first, and the report names the proof', async () => {
  const { report, dates } = await importDates(['03/04/2016', '29/12/2015', '1/2/16']);
  assert.deepEqual(dates, { MLI1: '2016-04-03', MLI2: '2015-12-29', MLI3: '2016-02-01' });
  assert.match(report.dateOrder!, /read day first: .*dates\.csv:3 has "29\/12\/2015", which can only be day first/);
});

test('3/17/2022 proves month first', async () => {
  const { report, dates } = await importDates(['3/17/2022', '03/04/2022']);
  assert.deepEqual(dates, { MLI1: '2022-03-17', MLI2: '2022-03-04' });
  assert.match(report.dateOrder!, /month first: .*dates\.csv:2 has "3\/17\/2022"/);
});

test('a file that proves both orders fails, naming one line of each', async () => {
  const error = await importDates(['29/12/2015', '03/04/2016', '3/17/2022']).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof CrisisError);
  assert.match(error.message, /dates\.csv: dates with slashes are written both day first and month first/);
  assert.match(error.details[0]!, /dates\.csv:2: "29\/12\/2015" can only be day first/);
  assert.match(error.details[1]!, /dates\.csv:4: "3\/17\/2022" can only be month first/);
});

test('a file that proves neither fails and asks for --date-order', async () => {
  const error = await importDates(['03/04/2022', '2022-05-01', '1/2/2022']).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof CrisisError);
  assert.match(error.message, /2 dates are written with slashes, and none shows whether the day or the month comes first/);
  assert.match(error.details.join('\n'), /dates\.csv:2: "03\/04\/2022" could be either/);
  assert.match(wordText(error.details.join('\n'), CLI_NAMES), /--date-order dmy .* --date-order mdy/);
});

test('--date-order decides when the file cannot, and the report says it was asked', async () => {
  const { report, dates } = await importDates(['03/04/2022'], { dateOrder: 'mdy' });
  assert.deepEqual(dates, { MLI1: '2022-03-04' });
  assert.equal(report.dateOrder, 'dates with slashes read month first, as asked');
  assert.deepEqual((await importDates(['03/04/2022'], { dateOrder: 'dmy' })).dates, { MLI1: '2022-04-03' });
});

test('a mapping file can say the order', async () => {
  const path = join(scratch(), 'mapping.json');
  writeFileSync(path, JSON.stringify({ dataset: 'sheet', dateOrder: 'dmy', fields: { source_id: 'id', event_date: 'date', fatalities: 'deaths' } }));
  const mapping = readMapping(path);
  const store = await memoryStore();
  await importFiles(store, [writeScratch('sheet.csv', 'id,date,deaths\na,03/04/2022,1\n')], { mapping });
  assert.deepEqual(
    (await listEvents(store, {}, { fields: ['event_date'] })).events.map((e) => e.event_date),
    ['2022-04-03'],
  );
  writeFileSync(path, JSON.stringify({ dataset: 'sheet', dateOrder: 'ymd', fields: { event_date: 'date' } }));
  assert.throws(
    () => readMapping(path),
    (e: CrisisError) => e.details.some((d) => d.includes('"dateOrder" must be "dmy" or "mdy"')),
  );
});
