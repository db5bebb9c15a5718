/**
 * What every benchmark shares: timing (best and median of several runs), peak memory, and
 * the 1,000,000-event CSV in ACLED's layout, generated once by the demo generator at scale.
 */
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = join(BENCH_DIR, 'out');
mkdirSync(OUT_DIR, { recursive: true });

export const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);

export interface Timing {
  best: number;
  median: number;
  runs: number;
}

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

/** Two contenders timed alternately (a, b, a, b…), after a warm-up of each: medians comparable under drifting load. */
export async function timePair(a: () => Promise<unknown>, b: () => Promise<unknown>, runs = 21, warmup = 3): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [fn, into] of [
      [a, ta],
      [b, tb],
    ] as const) {
      const start = process.hrtime.bigint();
      await fn();
      into.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const summary = (ms: number[]): Timing => {
    ms.sort((x, y) => x - y);
    return { best: ms[0]!, median: ms[Math.floor(ms.length / 2)]!, runs };
  };
  return [summary(ta), summary(tb)];
}

/** Peak resident memory of this process so far, in MB (includes DuckDB's native memory). */
export function peakMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** The benchmark CSV: generated once, reused while its marker says it is complete. */
export async function benchCsv(): Promise<{ path: string; events: number; bytes: number }> {
  const path = join(OUT_DIR, `acled-layout-${EVENTS}.csv`);
  const marker = `${path}.done`;
  if (existsSync(path) && existsSync(marker)) return { path, events: EVENTS, bytes: statSync(path).size };
  const { ACLED_COLUMNS, demoRows } = await import('../src/sources/demo/index.js');
  const { csvLine } = await import('../src/sources/csv-text.js');
  // The calibrated demo has ~16,900 events at scale 1; a little more scale than needed, cut at EVENTS.
  const scale = (EVENTS / 16_000) * 1.02;
  process.stderr.write(`generating ${EVENTS.toLocaleString('en-US')} events in ACLED's layout to ${path}…\n`);
  const out = createWriteStream(path);
  out.write(csvLine([...ACLED_COLUMNS]));
  let n = 0;
  for (const row of demoRows({ seed: 7, scale })) {
    if (n++ >= EVENTS) break;
    if (!out.write(csvLine(row))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  if (n < EVENTS) throw new Error(`the generator gave only ${n} events`);
  writeFileSync(marker, `${EVENTS}\n`);
  return { path, events: EVENTS, bytes: statSync(path).size };
}
