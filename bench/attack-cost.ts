/**
 * What each of the soak's attacks costs on its own (issue 13): every request the attackers of
 * src/server/soak.ts send, one at a time against `crisismap serve` without its cache on a copy
 * of a store, with the process's CPU time (all threads, DuckDB's included), its wall time and
 * the longest event-loop block; then a few ordinary reads. CPU time barely moves with the
 * machine's load, so two checkouts can be compared on a shared machine (copy this file into the
 * other checkout and run both alternately).
 *   node --import tsx bench/attack-cost.ts [STORE]      ATTACK_RUNS=3 by default (median shown)
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer } from '../src/server/serve.js';
import { attack, ATTACK_TURNS, ordinaryUrl, type SoakOptions } from '../src/server/soak.js';
import { writeDemoCsv } from '../src/sources/demo/index.js';
import { scratch } from '../test/testing.js';
import { fmt, OUT_DIR } from './harness.js';

const RUNS = Number(process.env.ATTACK_RUNS ?? 3);
const source = process.argv[2] ?? join(OUT_DIR, 'clean-ours.duckdb');
if (!existsSync(source)) throw new Error(`no store at ${source}: build the 1,000,000-event store first (bench/import-clean.ts)`);
const demoCsv = join(scratch(), 'demo.csv');
await writeDemoCsv(demoCsv, { seed: 1 });
let upload = readFileSync(demoCsv).subarray(0, 2 * 2 ** 20);
upload = upload.subarray(0, upload.lastIndexOf(10) + 1);
const db = join(scratch(), 'attack.duckdb');
copyFileSync(source, db); // uploads write to it
const server = await startServer({ db, port: 0, cacheMb: 0, token: 'soak', maxUploadMb: 4 });
const load: SoakOptions = {
  readers: 1,
  attackers: 4,
  seconds: 0,
  token: 'soak',
  upload,
  countries: ['Mali', 'Niger', 'Burkina Faso', 'Benin', 'Togo', 'Ghana'],
  actors: ['Wagner', 'JNIM', 'Islamic State', 'Military Forces'],
  years: [2020, 2021, 2022, 2023],
};
const requests = [
  ...ATTACK_TURNS.flatMap((turns, kind) =>
    Array.from({ length: turns }, (_, n) => {
      const { url, init } = attack(0, n, { ...load, kinds: [kind] });
      // The uploads alternate: a file that imports, then one past --max-upload.
      return { kind: `attack ${kind}`, url, init, label: init ? `${url} (${n % 2 ? 'past --max-upload' : `${(upload.length / 2 ** 20).toFixed(1)} MB CSV`})` : url };
    }),
  ),
  ...Array.from({ length: 8 }, (_, i) => ({ kind: 'read', url: ordinaryUrl(i, load), init: undefined as RequestInit | undefined, label: ordinaryUrl(i, load) })),
];
const rows: string[] = [];
try {
  const seen = new Map<string, Array<{ cpu: number; wall: number; block: number; status: number }>>();
  for (let run = 0; run < RUNS; run++) {
    for (const r of requests) {
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const cpu = process.cpuUsage();
      const start = performance.now();
      // A body past --max-upload may be cut off mid-request (413): that is the answer.
      const status = await fetch(new URL(r.url, server.url), r.init)
        .then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        })
        .catch(() => 0);
      const used = process.cpuUsage(cpu);
      loop.disable();
      const key = `${r.kind}\u0000${r.label.length > 100 ? `${r.label.slice(0, 90)}… (${r.label.length} characters)` : r.label}`;
      seen.set(key, [...(seen.get(key) ?? []), { cpu: (used.user + used.system) / 1000, wall: performance.now() - start, block: loop.max / 1e6, status }]);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [key, m] of seen) {
    const [kind, url] = key.split('\u0000');
    rows.push(`| ${kind} | \`${url!.replace(/\|/g, '\\|')}\` | ${m[0]!.status} | ${fmt(median(m.map((x) => x.cpu)))} | ${fmt(median(m.map((x) => x.wall)))} | ${fmt(median(m.map((x) => x.block)))} |`);
  }
} finally {
  await server.close();
}
console.log(
  `Store: ${source} (copied); ${RUNS} runs, medians; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')}\n`,
);
console.log('| kind | request | status | CPU | wall | longest event-loop block |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
