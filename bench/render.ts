/**
 * Issue 4's benchmark: a bar chart to PNG and an admin1 map of West Africa to PNG, each
 * against a baseline measured in the same process (resvg drawing a trivial SVG with the
 * same fonts: the fixed cost of any PNG). Runs on the demo data, built in memory.
 * Targets: bar chart to PNG under 200 ms; West Africa admin1 map to PNG under 1.5 s.
 *   node --import tsx bench/render.ts
 */
import { join } from 'node:path';
import { importFiles } from '../src/sources/import.js';
import { writeDemoCsv } from '../src/sources/demo/index.js';
import { Store } from '../src/store/store.js';
import { chart, chartOutput, map, mapOutput, svgToPng } from '../src/render/index.js';
import { fmt, OUT_DIR, time } from './harness.js';

const WEST_AFRICA = ['Mali', 'Burkina Faso', 'Niger', 'Benin', 'Togo', 'Ghana', 'Ivory Coast'];

export async function benchRender(): Promise<string[]> {
  const store = await Store.open(':memory:');
  try {
    const csv = join(OUT_DIR, 'render-demo.csv');
    await writeDemoCsv(csv, { seed: 1 });
    await importFiles(store, [csv], { dataset: 'demo-synthetic' });
    const trivial = '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><text x="10" y="20">x</text></svg>';
    const baseline = await time(async () => svgToPng(trivial), 7);
    // First map of the process: loads the boundaries (JSON parse, names); later maps reuse them.
    const coldStart = process.hrtime.bigint();
    await mapOutput(await map(store, { country: WEST_AFRICA }, { level: 'admin1' }), 'png');
    const cold = Number(process.hrtime.bigint() - coldStart) / 1e6;
    const bar = await time(async () => chartOutput(await chart(store, 'bar', { country: ['Mali'] }, { by: ['year'] }), 'png'), 7);
    const wa = await time(async () => mapOutput(await map(store, { country: WEST_AFRICA }, { level: 'admin1' }), 'png'), 5);
    const row = (name: string, t: { median: number; best: number }, target: number) =>
      `| ${name} | ${fmt(t.median)} | ${fmt(t.best)} | ${(t.median / baseline.median).toFixed(1)}× | < ${fmt(target)} ${t.median < target ? '✓' : '✗'} |`;
    return [
      'Demo store (16,908 events), in memory; each figure from the query to the PNG bytes (2× scale).',
      '',
      '| figure | median | best | × baseline | target |',
      '|---|---|---|---|---|',
      `| baseline: resvg, trivial 600×400 SVG to PNG | ${fmt(baseline.median)} | ${fmt(baseline.best)} | 1.0× | |`,
      row('bar chart, Mali fatalities by year → PNG', bar, 200),
      row('admin1 map, West Africa (7 countries) → PNG', wa, 1500),
      `| same map, first of the process (loads the boundaries) | ${fmt(cold)} | | ${(cold / baseline.median).toFixed(1)}× | < ${fmt(1500)} ${cold < 1500 ? '✓' : '✗'} |`,
    ];
  } finally {
    store.close();
  }
}

if (process.argv[1] && /render\.ts$/.test(process.argv[1])) console.log((await benchRender()).join('\n'));
