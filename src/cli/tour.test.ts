/**
 * The README's tour, played as a newcomer plays it: `npm start` (here `crisismap serve --demo`,
 * the same command, on a free port) in one process, then every command of the tour in a
 * second terminal, each a real `crisismap` process in the same folder. Every command must
 * succeed while the server holds the store, print the text the README quotes for it, and
 * print byte for byte what it prints when it opens the store itself (run first, in-process,
 * before the server starts).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, scratch } from '../../test/testing.js';
import { main } from './main.js';
import { spawnCli } from '../../test/cli.js';

const BIN = join(ROOT, 'bin/crisismap.js');

interface Step {
  line: string;
  argv: string[];
  quoted: string[];
}

/** The tour's commands, their arguments split as a shell would, and the texts quoted in their comments. */
export function tourSteps(readme: string): Step[] {
  const block = /## A short tour[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'README.md has a tour in a ```sh block');
  return block
    .split('\n')
    .filter((l) => l.startsWith('npx crisismap '))
    .map((line) => {
      const hash = line.indexOf(' # ');
      const command = hash < 0 ? line : line.slice(0, hash);
      const comment = hash < 0 ? '' : line.slice(hash + 3);
      return { line, argv: shellWords(command).slice(2), quoted: [...comment.matchAll(/"([^"]+)"/g)].map((m) => m[1]!) };
    });
}

function shellWords(text: string): string[] {
  const words: string[] = [];
  for (const m of text.trim().matchAll(/(?:[^\s"]+|"[^"]*")+/g)) words.push(m[0].replace(/"/g, ''));
  return words;
}

const steps = tourSteps(readFileSync(join(ROOT, 'README.md'), 'utf8'));
// The server the tour starts with is `serve` itself; a second one on the same store is not part of trying it out.
const played = steps.filter((s) => s.argv[0] !== 'serve');
const folder = scratch();
// The folder's own ./crisismap.duckdb, as after a clone.
const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC' };
delete env.CRISISMAP_DB;
const direct = new Map<string, { out: string; code: number }>();
let server: ChildProcess | undefined;

const run = (argv: string[]) => spawnCli(argv, { cwd: folder, env });

before(async () => {
  // Without a server: the store is built, and each command's output is what it prints opening the file itself.
  const cwd = process.cwd();
  process.chdir(folder);
  try {
    // The store `npm start` would build; the tour's own `demo` then finds it built, as it does beside the server.
    assert.equal(await main(['demo'], { out: () => undefined, err: () => undefined, interactive: false }), 0);
    for (const step of played) {
      let out = '';
      const code = await main(step.argv, {
        out: (t) => {
          out += t;
        },
        err: () => undefined,
        interactive: false,
      });
      direct.set(step.line, { out, code });
    }
  } finally {
    process.chdir(cwd);
  }
  // `npm start`: the server holds ./crisismap.duckdb from now on.
  server = spawn(process.execPath, [BIN, 'serve', '--demo', '--port', '0'], { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    server!.stdout!.setEncoding('utf8').on('data', (t) => {
      said += t;
      if (said.includes('crisismap serving')) resolve();
    });
    server!.on('close', (code) => reject(new Error(`the server stopped (${code}) before serving: ${said}`)));
  });
});

after(async () => {
  if (!server || server.exitCode !== null) return;
  const stopped = new Promise((resolve) => server!.on('close', resolve));
  server.kill('SIGTERM');
  await stopped;
  assert.equal(existsSync(join(folder, 'crisismap.duckdb.server.json')), false, 'a stopped server removes its discovery file');
});

test('the tour covers the commands a newcomer tries first', () => {
  const names = new Set(steps.map((s) => s.argv[0]));
  for (const name of ['demo', 'count', 'events', 'trend', 'victims', 'actor', 'episodes', 'spread', 'surges', 'brief', 'chart', 'map', 'serve']) assert.ok(names.has(name), name);
});

test('every command of the tour works beside the running server and prints what the README says', async () => {
  assert.ok(existsSync(join(folder, 'crisismap.duckdb.server.json')), 'the server leaves its discovery file beside the store');
  // Two terminals at a time: the machine running the tests has two cores.
  const queue = [...played];
  const failures: string[] = [];
  await Promise.all(
    [0, 1].map(async () => {
      for (let step = queue.shift(); step; step = queue.shift()) {
        const { code, out, err } = await run(step.argv);
        const alone = direct.get(step.line)!;
        if (code !== 0) failures.push(`${step.line}\n  exit ${code}: ${err.trim()}`);
        else if (alone.code !== 0) failures.push(`${step.line}\n  failed without the server (exit ${alone.code})`);
        else if (out !== alone.out) failures.push(`${step.line}\n  prints differently through the server:\n${out}\n  than alone:\n${alone.out}`);
        for (const text of step.quoted) if (!out.includes(text)) failures.push(`${step.line}\n  does not print "${text}":\n${out}`);
      }
    }),
  );
  assert.deepEqual(failures, []);
  for (const file of ['mali.html', 'mali.png', 'mali-map.svg']) assert.ok(existsSync(join(folder, file)), `${file} written in the user's folder`);
});
