/** What the store holds: datasets, versions, date ranges, counts, and the imports that built it. */
import { statSync } from 'node:fs';
import type { Store } from '../store/store.js';
import { aggregateCatalog, type AggregateEntry } from './aggregates.js';
import { listSubscriptions } from '../sources/sync/subscriptions.js';

export interface StoreInfo {
  store: string;
  bytes: number | null;
  events: number;
  datasets: Array<{
    dataset: string;
    versions: string[];
    events: number;
    fatalities: number;
    first_date: string | null;
    last_date: string | null;
    countries: number;
    synthetic: boolean;
  }>;
  imports: Array<Record<string, unknown>>;
  /** Aggregated datasets (ACLED's weekly and country-level files), kept apart from events. */
  aggregates: AggregateEntry[];
  /** Subscriptions kept current by `crisismap sync`: when each last synced, and whether its last attempt failed and why. */
  sync: Array<{ subscription: string; version: string; last_success_at: string | null; last_attempt_at: string | null; last_error: string | null }>;
}

export async function storeInfo(store: Store): Promise<StoreInfo> {
  const datasets = await store.all(`SELECT dataset, list(DISTINCT dataset_version ORDER BY dataset_version) AS versions,
      count(*) AS events, coalesce(sum(fatalities), 0) AS fatalities, min(event_date) AS first_date, max(event_date) AS last_date,
      count(DISTINCT country) AS countries, bool_or(tags ILIKE '%synthetic%') AS synthetic
    FROM events GROUP BY dataset ORDER BY dataset`);
  const imports = await store.all(`SELECT imported_at, file, layout, dataset, dataset_version, rows_read, added, updated, unchanged, stale, merged, rejected, deleted
    FROM imports ORDER BY imported_at DESC LIMIT 10`);
  // On disk: the file and its write-ahead log, which holds recent imports until DuckDB checkpoints.
  let bytes: number | null = null;
  try {
    bytes = statSync(store.path).size + (statSync(`${store.path}.wal`, { throwIfNoEntry: false })?.size ?? 0);
  } catch {
    /* in memory */
  }
  return {
    store: store.path,
    bytes,
    events: datasets.reduce((n, d) => n + Number(d.events), 0),
    datasets: datasets.map((d) => ({
      dataset: String(d.dataset),
      versions: d.versions as string[],
      events: Number(d.events),
      fatalities: Number(d.fatalities),
      first_date: (d.first_date as string | null) ?? null,
      last_date: (d.last_date as string | null) ?? null,
      countries: Number(d.countries),
      synthetic: d.synthetic === true || d.dataset === 'demo-synthetic',
    })),
    imports,
    aggregates: await aggregateCatalog(store),
    sync: (await listSubscriptions(store)).map((s) => ({
      subscription: s.name,
      version: s.version,
      last_success_at: s.lastSuccessAt ?? null,
      last_attempt_at: s.lastAttemptAt ?? null,
      last_error: s.lastError ?? null,
    })),
  };
}
