/**
 * The reading steps in a worker thread (the server's way) give what they give in the calling
 * thread (the CLI's way): the same reports, rows, rejected rows and `file:line: reason`
 * errors, for every kind of file. Past its memory cap the worker alone stops: the import
 * fails with ImportMemoryError, the store is as it was and no temporary file is left.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CrisisError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { importFiles, type ImportOptions } from './import.js';
import { ImportMemoryError, readInWorker } from './read-off-thread.js';
import { Scratch } from './scratch.js';
import { ACLED_HEADER, acledCsv, acledRow, HAS_SHARED, memoryStore, scratch, shared, writeScratch, writeWorkbook, writeZip } from '../../test/testing.js';

// This file's imports make their temporary folders here, where nothing else does: the test can see that none is left.
process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'crisismap-read-off-thread-'));
const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith('crisismap-import-'));

const WORKER = { worker: { memoryMb: 256 } };

/** Everything an import leaves: its reports, a fingerprint of every stored row, and the rejects file. */
async function outcome(files: string[], options: ImportOptions) {
  const store = await memoryStore();
  try {
    const reports = await importFiles(store, files, options);
    const rejects = reports.map((r) => (r.rejectsFile ? readFileSync(r.rejectsFile, 'utf8') : ''));
    return { reports, rows: await fingerprint(store), rejects };
  } finally {
    store.close();
  }
}

async function fingerprint(store: Store) {
  const events = await store.one('SELECT count(*) AS n, sum(hash(e)) AS h FROM events e');
  const aggregates = await store.one('SELECT count(*) AS n, sum(hash(a)) AS h FROM aggregates a');
  return { events: [Number(events.n), String(events.h)], aggregates: [Number(aggregates.n), String(aggregates.h)] };
}

/** One event per item, as ACLED's API pages them. */
function acledPage(n: number, notes = ''): string {
  const columns = ACLED_HEADER.split(',');
  const data = Array.from({ length: n }, (_, i) => {
    const values = acledRow({ event_id_cnty: `MLI${i + 1}`, fatalities: i % 7, ...(notes ? { notes } : {}) }).match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)!;
    return Object.fromEntries(columns.map((c, k) => [c, values[k]!.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')]));
  });
  return JSON.stringify({ status: 200, data });
}

const SHEET_HEADER = ['event_id_cnty', 'event_date', 'year', 'country', 'fatalities', 'event_type', 'actor1', 'latitude', 'longitude', 'timestamp'];

async function generatedFiles(): Promise<Array<[string, string[], ImportOptions]>> {
  const dir = scratch();
  const workbook = await writeWorkbook(join(dir, 'events.xlsx'), [
    SHEET_HEADER,
    ...[1, 2, 3].map((i) => [`XL${i}`, new Date(Date.UTC(2022, 2, 26 + i)), 2022, 'Mali', i, 'Battles', 'Wagner Group', 14.1, -4.4, 1650000000]),
  ]);
  const damaged = [ACLED_HEADER, acledRow({ event_id_cnty: 'D1' }), acledRow({ event_id_cnty: 'D2' }).replace('"On 27', 'On 27'), acledRow({ event_id_cnty: 'D3' })].join('\n') + '\n';
  const text = acledCsv([{ event_id_cnty: 'W1', location: 'Ségou', notes: 'Côte d’Ivoire – “quoted”' }]);
  return [
    ['an ACLED API page (JSON)', [writeScratch('page.json', acledPage(50))], {}],
    ['a workbook', [workbook], {}],
    [
      'a Windows-1252 CSV (rewritten as UTF-8)',
      [
        writeScratch(
          'cp1252.csv',
          Buffer.from(
            text.replace(/[’–“”]/g, (c) => ({ '’': '\x92', '–': '\x96', '“': '\x93', '”': '\x94' })[c]!),
            'latin1',
          ),
        ),
      ],
      {},
    ],
    ['a zip of two CSV files', [await writeZip(join(dir, 'two.zip'), { 'a.csv': acledCsv([{ event_id_cnty: 'Z1' }]), 'b.csv': acledCsv([{ event_id_cnty: 'Z2' }]) })], {}],
    ['a damaged CSV, split again, with --skip-invalid', [writeScratch('damaged.csv', damaged)], { skipInvalid: true }],
  ];
}

function realFiles(): Array<[string, string[], ImportOptions]> {
  if (!HAS_SHARED) return [];
  return [
    ["ACLED's 2016 zip (Windows-1252 inside)", [shared('acled/acled_africa_2016-01_to_05.zip')], {}],
    ['UCDP GED as GeoJSON', [shared('ucdp/ged231_central_african_republic.geojson')], {}],
    ["ACLED's fatalities workbook (aggregated)", [shared('acled/aggregated/number_of_reported_fatalities_by_country-year_as-of-24Oct2025.xlsx')], {}],
  ];
}

test('a worker thread reads every kind of file as the calling thread does: same reports, rows and rejects', async () => {
  const cases = [...(await generatedFiles()), ...realFiles()];
  for (const [what, files, options] of cases) {
    const here = await outcome(files, options);
    const there = await outcome(files, { ...options, ...WORKER });
    assert.deepEqual(there, here, what);
    assert.ok(Number(here.rows.events[0]) + Number(here.rows.aggregates[0]) > 0, `${what}: something was imported`);
    if (options.skipInvalid) assert.match(there.rejects[0]!, /D2/, `${what}: the damaged row is in the rejects file`);
  }
  assert.deepEqual(leftovers(), []);
});

test('from a worker thread, the same file:line: reason errors', async () => {
  const badWorkbook = await writeWorkbook(join(scratch(), 'bad.xlsx'), [
    SHEET_HEADER,
    ['B1', '2022-03-27', 2022, 'Mali', 3, 'Battles', 'Wagner Group', 14.1, -4.4, 1650000000],
    ['B2', '2022-02-31', 2022, 'Mali', 'many', 'Battles', 'Wagner Group', 14.1, -4.4, 1650000000],
  ]);
  const files = [
    badWorkbook,
    writeScratch('bad-page.json', '{"data": [1, 2]}'),
    writeScratch('cut.json', '{"data": [{"event_id_cnty": "X"'),
    writeScratch('damaged.csv', [ACLED_HEADER, acledRow(), acledRow({ event_id_cnty: 'Q2' }).replace('"On 27', 'On 27')].join('\n') + '\n'),
    await writeZip(join(scratch(), 'empty.zip'), { 'readme.txt': 'nothing here' }),
  ];
  for (const file of files) {
    const failure = async (options: ImportOptions) => {
      const store = await memoryStore();
      try {
        await importFiles(store, [file], options);
      } catch (error) {
        assert.ok(error instanceof CrisisError, String(error));
        assert.equal(await store.one('SELECT count(*) AS n FROM events').then((r) => Number(r.n)), 0);
        return { message: error.message, details: error.details, exitCode: error.exitCode };
      } finally {
        store.close();
      }
      assert.fail(`${file} was imported`);
    };
    const here = await failure({});
    assert.deepEqual(await failure(WORKER), here, file);
  }
  // The workbook's problems are named by sheet row.
  assert.match((await importFiles(await memoryStore(), [badWorkbook], WORKER).catch((e: CrisisError) => e.details.join('\n'))) as string, /bad\.xlsx:row 3: /);
});

test('a file that needs more memory than the cap stops only the worker: ImportMemoryError, and the store is as it was', async () => {
  const store = await memoryStore();
  try {
    await importFiles(store, [writeScratch('before.csv', acledCsv([{ event_id_cnty: 'KEEP1', fatalities: 5 }]))]);
    const before = await fingerprint(store);
    // About 20 MB of JSON: held whole while it is read, several times that in objects.
    const page = writeScratch('huge.json', acledPage(25_000, 'x'.repeat(300)));
    await assert.rejects(importFiles(store, [page], { worker: { memoryMb: 32 } }), (error: unknown) => {
      assert.ok(error instanceof ImportMemoryError, String(error));
      assert.equal(error.file, page);
      assert.equal(error.memoryMb, 32);
      assert.equal(error.message, `${page}: reading it needs more than the 32 MB of memory an import may use`);
      return true;
    });
    assert.deepEqual(await fingerprint(store), before);
    assert.deepEqual(leftovers(), []);
    // The same file with room enough imports, in the same process.
    const [report] = await importFiles(store, [page], { worker: { memoryMb: 512 } });
    assert.equal(report!.added, 25_000);
  } finally {
    store.close();
  }
});

test('rows that failed are placed on their lines and copied to the rejects file by the reader: in the worker, not the thread that imports', async () => {
  // A note spanning lines puts record 2 on line 4: only a scan of the file can say so.
  const csv = writeScratch('placed.csv', `${ACLED_HEADER}\n${acledRow({ event_id_cnty: 'P1', notes: 'one\ntwo' })}\n${acledRow({ event_id_cnty: 'P2', fatalities: 'x' })}\n`);
  const reader = readInWorker(new Scratch(), 64);
  try {
    assert.deepEqual(await reader.lines(csv, [1, 2]), [2, 4]);
    const rejects = join(scratch(), 'placed.rejects.csv');
    await reader.writeRejects(rejects, csv, [{ record: 2, reason: 'fatalities "x"', where: '4', line: 4 }], false);
    assert.equal(readFileSync(rejects, 'utf8'), `_line,_reason,${ACLED_HEADER}\n4,"fatalities ""x""",${acledRow({ event_id_cnty: 'P2', fatalities: 'x' })}\n`);
  } finally {
    await reader.close();
  }
  // The importer reaches the file's bytes only through its reader (read.ts), never scanning them itself.
  for (const module of ['import.ts', 'aggregates.ts']) {
    const source = readFileSync(join(import.meta.dirname, module), 'utf8');
    assert.doesNotMatch(source, /\b(scanRecords|recordLines|readSpan)\b|(?<![.\w])writeRejects\(/, module);
  }
});
