/**
 * Issue 2's benchmark: import and counting through crisismap's public API against raw DuckDB
 * on the same file, in the same process.
 *   import   importFiles() into a new store   vs  CREATE TABLE raw AS SELECT * FROM read_csv(file)
 *   counts   count() by year and country, with an actor, by admin1 in one country
 *            vs the equivalent hand-written SQL over the raw table
 * Targets: import within 2× raw; each count within 1.5× raw; peak memory under 1.5 GB.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Store } from '../src/store/store.js';
import { importFiles } from '../src/sources/import.js';
import { count } from '../src/query/count.js';
import { benchCsv, fmt, OUT_DIR, peakMb, timePair } from './harness.js';

export interface SpineResult {
  lines: string[];
  storePath: string;
  rawPath: string;
}

export async function benchSpine(): Promise<SpineResult> {
  const csv = await benchCsv();
  const storePath = join(OUT_DIR, 'bench.duckdb');
  const rawPath = join(OUT_DIR, 'raw.duckdb');
  const lines: string[] = [];
  lines.push(`File: ${csv.events.toLocaleString('en-US')} events, ${(csv.bytes / 1e6).toFixed(0)} MB, ACLED layout (generated)`);

  // 1. Import, each side into a new database file. crisismap first, so that the peak memory
  // measured after it is its own; the file is in the page cache for both (it was just written or read).
  for (const p of [storePath, rawPath]) {
    rmSync(p, { force: true });
    rmSync(`${p}.wal`, { force: true });
  }
  const store = await Store.open(storePath);
  const oursStart = process.hrtime.bigint();
  const [report] = await importFiles(store, [csv.path], { dataset: 'acled' });
  await store.run('CHECKPOINT');
  const oursMs = Number(process.hrtime.bigint() - oursStart) / 1e6;
  if (report!.added !== csv.events) throw new Error(`imported ${report!.added} of ${csv.events} events`);
  const importPeak = peakMb();

  const rawDb = await DuckDBInstance.create(rawPath);
  const raw = await rawDb.connect();
  const rawStart = process.hrtime.bigint();
  await raw.run(`CREATE TABLE raw AS SELECT * FROM read_csv('${csv.path}')`);
  await raw.run('CHECKPOINT');
  const rawMs = Number(process.hrtime.bigint() - rawStart) / 1e6;

  lines.push('', '| import | crisismap | raw DuckDB | ratio | target |', '|---|---|---|---|---|');
  lines.push(`| ${csv.events.toLocaleString('en-US')} events | ${fmt(oursMs)} | ${fmt(rawMs)} | ${(oursMs / rawMs).toFixed(2)}× | ≤ 2× |`);
  lines.push('', `Peak memory of the crisismap import: ${importPeak.toFixed(0)} MB (target < 1,500 MB)`);

  // 2. Counts: the public query API against hand-written SQL, results checked equal first.
  // biome-ignore lint/suspicious/noExplicitAny: each case checks rows of its own shape against raw DuckDB's
  const cases: Array<{ name: string; ours: () => Promise<unknown>; sql: string; check: (ours: any, raw: any[]) => void }> = [
    {
      name: 'by year and country',
      ours: () => count(store, {}, ['year', 'country']),
      sql: `SELECT year, country, count(*) AS events, sum(fatalities) AS fatalities FROM raw GROUP BY ALL`,
      check: (o, r) => equal(o.rows.length, r.length, 'rows'),
    },
    {
      name: 'events involving "Wagner"',
      ours: () => count(store, { actor: ['Wagner'] }),
      sql: `SELECT count(*) AS events, sum(fatalities) AS fatalities FROM raw
            WHERE actor1 ILIKE '%wagner%' OR actor2 ILIKE '%wagner%' OR assoc_actor_1 ILIKE '%wagner%' OR assoc_actor_2 ILIKE '%wagner%'`,
      check: (o, r) => equal(o.total.events, Number(r[0].events), 'events'),
    },
    {
      name: 'by admin1 in Mali',
      ours: () => count(store, { country: ['Mali'] }, ['admin1']),
      sql: `SELECT admin1, count(*) AS events, sum(fatalities) AS fatalities FROM raw WHERE country = 'Mali' GROUP BY admin1`,
      check: (o, r) =>
        equal(
          o.total.fatalities,
          r.reduce((n, x) => n + Number(x.fatalities), 0),
          'fatalities',
        ),
    },
  ];
  lines.push('', '| count | crisismap (median) | raw SQL (median) | ratio | target |', '|---|---|---|---|---|');
  for (const c of cases) {
    c.check(await c.ours(), (await raw.runAndReadAll(c.sql)).getRowObjectsJson());
    // Interleaved, many runs: these take milliseconds, so drift in the machine's load must hit both sides alike.
    const [oursT, rawT] = await timePair(c.ours, () => raw.runAndReadAll(c.sql), 31);
    lines.push(`| ${c.name} | ${fmt(oursT.median)} | ${fmt(rawT.median)} | ${(oursT.median / rawT.median).toFixed(2)}× | ≤ 1.5× |`);
  }
  lines.push('', `Peak memory of the whole run, raw DuckDB's import included: ${peakMb().toFixed(0)} MB`);
  raw.closeSync();
  rawDb.closeSync();
  store.close();
  return { lines, storePath, rawPath };
}

function equal(a: unknown, b: unknown, what: string): void {
  if (a !== b) throw new Error(`crisismap and raw SQL disagree on ${what}: ${a} vs ${b}`);
}
