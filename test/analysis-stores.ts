/**
 * Stores the analysis tests share: the calibrated demo (built once per test file, it takes
 * a second or two), the real files of ../shared/data, and small hand-written ones.
 */
import { join } from 'node:path';
import { importFiles } from '../src/sources/import.js';
import { DEMO_DATASET, writeDemoCsv } from '../src/sources/demo/index.js';
import type { Store } from '../src/store/store.js';
import { acledCsv, memoryStore, scratch, shared, writeScratch } from './testing.js';

let demo: Promise<Store> | undefined;

/** The synthetic Sahel scenario, seed 1, in memory. */
export function demoStore(): Promise<Store> {
  demo ??= (async () => {
    const store = await memoryStore();
    const path = join(scratch(), 'demo.csv');
    await writeDemoCsv(path, { seed: 1 });
    await importFiles(store, [path], { dataset: DEMO_DATASET });
    return store;
  })();
  return demo;
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
