/**
 * A few connections to the store's one DuckDB instance, lent to one request at a time. The
 * server opens the file once (and so holds its lock); each connection runs its own query,
 * so requests are answered side by side instead of queueing behind the slowest. Writes
 * (imports) go through the store's own connection, never through these, so a transaction
 * never mixes with a reader's queries; readers see each import once it commits.
 */
import { CrisisError } from '../model/errors.js';
import type { Store } from '../store/store.js';

/** DuckDB already spreads one query over every core: a few connections suffice to overlap them. */
export const DEFAULT_READERS = 4;

export class ReaderPool {
  private readonly idle: Store[];
  private readonly waiting: Array<{ resolve: (store: Store) => void; reject: (error: Error) => void }> = [];
  private closed = false;
  private drained?: () => void;

  private constructor(private readonly all: Store[]) {
    this.idle = [...all];
  }

  static async open(store: Store, size = DEFAULT_READERS): Promise<ReaderPool> {
    const readers: Store[] = [];
    for (let i = 0; i < Math.max(1, size); i++) readers.push(await store.connect());
    return new ReaderPool(readers);
  }

  get size(): number {
    return this.all.length;
  }

  /** Runs `work` on a connection of its own; waits for one when all are busy. */
  async use<T>(work: (store: Store) => Promise<T>): Promise<T> {
    const store = await this.take();
    try {
      return await work(store);
    } finally {
      this.give(store);
    }
  }

  private take(): Promise<Store> {
    if (this.closed) return Promise.reject(shuttingDown());
    const store = this.idle.pop();
    if (store) return Promise.resolve(store);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private give(store: Store): void {
    const next = this.waiting.shift();
    if (next) next.resolve(store);
    else {
      this.idle.push(store);
      if (this.closed && this.idle.length === this.all.length) this.drained?.();
    }
  }

  /** Refuses new work, lets the queries running finish, then closes every connection. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(shuttingDown());
    if (this.idle.length < this.all.length) await new Promise<void>((resolve) => { this.drained = resolve; });
    for (const store of this.all) store.close();
  }
}

// Exit code 3, a store problem: answered 503, not logged as a bug.
const shuttingDown = () => new CrisisError('the server is shutting down', ['ask again once it has restarted'], 3);
