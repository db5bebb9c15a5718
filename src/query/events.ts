/** The events behind any count: the same filter, listed. */
import { EVENT_FIELD_NAMES, EVENT_LIST_FIELDS, type EventField } from '../model/event.js';
import { param } from '../model/param.js';
import type { Store } from '../store/store.js';
import { compileFilter } from './compile.js';
import { normalizeFilter, type Filter } from './filter.js';
import { provenanceOf, type DatasetVersion } from './provenance.js';
import { resolveFilter } from './resolve.js';
import { requireEvents } from './aggregates.js';

export interface ListOptions {
  /** At most this many events (default: all). */
  limit?: number;
  offset?: number;
  fields?: EventField[];
  /** Deadliest first instead of in date order. */
  order?: 'date' | 'fatalities';
}

export interface EventList {
  events: Array<Record<string, unknown>>;
  /** All events that match, whatever the limit. */
  matched: number;
  filters: Filter;
  datasets: DatasetVersion[];
}

// Internal columns that only serve matching.
const HIDDEN = new Set<EventField>(['actor_text']);
export const LISTABLE_FIELDS = EVENT_FIELD_NAMES.filter((f) => !HIDDEN.has(f));

/** How many events a page holds unless `limit` says otherwise: what a terminal shows, what a web client fetches at once. */
export const PAGE = { terminal: 50, http: 500 } as const;
/** A page larger than this is better fetched in several (or whole, in a file format, from the command line). */
export const MAX_LIMIT = 100_000;

/** The options of an event list, declared once for the command line, the API, its OpenAPI document and the docs. */
export const EVENTS_PARAMS = {
  limit: param('whole', {
    key: 'limit',
    min: 1,
    max: MAX_LIMIT,
    example: '100',
    help: `at most N events (unless given: ${PAGE.terminal} in a terminal, every one in a file format, ${PAGE.http} a page over HTTP)`,
  }),
  offset: param('whole', { key: 'offset', http: null, min: 0, example: '50', help: 'skip the first N' }),
  page: param('whole', { key: 'page', flag: null, min: 1, max: 1_000_000, default: 1, example: '2', help: 'which page of `limit` events, from 1' }),
  order: param('one-of', {
    key: 'order',
    values: ['date', 'deadliest'],
    default: 'date',
    shorthands: { deadliest: 'deadliest' },
    help: 'date order, or deadliest first',
  }),
  fields: param('list-of', {
    key: 'fields',
    values: LISTABLE_FIELDS,
    default: EVENT_LIST_FIELDS,
    placeholder: 'a,b,c',
    // Every field, named in one value, fits.
    maxLength: 1000,
    example: 'id,event_date,location,fatalities',
    help: 'which fields, separated by commas (docs/data-model.md describes each)',
  }),
};

export async function listEvents(store: Store, filter: Filter, options: ListOptions = {}): Promise<EventList> {
  await requireEvents(store, filter);
  const resolved = await resolveFilter(store, filter);
  const { where, params } = compileFilter(resolved);
  const fields = options.fields ?? EVENT_LIST_FIELDS;
  const order = options.order === 'fatalities' ? 'fatalities DESC NULLS LAST, event_date, id' : 'event_date, id';
  const limit = options.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(options.limit))}` : '';
  const offset = options.offset ? ` OFFSET ${Math.max(0, Math.floor(options.offset))}` : '';
  const events = await store.all(`SELECT ${fields.map((f) => `"${f}"`).join(', ')} FROM events ${where} ORDER BY ${order}${limit}${offset}`, params);
  const groups = await store.all(`SELECT dataset AS _dataset, dataset_version AS _version, count(*) AS events FROM events ${where} GROUP BY ALL`, params);
  const datasets = provenanceOf(groups);
  return { events, matched: datasets.reduce((n, d) => n + d.events, 0), filters: normalizeFilter(resolved), datasets };
}

/** Ids of the events behind a figure: the trace that every analysis carries. */
export async function eventIds(store: Store, filter: Filter, limit?: number): Promise<string[]> {
  const list = await listEvents(store, filter, { fields: ['id'], ...(limit !== undefined ? { limit } : {}) });
  return list.events.map((e) => String(e.id));
}
