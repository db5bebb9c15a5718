/**
 * The embedded store: one DuckDB file that holds the events. Every other module reaches
 * DuckDB through this class, so connection handling and error wording live in one place.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from './duckdb.js';
import { CrisisError } from '../model/errors.js';
import { schemaStatements } from './schema.js';
import { migrate, needsMigration } from './migrate.js';
import { takingTurns } from './turns.js';

export type Row = Record<string, unknown>;
export type Params = DuckDBValue[];

export const DEFAULT_DB = 'crisismap.duckdb';
/** DuckDB's memory ceiling unless CRISISMAP_MEMORY_LIMIT says otherwise. */
export const DEFAULT_MEMORY_LIMIT = '1GB';

/**
 * DuckDB's worker threads: CRISISMAP_THREADS when set, else DuckDB's default of one per core.
 * A machine that runs other work beside crisismap (a newsroom server, the test runner's two
 * files at once) gives it fewer: threads of two processes on the same cores wait for each other.
 */
function threadsSetting(path: string): { threads?: string } {
  const threads = process.env.CRISISMAP_THREADS;
  if (threads === undefined || threads === '') return {};
  if (!/^[1-9]\d{0,3}$/.test(threads.trim())) {
    throw new CrisisError(
      `cannot open the store ${path}: CRISISMAP_THREADS=${JSON.stringify(threads)} is not a number of threads`,
      ['give a whole number such as 1 or 4, or unset CRISISMAP_THREADS for one thread per core'],
      3,
    );
  }
  return { threads: threads.trim() };
}

/** `--db` wins, then CRISISMAP_DB (the caller's, when a server runs a command for it), then ./crisismap.duckdb. */
export function resolveDbPath(flag?: string): string {
  return resolve(flag ?? hosts.getStore()?.defaultDb ?? process.env.CRISISMAP_DB ?? DEFAULT_DB);
}

/**
 * A process that already holds a store open (a running server) and runs a command for
 * someone else: Store.open on that file lends a connection to the open store instead of
 * opening the file a second time, which DuckDB does not allow.
 */
export interface StoreHost {
  /** The store file the host holds open (absolute). */
  path: string;
  /** The store the command would have found when it names no --db (the caller's default). */
  defaultDb: string;
  connect(): Promise<Store>;
}

const hosts = new AsyncLocalStorage<StoreHost>();

/** What the connections of one DuckDB instance share. */
interface Shared {
  generation: number;
  /** Writes that changed the events or the aggregates (generation counts every write). */
  contents: number;
  turn: ReturnType<typeof takingTurns>;
}

/** The instance whose write turn the current async call chain holds. */
const writing = new AsyncLocalStorage<Shared>();

/** Runs `work` with every Store.open of `host.path` answered by `host.connect()`. */
export function withStoreHost<T>(host: StoreHost, work: () => Promise<T>): Promise<T> {
  return hosts.run(host, work);
}

/** The store is held by another process (DuckDB lets one process write a file). */
export class StoreLockedError extends CrisisError {
  constructor(
    readonly path: string,
    readonly pid: number | undefined,
  ) {
    super(
      `the store ${path} is in use by another process${pid ? ` (PID ${pid})` : ''}`,
      ['a running `crisismap serve` owns its store: import through its API (POST /api/import with the token)', 'or stop that process and run the command again'],
      3,
    );
    this.name = 'StoreLockedError';
  }
}

export interface OpenOptions {
  /** Open without taking the write lock, so several readers can share the file. */
  readOnly?: boolean;
  /** Fail instead of creating a new empty store (for commands that only read). */
  mustExist?: boolean;
}

export class Store {
  private constructor(
    readonly path: string,
    readonly connection: DuckDBConnection,
    private readonly instance: DuckDBInstance,
    readonly readOnly: boolean,
    // One counter for every connection of an instance: a write through one connection must
    // refresh the caches of all of them (see connect()). One queue of writers too (exclusive()).
    private readonly shared: Shared = { generation: 0, contents: 0, turn: takingTurns() },
    private readonly ownsInstance = true,
  ) {}

  /** Bumped by every write (the import log included): what cached answers key on. */
  get generation(): number {
    return this.shared.generation;
  }

  /**
   * Bumped by every write that changed the events or the aggregates: what caches of their values
   * (catalog, distinct names, actor names, coverage) key on. A write that changed neither (an
   * upload whose events are all stored already, which only logs the import) leaves them valid,
   * so the readers after it do not read them all again. Answers (the server's cache) key on
   * `generation`, which every write bumps: the import log is part of some.
   */
  get contentGeneration(): number {
    return this.shared.contents;
  }

  /** What caches of the store's contents key on, with `contentGeneration`: one object for every connection of an instance. */
  get instanceKey(): object {
    return this.shared;
  }

  /**
   * Runs `work` once no other write to this store is under way through any of its connections.
   * A server writes on several (an upload, its scheduled sync, a command sent to it), and DuckDB
   * fails one of two transactions that change the same rows rather than make it wait: writers
   * take turns instead, in the order they came. Reads never wait. A write inside a write (the
   * same async call chain) runs at once.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (writing.getStore() === this.shared) return work();
    return this.shared.turn(() => writing.run(this.shared, work));
  }

  /**
   * Another connection to the same DuckDB instance, as a Store: a server answers several
   * requests at once, one per connection, while the file stays opened (and locked) once.
   * It sees every committed write and shares the generation; close() closes only it.
   */
  async connect(): Promise<Store> {
    const connection = await this.instance.connect();
    return new Store(this.path, connection, this.instance, this.readOnly, this.shared, false);
  }

  static async open(path: string, options: OpenOptions = {}): Promise<Store> {
    const memory = path === ':memory:';
    const host = hosts.getStore();
    if (host && !memory && resolve(path) === host.path) {
      const lent = await host.connect();
      if (lent.readOnly && !options.readOnly) {
        lent.close();
        throw new CrisisError(`the store ${path} is opened read-only by the running server`, ['stop the server (or restart it without --read-only) to write to it'], 3);
      }
      return lent;
    }
    if (!memory && !existsSync(path) && (options.mustExist || options.readOnly)) {
      throw new CrisisError(`no store at ${path}`, ['import data first (crisismap import FILE) or build the demo store (crisismap demo); choose another file with --db']);
    }
    const threads = threadsSetting(path);
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, {
        ...(options.readOnly && !memory ? { access_mode: 'READ_ONLY' } : {}),
        // Settings given at opening, not SET after: each statement is a round trip a command waits for.
        // Nothing in crisismap relies on the order rows are stored in (the importer asks for it
        // where it does); keeping it makes bulk inserts several times slower.
        preserve_insertion_order: 'false',
        // A newsroom laptop runs other things: DuckDB spills to disk past this instead of taking 80% of memory.
        memory_limit: process.env.CRISISMAP_MEMORY_LIMIT ?? DEFAULT_MEMORY_LIMIT,
        ...threads,
      });
    } catch (error) {
      throw storeError(path, error);
    }
    const connection = await instance.connect();
    const store = new Store(path, connection, instance, !!options.readOnly && !memory);
    if (!store.readOnly) {
      for (const sql of schemaStatements()) await connection.run(sql);
      await migrate(store);
    } else if (await needsMigration(store)) {
      // A store from an older crisismap, opened to read: bring it up to date once, then read.
      store.close();
      (await Store.open(path)).close();
      return Store.open(path, options);
    }
    return store;
  }

  async all(sql: string, params: Params = []): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map(toPlain);
  }

  async one(sql: string, params: Params = []): Promise<Row> {
    return (await this.all(sql, params))[0] ?? {};
  }

  async run(sql: string, params: Params = []): Promise<void> {
    await this.connection.run(sql, params);
  }

  /**
   * Runs `work` in one transaction: all of it lands, or none of it. `changed` says from its
   * result whether the events or aggregates changed (by default they did).
   */
  async transaction<T>(work: () => Promise<T>, changed: (result: T) => boolean = () => true): Promise<T> {
    await this.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.run('COMMIT');
      this.shared.generation++;
      if (changed(result)) this.shared.contents++;
      return result;
    } catch (error) {
      await this.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  close(): void {
    this.connection.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}

/** DuckDB values as plain JSON-friendly JS: numbers, strings, 'YYYY-MM-DD' dates. */
function toPlain(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = plain(value);
  return out;
}

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

function storeError(path: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/lock/i.test(message)) {
    const pid = /PID (\d+)/.exec(message)?.[1];
    return new StoreLockedError(path, pid ? Number(pid) : undefined);
  }
  // The settings are given at opening, so DuckDB's refusal of one names none: memory_limit is the one a user sets.
  const limit = process.env.CRISISMAP_MEMORY_LIMIT;
  if (/set config/i.test(message) && limit !== undefined) {
    return new CrisisError(
      `cannot open the store ${path}: CRISISMAP_MEMORY_LIMIT=${JSON.stringify(limit)} is not a memory size`,
      [`give a size such as 512MB or 2GB, or unset CRISISMAP_MEMORY_LIMIT for the default (${DEFAULT_MEMORY_LIMIT})`],
      3,
    );
  }
  return new CrisisError(`cannot open the store ${path}: ${message}`, [], 3);
}
