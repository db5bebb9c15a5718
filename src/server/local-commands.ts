/**
 * POST /api/-/command: the server runs a crisismap command line for the user who started it,
 * against the store it holds open. DuckDB lets one process write a file, so while a server
 * runs, `crisismap count …` in another terminal finds the store locked; it then reads the
 * discovery file beside the store (src/store/owner.ts) and sends its command line here.
 *
 * The command runs in this process through the same code as on the command line (the runner
 * is the CLI's main()), with its output captured: what the user sees is byte for byte what
 * the command prints when it opens the file itself. Only the discovery file's credential is
 * accepted, and only from this machine; the credential is readable by the owner alone, so
 * other users cannot run commands here, and `--token` keeps guarding POST /api/import.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { withStoreHost, type Store } from '../store/store.js';
import { takingTurns } from '../store/turns.js';
import { ApiError, errorResponse } from './errors.js';

/** What a command writes to, as the CLI's IO (declared here: the server does not import the CLI). */
export interface CapturedIO {
  out(text: string): void;
  err(text: string): void;
  interactive: boolean;
  /** The caller's terminal width, so tables fit it as they would there. */
  width?: number;
  /** Set: the command runs inside a server, and must not be sent to one again. */
  inServer?: boolean;
}

/** The CLI's main(): runs one command line, returns its exit code. */
export type CommandRunner = (argv: string[], io: CapturedIO) => Promise<number>;

export const LOCAL_COMMAND_PATH = '/api/-/command';

const CommandBody = z.object({
  argv: z.array(z.string()).min(1),
  /** The caller's working directory: relative paths in argv (files, --out) mean what they mean there. */
  cwd: z.string().startsWith('/'),
  /** The store the caller found locked (absolute): it must be this server's. */
  db: z.string(),
  width: z.number().int().positive().optional(),
});

export interface LocalCommandOptions {
  store: Store;
  credential: string;
  run: CommandRunner;
}

export function localCommandRoute(app: Hono, options: LocalCommandOptions): void {
  // One command at a time: each runs in its caller's working directory, which is per process.
  const oneAtATime = takingTurns();

  const guard = (c: Context) => {
    const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string; localAddress?: string } } } | undefined)?.incoming?.socket;
    const remote = socket?.remoteAddress ?? '';
    // This machine: loopback, or the server's own address when it listens on a network one.
    if (!isLoopback(remote) && remote !== socket?.localAddress) throw new ApiError(403, 'commands are taken from this machine only');
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim() ?? '';
    const digest = (text: string) => createHash('sha256').update(text).digest();
    if (!given || !timingSafeEqual(digest(given), digest(options.credential))) {
      throw new ApiError(401, "this route needs the credential in the server's discovery file", ['it is readable only by the user who started the server']);
    }
  };

  // Answers who this is, so that a client can tell a live server from a stale discovery file.
  app.get(LOCAL_COMMAND_PATH, (c) => {
    try {
      guard(c);
      return c.json({ ok: true, pid: process.pid, db: options.store.path });
    } catch (error) {
      return errorResponse(c, error);
    }
  });

  app.post(LOCAL_COMMAND_PATH, async (c) => {
    try {
      guard(c);
      const parsed = CommandBody.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) throw new ApiError(400, 'the body must be JSON: {"argv": [...], "cwd": "/…", "db": "/…"}');
      const { argv, cwd, db, width } = parsed.data;
      if (db !== options.store.path) throw new ApiError(409, `this server holds ${options.store.path}, not ${db}`);
      const result = await oneAtATime(() =>
        runIn(cwd, async () => {
          const stdout: string[] = [];
          const stderr: string[] = [];
          const io: CapturedIO = { out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), interactive: false, inServer: true, ...(width ? { width } : {}) };
          const host = { path: options.store.path, defaultDb: db, connect: () => options.store.connect() };
          const code = await withStoreHost(host, () => options.run(argv, io));
          return { code, stdout: stdout.join(''), stderr: stderr.join('') };
        }),
      );
      return c.json({ ok: true, ...result });
    } catch (error) {
      return errorResponse(c, error);
    }
  });
}

async function runIn<T>(cwd: string, work: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  try {
    process.chdir(cwd);
  } catch {
    throw new ApiError(400, `cannot work in ${cwd}: no such folder here`);
  }
  try {
    return await work();
  } finally {
    process.chdir(before);
  }
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
