/**
 * Stores the analysis tests share: the calibrated demo (built once per run, copied per test
 * file), the real files of ../shared/data, and small hand-written ones.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from '../src/sources/import.js';
import { DEMO_DATASET, writeDemoCsv } from '../src/sources/demo/index.js';
import { Store } from '../src/store/store.js';
import { acledCsv, memoryStore, ROOT, scratch, shared, writeScratch } from './testing.js';

let demo: Promise<Store> | undefined;

/** The synthetic Sahel scenario, seed 1: a copy of the shared demo file, for this test file alone. */
export function demoStore(): Promise<Store> {
  demo ??= (async () => {
    const copy = join(scratch(), 'demo.duckdb');
    copyFileSync(await demoStoreFile(), copy);
    return Store.open(copy);
  })();
  return demo;
}

/**
 * The demo store as a file, built once for the code it was built by and shared by every test
 * file of a run: building it costs seconds of CPU, and a dozen files use it. The key hashes the
 * code that writes a store (model, store, sources) and the locked dependencies, so a change
 * there builds it afresh; a finished file is renamed into place, so a reader never sees half.
 */
export async function demoStoreFile(): Promise<string> {
  const cached = join(CACHE, `demo-${buildKey()}.duckdb`);
  if (existsSync(cached)) return cached;
  const dir = scratch();
  const csv = join(dir, 'demo.csv');
  const built = join(dir, 'demo.duckdb');
  await writeDemoCsv(csv, { seed: 1 });
  const store = await Store.open(built);
  try {
    await importFiles(store, [csv], { dataset: DEMO_DATASET });
    await store.run('CHECKPOINT');
  } finally {
    store.close();
  }
  mkdirSync(CACHE, { recursive: true });
  const part = `${cached}.${process.pid}.part`;
  copyFileSync(built, part);
  renameSync(part, cached);
  return cached;
}

const CACHE = join(ROOT, 'node_modules', '.cache', 'crisismap-tests');

function buildKey(): string {
  const hash = createHash('sha256');
  const files = ['model', 'store', 'sources']
    .flatMap((stage) => readdirSync(join(ROOT, 'src', stage), { recursive: true, encoding: 'utf8' }).map((f) => join('src', stage, f)))
    .filter((f) => !f.endsWith('.test.ts') && statSync(join(ROOT, f)).isFile())
    .sort();
  for (const f of [...files, 'package-lock.json']) hash.update(f).update(readFileSync(join(ROOT, f)));
  return hash.digest('hex').slice(0, 16);
}

/** Real files from ../shared/data, e.g. realStore('acled/acled_sample_2022h1.csv'). */
export async function realStore(...files: string[]): Promise<Store> {
  const store = await memoryStore();
  await importFiles(
    store,
    files.map((f) => shared(f)),
  );
  return store;
}

/** A store of a few ACLED rows (see acledRow in src/testing.ts for the defaults). */
export async function smallStore(rows: Array<Record<string, string | number>>): Promise<Store> {
  const store = await memoryStore();
  if (rows.length) await importFiles(store, [writeScratch('small.csv', acledCsv(rows))]);
  return store;
}
