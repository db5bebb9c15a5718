/** The events behind any count: the same filter, listed. */
import { EVENT_FIELD_NAMES, EVENT_LIST_FIELDS, type EventField } from '../model/event.js';
import { CrisisError } from '../model/errors.js';
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

export function parseFields(list: string): EventField[] {
  const fields = list
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (!fields.length) throw new CrisisError('no fields named', [`name at least one of: ${LISTABLE_FIELDS.join(', ')}`]);
  for (const f of fields) {
    if (!LISTABLE_FIELDS.includes(f as EventField)) throw new CrisisError(`unknown field "${f}"`, [`fields are: ${LISTABLE_FIELDS.join(', ')}`]);
  }
  return fields as EventField[];
}

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
