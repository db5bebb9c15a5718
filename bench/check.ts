/**
 * crisismap check, timed in process on the demo store (targets: the 67 dev sentences of
 * ../shared/claims/dev.jsonl in one batch under 2 s; the seed article under 1 s), beside a
 * baseline measured side by side: the same store answering one plain count() per claim found,
 * which is the least any checker built on the query layer must do. Run alone:
 *   node --import tsx bench/check.ts [path/to/demo.duckdb]
 * (without a path, the demo store is built in memory first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBatch, checkText, parseBatchLine } from '../src/check/check.js';
import { count } from '../src/query/count.js';
import { importFiles } from '../src/sources/import.js';
import { DEMO_DATASET, writeDemoCsv } from '../src/sources/demo/index.js';
import { Store } from '../src/store/store.js';
import { BENCH_DIR, OUT_DIR, timePair } from './harness.js';

const SHARED = join(BENCH_DIR, '../../shared');

async function demo(path?: string): Promise<Store> {
  if (path) return Store.open(path, { readOnly: true });
  const store = await Store.open(':memory:');
  const csv = join(OUT_DIR, 'demo-check.csv');
  await writeDemoCsv(csv, { seed: 1 });
  await importFiles(store, [csv], { dataset: DEMO_DATASET });
  return store;
}

export async function benchCheck(dbPath?: string): Promise<string> {
  const store = await demo(dbPath);
  try {
    const lines = readFileSync(join(SHARED, 'claims/dev.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    const items = lines.map((l, i) => parseBatchLine(l, `dev.jsonl:${i + 1}`));
    const article = readFileSync(join(SHARED, 'articles/wagner-mali-repost.txt'), 'utf8');
    const batch = () => checkBatch(store, items);
    const one = () => checkText(store, article, { published: '2023-02-08' });
    const found = (await one()).claims.length;
    const baseline = async () => {
      for (let i = 0; i < found; i++) await count(store, { country: ['Mali'], year: [2022] });
    };
    const [b, bb] = await timePair(batch, baseline, 3, 1);
    const [a, ab] = await timePair(one, baseline, 5, 1);
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    return `## crisismap check (issue 10)

| input | crisismap check (median) | baseline: one count() per claim (median) | target |
|---|---|---|---|
| 67 dev sentences, one batch | ${ms(b.median)} | ${ms(bb.median)} | < 2 s |
| the seed article (${found} claims) | ${ms(a.median)} | ${ms(ab.median)} | < 1 s |
`;
  } finally {
    store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(await benchCheck(process.argv[2]));
