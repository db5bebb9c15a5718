/**
 * Issue 9's benchmark: whole processes, as a person at a terminal runs them, each started
 * fresh (node + bin/crisismap.js + the command), against a bare Node process as baseline.
 * Contenders of one table run interleaved (a, b, c, a, b, c…) after a warm-up, so that load
 * drifting during the run hits them alike; medians and their ratios are reported.
 *   --help       vs  node -e 0 (Node's own start)                         target < 0.25 s
 *   count        vs  bench/raw-count.mjs: Node opens the same DuckDB file  target < 0.5 s and ≤ 2×
 *                    read-only and runs the equivalent SQL
 *   chart, map   to PNG on the demo store                                  target < 1.2 s
 * Runs on the demo store (built once in bench/out by `crisismap demo`), from the build in dist/.
 *   node --import tsx bench/start.ts [RUNS]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, fmt, OUT_DIR } from './harness.js';

const ROOT = join(BENCH_DIR, '..');
const BIN = join(ROOT, 'bin/crisismap.js');
const DEMO = join(OUT_DIR, 'start-demo.duckdb');

interface Contender {
  name: string;
  args: string[];
}

interface Run {
  wall: number;
  cpu: number;
}
const CPU_AT_EXIT = join(BENCH_DIR, 'cpu-at-exit.mjs');

/** One whole process, timed from spawn to exit (and the CPU time it used); throws when it fails. */
function runOnce(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', CPU_AT_EXIT, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      const cpu = Number(/cpu-ms ([\d.]+)\n$/.exec(err)?.[1] ?? NaN);
      if (code === 0) resolve({ wall, cpu });
      else reject(new Error(`node ${args.join(' ')} exited with ${code}: ${err}`));
    });
  });
}

/** Median wall and CPU times (ms) of each contender, timed round-robin. */
async function interleaved(contenders: Contender[], runs: number, warmup = 1): Promise<Run[]> {
  for (let i = 0; i < warmup; i++) for (const c of contenders) await runOnce(c.args);
  const times: Run[][] = contenders.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, c] of contenders.entries()) times[k]!.push(await runOnce(c.args));
  }
  const median = (ms: number[]) => ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
  return times.map((t) => ({ wall: median(t.map((r) => r.wall)), cpu: median(t.map((r) => r.cpu)) }));
}

export async function benchStart(runs = 11): Promise<string[]> {
  // Time the build, not a build in progress; and a demo store built once.
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--stale'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
  if (!existsSync(DEMO)) {
    const demo = spawnSync(process.execPath, [BIN, 'demo', '--db', DEMO], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (demo.status !== 0) throw new Error('crisismap demo failed');
  }
  const chartPng = join(OUT_DIR, 'start-chart.png');
  const mapPng = join(OUT_DIR, 'start-map.png');
  const bare: Contender = { name: 'bare Node (`node -e 0`)', args: ['-e', '0'] };
  const help: Contender = { name: '`crisismap --help`', args: [BIN, '--help'] };
  const raw: Contender = { name: 'bare Node + DuckDB, same SQL (bench/raw-count.mjs)', args: [join(BENCH_DIR, 'raw-count.mjs'), DEMO] };
  const count: Contender = { name: '`crisismap count --by year`', args: [BIN, 'count', '--by', 'year', '--db', DEMO] };
  const chart: Contender = { name: '`crisismap chart trend --out chart.png`', args: [BIN, 'chart', 'trend', '--db', DEMO, '--out', chartPng] };
  const map: Contender = { name: '`crisismap map --level admin1 --out map.png`', args: [BIN, 'map', '--level', 'admin1', '--db', DEMO, '--out', mapPng] };

  const lines = [
    `Whole processes from the build (dist/), demo store (${DEMO.replace(ROOT + '/', '')}); ${runs} interleaved runs each after a warm-up; medians of wall time, and of CPU time (all threads) beside it.`,
  ];
  const [bareT, helpT] = await interleaved([bare, help], runs);
  const [rawT, countT] = await interleaved([raw, count], runs);
  const [chartT, mapT] = await interleaved([chart, map], Math.max(3, Math.ceil(runs / 2)));
  rmSync(chartPng, { force: true });
  rmSync(mapPng, { force: true });
  const row = (c: Contender, t: Run, base: Run, baseName: string, target: string, ok: boolean) =>
    `| ${c.name} | ${fmt(t.wall)} | ${fmt(t.cpu)} | ${fmt(base.wall)} (${baseName}) | ${(t.wall / base.wall).toFixed(2)}× | ${(t.cpu / base.cpu).toFixed(2)}× | ${target} | ${ok ? 'met' : '**missed**'} |`;
  lines.push('', '| process | wall | CPU | baseline wall | × baseline (wall) | × baseline (CPU) | target | |', '|---|---|---|---|---|---|---|---|');
  lines.push(row(help, helpT!, bareT!, 'bare Node', '< 0.25 s', helpT!.wall < 250));
  lines.push(row(count, countT!, rawT!, 'Node + DuckDB', '< 0.5 s, ≤ 2×', countT!.wall < 500 && countT!.wall / rawT!.wall <= 2));
  lines.push(row(chart, chartT!, bareT!, 'bare Node', '< 1.2 s', chartT!.wall < 1200));
  lines.push(row(map, mapT!, bareT!, 'bare Node', '< 1.2 s', mapT!.wall < 1200));
  return lines;
}

if (process.argv[1] && /start\.ts$/.test(process.argv[1])) {
  console.log((await benchStart(Number(process.argv[2] ?? 11))).join('\n'));
}
