/**
 * Issue 8's import check: clean UTF-8 files must not import more than 5% slower than before the
 * importers learnt encodings, slash dates, zips and recovery. The same generated CSV is imported
 * by this checkout and by a baseline checkout (BENCH_BASELINE: the path of another checkout's
 * src/sources/import.ts, e.g. a worktree of the commit before), interleaved run by run so that
 * both see the same machine, each into a new store.
 *
 *   BENCH_EVENTS=200000 BENCH_BASELINE=/tmp/base/src/sources/import.ts node --import tsx bench/import-clean.ts
 *
 * Without BENCH_BASELINE it times this checkout against raw DuckDB's read_csv (the spine bench's baseline).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Store } from '../src/store/store.js';
import { importFiles } from '../src/sources/import.js';
import { benchCsv, fmt, OUT_DIR } from './harness.js';

type Importer = (store: unknown, files: string[], options: { dataset: string }) => Promise<Array<{ added: number }>>;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const csv = await benchCsv();
const baselinePath = process.env.BENCH_BASELINE;
const baseline = baselinePath ? ((await import(baselinePath)) as { importFiles: Importer }) : undefined;
// The baseline's own Store class, so that each side runs wholly its own code.
const BaselineStore = baselinePath ? ((await import(baselinePath.replace(/sources\/import\.ts$/, 'store/store.ts'))) as { Store: typeof Store }).Store : undefined;

async function ours(): Promise<number> {
  const path = join(OUT_DIR, 'clean-ours.duckdb');
  rmSync(path, { force: true });
  const store = await Store.open(path);
  const start = process.hrtime.bigint();
  const [report] = await importFiles(store, [csv.path], { dataset: 'acled' });
  await store.run('CHECKPOINT');
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  store.close();
  if (report!.added !== csv.events) throw new Error(`imported ${report!.added} of ${csv.events}`);
  return ms;
}

async function theirs(): Promise<number> {
  const path = join(OUT_DIR, 'clean-base.duckdb');
  rmSync(path, { force: true });
  const start = process.hrtime.bigint();
  if (baseline && BaselineStore) {
    const store = await BaselineStore.open(path);
    const [report] = await baseline.importFiles(store, [csv.path], { dataset: 'acled' });
    await store.run('CHECKPOINT');
    store.close();
    if (report!.added !== csv.events) throw new Error(`baseline imported ${report!.added} of ${csv.events}`);
  } else {
    const db = await DuckDBInstance.create(path);
    const c = await db.connect();
    await c.run(`CREATE TABLE raw AS SELECT * FROM read_csv('${csv.path}')`);
    await c.run('CHECKPOINT');
    c.closeSync();
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const a: number[] = [];
const b: number[] = [];
await ours(); // warm the page cache and DuckDB
for (let i = 0; i < RUNS; i++) {
  a.push(await ours());
  b.push(await theirs());
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const what = baseline ? 'baseline checkout' : 'raw DuckDB';
console.log(`File: ${csv.events.toLocaleString('en-US')} events, ${(csv.bytes / 1e6).toFixed(0)} MB, clean UTF-8, ACLED layout (generated); ${RUNS} interleaved runs\n`);
console.log(`| import | this checkout (median) | ${what} (median) | ratio | target |`);
console.log('|---|---|---|---|---|');
console.log(`| clean UTF-8 | ${fmt(median(a))} | ${fmt(median(b))} | ${(median(a) / median(b)).toFixed(3)}× | ${baseline ? '≤ 1.05×' : '≤ 2×'} |`);
console.log(`\nruns, this checkout: ${a.map(fmt).join(', ')}; ${what}: ${b.map(fmt).join(', ')}`);
