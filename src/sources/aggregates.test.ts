/** ACLED's aggregated files: recognised without a flag, stored apart from events, re-imports replace. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { importFiles } from './import.js';
import { versionFromName } from './layouts/aggregated.js';
import { chooseDataSheet } from './layouts/sheets.js';
import { memoryStore, NEEDS_SHARED, scratch, shared, writeScratch, writeWorkbook } from '../../test/testing.js';

const WEEKLY_HEADER = 'WEEK,REGION,COUNTRY,ADMIN1,EVENT_TYPE,SUB_EVENT_TYPE,EVENTS,FATALITIES,POPULATION_EXPOSURE,DISORDER_TYPE,ID,CENTROID_LATITUDE,CENTROID_LONGITUDE';

test('the weekly regional file (13 columns) is stored apart from events, with dataset, version and resolution', async () => {
  const store = await memoryStore();
  const file = writeScratch(
    'Africa_aggregated_data_up_to-2025-08-30.csv',
    [
      WEEKLY_HEADER,
      '2025-08-23,Western Africa,Mali,Mopti,Battles,Armed clash,3,12,1000.0,Political violence,101.0,14.1,-4.4',
      '2025-08-30,Western Africa,Mali,Mopti,Protests,Peaceful protest,2,0,,Demonstrations,102,14.1,-4.4',
      "2025-08-30,Western Africa,Côte d'Ivoire,Abidjan,Riots,Mob violence,1,1,,Demonstrations,103,5.3,-4.0",
    ].join('\n'),
  );
  const [report] = await importFiles(store, [file]);
  assert.deepEqual([report!.layout, report!.dataset, report!.version, report!.added], ['acled-weekly', 'acled-weekly', 'up to 2025-08-30', 3]);
  assert.match(report!.warnings.join('\n'), /aggregated data \(one row per week × admin1 × event type × sub-event type\)/);
  assert.equal((await store.one('SELECT count(*) AS n FROM events')).n, 0, 'aggregates are not events');
  const rows = await store.all(`SELECT period_start::VARCHAR AS s, period_end::VARCHAR AS e, country, country_code, country_source, events, fatalities, population_exposure, source_id
    FROM aggregates ORDER BY source_id`);
  assert.deepEqual(rows[0], { s: '2025-08-23', e: '2025-08-29', country: 'Mali', country_code: 'MLI', country_source: 'Mali', events: 3, fatalities: 12, population_exposure: 1000, source_id: '101' });
  assert.deepEqual([rows[2]!.country, rows[2]!.country_code, rows[2]!.country_source], ['Ivory Coast', 'CIV', "Côte d'Ivoire"]);
  store.close();
});

test('older weekly files (9 columns, dates written 31-December-2016) are recognised too', async () => {
  const store = await memoryStore();
  const file = writeScratch(
    'Africa_aggregated_data.csv',
    [
      'WEEK,REGION,COUNTRY,ADMIN1,EVENT_TYPE,SUB_EVENT_TYPE,EVENTS,FATALITIES,DISORDER_TYPE',
      '31-December-2016,Western Africa,Mali,Gao,Battles,Armed clash,2,5,Political violence',
      '7-January-2017,Western Africa,Mali,Gao,Battles,Armed clash,1,1,Political violence',
    ].join('\n'),
  );
  const [report] = await importFiles(store, [file]);
  assert.equal(report!.version, 'up to week of 2017-01-07', 'a file without a date in its name is named by its last week');
  assert.deepEqual(await store.all(`SELECT period_start::VARCHAR AS s, year FROM aggregates ORDER BY 1`), [
    { s: '2016-12-31', year: 2016 },
    { s: '2017-01-07', year: 2017 },
  ]);
  store.close();
});

test('a row that cannot be read fails the import with file:line, and nothing is stored', async () => {
  const store = await memoryStore();
  const file = writeScratch(
    'Europe_aggregated_data_up_to-2025-08-30.csv',
    [
      WEEKLY_HEADER,
      '2025-08-23,Europe,Ukraine,Kharkiv,Battles,Armed clash,3,12,,Political violence,1,50,36',
      '23/08/2025,Europe,Ukraine,Kharkiv,Battles,Armed clash,three,12,,Political violence,2,50,36',
    ].join('\n'),
  );
  await assert.rejects(
    importFiles(store, [file]),
    (error: Error & { details?: string[] }) =>
      /1 row cannot be read/.test(error.message) && /Europe_aggregated_data_up_to-2025-08-30\.csv:3: unreadable WEEK "23\/08\/2025"/.test(error.details!.join('\n')),
  );
  assert.equal((await store.one('SELECT count(*) AS n FROM aggregates')).n, 0);
  store.close();
});

test('re-importing replaces the rows the file covers (dataset × country × week), never doubles them', async () => {
  const store = await memoryStore();
  const row = (week: string, country: string, events: number) => `${week},Western Africa,${country},A,Battles,Armed clash,${events},0,,Political violence,1,1,1`;
  await importFiles(store, [
    writeScratch('Africa_aggregated_data_up_to-2025-08-30.csv', [WEEKLY_HEADER, row('2025-08-23', 'Mali', 3), row('2025-08-30', 'Mali', 4), row('2025-08-30', 'Niger', 5)].join('\n')),
  ]);
  // A newer file revises Mali's last week and adds a week; Niger is not in it and stays.
  const [again] = await importFiles(store, [writeScratch('Africa_aggregated_data_up_to-2025-09-06.csv', [WEEKLY_HEADER, row('2025-08-30', 'Mali', 6), row('2025-09-06', 'Mali', 1)].join('\n'))]);
  assert.deepEqual([again!.added, again!.deleted], [2, 1]);
  assert.deepEqual(await store.all(`SELECT country, period_start::VARCHAR AS w, events, dataset_version AS v FROM aggregates ORDER BY country, w`), [
    { country: 'Mali', w: '2025-08-23', events: 3, v: 'up to 2025-08-30' },
    { country: 'Mali', w: '2025-08-30', events: 6, v: 'up to 2025-09-06' },
    { country: 'Mali', w: '2025-09-06', events: 1, v: 'up to 2025-09-06' },
    { country: 'Niger', w: '2025-08-30', events: 5, v: 'up to 2025-08-30' },
  ]);
  store.close();
});

test('country-level files: what they count comes from their name; months may be written as names', async () => {
  const store = await memoryStore();
  const pv = writeScratch(
    'number_of_political_violence_events_by_country-month-year_as-of-24Oct2025.csv',
    'COUNTRY,MONTH,YEAR,EVENTS\nMali,January,2022,80\nMali,February,2022,75\nBurma,1,2022,400\n',
  );
  const demos = writeScratch('number_of_demonstration_events_by_country-month-year_as-of-24Oct2025.csv', 'COUNTRY,MONTH,YEAR,EVENTS\nMali,January,2022,12\n');
  const reports = await importFiles(store, [pv, demos]);
  assert.deepEqual(
    reports.map((r) => [r.layout, r.dataset, r.version]),
    [
      ['acled-country-month', 'acled-political-violence', 'as of 2025-10-24'],
      ['acled-country-month', 'acled-demonstrations', 'as of 2025-10-24'],
    ],
  );
  assert.deepEqual(await store.all(`SELECT dataset, period_start::VARCHAR AS s, period_end::VARCHAR AS e, country, events, fatalities FROM aggregates ORDER BY dataset, country, s`), [
    { dataset: 'acled-demonstrations', s: '2022-01-01', e: '2022-01-31', country: 'Mali', events: 12, fatalities: null },
    { dataset: 'acled-political-violence', s: '2022-01-01', e: '2022-01-31', country: 'Mali', events: 80, fatalities: null },
    { dataset: 'acled-political-violence', s: '2022-02-01', e: '2022-02-28', country: 'Mali', events: 75, fatalities: null },
    { dataset: 'acled-political-violence', s: '2022-01-01', e: '2022-01-31', country: 'Myanmar', events: 400, fatalities: null },
  ]);
  // The same columns under a name that says nothing: crisismap asks rather than guesses.
  await assert.rejects(importFiles(store, [writeScratch('export.csv', 'COUNTRY,MONTH,YEAR,EVENTS\nMali,January,2022,80\n')]), /its name does not say what it counts/);
  store.close();
});

test('a workbook whose first sheet is terms of use is read from its data sheet', async () => {
  const file = await writeWorkbook(join(scratch(), 'number_of_reported_fatalities_by_country-year_as-of-24Oct2025.xlsx'), {
    'Terms of use': [['By downloading ACLED data you agree to the Terms of Use. Attribution is required.'], ['See acleddata.com for the full terms. Redistribution is restricted.']],
    Data: [
      ['COUNTRY', 'YEAR', 'FATALITIES'],
      ['Mali', 2022, 4858],
      ['Burkina Faso', 2022, 4234],
    ],
  });
  const store = await memoryStore();
  const [report] = await importFiles(store, [file]);
  assert.deepEqual([report!.dataset, report!.added], ['acled-fatalities', 2]);
  assert.equal((await store.one('SELECT sum(fatalities) AS f FROM aggregates')).f, 9092);
  store.close();
});

test('sheet choice and versions from ACLED file names', () => {
  assert.equal(
    chooseDataSheet([
      { name: 'Terms', rows: [['You agree to the terms. Read them.']] },
      {
        name: 'Data',
        rows: [
          ['COUNTRY', 'YEAR'],
          ['Mali', '2022'],
        ],
      },
    ]),
    1,
  );
  assert.equal(
    chooseDataSheet([
      {
        name: 'Sheet1',
        rows: [
          ['COUNTRY', 'YEAR'],
          ['Mali', '2022'],
        ],
      },
    ]),
    0,
  );
  assert.equal(versionFromName('US-and-Canada_aggregated_data_up_to_week_of-2026-03-28.csv'), 'up to 2026-03-28');
  assert.equal(versionFromName('Africa_aggregated_data_up_to-2025-08-30.xlsx'), 'up to 2025-08-30');
  assert.equal(versionFromName('number_of_reported_fatalities_by_country-year_as-of-24Oct2025.xlsx'), 'as of 2025-10-24');
});

// Figures from ../shared/data/README.md, computed there independently with a plain reader.
test('real weekly file (US and Canada): every figure of the README', { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  const [report] = await importFiles(store, [shared('acled', 'aggregated', 'US-and-Canada_aggregated_data_up_to_week_of-2026-03-28.csv')]);
  assert.deepEqual([report!.rowsRead, report!.added, report!.version], [22478, 22478, 'up to 2026-03-28']);
  assert.deepEqual(
    await store.one(
      `SELECT count(*) AS rows, sum(events) AS events, sum(fatalities) AS fatalities, count(*) FILTER (WHERE population_exposure IS NULL) AS no_exposure, count(*) FILTER (WHERE source_id IS NULL) AS no_id FROM aggregates`,
    ),
    { rows: 22478, events: 111034, fatalities: 535, no_exposure: 3639, no_id: 1 },
  );
  assert.deepEqual(await store.all(`SELECT country, sum(events) AS e, sum(fatalities) AS f FROM aggregates GROUP BY 1 ORDER BY 2 DESC`), [
    { country: 'United States', e: 101394, f: 515 },
    { country: 'Canada', e: 9594, f: 20 },
    { country: 'Bermuda', e: 30, f: 0 },
    { country: 'Saint Pierre and Miquelon', e: 16, f: 0 },
  ]);
  assert.deepEqual(await store.all(`SELECT year, sum(events) AS e, sum(fatalities) AS f FROM aggregates GROUP BY 1 ORDER BY 1`), [
    { year: 2019, e: 26, f: 0 },
    { year: 2020, e: 23227, f: 104 },
    { year: 2021, e: 15875, f: 144 },
    { year: 2022, e: 15300, f: 105 },
    { year: 2023, e: 14698, f: 74 },
    { year: 2024, e: 13389, f: 47 },
    { year: 2025, e: 20866, f: 42 },
    { year: 2026, e: 7653, f: 19 },
  ]);
  store.close();
});

test('real country-year fatalities workbook: every figure of the README', { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  const [report] = await importFiles(store, [shared('acled', 'aggregated', 'number_of_reported_fatalities_by_country-year_as-of-24Oct2025.xlsx')]);
  assert.deepEqual([report!.rowsRead, report!.dataset, report!.version], [2747, 'acled-fatalities', 'as of 2025-10-24']);
  assert.deepEqual(await store.one(`SELECT count(*) AS rows, sum(fatalities) AS f, count(DISTINCT country) AS countries, count(*) FILTER (WHERE country_code IS NULL) AS unknown FROM aggregates`), {
    rows: 2747,
    f: 2394088,
    countries: 245,
    unknown: 0,
  });
  store.close();
});
