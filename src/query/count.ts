/**
 * Counting events and fatalities, grouped by any of the GROUPS below. The rules (docs/counting.md):
 * an event counts once; fatalities are summed over distinct events; UCDP's low and high
 * estimates are summed beside its best; grouping by actor lists an event under each actor
 * involved, so those rows overlap and the total is computed apart, over distinct events.
 */
import { param, ref } from '../model/param.js';
import type { Store } from '../store/store.js';
import { compileFilter } from './compile.js';
import { FILTER_PARAMS, normalizeFilter, type Filter } from './filter.js';
import { closestActors, resolveFilter } from './resolve.js';
import { catalog } from './catalog.js';
import { provenanceOf, type DatasetVersion } from './provenance.js';
import { aggregateGroupSql, aggregateScope, answering, type AggregateEntry } from './aggregates.js';

/** What `--by` accepts, and the SQL for each. */
export const GROUPS = {
  year: 'year',
  quarter: `strftime(event_date, '%Y') || '-Q' || quarter(event_date)`,
  month: `strftime(event_date, '%Y-%m')`,
  week: `strftime(date_trunc('week', event_date), '%Y-%m-%d')`,
  country: 'country',
  admin1: 'admin1',
  admin2: 'admin2',
  location: 'location',
  event_type: 'event_type',
  sub_event_type: 'sub_event_type',
  disorder_type: 'disorder_type',
  actor: 'actor',
  interaction: 'interaction',
  dataset: 'dataset',
} as const;
export type GroupField = keyof typeof GROUPS;

/** count's options, declared once for the command line, the API, its OpenAPI document and the docs. */
export const COUNT_PARAMS = {
  by: param('list-of', {
    key: 'by',
    values: Object.keys(GROUPS),
    placeholder: 'FIELD[,FIELD]',
    example: 'year,country',
    help: `group by these fields, several separated by commas: ${Object.keys(GROUPS).join(', ')}`,
  }),
};
const TIME_GROUPS: GroupField[] = ['year', 'quarter', 'month', 'week'];

// A place name alone is ambiguous ("Centre" is a region of several countries): places are
// grouped together with the areas that contain them.
const CONTEXT: Partial<Record<GroupField, GroupField[]>> = {
  admin1: ['country'],
  admin2: ['country', 'admin1'],
  location: ['country', 'admin1'],
};

export interface Totals {
  events: number;
  fatalities: number;
  fatalities_low?: number;
  fatalities_high?: number;
  /** When datasets with and without low–high estimates are counted together: how many of the events carry them, and their best estimate. */
  estimated_events?: number;
  estimated_best?: number;
}
export type CountRow = Record<string, string | number | null> & Totals;

export interface CountResult {
  by: GroupField[];
  rows: CountRow[];
  total: Totals;
  filters: Filter;
  datasets: DatasetVersion[];
  /** Things a reader must know to use the numbers right. */
  notes: string[];
  /**
   * Present when the figures mix datasets with low–high estimates (UCDP) and without (ACLED):
   * fatalities_low and fatalities_high then belong to these datasets' events only
   * (estimated_events of them, best estimate estimated_best), never to the row's whole total.
   */
  estimates?: { datasets: string[] };
  /**
   * Present when an aggregated dataset answered (never added to events): what it counts and at
   * which resolution. A measure it lacks (the fatalities-by-country-year file has no event
   * counts) is null in every row, never 0.
   */
  aggregate?: { dataset: string; scope: string; resolution: string; period: 'week' | 'month' | 'year'; measures: Array<'events' | 'fatalities'> };
}

export async function count(store: Store, filter: Filter, by: GroupField[] = []): Promise<CountResult> {
  const source = await answering(store, filter);
  if (source.kind === 'aggregate') return countAggregate(store, source.entry, filter, by, source.hasEvents);
  const resolved = await resolveFilter(store, filter);
  const { where, params } = compileFilter(resolved);
  const keys = [...new Set(by.flatMap((f) => [...(CONTEXT[f] ?? []), f]))];
  // A context key the filter pins to one value need not be grouped by: it is that value.
  const pinned = Object.fromEntries(keys.filter((k) => !by.includes(k) && pinnedValue(resolved, k) !== undefined).map((k) => [k, pinnedValue(resolved, k)!]));
  const grouped = keys.filter((k) => !(k in pinned));
  const byActor = keys.includes('actor');
  const entries = await catalog(store);
  // One dataset version in the store: provenance is known; several: each query says which it used.
  const perVersion = entries.length > 1;
  const estimates = entries.some((e) => e.estimates);
  const mixed = estimates && entries.some((e) => !e.estimates);
  const measures = [
    'count(*) AS events',
    'sum(fatalities) AS fatalities',
    ...(estimates ? ['sum(fatalities_low) AS fatalities_low', 'sum(fatalities_high) AS fatalities_high'] : []),
    ...(mixed ? ['count(fatalities_low) AS estimated_events', 'coalesce(sum(fatalities) FILTER (WHERE fatalities_low IS NOT NULL), 0) AS estimated_best'] : []),
  ].join(', ');
  const provenanceKeys = perVersion ? ['dataset AS _dataset', 'dataset_version AS _version'] : [];
  const from = byActor ? `(SELECT unnest(actors) AS actor, * FROM events ${where})` : `events ${where}`;
  const select = [...grouped.map((k) => `${GROUPS[k]} AS "${k}"`), ...provenanceKeys, measures];
  const groupBy = grouped.length || perVersion ? ' GROUP BY ALL' : '';
  const raw = await store.all(`SELECT ${select.join(', ')} FROM ${from}${groupBy}`, params);

  const rows = new Map<string, CountRow>();
  for (const r of raw) {
    if (!grouped.length && !keys.length && Number(r.events) === 0) continue;
    const key = JSON.stringify(grouped.map((k) => r[k]));
    const row = rows.get(key) ?? (Object.fromEntries([...keys.map((k) => [k, k in pinned ? pinned[k]! : (r[k] ?? null)]), ['events', 0], ['fatalities', 0]]) as CountRow);
    addTotals(row, r);
    rows.set(key, row);
  }
  const total: Totals = { events: 0, fatalities: 0 };
  let totals = raw;
  if (byActor) totals = await store.all(`SELECT ${[...provenanceKeys, measures].join(', ')} FROM events ${where}${perVersion ? ' GROUP BY ALL' : ''}`, params);
  for (const t of totals) addTotals(total, t);
  const provenance = perVersion ? provenanceOf(totals) : total.events ? entries.map((e) => ({ dataset: e.dataset, version: e.version, events: total.events })) : [];
  const sorted = [...rows.values()].sort(rowOrder(keys));
  const notes: string[] = [];
  if (byActor) notes.push(`rows overlap: an event is listed under each actor involved; the total counts each of the ${total.events.toLocaleString('en-US')} events once`);
  if (new Set(provenance.map((d) => d.dataset)).size > 1) {
    notes.push(`these figures add up events from several datasets, which may record the same incidents: filter with ${ref(FILTER_PARAMS.dataset)} to count one`);
  }
  if (source.aggregates.length) {
    notes.push(
      `counted from events only; the store's aggregated data (${source.aggregates.map((a) => a.dataset).join(', ')}) is never added to events: count it with ${ref(FILTER_PARAMS.dataset, source.aggregates[0]!.dataset)}`,
    );
  }
  if (total.events === 0 && filter.actor?.length) {
    for (const a of filter.actor) {
      const near = await closestActors(store, a);
      notes.push(`no event involves an actor matching "${a}"${near.length ? `; closest names: ${near.join(', ')}` : ''}`);
    }
  }
  const estimators = [...new Set(entries.filter((e) => e.estimates).map((e) => e.dataset))];
  const mixedHere = mixed && (total.estimated_events ?? 0) > 0 && (total.estimated_events ?? 0) < total.events;
  if (mixedHere) {
    notes.push(
      `low and high are ${estimators.join(', ')}'s estimates for its own ${total.estimated_events!.toLocaleString('en-US')} events (best estimate ${total.estimated_best!.toLocaleString('en-US')}), not a range for totals that include other datasets`,
    );
  } else {
    // Nothing mixed in these figures: the range, where present, is the range of the total.
    for (const r of [...sorted, total]) {
      delete r.estimated_events;
      delete r.estimated_best;
    }
  }
  return { by: keys, rows: sorted, total, filters: normalizeFilter(resolved), datasets: provenance, notes, ...(mixedHere ? { estimates: { datasets: estimators } } : {}) };
}

/** The same count over one aggregated dataset, at its resolution. */
async function countAggregate(store: Store, entry: AggregateEntry, filter: Filter, by: GroupField[], hasEvents: boolean): Promise<CountResult> {
  if (by.includes('actor')) aggregateGroupSql(entry, 'actor');
  const scope = await aggregateScope(store, entry, filter, hasEvents);
  const keys = [...new Set(by.flatMap((f) => [...(entry.columns.includes('admin1') ? (CONTEXT[f] ?? []) : []), f]))];
  const select = [
    ...keys.map((k) => `${aggregateGroupSql(entry, k)} AS "${k}"`),
    'dataset AS _dataset',
    'dataset_version AS _version',
    'sum(events) AS events',
    'sum(fatalities) AS fatalities',
    'count(*) AS _rows',
  ];
  const raw = await store.all(`SELECT ${select.join(', ')} FROM aggregates ${scope.where} GROUP BY ALL`, scope.params);
  const rows = new Map<string, CountRow>();
  const total: Totals = { events: 0, fatalities: 0 };
  for (const r of raw) {
    const key = JSON.stringify(keys.map((k) => r[k]));
    const row = rows.get(key) ?? (Object.fromEntries([...keys.map((k) => [k, r[k] ?? null]), ['events', 0], ['fatalities', 0]]) as CountRow);
    addTotals(row, r);
    rows.set(key, row);
    addTotals(total, r);
  }
  const sorted = [...rows.values()].sort(rowOrder(keys));
  // A measure the dataset lacks is unknown, not zero.
  for (const m of ['events', 'fatalities'] as const) {
    if (!entry.measures.includes(m)) for (const r of [...sorted, total]) (r as unknown as Record<string, null>)[m] = null;
  }
  const notes = [...scope.notes];
  if (entry.period === 'week' && keys.some((k) => k === 'month' || k === 'quarter' || k === 'year')) {
    notes.push("a week is counted in the month, quarter and year of its first day (ACLED's WEEK)");
  }
  const provenance = provenanceOf(raw.map((r) => ({ ...r, events: r.events ?? 0 }))).map((d) => ({
    ...d,
    aggregated: { rows: raw.filter((r) => r._dataset === d.dataset && r._version === d.version).reduce((n, r) => n + Number(r._rows), 0) },
  }));
  return {
    by: keys,
    rows: sorted,
    total,
    filters: scope.filter,
    datasets: provenance,
    notes,
    aggregate: { dataset: entry.dataset, scope: entry.scope, resolution: entry.resolution, period: entry.period, measures: entry.measures },
  };
}

function pinnedValue(filter: Filter, key: GroupField): string | undefined {
  const values = key === 'country' ? filter.country : key === 'admin1' ? filter.admin1 : undefined;
  return values?.length === 1 ? values[0] : undefined;
}

function addTotals(into: Totals, r: Record<string, unknown>): void {
  into.events += Number(r.events ?? 0);
  into.fatalities += Number(r.fatalities ?? 0);
  // Low and high exist only for UCDP events; absent, they are left out rather than shown as 0.
  if (r.fatalities_low !== null && r.fatalities_low !== undefined) into.fatalities_low = (into.fatalities_low ?? 0) + Number(r.fatalities_low);
  if (r.fatalities_high !== null && r.fatalities_high !== undefined) into.fatalities_high = (into.fatalities_high ?? 0) + Number(r.fatalities_high);
  if (r.estimated_events !== undefined) {
    into.estimated_events = (into.estimated_events ?? 0) + Number(r.estimated_events);
    into.estimated_best = (into.estimated_best ?? 0) + Number(r.estimated_best ?? 0);
  }
}

/** Periods in time order; other groups largest first, by events, then fatalities, then name. */
function rowOrder(keys: GroupField[]): (a: CountRow, b: CountRow) => number {
  const timeFirst = keys.some((k) => TIME_GROUPS.includes(k));
  return (a, b) => {
    if (!timeFirst && (b.events !== a.events || b.fatalities !== a.fatalities)) return b.events - a.events || b.fatalities - a.fatalities;
    for (const k of keys) {
      const x = a[k] ?? '';
      const y = b[k] ?? '';
      if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    }
    return 0;
  };
}
