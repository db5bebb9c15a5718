/**
 * `serve --sync-every 6h`: the store's subscriptions refreshed inside the server process, which
 * owns the store file. A sync runs on a connection of its own, so requests keep being answered
 * from the reader pool meanwhile; they see the new events once its one transaction commits (the
 * response cache follows the store's generation). The last success or failure of each
 * subscription is in the store, so /api/info and the dashboard show it.
 */
import { syncAll, type SyncOptions } from '../sources/sync/run.js';
import type { Store } from '../store/store.js';

export interface SyncSchedule {
  /** Resolves when the sync under way, if any, has stopped at its next page. */
  stop(): Promise<void>;
  /** The run under way or the last one (for tests). */
  readonly last: Promise<unknown>;
}

/** 90s, 30m, 6h, 1d → milliseconds; undefined when the text is none of these. */
export function parseInterval(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]!.toLowerCase() as 's' | 'm' | 'h' | 'd'];
  const ms = Number(m[1]) * unit;
  return ms > 0 ? ms : undefined;
}

/**
 * Runs every subscription now (a restarted server catches up) and then every `everyMs`; a run
 * still going when the next is due is not doubled. `log` gets one line per subscription.
 */
export async function startSyncSchedule(store: Store, everyMs: number, options: Omit<SyncOptions, 'signal'>, log: (line: string) => void): Promise<SyncSchedule> {
  const connection = await store.connect();
  const controller = new AbortController();
  let running: Promise<unknown> | undefined;
  let last: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (running) return;
    running = syncAll(connection, { ...options, signal: controller.signal })
      .then((results) => {
        for (const r of results)
          log(
            r.error
              ? `sync ${r.subscription}: failed: ${r.error.message}`
              : `sync ${r.subscription}: ${r.report!.added} added, ${r.report!.updated} updated, ${r.report!.deleted + r.report!.superseded} deleted`,
          );
      })
      .catch((error: Error) => log(`sync: failed: ${error.message}`))
      .finally(() => {
        running = undefined;
      });
    last = running;
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    get last() {
      return last;
    },
    async stop() {
      clearInterval(timer);
      controller.abort();
      await running;
      connection.close();
    },
  };
}
