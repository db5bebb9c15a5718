/**
 * Which days the data covers (aggregated data: its whole periods). A dataset version covers the days from its first to its
 * last event in the store (an ACLED export ending 2022-06-30 covers half of 2022); the
 * filter's --from, --to and --year narrow that. Trend flags periods covered only in part,
 * surges check there is history to compare with. Judged from the events, since files do
 * not state their span: an export whose last days had no events looks a little shorter.
 */
import type { Filter } from '../query/filter.js';
import type { DatasetVersion } from '../query/provenance.js';
import type { Store } from '../store/store.js';
import { dayOf, isoOf, type Bounds } from './periods.js';

type Spans = Map<string, Bounds>;
const cache = new WeakMap<Store, { generation: number; spans: Spans }>();

async function versionSpans(store: Store): Promise<Spans> {
  const hit = cache.get(store);
  if (hit && hit.generation === store.contentGeneration) return hit.spans;
  // Aggregated data covers whole periods: from its first period's first day to its last one's last.
  const rows = await store.all(`SELECT dataset, dataset_version, min(event_date) AS first, max(event_date) AS last FROM events GROUP BY ALL
    UNION ALL SELECT dataset, dataset_version, min(period_start),
      -- a week is counted in the period of its first day, so weekly data reaches only as far as its last week's start
      max(CASE WHEN period = 'week' THEN period_start ELSE period_end END) FROM aggregates GROUP BY ALL`);
  const spans: Spans = new Map(rows.map((r) => [`${r.dataset}\u0000${r.dataset_version}`, { first: String(r.first), last: String(r.last) }]));
  cache.set(store, { generation: store.contentGeneration, spans });
  return spans;
}

/** Day-number intervals [first, last], sorted and merged. */
export type Coverage = Array<[number, number]>;

export async function coverageOf(store: Store, datasets: DatasetVersion[], filter: Filter): Promise<Coverage> {
  const spans = await versionSpans(store);
  let intervals: Coverage = datasets.flatMap((d) => {
    const s = spans.get(`${d.dataset}\u0000${d.version}`);
    return s ? [[dayOf(s.first), dayOf(s.last)] as [number, number]] : [];
  });
  const lo = filter.from ? dayOf(filter.from) : -Infinity;
  const hi = filter.to ? dayOf(filter.to) : Infinity;
  intervals = intervals.map(([a, b]) => [Math.max(a, lo), Math.min(b, hi)] as [number, number]).filter(([a, b]) => a <= b);
  if (filter.year?.length) {
    const years: Coverage = filter.year.map((y) => [dayOf(`${y}-01-01`), dayOf(`${y}-12-31`)]);
    intervals = intervals.flatMap(([a, b]) => years.map(([c, d]) => [Math.max(a, c), Math.min(b, d)] as [number, number]).filter(([x, y]) => x <= y));
  }
  return merge(intervals);
}

function merge(intervals: Coverage): Coverage {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  const out: Coverage = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export interface PeriodCoverage {
  /** Days of the period the data covers, of `days`. */
  coveredDays: number;
  days: number;
  /** First and last covered day, when any. */
  coveredFrom?: string;
  coveredTo?: string;
}

export function periodCoverage(bounds: Bounds, coverage: Coverage): PeriodCoverage {
  const [first, last] = [dayOf(bounds.first), dayOf(bounds.last)];
  let coveredDays = 0;
  let from = Infinity;
  let to = -Infinity;
  for (const [a, b] of coverage) {
    const [x, y] = [Math.max(a, first), Math.min(b, last)];
    if (x > y) continue;
    coveredDays += y - x + 1;
    from = Math.min(from, x);
    to = Math.max(to, y);
  }
  const out: PeriodCoverage = { coveredDays, days: last - first + 1 };
  if (coveredDays > 0) Object.assign(out, { coveredFrom: isoOf(from), coveredTo: isoOf(to) });
  return out;
}

/** First and last covered day overall. */
export function coverageBounds(coverage: Coverage): Bounds | undefined {
  const [first, last] = [coverage[0], coverage[coverage.length - 1]];
  return first && last ? { first: isoOf(first[0]), last: isoOf(last[1]) } : undefined;
}
