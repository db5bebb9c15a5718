/**
 * The one shape every analysis returns: the figures, one plain sentence that states them,
 * the filters and dataset versions used, caveats, and the events behind the figures.
 * Analyses take (store, filter, options) and differ only in what `figures` holds.
 */
import { ref, request } from '../model/param.js';
import { thousands } from '../model/thousands.js';
import { eventIds } from '../query/events.js';
import { FILTER_PARAMS, normalizeFilter, type Filter, type FilterKey } from '../query/filter.js';
import type { DatasetVersion } from '../query/provenance.js';
import type { Store } from '../store/store.js';

export interface Answer<F = Record<string, unknown>> {
  /** The question answered, in a journalist's words. */
  question: string;
  figures: F;
  /** One sentence stating the figures, with thousands separators and honest wording. */
  sentence: string;
  /** The filter as resolved to stored names: what the figures cover. */
  filters: Filter;
  datasets: DatasetVersion[];
  /** What a reader must know to use the figures right. */
  caveats: string[];
  /** Ids of the events behind the figures, in date order; capped at `maxIds` (see AnalysisOptions). */
  eventIds: string[];
  /** How many events are behind the figures; more than eventIds.length when the list was capped. */
  eventCount: number;
  /** When the events behind the figures are exactly those a filter selects: that filter (`crisismap events` lists them). */
  eventFilter?: Filter;
}

export interface AnalysisOptions {
  /**
   * List at most this many event ids (default: DEFAULT_MAX_IDS; Infinity for all of them).
   * eventCount and eventFilter still describe every event behind the figures.
   */
  maxIds?: number;
}

// Ten thousand ids take ~30 ms to list; a million take seconds, and nobody reads them in JSON.
export const DEFAULT_MAX_IDS = 10_000;

export const idLimit = (options: AnalysisOptions): number | undefined => {
  const max = options.maxIds ?? DEFAULT_MAX_IDS;
  // Past any store's size a limit means "all" (and a number like 1e40 is no SQL LIMIT).
  return Number.isFinite(max) && max < 2 ** 31 ? Math.max(0, Math.floor(max)) : undefined;
};

/** The events behind figures that cover everything a filter selects. */
export async function traceFilter(store: Store, filter: Filter, count: number, options: AnalysisOptions = {}, aggregated = false) {
  // Aggregated data has no events behind its numbers: nothing to trace, and its caveats say so.
  if (aggregated) return { eventIds: [] as string[], eventCount: 0, eventFilter: normalizeFilter(filter) };
  const limit = idLimit(options);
  const ids = count === 0 || limit === 0 ? [] : await eventIds(store, filter, limit);
  return { eventIds: ids, eventCount: count, eventFilter: normalizeFilter(filter) };
}

/** Explicit ids (episodes, surges), capped like the others; `count` when the ids given were already capped. */
export function traceIds(ids: string[], options: AnalysisOptions = {}, count?: number) {
  const unique = [...new Set(ids)];
  const limit = idLimit(options);
  return { eventIds: limit !== undefined ? unique.slice(0, limit) : unique, eventCount: count ?? unique.length };
}

/** "1,234": every number a reader sees, in sentences, tables and figures, grouped one way (without ICU). */
export const fmt = thousands;

/** "49%" — whole percent, or one decimal under 10%, so small shares do not read as 0. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '–';
  const p = (100 * part) / whole;
  if (p > 0 && p < 0.05) return '<0.1%';
  return `${p < 10 && p > 0 ? p.toFixed(1).replace(/\.0$/, '') : Math.round(p)}%`;
}

/** "a", "a and b", "a, b and c". */
export function names(list: string[]): string {
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/**
 * Where and what the figures cover, for sentences: " in incidents involving Wagner in Mali".
 * Dates are left to each analysis, which names its own periods.
 */
export function scopePhrase(filter: Filter): string {
  const parts: string[] = [];
  if (filter.eventType?.length) parts.push(` in ${names(filter.eventType)} events`);
  if (filter.civilianTargeting === true) parts.push(' in events targeting civilians');
  if (filter.actor?.length) parts.push(` in incidents involving ${names(filter.actor)}`);
  const place = filter.location ?? filter.admin2 ?? filter.admin1 ?? filter.country;
  if (place?.length) parts.push(` in ${names(place)}`);
  return parts.join('');
}

/** " between 2021-12-01 and 2022-12-31", " in 2022", or "". */
export function datePhrase(filter: Filter): string {
  if (filter.from && filter.to) return ` between ${filter.from} and ${filter.to}`;
  if (filter.from) return ` since ${filter.from}`;
  if (filter.to) return ` up to ${filter.to}`;
  if (filter.year?.length) return ` in ${names(filter.year.map(String))}`;
  return '';
}

/**
 * The request that lists the events behind a figure, as each interface words it:
 * `crisismap events --country Mali --year 2022`, `GET /api/events?country=Mali&year=2022`.
 */
export function eventsCommand(filter: Filter): string {
  const pairs: Array<[(typeof FILTER_PARAMS)[FilterKey], string?]> = [];
  for (const [key, value] of Object.entries(normalizeFilter(filter))) {
    const p = FILTER_PARAMS[key as FilterKey];
    if (value === true) pairs.push([p]);
    else for (const v of Array.isArray(value) ? value : [value]) pairs.push([p, String(v)]);
  }
  return request('events', pairs);
}

/** Caveats about the data itself (worded as count()'s notes, so that lists can be merged without repeats). */
export function datasetCaveats(datasets: DatasetVersion[]): string[] {
  const caveats: string[] = [];
  if (new Set(datasets.map((d) => d.dataset)).size > 1) {
    caveats.push(`these figures add up events from several datasets, which may record the same incidents: filter with ${ref(FILTER_PARAMS.dataset)} to count one`);
  }
  if (datasets.some((d) => d.dataset === 'demo-synthetic')) caveats.push('SYNTHETIC demo data: invented events, not real reporting');
  return caveats;
}

/** Caveat lists joined, each once, in order. */
export function caveatsOf(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}
