/**
 * The soak of issue 13, for its test (soak.test.ts) and its benchmark (bench/soak.ts): readers
 * asking varied, uncached questions while attackers send what once stalled the server —
 * 1,000-value lists, lists at the bound, control characters, over-long URLs, large uploads
 * with the token. It measures every ordinary read, the statuses of everything, and the
 * process's memory. A test helper: nothing in the server imports it.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { RunningServer } from './serve.js';

export interface SoakOptions {
  readers: number;
  attackers: number;
  /** Which attacks the attackers send, by kind (0 lists, 1 control characters, 2 long URLs, 3 uploads): attacker k sends kinds[k % length]. Default all four. */
  kinds?: number[];
  seconds: number;
  /** Sent with uploads. */
  token: string;
  /** A CSV the server can import (uploads send it, then a body past the limit). */
  upload: Buffer;
  /** Countries, actors and years the store holds, for varied questions. */
  countries: string[];
  actors: string[];
  years: number[];
}

export interface SoakResult {
  reads: number;
  readsPerSecond: number;
  p50: number;
  p99: number;
  slowest: number;
  slowestUrl: string;
  /** Ordinary reads that did not answer 200. */
  failedReads: string[];
  attacks: number;
  /** Status → how many answers had it, attacks and reads together. */
  statuses: Record<number, number>;
  serverErrors: string[];
  peakRssMb: number;
  /** The longest the process's event loop was held (server and clients share it): work that blocks every request at once. */
  maxLoopDelayMs: number;
}

const pick = <T>(list: T[], i: number): T => list[i % list.length]!;

/** The i-th ordinary question, of eight kinds over the store's names (the server runs without its cache). */
export function ordinaryUrl(i: number, o: SoakOptions): string {
  const country = encodeURIComponent(pick(o.countries, i));
  const year = pick(o.years, i >> 2);
  const actor = encodeURIComponent(pick(o.actors, i >> 1));
  const forms = [
    `/api/count?country=${country}&year=${year}&by=admin1`,
    `/api/count?actor=${actor}&by=year`,
    `/api/events?country=${country}&limit=50&page=${1 + (i % 20)}`,
    `/api/trend?country=${country}&by=month`,
    `/api/count?year=${year}&by=country`,
    `/api/victims?country=${country}&year=${year}`,
    `/api/events?actor=${actor}&year=${year}&limit=20`,
    `/api/chart/bar.svg?country=${country}&by=year`,
  ];
  return pick(forms, i);
}

/** How many different requests each kind of attack cycles through (attack()'s n). */
export const ATTACK_TURNS = [5, 6, 3, 2];

/** What attacker k sends on its n-th turn. */
export function attack(k: number, n: number, o: SoakOptions): { url: string; init?: RequestInit } {
  // 1,000 values in under 4 KB of URL: refused by the parameter's bound, not the URL's length.
  const many = Array.from({ length: 1000 }, (_, i) => i).join('|');
  const bound = Array.from({ length: 50 }, (_, i) => pick(o.actors, i) + (i >= o.actors.length ? ` ${i}` : ''))
    .map(encodeURIComponent)
    .join('|');
  const auth = { authorization: `Bearer ${o.token}` };
  const kinds = o.kinds ?? [0, 1, 2, 3];
  switch (kinds[k % kinds.length]) {
    case 0:
      return pick(
        [
          { url: `/api/events?actor=${many}` },
          { url: `/api/count?country=${many}&by=year` },
          { url: `/api/events?actor=${bound}` },
          { url: `/api/count?actor=${bound}&by=admin1` },
          { url: `/api/chart/bar.svg?actor=${bound}` },
        ],
        n,
      );
    case 1:
      return {
        url: pick(
          ['/api/chart/bar.png?actor=%00', '/api/map.png?actor=%01', '/api/chart/trend.svg?country=%1B', '/api/map.svg?actor=%FF', '/api/events.csv?actor=%ED%A0%80', '/api/brief.html?actor=a%00b'],
          n,
        ),
      };
    case 2:
      return { url: pick([`/api/count?country=${'Mali|'.repeat(2500)}Mali`, `/api/count?actor=${'x'.repeat(20_000)}`, `/api/info?${'a'.repeat(9000)}`], n) };
    default: {
      const body = new FormData();
      // Turn by turn: a file that imports, then one past --max-upload.
      body.set('file', new Blob([new Uint8Array(n % 2 === 0 ? o.upload : Buffer.alloc(o.upload.length * 4, 97))]), 'upload.csv');
      return { url: '/api/import?skip_invalid=1', init: { method: 'POST', body, headers: auth } };
    }
  }
}

export async function runSoak(server: RunningServer, o: SoakOptions): Promise<SoakResult> {
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];
  const failedReads: string[] = [];
  const serverErrors: string[] = [];
  let slowest = 0;
  let slowestUrl = '';
  let attacks = 0;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const end = Date.now() + o.seconds * 1000;
  let next = 0;

  const ask = async (url: string, init?: RequestInit) => {
    const response = await fetch(new URL(url, server.url), init);
    const text = await response.text();
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (response.status >= 500 && response.status !== 503) serverErrors.push(`${response.status} ${url.slice(0, 120)}: ${text.slice(0, 200)}`);
    return response.status;
  };
  const reader = async () => {
    while (Date.now() < end) {
      const url = ordinaryUrl(next++, o);
      const started = performance.now();
      const status = await ask(url).catch((error: Error) => {
        failedReads.push(`${url}: ${error.message}`);
        return 0;
      });
      const took = performance.now() - started;
      latencies.push(took);
      if (took > slowest) {
        slowest = took;
        slowestUrl = url;
      }
      if (status !== 200) failedReads.push(`${status} ${url}`);
    }
  };
  const attacker = async (k: number) => {
    for (let n = 0; Date.now() < end; n++) {
      const { url, init } = attack(k, n, o);
      await ask(url, init).catch(() => undefined); // a 413 may close the connection mid-upload
      attacks++;
    }
  };
  const started = Date.now();
  await Promise.all([...Array.from({ length: o.readers }, reader), ...Array.from({ length: o.attackers }, (_, k) => attacker(k))]);
  clearInterval(sampler);
  loop.disable();
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    reads: latencies.length,
    readsPerSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    slowest,
    slowestUrl,
    failedReads,
    attacks,
    statuses,
    serverErrors,
    peakRssMb: peakRss / 2 ** 20,
    maxLoopDelayMs: loop.max / 1e6,
  };
}
