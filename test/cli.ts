/**
 * For the command-line tests: crisismap run as a script runs it, in this process (cheap), or
 * as a real process of the installed bin (for what only a process shows: start-up, exit
 * codes, signals, a second process beside a server).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { ROOT } from './testing.js';

export const BIN = join(ROOT, 'bin/crisismap.js');

export interface Ran {
  code: number | null;
  out: string;
  err: string;
}

/** `crisismap ARGV` in this process, with these environment variables set while it runs. */
export async function runCli(argv: string[], env: Record<string, string> = {}): Promise<Ran> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  let out = '';
  let err = '';
  try {
    const code = await main(argv, {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
      interactive: false,
    });
    return { code, out, err };
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

export interface SpawnOptions {
  cwd?: string;
  /** The whole environment of the process (default: this one's, in UTC). */
  env?: NodeJS.ProcessEnv;
  /** Polled while the process runs: SIGKILL is sent once it returns true. */
  killWhen?: () => boolean;
}

export interface Spawned extends Ran {
  signal: NodeJS.Signals | null;
  ms: number;
}

/** `crisismap ARGV` as a process of its own, its output and how it ended. */
export function spawnCli(argv: string[], options: SpawnOptions = {}): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: options.cwd ?? ROOT, env: options.env ?? { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (t) => {
      out += t;
    });
    child.stderr.setEncoding('utf8').on('data', (t) => {
      err += t;
    });
    const killWhen = options.killWhen;
    const poll = killWhen && setInterval(() => killWhen() && child.kill('SIGKILL'), 2);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, out, err, ms: Date.now() - started });
    });
  });
}
