/**
 * Files as people really have them: dates in every form exports write, CRLF, a BOM, Latin-1,
 * R and spreadsheet re-exports (NA, an unnamed row-index column, extra columns), workbooks,
 * API pages, the 2016 layout. Each is recognised without a flag.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { importFiles } from './import.js';
import { listEvents } from '../query/events.js';
import { count } from '../query/count.js';
import { acledCsv, acledRow, ACLED_HEADER, memoryStore, scratch, writeScratch, writeWorkbook } from '../../test/testing.js';

async function importText(content: string | Buffer, name = 'file.csv') {
  const store = await memoryStore();
  const [report] = await importFiles(store, [writeScratch(name, content)]);
  const events = (await listEvents(store, {}, { fields: ['source_id', 'event_date', 'fatalities', 'notes', 'actor1', 'assoc_actor_1', 'location', 'extra'] })).events;
  return { store, report: report!, events };
}

const forms: Array<[string, number, string]> = [
  ['2022-03-27', 2022, '2022-03-27'],
  ['27 March 2022', 2022, '2022-03-27'],
  ['27-March-2022', 2022, '2022-03-27'],
  ['27-Mar-22', 2022, '2022-03-27'],
  ['27-03-22', 2022, '2022-03-27'],
  ['5-Feb-21', 2021, '2021-02-05'],
  ['6 January 1997', 1997, '1997-01-06'],
  ['16-Feb-97', 1997, '1997-02-16'],
  ['2022-03-27 00:00:00', 2022, '2022-03-27'],
];
for (const [written, year, expected] of forms) {
  test(`the date "${written}" reads as ${expected}`, async () => {
    const { events } = await importText(acledCsv([{ event_date: written, year }]));
    assert.equal(events[0]!.event_date, expected);
  });
}

test('ambiguous or impossible dates are errors, never guesses', async () => {
  for (const written of ['2022/03/27', '31-02-22', 'March 2022', '27.03.2022']) {
    await assert.rejects(importText(acledCsv([{ event_date: written }])), (e: { details: string[] }) => e.details.some((d) => d.includes(`unreadable date "${written}"`)), written);
  }
});

test('CRLF line ends and a UTF-8 BOM', async () => {
  const { events } = await importText('\ufeff' + acledCsv([{ event_id_cnty: 'MLI1' }, { event_id_cnty: 'MLI2' }], '\r\n'));
  assert.deepEqual(
    events.map((e) => e.source_id),
    ['MLI1', 'MLI2'],
  );
  assert.equal(events[0]!.notes, 'On 27 March 2022, a test event, with a comma and "quotes".');
});

test('Latin-1 text is read as Latin-1', async () => {
  const text = acledCsv([{ location: 'Ségou', notes: "Côte d'Ivoire, Niamey: à côté" }]);
  const { events } = await importText(Buffer.from(text, 'latin1'));
  assert.equal(events[0]!.location, 'Ségou');
  assert.equal(events[0]!.notes, "Côte d'Ivoire, Niamey: à côté");
});

test('an R re-export: NA cells, an unnamed leading row-index column, extra columns', async () => {
  const header = `"",${ACLED_HEADER},my_note`;
  const rows = [`"1",${acledRow({ event_id_cnty: 'MLI1', assoc_actor_1: 'NA', admin3: 'NA' })},checked`, `"2",${acledRow({ event_id_cnty: 'MLI2' })},NA`];
  const { events } = await importText([header, ...rows].join('\n') + '\n');
  assert.deepEqual(
    events.map((e) => e.assoc_actor_1),
    [[], ['Wagner Group']],
  );
  // Extra columns are kept in `extra`, not dropped.
  assert.equal(JSON.parse(String(events[0]!.extra)).my_note, 'checked');
});

test('associated actors split on ";" and each one counts as involved', async () => {
  const { store } = await importText(acledCsv([{ assoc_actor_1: 'Wagner Group; Dozo Militia', actor1: 'Military Forces of Mali (2021-)' }]));
  assert.equal((await count(store, { actor: ['dozo'] })).total.events, 1);
  assert.equal((await count(store, { actor: ['Dozo Militia'], actorExact: true })).total.events, 1);
  assert.equal((await count(store, { actor: ['Dozo'], actorExact: true })).total.events, 0);
});

test('an XLSX workbook, with real date cells', async () => {
  const columns = ACLED_HEADER.split(',');
  const values = (id: string, date: Date) =>
    columns.map((c) => (c === 'event_id_cnty' ? id : c === 'event_date' ? date : c === 'fatalities' ? 7 : c === 'year' ? 2022 : c === 'country' ? 'Mali' : c === 'actor1' ? 'Wagner Group' : ''));
  const path = await writeWorkbook(join(scratch(), 'export.xlsx'), [columns, values('MLI1', new Date(Date.UTC(2022, 2, 27))), values('MLI2', new Date(Date.UTC(2022, 2, 28)))]);
  const store = await memoryStore();
  const [report] = await importFiles(store, [path]);
  assert.equal(report!.added, 2);
  assert.deepEqual((await count(store, {})).total, { events: 2, fatalities: 14 });
  const dates = (await listEvents(store, {}, { fields: ['event_date'] })).events.map((e) => e.event_date);
  assert.deepEqual(dates, ['2022-03-27', '2022-03-28']);
});

test('a bad row in a workbook is named by its sheet row', async () => {
  const path = await writeWorkbook(join(scratch(), 'book.xlsx'), [
    ['event_id_cnty', 'event_date', 'actor1', 'country', 'fatalities'],
    ['MLI1', '2022-03-27', 'A', 'Mali', 1],
    ['MLI2', '2022-03-27', 'A', 'Mali', -1],
  ]);
  await assert.rejects(importFiles(await memoryStore(), [path]), (e: { details: string[] }) => /book\.xlsx:row 3: fatalities "-1"/.test(e.details[0]!));
});

test('a page of the UCDP API (JSON)', async () => {
  const page = {
    TotalCount: 2,
    TotalPages: 1,
    PreviousPageUrl: '',
    NextPageUrl: '',
    Result: [
      {
        id: 1001,
        year: 2022,
        type_of_violence: 3,
        side_a: 'Government of Mali',
        side_b: 'Civilians',
        country: 'Mali',
        adm_1: 'Mopti region',
        where_coordinates: 'Moura village',
        latitude: 14.13,
        longitude: -4.47,
        date_start: '2022-03-27T00:00:00',
        date_end: '2022-03-31T00:00:00',
        deaths_a: 0,
        deaths_b: 0,
        deaths_civilians: 300,
        deaths_unknown: 0,
        best: 300,
        low: 300,
        high: 500,
        conflict_name: 'Mali: Government',
      },
      {
        id: 1002,
        year: 2022,
        type_of_violence: 1,
        side_a: 'Government of Mali',
        side_b: 'JNIM',
        country: 'Mali',
        adm_1: 'Mopti region',
        where_coordinates: 'Moura village',
        latitude: 14.13,
        longitude: -4.47,
        date_start: '2022-03-27',
        date_end: '2022-03-27',
        deaths_a: 2,
        deaths_b: 30,
        deaths_civilians: 0,
        deaths_unknown: 0,
        best: 32,
        low: 30,
        high: 40,
      },
    ],
  };
  const { store, report } = await importText(JSON.stringify(page), 'ucdp-page-1.json');
  assert.equal(report.layout, 'ucdp-ged');
  assert.deepEqual((await count(store, {})).total, { events: 2, fatalities: 332, fatalities_low: 330, fatalities_high: 540 });
  const e = await store.one(`SELECT event_date, date_end, civilian_targeting, actor1 FROM events WHERE id = 'ucdp:1001'`);
  assert.deepEqual(e, { event_date: '2022-03-27', date_end: '2022-03-31', civilian_targeting: true, actor1: 'Government of Mali' });
});

test("the 2016-era layout: ally actors and combined event types mapped to today's", async () => {
  const header =
    'GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES';
  const rows = [
    '432,1MLI,1,12/01/2016,2016,1,Battle-No change of territory,A,B,1,C,,2,12,Mali,Gao,Gao,,Gao,16.27,-0.04,1,S,N,4',
    '432,2MLI,2,13-Jan-16,2016,1,Riots/Protests,Protesters (Mali),,6,,,0,60,Mali,Bamako,Bamako,,Bamako,12.65,-8,1,S,N,0',
  ];
  // "12/01/2016" is ambiguous (December or January) and nothing in the file decides: refused, not guessed.
  await assert.rejects(
    importText([header, ...rows].join('\n') + '\n'),
    (e: { message: string; details: string[] }) =>
      /written with slashes, and none shows whether the day or the month comes first/.test(e.message) && e.details.some((d) => d.includes(':2: "12/01/2016" could be either')),
  );
  const { store, report } = await importText([header, rows[0]!.replace('12/01/2016', '12-Jan-16'), rows[1]].join('\n') + '\n');
  assert.equal(report.layout, 'acled-2016');
  const types = await store.all(`SELECT source_id, event_type, sub_event_type, assoc_actor_1 FROM events ORDER BY source_id`);
  assert.deepEqual(types, [
    { source_id: '1MLI', event_type: 'Battles', sub_event_type: 'Armed clash', assoc_actor_1: ['B'] },
    { source_id: '2MLI', event_type: 'Riots/Protests', sub_event_type: null, assoc_actor_1: [] },
  ]);
});
