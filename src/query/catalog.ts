/**
 * What datasets and versions the store holds, and whether they carry UCDP-style estimates:
 * a few rows, read once per store generation. When a store holds one dataset version, every
 * figure's provenance is known without asking each query for it — the common case, and the
 * one where counting must be as fast as hand-written SQL.
 */
import type { Store } from '../store/store.js';

export interface CatalogEntry {
  dataset: string;
  version: string;
  events: number;
  estimates: boolean;
}

const cache = new WeakMap<Store, { generation: number; entries: CatalogEntry[] }>();

export async function catalog(store: Store): Promise<CatalogEntry[]> {
  const hit = cache.get(store);
  if (hit && hit.generation === store.contentGeneration) return hit.entries;
  const rows = await store.all(`SELECT dataset, dataset_version AS version, count(*) AS events, count(fatalities_low) > 0 AS estimates
    FROM events GROUP BY ALL ORDER BY dataset, version`);
  const entries = rows.map((r) => ({ dataset: String(r.dataset), version: String(r.version), events: Number(r.events), estimates: r.estimates === true }));
  cache.set(store, { generation: store.contentGeneration, entries });
  return entries;
}
