/**
 * No value is changed silently: numbers are whole or an error (never rounded), too large is
 * said as such, every rejection has a real reason, spaces around values are trimmed (Unicode ones
 * too), ACLED's old type spellings are mapped and unknown ones reported, and a run that imports
 * nothing fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CrisisError } from '../model/errors.js';
import { importFiles, type ImportOptions } from './import.js';
import { listEvents } from '../query/events.js';
import { acledCsv, ACLED_HEADER, memoryStore, writeScratch } from '../../test/testing.js';

async function importError(content: string, options: ImportOptions = {}): Promise<CrisisError> {
  const error = await importFiles(await memoryStore(), [writeScratch('values.csv', content)], options).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof CrisisError, `expected a CrisisError, got ${error}`);
  return error;
}

for (const [written, reason] of <Array<[string, string]>>[
  ['2.5', 'fatalities "2.5" is not a whole number of 0 or more'],
  ['1e3', 'fatalities "1e3" is not a whole number of 0 or more'],
  ['2147483648', 'fatalities "2147483648" is too large (the most it can be is 2147483647)'],
]) {
  test(`fatalities "${written}" is an error, never rounded: ${reason}`, async () => {
    const error = await importError(acledCsv([{ event_id_cnty: 'MLI1' }, { event_id_cnty: 'MLI2', fatalities: written }]));
    assert.match(error.details[0]!, new RegExp(`values\\.csv:3: ${reason.replace(/[()]/g, '\\$&')}`));
  });
}

test('"7.0" is the whole number 7', async () => {
  const store = await memoryStore();
  await importFiles(store, [writeScratch('v.csv', acledCsv([{ fatalities: '7.0' }]))]);
  assert.equal((await store.one('SELECT fatalities FROM events')).fatalities, 7);
});

test('UCDP low, high and deaths, and integer codes, are whole numbers too', async () => {
  const header = 'id,year,type_of_violence,side_a,side_b,country,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,where_prec';
  const row = (id: number, over: Record<string, string>) => {
    const base: Record<string, string> = {
      id: String(id),
      year: '2022',
      type_of_violence: '1',
      side_a: 'A',
      side_b: 'B',
      country: 'Mali',
      date_start: '2022-01-01',
      date_end: '2022-01-01',
      deaths_a: '1',
      deaths_b: '1',
      deaths_civilians: '0',
      deaths_unknown: '0',
      best: '2',
      high: '3',
      low: '2',
      where_prec: '1',
    };
    return header
      .split(',')
      .map((c) => over[c] ?? base[c])
      .join(',');
  };
  const error = await importError(
    [header, row(1, { low: '1.5' }), row(2, { high: '1e2' }), row(3, { deaths_a: '0.5' }), row(4, { where_prec: '2.5' }), row(5, { where_prec: '300' })].join('\n') + '\n',
  );
  assert.deepEqual(
    error.details.slice(0, 5),
    [
      /values\.csv:2: fatalities_low "1\.5" is not a whole number of 0 or more/,
      /values\.csv:3: fatalities_high "1e2" is not a whole number of 0 or more/,
      /values\.csv:4: deaths_a "0\.5" is not a whole number of 0 or more/,
      /values\.csv:5: geo_precision "2\.5" is not a whole number/,
      /values\.csv:6: geo_precision "300" is too large \(the most it can be is 127\)/,
    ].map((re, i) => (re.test(error.details[i]!) ? error.details[i] : re.source)),
  );
});

test('a cell longer than the row limit is rejected with a real reason, and the rows after it are kept', async () => {
  const store = await memoryStore();
  const huge = 'x'.repeat(10_500_000);
  const file = writeScratch('big.csv', acledCsv([{ event_id_cnty: 'MLI1' }, { event_id_cnty: 'MLI2', notes: huge }, { event_id_cnty: 'MLI3' }]));
  const [report] = await importFiles(store, [file], { skipInvalid: true });
  assert.deepEqual([report!.rowsRead, report!.added, report!.rejected], [3, 2, 1]);
  const rejects = readFileSync(report!.rejectsFile!, 'utf8');
  assert.match(rejects, /^3,"the row is longer than 10,000,000 bytes, the most one row may hold",MLI2,/m);
  assert.doesNotMatch(rejects, /null/);
});

test('a file with only a header says it has no rows', async () => {
  const error = await importError(`${ACLED_HEADER}\n`);
  assert.match(error.message, /values\.csv: the file has no rows, only a header/);
});

test('--skip-invalid that rejects every row fails, naming the most common reason', async () => {
  const error = await importError(
    acledCsv([
      { event_id_cnty: 'A', fatalities: 'x' },
      { event_id_cnty: 'B', fatalities: 'y' },
      { event_id_cnty: 'C', latitude: 'north' },
    ]),
    { skipInvalid: true },
  );
  assert.match(error.message, /none of its 3 rows can be read, so nothing was imported/);
  assert.match(error.details[0]!, /most common reason \(2 rows\): fatalities "…" is not a whole number of 0 or more/);
});

test('ordinary and Unicode spaces around numbers, coordinates, dates and names are trimmed', async () => {
  const store = await memoryStore();
  await importFiles(store, [
    writeScratch(
      'spaces.csv',
      acledCsv([
        {
          longitude: '\u00a027.56061',
          latitude: ' 14.5\u2009',
          fatalities: '\u202f3 ',
          event_date: '\u30002022-03-27',
          country: '\u00a0Mali\u00a0',
          actor1: '\ufeffWagner Group\t',
        },
      ]),
    ),
  ]);
  const e = await store.one('SELECT longitude, latitude, fatalities, event_date, country, actor1 FROM events');
  assert.deepEqual(e, { longitude: 27.56061, latitude: 14.5, fatalities: 3, event_date: '2022-03-27', country: 'Mali', actor1: 'Wagner Group' });
});

test('a file with spaces beyond ASCII but no tab or control character (the fast path) trims them too', async () => {
  const store = await memoryStore();
  const rows: Array<Record<string, string>> = [
    { event_id_cnty: 'MLI1', longitude: '\u00a027.56061', latitude: ' 14.5\u2009', fatalities: '\u202f3 ', country: '\u3000Mali\ufeff' },
    { event_id_cnty: 'MLI2', actor1: 'Wagner Group ', admin1: ' Mopti ' },
  ];
  await importFiles(store, [writeScratch('wide-spaces.csv', acledCsv(rows))]);
  const e = await store.all('SELECT longitude, latitude, fatalities, country, actor1, admin1 FROM events ORDER BY source_id');
  assert.deepEqual(
    e.map((r) => [r.longitude, r.latitude, r.fatalities, r.country]),
    [
      [27.56061, 14.5, 3, 'Mali'],
      [-4.4714, 14.1303, 3, 'Mali'],
    ],
  );
  assert.deepEqual([e[1]!.actor1, e[1]!.admin1], ['Wagner Group', 'Mopti']);
});

test('a file with ASCII spaces only has them trimmed', async () => {
  const store = await memoryStore();
  await importFiles(store, [writeScratch('ascii-spaces.csv', acledCsv([{ longitude: ' 27.5', fatalities: '3 ', country: '  Mali ', event_date: ' 2022-03-27' }]))]);
  assert.deepEqual(await store.one('SELECT longitude, fatalities, country, event_date FROM events'), { longitude: 27.5, fatalities: 3, country: 'Mali', event_date: '2022-03-27' });
});

test('every spelling of the 2016 types is mapped; a type the layout does not know is kept and reported with its count', async () => {
  const header = 'GWNO,EVENT_ID_CNTY,EVENT_DATE,YEAR,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,ACTOR2,COUNTRY,FATALITIES';
  const rows = [
    '432,1MLI,12-Jan-16,2016,Battle-Non-state actors overtake territory,A,,B,Mali,1',
    '432,2MLI,12-Jan-16,2016,Battle-Non-state actor overtakes territory,A,,B,Mali,1',
    '432,3MLI,12-Jan-16,2016,Armed skirmish,A,,B,Mali,1',
    '432,4MLI,12-Jan-16,2016,Armed skirmish,A,,B,Mali,1',
  ];
  const store = await memoryStore();
  const [report] = await importFiles(store, [writeScratch('types.csv', [header, ...rows].join('\n') + '\n')]);
  const types = await store.all('SELECT source_id, event_type, sub_event_type FROM events ORDER BY source_id');
  assert.deepEqual(types.slice(0, 2), [
    { source_id: '1MLI', event_type: 'Battles', sub_event_type: 'Non-state actor overtakes territory' },
    { source_id: '2MLI', event_type: 'Battles', sub_event_type: 'Non-state actor overtakes territory' },
  ]);
  assert.match(report!.warnings.join('\n'), /event types the acled-2016 layout does not know, kept as written: "Armed skirmish" \(2 rows\)/);
});

test('an event without event_id_cnty takes its id from data_id', async () => {
  const store = await memoryStore();
  const header = 'data_id,event_id_cnty,event_date,actor1,actor2,country,fatalities';
  await importFiles(store, [writeScratch('old.csv', `${header}\n101,MLI1,2015-01-01,A,B,Mali,1\n102,,2015-01-02,A,B,Mali,2\n`)]);
  const ids = (await listEvents(store, {}, { fields: ['source_id', 'extra'] })).events;
  assert.deepEqual(ids.map((e) => e.source_id).sort(), ['102', 'MLI1']);
  // data_id stays in extra, as for every row of such files.
  assert.ok(ids.every((e) => /data_id/.test(String(e.extra))));
});
