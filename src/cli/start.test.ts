/**
 * What the installed bin loads: a command imports only the libraries it needs, so that
 * `crisismap --help` and `crisismap count` start fast (bench/start.ts measures how fast).
 * Each case runs bin/crisismap.js (the compiled build) in its own process and records
 * every module it loads (test/record-loads.mjs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { acledCsv, ROOT, scratch, writeScratch } from '../../test/testing.js';

const exec = promisify(execFile);
/** The libraries of charts, spreadsheets and the server, which counting does not need. */
const HEAVY = ['vega', 'vega-lite', 'exceljs', 'hono', '@hono/node-server', 'zod', '@resvg/resvg-js', 'd3-geo', 'playwright-core', 'tsx'];

/** The packages each file of dist/ bundles, when the build bundled them (scripts/build.mjs, BUNDLED). */
function bundledPackages(): Record<string, string[]> {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'dist/bundled.json'), 'utf8'));
  } catch {
    return {};
  }
}

/** The packages (by name) whose files a run of the bin loaded, directly or inside a bundle, and its output. */
async function packagesLoaded(...args: string[]): Promise<{ packages: Set<string>; stdout: string }> {
  const record = join(scratch(), 'loads.txt');
  const { stdout } = await exec(process.execPath, ['--import', join(ROOT, 'test/record-loads.mjs'), join(ROOT, 'bin/crisismap.js'), ...args], {
    env: { ...process.env, CRISISMAP_LOADS: record },
  });
  const packages = new Set<string>();
  const bundled = bundledPackages();
  const dist = pathToFileURL(join(ROOT, 'dist')).href + '/';
  for (const url of readFileSync(record, 'utf8').split('\n')) {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (match) packages.add(match[1]!);
    if (url.startsWith(dist)) for (const name of bundled[url.slice(dist.length)] ?? []) packages.add(name);
  }
  return { packages, stdout };
}

let db: Promise<string> | undefined;
function store(): Promise<string> {
  db ??= (async () => {
    const path = join(scratch(), 'start.duckdb');
    const csv = writeScratch(
      'events.csv',
      acledCsv([
        { event_id_cnty: 'MLI1', fatalities: 4 },
        { event_id_cnty: 'MLI2', event_date: '2021-06-01', year: 2021 },
      ]),
    );
    await exec(process.execPath, [join(ROOT, 'bin/crisismap.js'), 'import', csv, '--db', path]);
    return path;
  })();
  return db;
}

test('crisismap --help loads no library at all', async () => {
  const { packages, stdout } = await packagesLoaded('--help');
  assert.match(stdout, /Usage: crisismap COMMAND/);
  assert.deepEqual([...packages], []);
});

test('crisismap count loads DuckDB and none of vega, exceljs, hono or zod', async () => {
  const { packages, stdout } = await packagesLoaded('count', '--by', 'year', '--db', await store(), '--json');
  assert.equal(JSON.parse(stdout).total.events, 2);
  assert.ok(packages.has('@duckdb/node-api'), `the recorder saw DuckDB (${[...packages].join(', ')})`);
  assert.deepEqual(
    HEAVY.filter((name) => packages.has(name)),
    [],
  );
});

test('crisismap map loads the map libraries but not vega, exceljs, hono or zod', async () => {
  const out = join(scratch(), 'map.svg');
  const { packages } = await packagesLoaded('map', '--db', await store(), '--out', out);
  assert.match(readFileSync(out, 'utf8'), /^<svg/);
  assert.ok(packages.has('d3-geo') && packages.has('@duckdb/node-api'), [...packages].join(', '));
  assert.deepEqual(
    ['vega', 'vega-lite', 'exceljs', 'hono', 'zod'].filter((name) => packages.has(name)),
    [],
  );
});

test('the recorder does see the heavy libraries when a command needs them: a chart loads vega', async () => {
  const out = join(scratch(), 'chart.svg');
  const { packages } = await packagesLoaded('chart', 'trend', '--db', await store(), '--out', out);
  assert.match(readFileSync(out, 'utf8'), /^<svg/);
  assert.ok(packages.has('vega') && packages.has('vega-lite'), [...packages].join(', '));
});

test('crisismap serve starts without the checker or vega: each loads at the first request that needs it', async () => {
  const record = join(scratch(), 'serve-loads.txt');
  const child = spawn(process.execPath, ['--import', join(ROOT, 'test/record-loads.mjs'), join(ROOT, 'bin/crisismap.js'), 'serve', '--db', await store(), '--port', '0'], {
    env: { ...process.env, CRISISMAP_LOADS: record },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((done) => child.on('exit', done));
  try {
    let out = '';
    const url = await new Promise<string>((found, failed) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk;
        const at = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (at) found(at[0]);
      });
      child.on('exit', () => failed(new Error(`serve ended before listening: ${out}`)));
    });
    const loaded = (name: string) => readFileSync(record, 'utf8').includes(`/node_modules/${name}/`);
    assert.ok(loaded('hono'), 'the recorder saw the server start');
    assert.deepEqual(['chrono-node', 'vega', 'vega-lite', 'exceljs'].filter(loaded), []);
    const checked = await fetch(new URL('/api/check', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'In Mali, 4 people were killed in 2022.', published: '2023-01-01' }),
    });
    assert.equal(checked.status, 200);
    assert.ok(loaded('chrono-node'), 'the first check loaded the checker');
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
});
