/**
 * Stores the analysis tests share: the calibrated demo and the real files of ../shared/data
 * (each built once per run, copied per use), and small hand-written ones.
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
export function demoStoreFile(): Promise<string> {
  return cachedStore('demo', async (store) => {
    const csv = join(scratch(), 'demo.csv');
    await writeDemoCsv(csv, { seed: 1 });
    await importFiles(store, [csv], { dataset: DEMO_DATASET });
  });
}

/**
 * A store file that `fill` builds, kept under a name of what it holds and of the code that
 * built it, and built afresh when either changes.
 */
async function cachedStore(name: string, fill: (store: Store) => Promise<unknown>, inputs: string[] = []): Promise<string> {
  const cached = join(CACHE, `${name}-${buildKey(inputs)}.duckdb`);
  if (existsSync(cached)) return cached;
  const built = join(scratch(), 'store.duckdb');
  const store = await Store.open(built);
  try {
    await fill(store);
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

function buildKey(inputs: string[]): string {
  const hash = createHash('sha256');
  // The data files by size and time: hashing their content would cost what it saves.
  for (const f of inputs) hash.update(`${f} ${statSync(f).size} ${statSync(f).mtimeMs}\n`);
  const files = ['model', 'store', 'sources']
    .flatMap((stage) => readdirSync(join(ROOT, 'src', stage), { recursive: true, encoding: 'utf8' }).map((f) => join('src', stage, f)))
    .filter((f) => !f.endsWith('.test.ts') && statSync(join(ROOT, f)).isFile())
    .sort();
  for (const f of [...files, 'package-lock.json']) hash.update(f).update(readFileSync(join(ROOT, f)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Real files from ../shared/data, e.g. realStore('acled/acled_sample_2022h1.csv'): imported
 * once per run (half a dozen test files import the same sample), copied for each caller.
 */
export async function realStore(...files: string[]): Promise<Store> {
  const paths = files.map((f) => shared(f));
  const name = `real-${createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 8)}`;
  const copy = join(scratch(), 'real.duckdb');
  copyFileSync(await cachedStore(name, (store) => importFiles(store, paths), paths), copy);
  return Store.open(copy);
}

/** A store of a few ACLED rows (see acledRow in src/testing.ts for the defaults). */
export async function smallStore(rows: Array<Record<string, string | number>>): Promise<Store> {
  const store = await memoryStore();
  if (rows.length) await importFiles(store, [writeScratch('small.csv', acledCsv(rows))]);
  return store;
}
