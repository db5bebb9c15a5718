/**
 * What every benchmark shares: timing (best and median of several runs), peak memory, and
 * the 1,000,000-event CSV in ACLED's layout, generated once by the demo generator at scale.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = join(BENCH_DIR, 'out');
mkdirSync(OUT_DIR, { recursive: true });

export const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);

export interface Timing { best: number; median: number; runs: number }

export async function time(fn: () => Promise<unknown>, runs = 7, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { best: ms[0]!, median: ms[Math.floor(ms.length / 2)]!, runs };
}

/** Peak resident memory of this process so far, in MB (includes DuckDB's native memory). */
export function peakMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** The benchmark CSV: generated once, reused while its size says it is complete. */
export async function benchCsv(): Promise<{ path: string; events: number; bytes: number }> {
  const path = join(OUT_DIR, `acled-layout-${EVENTS}.csv`);
  const marker = `${path}.done`;
  if (existsSync(path) && existsSync(marker)) return { path, events: EVENTS, bytes: statSync(path).size };
  const { writeDemoCsv } = await import('../src/sources/demo/index.js');
  // Scale 1 is the calibrated demo; the benchmark asks for enough scale to reach EVENTS rows.
  const probe = await countDemo();
  const scale = EVENTS / probe;
  process.stderr.write(`generating ${EVENTS.toLocaleString('en-US')} events (scale ${scale.toFixed(2)}) to ${path}…\n`);
  const { events, bytes } = await writeDemoCsv(path, { seed: 7, scale, limit: EVENTS } as never);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(marker, `${events}\n`);
  return { path, events, bytes };
}

async function countDemo(): Promise<number> {
  const { demoRows } = await import('../src/sources/demo/index.js');
  let n = 0;
  for (const _ of demoRows({ seed: 7 })) n++;
  return n;
}
