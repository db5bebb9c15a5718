/** Any other CSV, through a mapping file: here a reduced ACLED-derived file with five columns. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFiles } from '../import.js';
import { readMapping } from './mapping.js';
import { count } from '../../query/count.js';
import { memoryStore, writeScratch } from '../../../test/testing.js';

const reduced = `Date,Country,Region,Type,Deaths
2022-03-27,Mali,Mopti,Violence against civilians,12
2022-03-28,Mali,Mopti,Violence against civilians,12
2022-03-28,Mali,Mopti,Violence against civilians,12
27 March 2021,Mali,Segou,Battles,4
`;
const mapping = {
  dataset: 'newsroom-sheet',
  version: 'draft 3',
  fields: { event_date: 'Date', country: 'Country', admin1: 'Region', event_type: 'Type', fatalities: 'Deaths' },
  constants: { disorder_type: 'Political violence' },
};

test('a mapping file names which column feeds which field', async () => {
  const store = await memoryStore();
  const [report] = await importFiles(store, [writeScratch('reduced.csv', reduced)], { mapping: readMapping(writeScratch('m.json', JSON.stringify(mapping))) });
  assert.equal(report!.layout, 'mapping:newsroom-sheet');
  assert.equal(report!.version, 'draft 3');
  // Two identical rows are two events: ids come from the content plus the order of appearance.
  assert.deepEqual((await count(store, {})).total, { events: 4, fatalities: 40 });
  assert.deepEqual((await count(store, { admin1: ['mopti'] }, ['year'])).rows, [{ year: 2022, events: 3, fatalities: 36 }]);
  const ids = (await store.all(`SELECT id FROM events ORDER BY id`)).map((r) => String(r.id));
  assert.ok(ids.every((id) => id.startsWith('newsroom-sheet:')));
  assert.equal((await store.one(`SELECT count(DISTINCT disorder_type) AS n, min(disorder_type) AS d FROM events`)).d, 'Political violence');
});

test('derived ids are deterministic: re-importing the file changes nothing', async () => {
  const store = await memoryStore();
  const m = readMapping(writeScratch('m.json', JSON.stringify(mapping)));
  await importFiles(store, [writeScratch('reduced.csv', reduced)], { mapping: m });
  const [again] = await importFiles(store, [writeScratch('reduced-copy.csv', reduced)], { mapping: m });
  assert.deepEqual([again!.added, again!.updated, again!.unchanged], [0, 0, 4]);
});

test('a mapping that names a missing column, or an unknown field, says so', async () => {
  const store = await memoryStore();
  const wrongColumn = readMapping(writeScratch('m.json', JSON.stringify({ ...mapping, fields: { ...mapping.fields, fatalities: 'Killed' } })));
  await assert.rejects(importFiles(store, [writeScratch('reduced.csv', reduced)], { mapping: wrongColumn }), /names columns the file does not have: Killed/);
  assert.throws(
    () => readMapping(writeScratch('m.json', JSON.stringify({ ...mapping, fields: { deaths: 'Deaths' } }))),
    (e: { details: string[] }) => e.details.some((d) => /unknown field "deaths"/.test(d)),
  );
  assert.throws(() => readMapping(writeScratch('m.json', '{not json')), /not valid JSON/);
});
