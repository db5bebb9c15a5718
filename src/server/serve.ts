/**
 * A running server: the store opened once (read-write: the server owns the file, and a CLI
 * command that must write to it is told so), a pool of reader connections, the app, and a
 * socket on loopback unless told otherwise. Port 0 takes a free port (tests, benchmarks).
 */
import { existsSync, rmSync } from 'node:fs';
import { isIP, type AddressInfo, type Socket } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { CrisisError } from '../model/errors.js';
import { storeInfo } from '../query/info.js';
import { newCredential, removeOwnerFile, writeOwnerFile, type StoreOwner } from '../store/owner.js';
import { Store } from '../store/store.js';
import { createApp } from './app.js';
import { DEFAULT_CACHE_MB, ResponseCache } from './cache.js';
import { errorBody } from './errors.js';
import { LOCAL_COMMAND_PATH, localCommandRoute, type CommandRunner } from './local-commands.js';
import { DEFAULT_QUERY_TIMEOUT_S, DEFAULT_READERS, ReaderPool } from './pool.js';
import { startSyncSchedule, type SyncSchedule } from './sync.js';
import type { SyncOptions } from '../sources/sync/run.js';

import { DEFAULT_HOST, DEFAULT_PORT } from './address.js';

export { DEFAULT_HOST, DEFAULT_PORT };

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
  /** Each query's time budget in seconds (default 10): past it, it is stopped and answered 503. */
  queryTimeoutS?: number;
  /** Response cache size in MB; 0 turns it off. */
  cacheMb?: number;
  maxUploadMb?: number;
  /** Heap in MB of the worker thread that reads each upload (default 512): past it the upload gets a 413. */
  importMemoryMb?: number;
  /** The most an uploaded zip or workbook may unpack to, in MB (default: twice importMemoryMb): past it, 413. */
  maxUnpackedMb?: number;
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
    readers = await ReaderPool.open(store, options.readers ?? DEFAULT_READERS, (options.queryTimeoutS ?? DEFAULT_QUERY_TIMEOUT_S) * 1000);
    const cache = new ResponseCache((options.cacheMb ?? DEFAULT_CACHE_MB) * 2 ** 20);
    const app = createApp({
      store,
      readers,
      cache,
      loopbackOnly: isLoopback(host),
      ...(options.token ? { token: options.token } : {}),
      ...(options.maxUploadMb !== undefined ? { maxUploadMb: options.maxUploadMb } : {}),
      ...(options.importMemoryMb !== undefined ? { importMemoryMb: options.importMemoryMb } : {}),
      ...(options.maxUnpackedMb !== undefined ? { maxUnpackedMb: options.maxUnpackedMb } : {}),
      ...(options.publicDir ? { publicDir: options.publicDir } : {}),
    });
    const credential = newCredential();
    if (options.commands) localCommandRoute(app, { store, credential, run: options.commands });
    // Listening comes before the demo build: a busy port fails at once, before minutes of work.
    // Meanwhile every request is told to come back, not answered from a store still empty
    // ("unknown country Mali" would be wrong, not just early).
    let building = false;
    const server = await listen((request, env) => (building ? stillBuilding() : app.fetch(request, env)), options.port ?? DEFAULT_PORT, host);
    const port = (server.address() as AddressInfo).port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
    if (options.demo && !options.readOnly && (await storeInfo(store)).events === 0) {
      building = true;
      try {
        await options.demo(store);
      } catch (error) {
        server.closeAllConnections();
        server.close();
        throw error;
      } finally {
        building = false;
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
      url,
      port,
      host,
      store,
      app,
      cache,
      ...(sync ? { sync } : {}),
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

/** localhost, ::1 and 127.x.x.x: this machine only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/**
 * What Node's HTTP parser refuses before the app sees it (a request line or headers over
 * 16 KB, a malformed request line) gets the API's error shape too, not Node's empty body.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, message, hints] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'the request line and headers are longer than the server reads (16 KB)', ['ask for fewer values at a time, and combine the answers']]
      : error.code === 'HPE_HEADERS_TIMEOUT' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'the request took too long to arrive', []]
        : [400, `the request is not well-formed HTTP (${error.code ?? 'parse error'})`, ['send a request line such as GET /api/info HTTP/1.1, with a Host header']];
  const body = JSON.stringify(errorBody(status as number, message as string, hints as string[]));
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The answer while the demo data is built: the API's error shape, and when to ask again. */
function stillBuilding(): Response {
  return Response.json(errorBody(503, 'the demo data is being built: ask again in a moment', ['it takes a few seconds, once: the next start serves the store at once']), {
    status: 503,
    headers: { 'Retry-After': '10', 'Cache-Control': 'no-store' },
  });
}

function listen(fetch: Hono['fetch'], port: number, host: string): Promise<ReturnType<typeof serve> & { address(): AddressInfo | string | null; closeAllConnections(): void }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, () => resolve(server as never));
    server.on('clientError', answerClientError);
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new CrisisError(`port ${port} on ${host} is in use`, ['choose another with --port, e.g. --port 8081 (or stop what uses it)']));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new CrisisError(`cannot listen on ${host}: no such address on this machine`, ['use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every network)']));
      else reject(error);
    });
  });
}
