/**
 * Issue 12's benchmark: `crisismap sync acled` pulling 200,000 events from the local fake ACLED
 * server (5,000 a page) against `crisismap import` of the same events from one CSV file, each
 * into a new store, each as the CLI in its own process (so the fake server, which lives in
 * this process, is not counted in the sync's memory). Runs alternate, sync and import, so a
 * drifting machine load falls on both.
 * The fake server's pages are rendered (JSON.stringify of 5,000 events) before the timed runs,
 * so the sync's time holds no work of the server's but sending bytes: the real API's cost is not
 * the sync's, and on a 2-core machine the server's rendering would take a core from the sync.
 * Targets: sync within 1.5× the import; the sync process's peak memory under 1 GB.
 * Run alone: node --import tsx bench/sync.ts (BENCH_SYNC_EVENTS, BENCH_SYNC_RUNS to change;
 * BENCH_SYNC_PRERENDER=0 has the server render every page as it is asked, as before 2026-12-02).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { csvLine } from '../src/sources/csv-text.js';
import { acledEvent, fakeAcled } from '../test/sync-servers.js';
import { BENCH_DIR, fmt, OUT_DIR } from './harness.js';

const EVENTS = Number(process.env.BENCH_SYNC_EVENTS ?? 200_000);
const RUNS = Number(process.env.BENCH_SYNC_RUNS ?? 3);
const PRERENDER = process.env.BENCH_SYNC_PRERENDER !== '0';
const BIN = join(BENCH_DIR, '../bin/crisismap.js');

/**
 * Runs the CLI; returns wall time, the process's peak resident memory (VmHWM) and the CPU time it
 * used (user + system, all its threads: DuckDB's too), both polled from /proc until it exits.
 * CPU time says what the work costs when other processes share the cores and stretch wall time.
 */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ ms: number; peakMb: number; cpuS: number; code: number | null; err: string }> {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    let peak = 0;
    let cpu = 0;
    child.stderr.on('data', (d) => {
      err += d;
    });
    const poll = setInterval(() => {
      try {
        const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, kb / 1024);
        // Fields 14 and 15 of /proc/PID/stat (after the parenthesised name): utime and stime, in clock ticks (100 a second).
        const [utime, stime] = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
          .replace(/^.*\) /s, '')
          .split(' ')
          .slice(11, 13)
          .map(Number);
        cpu = Math.max(cpu, ((utime ?? 0) + (stime ?? 0)) / 100);
      } catch {
        /* exited */
      }
    }, 50);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, peakMb: peak, cpuS: cpu, code, err });
    });
  });
}

/** Asks every page once, as a first sync asks them (the first with the total), so that the fake server keeps them rendered. */
async function renderPages(url: string, events: number): Promise<void> {
  const login = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: 'bench@example.org', password: 'bench-password', grant_type: 'password', client_id: 'acled' }),
  });
  const { access_token } = (await login.json()) as { access_token: string };
  for (let page = 1; page <= Math.floor(events / 5000) + 1; page++) {
    const answer = await fetch(`${url}/api/acled/read?_format=json&limit=5000&page=${page}${page === 1 ? '&with_total=true' : ''}`, { headers: { Authorization: `Bearer ${access_token}` } });
    await answer.arrayBuffer();
  }
}

export async function benchSync(): Promise<string[]> {
  // The CLI rebuilds dist/ when a source is newer: that build must not land in the first timed run.
  const built = spawnSync(process.execPath, [join(BENCH_DIR, '../scripts/build.mjs'), '--stale'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
  const events = Array.from({ length: EVENTS }, (_, i) => acledEvent(i, { timestamp: String(1700000000 + (i % 1000)) }));
  const csv = join(OUT_DIR, 'sync-events.csv');
  const columns = Object.keys(events[0]!);
  writeFileSync(csv, [csvLine(columns), ...events.map((e) => csvLine(columns.map((c) => e[c])))].join(''));
  const acled = await fakeAcled({ events });
  acled.users.set('bench@example.org', { password: 'bench-password', eventAccess: true });
  if (PRERENDER) {
    acled.rendered = new Map();
    await renderPages(acled.url, EVENTS);
  }
  const rendered = acled.rendered?.size ?? 0;
  const env = { ACLED_USERNAME: 'bench@example.org', ACLED_PASSWORD: 'bench-password' };
  const db = join(OUT_DIR, 'sync-bench.duckdb');
  const fresh = () => {
    for (const p of [db, `${db}.wal`, `${db}.sync`]) rmSync(p, { recursive: true, force: true });
  };
  const syncs: number[] = [];
  const imports: number[] = [];
  const syncCpu: number[] = [];
  const importCpu: number[] = [];
  let peak = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      fresh();
      const s = await cli(['sync', 'acled', '--db', db, '--base-url', acled.url], env);
      if (s.code !== 0) throw new Error(`sync failed: ${s.err}`);
      syncs.push(s.ms);
      syncCpu.push(s.cpuS);
      peak = Math.max(peak, s.peakMb);
      fresh();
      const m = await cli(['import', csv, '--db', db]);
      if (m.code !== 0) throw new Error(`import failed: ${m.err}`);
      imports.push(m.ms);
      importCpu.push(m.cpuS);
    }
  } finally {
    await acled.close();
    fresh();
  }
  // A page the warm-up did not render (the sync asked something else) would have been rendered during a timed run.
  const renderedDuringRuns = (acled.rendered?.size ?? 0) - rendered;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(syncs) / median(imports);
  const all = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(1)).join(', ');
  return [
    `${EVENTS.toLocaleString('en-US')} events, ${Math.ceil(EVENTS / 5000)} pages of 5,000, ${PRERENDER ? `rendered by the fake server before the runs (${renderedDuringRuns} rendered during them)` : 'rendered by the fake server as each is asked'}; medians of ${RUNS} runs each, alternated, each a new CLI process and a new store; load average ${loadavg()[0]!.toFixed(1)} at the end`,
    '',
    '| | crisismap sync acled (fake server) | crisismap import (one CSV) | ratio | target |',
    '|---|---|---|---|---|',
    `| time | ${fmt(median(syncs))} (runs: ${all(syncs)} s) | ${fmt(median(imports))} (runs: ${all(imports)} s) | ${ratio.toFixed(2)}× | ≤ 1.5× ${ratio <= 1.5 ? '✓' : '✗'} |`,
    `| CPU time of the process (not the fake server's) | ${median(syncCpu).toFixed(1)} s | ${median(importCpu).toFixed(1)} s | ${(median(syncCpu) / median(importCpu)).toFixed(2)}× | |`,
    `| peak memory of the sync process | ${peak.toFixed(0)} MB | | | < 1024 MB ${peak < 1024 ? '✓' : '✗'} |`,
  ];
}

if (process.argv[1] && /sync\.ts$/.test(process.argv[1])) console.log((await benchSync()).join('\n'));
