/** The command line as scripts use it: flags, exit codes, and the JSON/CSV/GeoJSON contract. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { COMMANDS } from './main.js';
import { Store } from '../store/store.js';
import { cliReference } from './reference.js';
import { acledCsv, ROOT, scratch, writeScratch } from '../../test/testing.js';
import { runCli } from '../../test/cli.js';

const run = (...argv: string[]) => runCli(argv);

async function storeWithEvents(): Promise<string> {
  const db = join(scratch(), 'cli.duckdb');
  const csv = writeScratch(
    'events.csv',
    acledCsv([
      { event_id_cnty: 'MLI1', event_date: '2021-06-01', year: 2021, fatalities: 4 },
      { event_id_cnty: 'MLI2', event_date: '2022-03-27', fatalities: 30, actor1: 'Wagner Group', assoc_actor_1: '' },
      { event_id_cnty: 'NIR1', event_date: '2022-04-01', country: 'Niger', admin1: 'Tillaberi', fatalities: 2, actor1: 'Islamic State (Sahel)', assoc_actor_1: '', latitude: '', longitude: '' },
    ]),
  );
  const result = await run('import', csv, '--db', db);
  assert.equal(result.code, 0, result.err);
  return db;
}

test('import prints a report of what happened to each row', async () => {
  const db = join(scratch(), 'r.duckdb');
  const csv = writeScratch('events.csv', acledCsv([{ event_id_cnty: 'MLI1' }, { event_id_cnty: 'MLI2' }]));
  const first = await run('import', csv, '--db', db);
  assert.match(first.out, /rows read\s+added\s+updated\s+unchanged\s+merged\s+rejected/);
  const again = await run('import', csv, '--db', db, '--json');
  const report = JSON.parse(again.out).files[0];
  assert.deepEqual([report.rowsRead, report.added, report.unchanged], [2, 0, 2]);
});

test('count --json has the documented shape', async () => {
  const db = await storeWithEvents();
  const { code, out } = await run('count', '--db', db, '--country', 'Mali', '--country', 'Niger', '--from', '2021-01-01', '--to', '2022-12-31', '--by', 'year', '--json');
  assert.equal(code, 0);
  const result = JSON.parse(out);
  assert.deepEqual(result.rows, [
    { year: 2021, events: 1, fatalities: 4 },
    { year: 2022, events: 2, fatalities: 32 },
  ]);
  assert.deepEqual(result.total, { events: 3, fatalities: 36 });
  assert.deepEqual(result.filters, { country: ['Mali', 'Niger'], from: '2021-01-01', to: '2022-12-31' });
  assert.equal(result.datasets[0].dataset, 'acled');
});

test('count prints a table with the total, the data and the filters', async () => {
  const db = await storeWithEvents();
  const { out } = await run('count', '--db', db, '--actor', 'Wagner', '--by', 'admin1');
  assert.match(out, /country\s+admin1\s+events\s+fatalities/);
  assert.match(out, /Mali\s+Mopti\s+2\s+34/);
  assert.match(out, /Data: acled, version export 2022-04-15: 2 events/);
  assert.match(out, /Filters: actor=Wagner/);
});

test('count --csv and events --csv are plain CSV', async () => {
  const db = await storeWithEvents();
  assert.equal((await run('count', '--db', db, '--by', 'country', '--csv')).out, 'country,events,fatalities\nMali,2,34\nNiger,1,2\n');
  const events = (await run('events', '--db', db, '--csv', '--fields', 'id,event_date,fatalities')).out;
  assert.equal(events, 'id,event_date,fatalities\nacled:MLI1,2021-06-01,4\nacled:MLI2,2022-03-27,30\nacled:NIR1,2022-04-01,2\n');
});

test('events --geojson gives points and says how many had no coordinates', async () => {
  const db = await storeWithEvents();
  const { out, err } = await run('events', '--db', db, '--geojson');
  const geo = JSON.parse(out);
  assert.equal(geo.type, 'FeatureCollection');
  assert.deepEqual(
    geo.features.map((f: { id: string }) => f.id),
    ['acled:MLI1', 'acled:MLI2'],
  );
  assert.deepEqual(geo.features[0].geometry, { type: 'Point', coordinates: [-4.4714, 14.1303] });
  assert.equal(geo.crisismap.withoutCoordinates, 1);
  assert.match(err, /1 events without coordinates were left out/);
});

test('info lists datasets with versions, date ranges and counts', async () => {
  const db = await storeWithEvents();
  const info = JSON.parse((await run('info', '--db', db, '--json')).out);
  assert.equal(info.events, 3);
  assert.deepEqual(
    info.datasets.map((d: Record<string, unknown>) => [d.dataset, d.versions, d.events, d.fatalities, d.first_date, d.last_date, d.countries]),
    [['acled', ['export 2022-04-15'], 3, 36, '2021-06-01', '2022-04-01', 2]],
  );
  assert.equal(info.imports.length, 1);
  const text = (await run('info', '--db', db)).out;
  assert.match(text, /acled\s+export 2022-04-15\s+3\s+36\s+2021-06-01\s+2022-04-01\s+2/);
});

test('errors the user can fix: one message, hints, non-zero exit', async () => {
  const db = await storeWithEvents();
  const unknown = await run('count', '--db', db, '--country', 'Maly');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown country "Maly"\n {2}closest: Mali/);
  assert.equal((await run('count', '--db', db, '--colour', 'red')).code, 2);
  assert.equal((await run('frobnicate')).code, 2);
  const missing = await run('count', '--db', join(scratch(), 'none.duckdb'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /no store at .*none\.duckdb\n {2}import data first/);
  const limit = await runCli(['count', '--db', db], { CRISISMAP_MEMORY_LIMIT: 'lots' });
  assert.equal(limit.code, 3);
  assert.match(limit.err, /CRISISMAP_MEMORY_LIMIT="lots" is not a memory size\n {2}give a size such as 512MB/);
  const threads = await runCli(['count', '--db', db], { CRISISMAP_THREADS: 'all' });
  assert.equal(threads.code, 3);
  assert.match(threads.err, /CRISISMAP_THREADS="all" is not a number of threads\n {2}give a whole number/);
  const bad = await run('import', writeScratch('bad.csv', acledCsv([{ fatalities: 'x' }])), '--db', db);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /bad\.csv:2: fatalities "x"/);
});

test('CRISISMAP_THREADS gives DuckDB that many threads (npm test gives each file one)', async () => {
  const saved = process.env.CRISISMAP_THREADS;
  process.env.CRISISMAP_THREADS = '3';
  try {
    const store = await Store.open(':memory:');
    try {
      assert.deepEqual(await store.all("SELECT current_setting('threads')::INTEGER AS threads"), [{ threads: 3 }]);
    } finally {
      store.close();
    }
  } finally {
    if (saved === undefined) delete process.env.CRISISMAP_THREADS;
    else process.env.CRISISMAP_THREADS = saved;
  }
});

test('every command has --help with an example and --db', async () => {
  for (const command of COMMANDS) {
    const { code, out } = await run(command.name, '--help');
    assert.equal(code, 0);
    assert.match(out, new RegExp(`Usage: crisismap ${command.name}`));
    assert.match(out, /Examples?:\n {2}crisismap /, command.name);
    assert.match(out, /--db FILE/, command.name);
  }
});

test('docs/cli.md is the current --help of every command (regenerate with npm run docs)', async () => {
  const doc = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8');
  for (const command of COMMANDS) assert.match(doc, new RegExp(`^## crisismap ${command.name}\\b`, 'm'), command.name);
  assert.equal(doc, await cliReference());
});

test('the installed bin runs, and a second writer gets a clear message about the lock', async () => {
  const db = await storeWithEvents();
  const bin = join(ROOT, 'bin/crisismap.js');
  const exec = promisify(execFile);
  const { stdout } = await exec(process.execPath, [bin, 'count', '--db', db, '--json']);
  assert.equal(JSON.parse(stdout).total.events, 3);
  // Hold the store open for writing in this process, then try to import from another.
  const { Store } = await import('../store/store.js');
  const holder = await Store.open(db);
  try {
    const csv = writeScratch('more.csv', acledCsv([{ event_id_cnty: 'MLI9' }]));
    const failed = await exec(process.execPath, [bin, 'import', csv, '--db', db]).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    assert.ok(failed, 'the second writer must fail');
    assert.equal(failed.code, 3);
    assert.match(failed.stderr, /is in use by another process \(PID \d+\)/);
    assert.match(failed.stderr, /POST \/api\/import/);
  } finally {
    holder.close();
  }
});

test('CSV output cannot smuggle a spreadsheet formula; numbers stay numbers', async () => {
  const db = join(scratch(), 'formula.duckdb');
  const csvFile = writeScratch('events.csv', acledCsv([{ event_id_cnty: 'MLI1', actor1: '=HYPERLINK("http://x","click")', assoc_actor_1: '', longitude: -4.5 }]));
  assert.equal((await run('import', csvFile, '--db', db)).code, 0);
  const out = (await run('events', '--db', db, '--csv', '--fields', 'actor1,longitude')).out;
  assert.equal(out, `actor1,longitude\n"'=HYPERLINK(""http://x"",""click"")",-4.5\n`);
});
