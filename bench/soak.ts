/**
 * Issue 13's soak as a benchmark: `crisismap serve` without its cache on a copy of a store
 * (default: the 1,000,000-event bench store; the demo store when it is absent), first with
 * 20 readers alone (the baseline), then with the same readers beside 4 attackers (1,000-value
 * lists, lists at the bound, control characters, over-long URLs, uploads with the token).
 * The load is src/server/soak.ts, the same as the soak test's. Before issue 13's fixes:
 * 49 requests/s and p99 1.3 s uncached with 20 clients; an ordinary read waited 74 s under attack.
 *   node --import tsx bench/soak.ts [STORE]      SOAK_SECONDS=15 by default
 * SOAK_KINDS="0 3" runs, after the readers alone, one attacker of each kind listed on its own
 * (0 lists, 1 control characters, 2 long URLs, 3 uploads) instead of the four together: to find
 * which attack slows the readers.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { startServer } from '../src/server/serve.js';
import { runSoak, type SoakResult } from '../src/server/soak.js';
import { writeDemoCsv } from '../src/sources/demo/index.js';
import { scratch } from '../test/testing.js';
import { storeOf } from '../test/dashboard.js';
import { fmt, OUT_DIR } from './harness.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 15);
const KINDS = process.env.SOAK_KINDS?.split(/[\s,]+/)
  .filter(Boolean)
  .map(Number);
const KIND_NAMES = ['lists', 'control characters', 'long URLs', 'uploads'];

export async function benchSoak(storePath = join(OUT_DIR, 'bench.duckdb')): Promise<string[]> {
  const demoCsv = join(scratch(), 'demo.csv');
  await writeDemoCsv(demoCsv, { seed: 1 });
  let db: string;
  let label: string;
  if (existsSync(storePath)) {
    db = join(scratch(), 'soak.duckdb');
    copyFileSync(storePath, db); // uploads write to it
    label = `${storePath} (copied: the uploads write to it)`;
  } else {
    db = await storeOf(demoCsv, 'demo-synthetic');
    label = `the demo store (16,908 events): ${storePath} is absent`;
  }
  let upload = readFileSync(demoCsv).subarray(0, 2 * 2 ** 20);
  upload = upload.subarray(0, upload.lastIndexOf(10) + 1);
  const server = await startServer({ db, port: 0, cacheMb: 0, token: 'soak', maxUploadMb: 4 });
  const load = {
    readers: 20,
    seconds: SECONDS,
    token: 'soak',
    upload,
    countries: ['Mali', 'Niger', 'Burkina Faso', 'Benin', 'Togo', 'Ghana'],
    actors: ['Wagner', 'JNIM', 'Islamic State', 'Military Forces'],
    years: [2020, 2021, 2022, 2023],
  };
  const rows: Array<[string, SoakResult]> = [];
  try {
    rows.push(['20 readers alone', await runSoak(server, { ...load, attackers: 0 })]);
    if (KINDS) for (const kind of KINDS) rows.push([`20 readers + 1 attacker (${KIND_NAMES[kind]})`, await runSoak(server, { ...load, attackers: 1, kinds: [kind] })]);
    else rows.push(['20 readers + 4 attackers', await runSoak(server, { ...load, attackers: 4 })]);
  } finally {
    await server.close();
  }
  const target = (r: SoakResult, attacked: boolean) => (attacked ? (r.serverErrors.length === 0 && r.slowest < 2000 && r.peakRssMb < 1536 ? '✓' : '✗') : '–');
  return [
    '## Server under attack (issue 13)',
    '',
    `Store: ${label}. Server without its cache, on 127.0.0.1, in this process with the clients; ${SECONDS} s per run; load average at the start ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.`,
    '',
    '| run | reads/s | p50 | p99 | slowest read | longest event-loop block | attacks | statuses | 500s | peak RSS | target (no 500, reads < 2 s, < 1.5 GB) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      ([name, r], i) =>
        `| ${name} | ${r.readsPerSecond.toFixed(1)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.slowest)} | ${fmt(r.maxLoopDelayMs)} | ${r.attacks} | ${Object.entries(r.statuses)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')} | ${r.serverErrors.length} | ${r.peakRssMb.toFixed(0)} MB | ${target(r, i > 0)} |`,
    ),
    '',
    ...rows.map(([name, r]) => `- ${name}: slowest read ${r.slowestUrl}`),
    '',
    'Before the fixes (issue 13): 49 reads/s and p99 1.3 s uncached with 20 clients; under attack an ordinary read waited 74 s.',
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await benchSoak(process.argv[2])).join('\n'));
