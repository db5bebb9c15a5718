/**
 * Issue 5's load test: `crisismap serve` on the 1,000,000-event bench store, 50 clients at
 * once for 30 s (BENCH_SERVER_SECONDS to shorten) on a mix of counts, analyses and event
 * pages, measured with autocannon, everything on loopback in this process.
 *   1. baseline   each URL of the mix answered by the library directly (no HTTP), one at a time
 *   2. served     the same mix against the server as started by default (answers cached per store generation)
 *   3. uncached   the same with --cache-mb 0: every request runs its queries
 * Target: no errors, p99 under 250 ms (served as by default).
 * Run after the spine benchmark has built bench/out/bench.duckdb, or on any store:
 *   node --import tsx bench/server.ts [STORE]
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { episodes, trend, victims } from '../src/analysis/index.js';
import { count } from '../src/query/count.js';
import { listEvents } from '../src/query/events.js';
import { startServer } from '../src/server/serve.js';
import { Store } from '../src/store/store.js';
import { fmt, OUT_DIR, time } from './harness.js';

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 30);
const CONNECTIONS = 50;
const MALI_2022 = { country: ['Mali'], year: [2022] };
const PAGE = 50;

/** The mix: each URL with the library call that answers the same question. */
const MIX: Array<[string, (store: Store) => Promise<unknown>]> = [
  ['/api/count?by=year', (s) => count(s, {}, ['year'])],
  ['/api/count?by=country', (s) => count(s, {}, ['country'])],
  ['/api/count?year=2022&by=country', (s) => count(s, { year: [2022] }, ['country'])],
  ['/api/count?actor=Wagner&by=admin1', (s) => count(s, { actor: ['Wagner'] }, ['admin1'])],
  ['/api/trend?country=Mali', (s) => trend(s, { country: ['Mali'] })],
  ['/api/victims?country=Mali&year=2022', (s) => victims(s, MALI_2022)],
  ['/api/episodes?country=Mali&year=2022', (s) => episodes(s, MALI_2022)],
  ...Array.from({ length: 20 }, (_, i): [string, (s: Store) => Promise<unknown>] => [
    `/api/events?country=Mali&year=2022&limit=${PAGE}&page=${i + 1}`,
    (s) => listEvents(s, MALI_2022, { limit: PAGE, offset: i * PAGE }),
  ]),
];

export async function benchServer(storePath = join(OUT_DIR, 'bench.duckdb')): Promise<string[]> {
  if (!existsSync(storePath)) throw new Error(`no bench store at ${storePath}: run the spine benchmark first (npm run bench)`);
  const lines: string[] = [];

  // 1. The library alone, one call at a time: what each answer costs without HTTP or concurrency.
  const store = await Store.open(storePath, { readOnly: true });
  const { events } = await store.one('SELECT count(*) AS events FROM events');
  const medians: number[] = [];
  try {
    for (const [, call] of MIX) medians.push((await time(() => call(store), 5)).median);
  } finally {
    store.close();
  }
  const library = median(medians);

  lines.push(
    `Store: ${Number(events).toLocaleString('en-US')} events (${storePath}), opened read-only. Server and autocannon in one process, on 127.0.0.1; ` +
      `${CONNECTIONS} connections for ${SECONDS} s per run, each connection cycling through the mix: ` +
      `${MIX.length - 20} counts and analyses (counts by year, by country, 2022 by country, Wagner by admin1; trend of Mali; victims and episodes in Mali 2022) ` +
      `and 20 event pages (Mali 2022, ${PAGE} events each, pages 1–20).`,
  );
  lines.push('', '| server | requests/s | p50 | p99 | max | requests | errors (timeouts) | non-2xx | target |', '|---|---|---|---|---|---|---|---|---|');

  // 2 and 3. The server as started by default, then without its cache.
  const notes: string[] = [];
  for (const [name, cacheMb] of [
    ['default (cache on)', undefined],
    ['--cache-mb 0 (no cache)', 0],
  ] as const) {
    const server = await startServer({ db: storePath, port: 0, readOnly: true, ...(cacheMb !== undefined ? { cacheMb } : {}) });
    try {
      const result = await autocannon({
        url: server.url.replace(/\/$/, ''),
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: MIX.map(([path]) => ({ method: 'GET', path })),
      });
      // autocannon counts a request it gave up on (no answer in 10 s) as an error and as a timeout.
      const ok = result.errors === 0 && result.non2xx === 0 && result.latency.p99 < 250 ? '✓' : '✗';
      lines.push(
        `| ${name} | ${result.requests.average.toFixed(0)} | ${fmt(result.latency.p50)} | ${fmt(result.latency.p99)} | ${fmt(result.latency.max)} | ` +
          `${result.requests.total.toLocaleString('en-US')} | ${result.errors} (${result.timeouts}) | ${result.non2xx} | ${cacheMb === undefined ? `no errors, p99 < 250 ms ${ok}` : '–'} |`,
      );
      notes.push(
        `${name}: p50 ${(result.latency.p50 / library).toFixed(2)}× the library's median; ` +
          (server.cache.enabled ? `${server.cache.hits.toLocaleString('en-US')} answers from the cache, ${server.cache.misses} computed.` : 'every answer computed.'),
      );
    } finally {
      await server.close();
    }
  }
  lines.push(
    '',
    `Library alone, one call at a time (no HTTP): median over the mix ${fmt(library)}; ` +
      `per URL from ${fmt(Math.min(...medians))} to ${fmt(Math.max(...medians))} (the episodes of Mali 2022 are the slowest).`,
    '',
    ...notes.map((n) => `- ${n}`),
  );
  return lines;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

if (process.argv[1] && /server\.ts$/.test(process.argv[1])) {
  console.log((await benchServer(process.argv[2])).join('\n'));
}
