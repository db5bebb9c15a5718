/** Which data a number came from: every output names its datasets and their versions. */
import { thousands } from '../model/thousands.js';

export interface DatasetVersion {
  dataset: string;
  version: string;
  /** Events counted; for aggregated data, the sum of its EVENTS column (0 when it has none). */
  events: number;
  /** Present when the data is aggregated: how many of its rows the figures add up. */
  aggregated?: { rows: number };
}

/** From rows grouped by `_dataset` and `_version` (with an `events` count). */
export function provenanceOf(rows: Array<Record<string, unknown>>): DatasetVersion[] {
  const map = new Map<string, DatasetVersion>();
  for (const r of rows) {
    const key = `${r._dataset}\u0000${r._version}`;
    const d = map.get(key) ?? { dataset: String(r._dataset), version: String(r._version), events: 0 };
    d.events += Number(r.events ?? 0);
    map.set(key, d);
  }
  return [...map.values()].sort((a, b) => a.dataset.localeCompare(b.dataset) || a.version.localeCompare(b.version));
}

export function describeProvenance(datasets: DatasetVersion[]): string {
  if (!datasets.length) return 'no matching events';
  // "version" spelled out: versions carry their own parentheses ("demo v1 (seed 1)").
  return datasets
    .map((d) => (d.aggregated ? `${d.dataset}, version ${d.version}: aggregated data, ${thousands(d.aggregated.rows)} rows` : `${d.dataset}, version ${d.version}: ${thousands(d.events)} events`))
    .join('; ');
}
