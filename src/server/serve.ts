/**
 * A running server: the store opened once (read-write: the server owns the file, and a CLI
 * command that must write to it is told so), a pool of reader connections, the app, and a
 * socket on loopback unless told otherwise. Port 0 takes a free port (tests, benchmarks).
 */
import { existsSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { CrisisError } from '../model/errors.js';
import { storeInfo } from '../query/info.js';
import { newCredential, removeOwnerFile, writeOwnerFile, type StoreOwner } from '../store/owner.js';
import { Store } from '../store/store.js';
import { createApp } from './app.js';
import { DEFAULT_CACHE_MB, ResponseCache } from './cache.js';
import { LOCAL_COMMAND_PATH, localCommandRoute, type CommandRunner } from './local-commands.js';
import { DEFAULT_READERS, ReaderPool } from './pool.js';
import { startSyncSchedule, type SyncSchedule } from './sync.js';
import type { SyncOptions } from '../sources/sync/run.js';

export const DEFAULT_PORT = 8080;
/** Loopback: nothing outside this machine can reach the server unless --host says so. */
export const DEFAULT_HOST = '127.0.0.1';

export interface ServeOptions {
  /** The store file (a new one is created if absent, as `crisismap import` does). */
  db: string;
  /** Default 8080; 0 takes a free one. */
  port?: number;
  host?: string;
  /** Writing through the API (POST /api/import) needs it; disabled without. */
  token?: string;
  /** Fills a store that holds no events, before serving (`crisismap serve --demo` builds the demo data). */
  demo?: (store: Store) => Promise<unknown>;
  /** Open the file read-only: other processes may read it too; importing is disabled. */
  readOnly?: boolean;
  readers?: number;
  /** Response cache size in MB; 0 turns it off. */
  cacheMb?: number;
  maxUploadMb?: number;
  publicDir?: string;
  /** Refresh the store's subscriptions now and then every `everyMs` (serve --sync-every). */
  sync?: { everyMs: number; options: Omit<SyncOptions, 'signal'>; log: (line: string) => void };
  /**
   * Runs crisismap command lines for the user who started the server (the CLI's main()):
   * given, the server leaves a discovery file beside the store, and CLI commands that find
   * the store locked send their command line here (local-commands.ts).
   */
  commands?: CommandRunner;
}

export interface RunningServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  host: string;
  store: Store;
  app: Hono;
  cache: ResponseCache;
  /** The sync schedule, when --sync-every started one. */
  sync?: SyncSchedule;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const created = options.db !== ':memory:' && !existsSync(options.db);
  const store = await Store.open(options.db, options.readOnly ? { readOnly: true } : {});
  let readers: ReaderPool | undefined;
  let owner: StoreOwner | undefined;
  try {
    readers = await ReaderPool.open(store, options.readers ?? DEFAULT_READERS);
    const cache = new ResponseCache((options.cacheMb ?? DEFAULT_CACHE_MB) * 2 ** 20);
    const app = createApp({
      store, readers, cache,
      ...(options.token ? { token: options.token } : {}),
      ...(options.maxUploadMb !== undefined ? { maxUploadMb: options.maxUploadMb } : {}),
      ...(options.publicDir ? { publicDir: options.publicDir } : {}),
    });
    const credential = newCredential();
    if (options.commands) localCommandRoute(app, { store, credential, run: options.commands });
    // Listening comes before the demo build: a busy port fails at once, before minutes of work.
    const server = await listen(app, options.port ?? DEFAULT_PORT, host);
    const port = (server.address() as AddressInfo).port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
    if (options.demo && !options.readOnly && (await storeInfo(store)).events === 0) {
      try {
        await options.demo(store);
      } catch (error) {
        server.closeAllConnections();
        server.close();
        throw error;
      }
    }
    if (options.commands && options.db !== ':memory:') {
      owner = { url: `http://${localAddress(host)}:${port}${LOCAL_COMMAND_PATH}`, pid: process.pid, credential, db: store.path };
      writeOwnerFile(owner);
    }
    const pool = readers;
    const sync = options.sync && !options.readOnly ? await startSyncSchedule(store, options.sync.everyMs, options.sync.options, options.sync.log) : undefined;
    const written = owner;
    return {
      url, port, host, store, app, cache, ...(sync ? { sync } : {}),
      close: async () => {
        await sync?.stop();
        if (written) removeOwnerFile(written);
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive connections would hold close() open until they time out.
        server.closeAllConnections();
        await closed;
        await pool.close();
        store.close();
      },
    };
  } catch (error) {
    if (owner) removeOwnerFile(owner);
    await readers?.close();
    store.close();
    // A server that could not start leaves no empty store behind (a busy port, a bad --host).
    if (created) for (const file of [options.db, `${options.db}.wal`]) rmSync(file, { force: true });
    throw error;
  }
}

/** The address a client on this machine reaches the server at. */
function localAddress(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(app: Hono, port: number, host: string): Promise<ReturnType<typeof serve> & { address(): AddressInfo | string | null; closeAllConnections(): void }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(server as never));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new CrisisError(`port ${port} on ${host} is in use`, ['choose another with --port, e.g. --port 8081 (or stop what uses it)']));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new CrisisError(`cannot listen on ${host}: no such address on this machine`, ['use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every network)']));
      else reject(error);
    });
  });
}
