/**
 * Counting aggregated data (ACLED's weekly and country-level files, table `aggregates`) at its
 * own resolution. Aggregates are never added to events, nor one aggregated dataset to another:
 * each count is answered by events or by one aggregated dataset, and names which (docs/counting.md).
 */
import { CrisisError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { catalog } from './catalog.js';
import { AGGREGATE_COLUMNS, compileFilter, type Compiled } from './compile.js';
import { FILTER_PARAMS, normalizeFilter, type Filter, type FilterKey } from './filter.js';
import { ParamError, ref, refOf } from '../model/param.js';
import { noEventsError, resolveFilter } from './resolve.js';

export interface AggregateEntry {
  dataset: string;
  versions: string[];
  layout: string;
  /** What a row counts: "all events", "political violence events". */
  scope: string;
  resolution: string;
  period: 'week' | 'month' | 'year';
  rows: number;
  /** Which measures the dataset has: the fatalities-by-country-year file has no event counts. */
  measures: Array<'events' | 'fatalities'>;
  /** Place and type columns the rows fill. */
  columns: Array<'admin1' | 'event_type' | 'sub_event_type' | 'disorder_type'>;
  first: string;
  last: string;
}

const cache = new WeakMap<Store, { generation: number; entries: AggregateEntry[] }>();

export async function aggregateCatalog(store: Store): Promise<AggregateEntry[]> {
  const hit = cache.get(store);
  if (hit && hit.generation === store.contentGeneration) return hit.entries;
  const rows = await store.all(`SELECT dataset, list(DISTINCT dataset_version ORDER BY dataset_version) AS versions, any_value(layout) AS layout,
      any_value(scope) AS scope, any_value(resolution) AS resolution, any_value(period) AS period, count(*) AS rows,
      count(events) > 0 AS has_events, count(fatalities) > 0 AS has_fatalities, count(admin1) > 0 AS has_admin1,
      count(event_type) > 0 AS has_event_type, count(sub_event_type) > 0 AS has_sub_event_type, count(disorder_type) > 0 AS has_disorder_type,
      min(period_start)::VARCHAR AS first, max(period_end)::VARCHAR AS last
    FROM aggregates GROUP BY dataset ORDER BY dataset`);
  const entries = rows.map((r) => ({
    dataset: String(r.dataset),
    versions: r.versions as string[],
    layout: String(r.layout),
    scope: String(r.scope),
    resolution: String(r.resolution),
    period: r.period as AggregateEntry['period'],
    rows: Number(r.rows),
    measures: (['events', 'fatalities'] as const).filter((m) => r[`has_${m}`] === true),
    columns: (['admin1', 'event_type', 'sub_event_type', 'disorder_type'] as const).filter((c) => r[`has_${c}`] === true),
    first: String(r.first),
    last: String(r.last),
  }));
  cache.set(store, { generation: store.contentGeneration, entries });
  return entries;
}

/** Which data answers a question: the events, or one aggregated dataset. */
export type Answering = { kind: 'events'; aggregates: AggregateEntry[] } | { kind: 'aggregate'; entry: AggregateEntry; hasEvents: boolean };

/**
 * --dataset chooses. Without it, events answer when the store has any; a store of aggregates
 * alone answers from its one aggregated dataset, and asks which when it holds several.
 */
export async function answering(store: Store, filter: Filter): Promise<Answering> {
  const aggregates = await aggregateCatalog(store);
  if (!aggregates.length) return { kind: 'events', aggregates };
  const events = await catalog(store);
  const wanted = filter.dataset ?? [];
  const chosen = aggregates.filter((a) => wanted.some((w) => w.trim().toLowerCase() === a.dataset.toLowerCase()));
  if (chosen.length && chosen.length < wanted.length) {
    throw new ParamError(refOf(FILTER_PARAMS.dataset), wanted.join(', '), { kind: 'other', text: `mixes aggregated data (${chosen.map((c) => c.dataset).join(', ')}) with events` }, [
      'aggregates are never added to events: count one or the other',
    ]);
  }
  if (chosen.length > 1) {
    throw new ParamError(refOf(FILTER_PARAMS.dataset), wanted.join(', '), { kind: 'other', text: 'names several aggregated datasets' }, [
      'they count different things at different resolutions and are never added together: count one at a time',
    ]);
  }
  if (chosen.length === 1) return { kind: 'aggregate', entry: chosen[0]!, hasEvents: events.length > 0 };
  if (wanted.length || events.length) return { kind: 'events', aggregates };
  if (aggregates.length === 1) return { kind: 'aggregate', entry: aggregates[0]!, hasEvents: false };
  throw new CrisisError(`the store holds several aggregated datasets and no events: choose one with ${ref(FILTER_PARAMS.dataset)}`, aggregates.map(describeEntry));
}

/** "acled-weekly (up to 2026-03-28): all events, one row per week × admin1 × event type × sub-event type" */
export function describeEntry(e: AggregateEntry): string {
  return `${e.dataset} (${e.versions.join(', ')}): ${e.scope}, one row per ${e.resolution}, ${e.first} to ${e.last}`;
}

/** Filter keys an aggregated dataset can answer, given the columns it fills. */
function applies(entry: AggregateEntry, key: keyof Filter): boolean {
  switch (key) {
    case 'country':
    case 'from':
    case 'to':
    case 'year':
    case 'dataset':
      return true;
    case 'admin1':
      return entry.columns.includes('admin1');
    case 'eventType':
      return entry.columns.includes('event_type');
    case 'subEventType':
      return entry.columns.includes('sub_event_type');
    case 'disorderType':
      return entry.columns.includes('disorder_type');
    default:
      return false;
  }
}

export interface AggregateScope extends Compiled {
  entry: AggregateEntry;
  /** The filter resolved against the dataset's values, normalised: what outputs echo. */
  filter: Filter;
  /** What a reader must know: the resolution, whole periods, the events not added. */
  notes: string[];
}

/** The filter over one aggregated dataset: a filter that cannot apply is an error naming it. */
export async function aggregateScope(store: Store, entry: AggregateEntry, filter: Filter, hasEvents: boolean): Promise<AggregateScope> {
  for (const [key, value] of Object.entries(normalizeFilter(filter)) as Array<[FilterKey, unknown]>) {
    if (value !== undefined && !applies(entry, key)) {
      throw new ParamError(
        refOf(FILTER_PARAMS[key]),
        Array.isArray(value) ? value.join(', ') : String(value),
        { kind: 'other', text: `does not apply to ${entry.dataset}: its rows are ${entry.scope} per ${entry.resolution}` },
        ['aggregated data has no events, actors or places finer than its resolution behind its numbers'],
      );
    }
  }
  const resolved = await resolveFilter(store, { ...filter, dataset: [entry.dataset] }, { table: 'aggregates', dataset: entry.dataset });
  const compiled = compileFilter(resolved, AGGREGATE_COLUMNS);
  const notes = [`aggregated data: ${entry.dataset} counts ${entry.scope}, one row per ${entry.resolution}; ACLED's own totals, with no events behind them`];
  if (filter.from || filter.to || filter.year?.length) {
    const span = await store.one(
      `SELECT min(period_start)::VARCHAR AS first, max(period_start)::VARCHAR AS last, max(period_end)::VARCHAR AS last_end
      FROM aggregates ${compiled.where}`,
      compiled.params,
    );
    notes.push(
      span.first
        ? `dates match whole ${entry.period}s: counted are the ${entry.period}s starting ${span.first} to ${span.last} (the last ends ${span.last_end})`
        : `dates match whole ${entry.period}s: no ${entry.period} starts within the dates asked for`,
    );
  }
  if (hasEvents) notes.push(`the store also holds events; they are not added to these aggregates (count them with ${ref(FILTER_PARAMS.dataset)}, e.g. ${ref(FILTER_PARAMS.dataset, 'acled')})`);
  const out = normalizeFilter(resolved);
  if (!filter.dataset?.length) delete out.dataset;
  return { entry, filter: out, ...compiled, notes };
}

/** `--by` keys → SQL over aggregates; a period finer than the data's is refused. */
export function aggregateGroupSql(entry: AggregateEntry, key: string): string {
  const finer: Record<string, Array<AggregateEntry['period']>> = { week: ['month', 'year'], month: ['year'], quarter: ['year'] };
  if (finer[key]?.includes(entry.period)) {
    throw new CrisisError(`cannot group ${entry.dataset} by ${key}: its rows are per ${entry.period}`, [`group by ${entry.period} or longer periods`]);
  }
  switch (key) {
    case 'year':
      return 'year';
    case 'quarter':
      return `strftime(period_start, '%Y') || '-Q' || quarter(period_start)`;
    case 'month':
      return `strftime(period_start, '%Y-%m')`;
    // ACLED's week is named by its first day (a Saturday), as the file writes it.
    case 'week':
      return `strftime(period_start, '%Y-%m-%d')`;
    case 'country':
    case 'dataset':
      return key;
    case 'admin1':
    case 'event_type':
    case 'sub_event_type':
    case 'disorder_type':
      if (entry.columns.includes(key)) return key;
      break;
  }
  throw new CrisisError(`cannot group ${entry.dataset} by ${key}: its rows are ${entry.scope} per ${entry.resolution}`, [
    `group by ${['year', entry.period !== 'year' && 'month', entry.period === 'week' && 'week', 'country', ...entry.columns].filter(Boolean).join(', ')}`,
  ]);
}

/** For commands that need events: a store of aggregates alone, or --dataset naming one, is refused plainly. */
export async function requireEvents(store: Store, filter: Filter): Promise<void> {
  const aggregates = await aggregateCatalog(store);
  if (!aggregates.length) return;
  const named = aggregates.find((a) => filter.dataset?.some((w) => w.trim().toLowerCase() === a.dataset.toLowerCase()));
  if (named) throw noEventsError(named.dataset);
  if (!(await catalog(store)).length) throw noEventsError(aggregates.map((a) => a.dataset).join(', '));
}
