/**
 * Answers kept by request and store generation. A dashboard asks the same questions over and
 * over (every visitor loads the same first view), and an import is the only thing that
 * changes an answer: it bumps the store's generation, which empties the cache. The same
 * question asked again while it is being answered waits for that answer instead of running
 * the query a second time.
 */
import type { Reply } from './route.js';

/** Memory the cache may hold, unless --cache-mb says otherwise (0 turns it off). */
export const DEFAULT_CACHE_MB = 128;

export class ResponseCache {
  // A Map keeps insertion order: the first key is the least recently used.
  private readonly entries = new Map<string, Reply>();
  private readonly running = new Map<string, Promise<Reply>>();
  private bytes = 0;
  private generation = -1;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes = DEFAULT_CACHE_MB * 2 ** 20) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /** The cached reply for `key`, or compute's, kept for next time when it is small enough. */
  async get(key: string, generation: number, compute: () => Promise<Reply>): Promise<{ reply: Reply; hit: boolean }> {
    if (!this.enabled) return { reply: await compute(), hit: false };
    if (generation !== this.generation) this.clear(generation);
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, cached);
      return { reply: cached, hit: true };
    }
    const runningKey = `${generation}\u0000${key}`;
    const pending = this.running.get(runningKey);
    if (pending) {
      this.hits++;
      return { reply: await pending, hit: true };
    }
    this.misses++;
    const work = compute();
    this.running.set(runningKey, work);
    try {
      const reply = await work;
      // An import may have committed meanwhile: an answer computed before it is not kept.
      if (generation === this.generation) this.keep(key, reply);
      return { reply, hit: false };
    } finally {
      this.running.delete(runningKey);
    }
  }

  private keep(key: string, reply: Reply): void {
    const size = sizeOf(reply);
    // One huge answer (a full CSV export) would push out hundreds of small ones.
    if (size > this.maxBytes / 8) return;
    this.entries.set(key, reply);
    this.bytes += size;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(old);
    }
  }

  private clear(generation: number): void {
    this.entries.clear();
    this.bytes = 0;
    this.generation = generation;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

const sizeOf = (reply: Reply): number => reply.body.byteLength + 256;
