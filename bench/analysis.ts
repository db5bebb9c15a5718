/**
 * Issue 3's benchmark: each analysis over the 1,000,000-event bench store, through the public
 * library API with its defaults (event ids included), and a country brief.
 * Targets: each analysis under 1 s; a country brief under 3 s.
 * Run after the spine benchmark has built bench/out/bench.duckdb, or on any store:
 *   node --import tsx bench/analysis.ts [STORE]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { actorProfile } from '../src/analysis/actor.js';
import { brief } from '../src/analysis/brief.js';
import { episodes } from '../src/analysis/episodes.js';
import { spread } from '../src/analysis/spread.js';
import { surges } from '../src/analysis/surges.js';
import { trend } from '../src/analysis/trend.js';
import { victims } from '../src/analysis/victims.js';
import { Store } from '../src/store/store.js';
import { fmt, OUT_DIR, time } from './harness.js';

const COASTAL = [{ name: 'coastal', areas: ['Benin', 'Togo', 'Ghana', "Côte d'Ivoire"] }];

export async function benchAnalysis(storePath = join(OUT_DIR, 'bench.duckdb')): Promise<{ lines: string[] }> {
  if (!existsSync(storePath)) throw new Error(`no bench store at ${storePath}: run the spine benchmark first (npm run bench)`);
  const store = await Store.open(storePath, { readOnly: true });
  const { events } = await store.one('SELECT count(*) AS events FROM events');
  // Baseline, in the same process: one hand-written aggregate over the whole table, the cheapest
  // question one can ask of it. The ratio says how many such scans an analysis costs.
  const scan = await time(() => store.all('SELECT year, count(*) AS events, sum(fatalities) AS fatalities FROM events GROUP BY year'), 9);
  const lines = [
    `Store: ${Number(events).toLocaleString('en-US')} events (${storePath})`,
    `Baseline: one raw SQL aggregate over all events (by year), median ${fmt(scan.median)}`,
    '',
    '| analysis | median | best | × baseline | events behind | target |',
    '|---|---|---|---|---|---|',
  ];
  const mali = { country: ['Mali'] };
  const cases: Array<[string, () => Promise<{ eventCount: number }>, number]> = [
    ['trend, Mali by year, 2021 vs 2022', () => trend(store, mali, { compare: ['2021', '2022'] }), 1000],
    ['trend, all events by week', () => trend(store, {}, { by: 'week' }), 1000],
    ['victims, all events', () => victims(store, {}), 1000],
    ['victims, Mali 2022', () => victims(store, { ...mali, year: [2022] }), 1000],
    ['actor Wagner', () => actorProfile(store, 'Wagner', {}), 1000],
    ['actor JNIM in Mali', () => actorProfile(store, 'JNIM', mali), 1000],
    ['episodes, Mali 2022', () => episodes(store, { ...mali, year: [2022] }), 1000],
    ['episodes, all events', () => episodes(store, {}), 1000],
    ['spread, all events, coastal group', () => spread(store, {}, { groups: COASTAL }), 1000],
    ['surges, all areas, end of data', () => surges(store, {}), 1000],
    ['surges, all areas, 2022-04-15 (after Moura)', () => surges(store, {}, { at: '2022-04-15' }), 1000],
    ['brief, Mali 2021-2022 with Wagner', () => brief(store, { ...mali, from: '2021-01-01', to: '2022-12-31' }, { actor: 'Wagner' }), 3000],
  ];
  try {
    for (const [name, run, target] of cases) {
      const answer = await run();
      const t = await time(run, 5);
      const ok = t.median < target ? '✓' : '✗';
      lines.push(`| ${name} | ${fmt(t.median)} | ${fmt(t.best)} | ${(t.median / scan.median).toFixed(1)}× | ${answer.eventCount.toLocaleString('en-US')} | < ${fmt(target)} ${ok} |`);
    }
  } finally {
    store.close();
  }
  return { lines };
}

if (process.argv[1] && /analysis\.ts$/.test(process.argv[1])) {
  const { lines } = await benchAnalysis(process.argv[2]);
  console.log(lines.join('\n'));
}
