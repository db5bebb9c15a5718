/**
 * A few connections to the store's one DuckDB instance, lent to one request at a time. The
 * server opens the file once (and so holds its lock); each connection runs its own query,
 * so requests are answered side by side instead of queueing behind the slowest. Writes
 * (imports) go through the store's own connection, never through these, so a transaction
 * never mixes with a reader's queries; readers see each import once it commits.
 *
 * No reader can stall the others (issue 13):
 *   - every piece of work has a time budget once it has its connection; past it the
 *     connection's query is interrupted and the caller gets a BudgetExceeded (waiting is not
 *     counted: the shares below keep every client's wait short but its own);
 *   - one client (one remote address) holds at most all connections but one, so another
 *     client always finds one free or next in line;
 *   - heavy work (long lists of values, documents, maps, PNGs) holds at most a quarter of the
 *     connections (one of the default four), so however many heavy requests arrive, ordinary
 *     ones keep the rest: with half, two heavy requests took both cores between them, and under
 *     the soak's attacks the slowest ordinary read on a 1M-event store went from 1.6–1.8 s to 1.8–2.2 s;
 *   - an import runs on the store's own connection, not on these, but it takes the same CPU as
 *     heavy work (reserve()): it waits for a heavy share, so imports and heavy reads together
 *     never outnumber a quarter of the connections. Holding no connection, it takes none from its
 *     client's part: a client that uploads still reads on all the connections but one.
 */
import { CrisisError } from '../model/errors.js';
import type { Store } from '../store/store.js';

/** DuckDB already spreads one query over every core: a few connections suffice to overlap them. */
export const DEFAULT_READERS = 4;
/** A query's time budget unless `serve --query-timeout` says otherwise. */
export const DEFAULT_QUERY_TIMEOUT_S = 10;

export interface UseOptions {
  /** Who asks (the remote address): one client cannot hold every connection. */
  client?: string;
  /** Work the request's size makes expensive: it shares a smaller part of the pool. */
  heavy?: boolean;
  /** Default: the pool's budget. */
  budgetMs?: number;
}

/** The time budget ran out while the work ran on its connection. */
export class BudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`time budget of ${budgetMs / 1000} s exceeded`);
    this.name = 'BudgetExceeded';
  }
}

interface Waiter {
  client: string;
  heavy: boolean;
  /** Needs a connection; a reservation (reserve()) only takes a share. */
  lend: boolean;
  resolve: (store: Store | undefined) => void;
}

export class ReaderPool {
  private readonly idle: Store[];
  private readonly waiting: Waiter[] = [];
  private readonly byClient = new Map<string, number>();
  private heavyRunning = 0;
  private closed = false;
  private drained?: () => void;

  private constructor(
    private readonly all: Store[],
    readonly budgetMs: number,
  ) {
    this.idle = [...all];
  }

  static async open(store: Store, size = DEFAULT_READERS, budgetMs = DEFAULT_QUERY_TIMEOUT_S * 1000): Promise<ReaderPool> {
    const readers: Store[] = [];
    for (let i = 0; i < Math.max(1, size); i++) readers.push(await store.connect());
    return new ReaderPool(readers, budgetMs);
  }

  get size(): number {
    return this.all.length;
  }

  /** Connections one client may hold at once: all but one, so that another client is never locked out. */
  get perClient(): number {
    return Math.max(1, this.all.length - 1);
  }

  /** Connections heavy work may hold at once: a quarter of them, at least one. */
  get heavySlots(): number {
    return Math.max(1, Math.floor(this.all.length / 4));
  }

  /**
   * Runs `work` on a connection of its own; waits for one when all are busy or the client
   * holds its share. Past the budget the query is interrupted and the promise rejects with
   * BudgetExceeded at once; the connection returns to the pool when the work has stopped.
   */
  async use<T>(work: (store: Store) => Promise<T>, options: UseOptions = {}): Promise<T> {
    const budgetMs = options.budgetMs ?? this.budgetMs;
    const client = options.client ?? '';
    const heavy = !!options.heavy;
    const store = (await this.take(client, heavy, true))!;
    let timer: NodeJS.Timeout | undefined;
    const running = work(store);
    const released = running
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => this.give(client, heavy, store));
    void released;
    try {
      return await Promise.race([
        running,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            store.connection.interrupt();
            reject(new BudgetExceeded(budgetMs));
          }, budgetMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Runs `work` (an import, on a connection of its own) once a heavy share is free, and holds
   * the share, not a connection, until it ends. No time budget: an import is not interrupted.
   */
  async reserve<T>(work: () => Promise<T>, client = ''): Promise<T> {
    await this.take(client, true, false);
    try {
      return await work();
    } finally {
      this.give(client, true);
    }
  }

  // A reservation (an import) holds no connection: it counts against the heavy share only, not
  // against its client's connections, so that client's ordinary reads keep their part.
  private allowed(client: string, heavy: boolean, lend: boolean): boolean {
    return (!lend || (this.idle.length > 0 && (this.byClient.get(client) ?? 0) < this.perClient)) && (!heavy || this.heavyRunning < this.heavySlots);
  }

  private hold(client: string, heavy: boolean, lend: boolean): Store | undefined {
    if (heavy) this.heavyRunning++;
    if (!lend) return undefined;
    this.byClient.set(client, (this.byClient.get(client) ?? 0) + 1);
    return this.idle.pop()!;
  }

  private take(client: string, heavy: boolean, lend: boolean): Promise<Store | undefined> {
    if (this.closed) return Promise.reject(shuttingDown());
    if (this.allowed(client, heavy, lend) && !this.waiting.some((w) => w.client === client && w.heavy === heavy)) return Promise.resolve(this.hold(client, heavy, lend));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { client, heavy, lend, resolve };
      this.rejectOnClose.set(waiter, reject);
      this.waiting.push(waiter);
    });
  }

  private readonly rejectOnClose = new WeakMap<Waiter, (error: Error) => void>();

  private give(client: string, heavy: boolean, store?: Store): void {
    if (heavy) this.heavyRunning--;
    if (store) {
      const held = (this.byClient.get(client) ?? 1) - 1;
      if (held > 0) this.byClient.set(client, held);
      else this.byClient.delete(client);
      this.idle.push(store);
    }
    // The first in line that may run now: a client at its share, or heavy work when the heavy
    // share is busy, lets those behind it go first.
    for (let i = 0; i < this.waiting.length; i++) {
      const next = this.waiting[i]!;
      if (!this.allowed(next.client, next.heavy, next.lend)) continue;
      this.waiting.splice(i--, 1);
      next.resolve(this.hold(next.client, next.heavy, next.lend));
    }
    if (this.closed && this.idle.length === this.all.length) this.drained?.();
  }

  /** Refuses new work, lets the queries running finish, then closes every connection. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) this.rejectOnClose.get(waiter)?.(shuttingDown());
    if (this.idle.length < this.all.length)
      await new Promise<void>((resolve) => {
        this.drained = resolve;
      });
    for (const store of this.all) store.close();
  }
}

// Exit code 3, a store problem: answered 503, not logged as a bug.
const shuttingDown = () => new CrisisError('the server is shutting down', ['ask again once it has restarted'], 3);
