/**
 * Issue 13 §5: what a large upload costs the readers. One client asks an ordinary question
 * again and again (the server without its cache, on the demo store, so that each answer is
 * quick and any wait is the upload's), first alone, then while a large JSON page is uploaded
 * and imported (its body streamed to disk, read in the worker thread), then while the same
 * reading step runs in the thread answering readers, as every upload did before, and in the
 * worker alone. The slowest read of each phase says what a reader waited. The upload is sent
 * by curl, in a process of its own, so that making its body costs this thread nothing.
 *   node --import tsx bench/upload.ts        UPLOAD_EVENTS=60000 by default (about 50 MB of JSON)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { startServer } from '../src/server/serve.js';
import { parseRecords } from '../src/sources/csv-text.js';
import { writeDemoCsv } from '../src/sources/demo/index.js';
import { readInThisThread } from '../src/sources/read.js';
import { readInWorker } from '../src/sources/read-off-thread.js';
import { Scratch } from '../src/sources/scratch.js';
import { storeOf } from '../test/dashboard.js';
import { scratch } from '../test/testing.js';
import { fmt } from './harness.js';

const EVENTS = Number(process.env.UPLOAD_EVENTS ?? 60_000);
const READ = '/api/count?country=Mali&by=year';

export async function benchUpload(): Promise<string[]> {
  const demoCsv = join(scratch(), 'demo.csv');
  await writeDemoCsv(demoCsv, { seed: 1 });
  const db = await storeOf(demoCsv, 'demo-synthetic');
  // The demo's rows as an ACLED API page, renumbered to EVENTS events.
  const [header, ...rows] = parseRecords(readFileSync(demoCsv, 'utf8'), Number.MAX_SAFE_INTEGER);
  const data = Array.from({ length: EVENTS }, (_, i) => {
    const row = rows[i % rows.length]!;
    const item = Object.fromEntries(header!.map((c, k) => [c, row[k] ?? '']));
    item.event_id_cnty = `UP${i}`;
    return item;
  });
  const page = join(scratch(), 'page.json');
  writeFileSync(page, JSON.stringify({ status: 200, data }));
  const bytes = readFileSync(page).length;

  const server = await startServer({ db, port: 0, cacheMb: 0, token: 'bench', maxUploadMb: 400 });
  const phases: Array<[string, { reads: number; failed: string[]; slowest: number; tookMs: number }]> = [];
  try {
    /** Reads one after another while `work` runs; the slowest of them. */
    const readsDuring = async (work: () => Promise<unknown>) => {
      let done = false;
      let slowest = 0;
      let reads = 0;
      const failed: string[] = [];
      const reader = (async () => {
        while (!done) {
          const started = performance.now();
          try {
            const response = await fetch(new URL(READ, server.url));
            await response.arrayBuffer();
            if (response.status === 200) reads++;
            else failed.push(String(response.status));
          } catch (error) {
            failed.push(((error as Error).cause as Error | undefined)?.message ?? (error as Error).message);
          }
          slowest = Math.max(slowest, performance.now() - started);
        }
      })();
      const started = performance.now();
      await work();
      const tookMs = performance.now() - started;
      done = true;
      await reader;
      return { reads, failed, slowest, tookMs };
    };
    phases.push(['reads alone, 5 s', await readsDuring(() => new Promise((resolve) => setTimeout(resolve, 5000)))]);
    phases.push([
      `POST /api/import of the page (body streamed, read in the worker)`,
      await readsDuring(async () => {
        const { stdout } = await promisify(execFile)('curl', ['-sS', '-H', 'Authorization: Bearer bench', '-F', `file=@${page}`, new URL('/api/import', server.url).href], { maxBuffer: 2 ** 26 });
        const answer = JSON.parse(stdout) as { files?: Array<{ added: number }> };
        if (answer.files?.[0]?.added !== EVENTS) throw new Error(`the upload answered: ${stdout.slice(0, 300)}`);
      }),
    ]);
    phases.push([
      'the reading step alone, in the worker',
      await readsDuring(async () => {
        const own = new Scratch();
        const reader = readInWorker(own, 512);
        try {
          await reader.readable({ path: page, name: 'page.json', rejectsPath: '' });
        } finally {
          await reader.close();
          own.remove();
        }
      }),
    ]);
    phases.push([
      'the same reading step in the thread answering readers (as before)',
      await readsDuring(async () => {
        const own = new Scratch();
        try {
          await readInThisThread(own).readable({ path: page, name: 'page.json', rejectsPath: '' });
        } finally {
          own.remove();
        }
      }),
    ]);
  } finally {
    await server.close();
  }
  return [
    '## What a large upload costs the readers (issue 13 §5)',
    '',
    `${EVENTS.toLocaleString('en-US')} events as one ACLED API page, ${(bytes / 2 ** 20).toFixed(0)} MB of JSON, uploaded with curl to a server on the demo store without its cache, while one client asks ${READ} again and again. Load average at the start ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.`,
    '',
    '| phase | took | reads answered | reads failed | slowest read |',
    '|---|---|---|---|---|',
    ...phases.map(([name, p]) => `| ${name} | ${fmt(p.tookMs)} | ${p.reads} | ${p.failed.length ? `${p.failed.length} (${[...new Set(p.failed)].join(', ')})` : 0} | ${fmt(p.slowest)} |`),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await benchUpload()).join('\n'));
