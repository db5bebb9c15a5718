/**
 * Filter values as users type them ("mali", "violence against civilians") become the values
 * the store holds ("Mali", "Violence against civilians"). A value that matches nothing is an
 * error that names the closest values, never a silent empty result.
 */
import { listValue } from '../store/duckdb.js';
import { CrisisError } from '../model/errors.js';
import { findCountry } from '../model/countries.js';
import type { Store } from '../store/store.js';
import { ACTOR_MATCHES, actorNeedle, CATEGORICAL, CONTROL, FILTER_PARAMS, type CategoricalKey, type Filter } from './filter.js';
import { INVOLVED_SQL } from '../model/event.js';
import { named, ParamError, refOf, request } from '../model/param.js';
import { closest } from './similar.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Distinct values per column, per store and store generation: cheap to keep, costly to rescan.
const cache = new WeakMap<Store, Map<string, { generation: number; byLower: Map<string, string[]> }>>();

/** Where values are looked up: the events, or the rows of one aggregated dataset. */
export interface ValueSource {
  table: 'events' | 'aggregates';
  dataset?: string;
}
const EVENTS: ValueSource = { table: 'events' };

async function distinctValues(store: Store, column: string, from: ValueSource = EVENTS): Promise<Map<string, string[]>> {
  let perStore = cache.get(store);
  if (!perStore) cache.set(store, (perStore = new Map()));
  const cacheKey = `${from.table}\u0000${from.dataset ?? ''}\u0000${column}`;
  const hit = perStore.get(cacheKey);
  if (hit && hit.generation === store.contentGeneration) return hit.byLower;
  const only = from.dataset ? ` AND dataset = ${`'${from.dataset.replace(/'/g, "''")}'`}` : '';
  // disorder_type may hold several types ("Political violence; Demonstrations"): each counts.
  const sql =
    column === 'disorder_type'
      ? `SELECT DISTINCT trim(unnest(string_split(disorder_type, ';'))) AS v FROM ${from.table} WHERE disorder_type IS NOT NULL${only}`
      : `SELECT DISTINCT "${column}" AS v FROM ${from.table} WHERE "${column}" IS NOT NULL${only}`;
  const byLower = new Map<string, string[]>();
  for (const { v } of await store.all(sql)) {
    const key = String(v).toLowerCase();
    byLower.set(key, [...(byLower.get(key) ?? []), String(v)]);
  }
  perStore.set(cacheKey, { generation: store.contentGeneration, byLower });
  return byLower;
}

export async function resolveFilter(store: Store, filter: Filter, from: ValueSource = EVENTS): Promise<Filter> {
  const out: Filter = { ...filter };
  for (const key of Object.keys(CATEGORICAL) as CategoricalKey[]) {
    const wanted = filter[key];
    if (!wanted?.length) continue;
    if (key === 'country') {
      out.country = await resolveCountries(store, wanted, from);
      continue;
    }
    if (key === 'dataset' && from.table === 'events') await refuseAggregates(store, wanted);
    const values = await distinctValues(store, CATEGORICAL[key], from);
    const resolved: string[] = [];
    for (const value of wanted) {
      const found = values.get(value.trim().toLowerCase());
      if (!found) {
        const near = closest(value, [...values.values()].flat());
        throw new ParamError(refOf(FILTER_PARAMS[key]), value, { kind: 'unknown' }, [
          near.length ? `closest: ${near.join(', ')}` : `the store has no ${FILTER_PARAMS[key].label.toLowerCase()} values to match`,
          `see what the store holds with: ${request('count', [[named('by'), byName(key)]])}`,
        ]);
      }
      resolved.push(...found);
    }
    out[key] = resolved;
  }
  // One value costs one scan of actor_text, less than reading the names again after a write.
  const names = filter.actor?.length && from.table === 'events' ? await actorNames(store, filter.actor.length > 1) : undefined;
  if (names) {
    const exact = filter.actorExact === true;
    // An empty needle is left to SQL: "\n\n" may match where a name list is empty.
    const none = new Set(filter.actor!.map(actorNeedle).filter((a) => a && !CONTROL.test(a) && !(exact ? names.lower.has(a) : names.text.includes(a))));
    if (none.size) out[ACTOR_MATCHES] = { exact, none };
  }
  if (filter.eventId?.length && from.table === 'events') out.eventId = await resolveEventIds(store, filter.eventId);
  for (const key of ['from', 'to'] as const) {
    const value = filter[key];
    if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) {
      throw new ParamError(refOf(FILTER_PARAMS[key]), value, { kind: 'not-date' }, ['e.g. 2022-03-27']);
    }
  }
  if (filter.from && filter.to && filter.from > filter.to) throw new ParamError(refOf(FILTER_PARAMS.from), filter.from, { kind: 'after', other: refOf(FILTER_PARAMS.to), otherValue: filter.to });
  for (const year of filter.year ?? []) {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new ParamError(refOf(FILTER_PARAMS.year), String(year), { kind: 'not-year' }, ['e.g. 2022']);
  }
  return out;
}

/**
 * Countries by any name the country table knows ("DRC", "Burma", "Côte d'Ivoire") or an ISO
 * code, as the one name the store shows for them; a name the table does not know must be
 * one the store holds. Compiling then matches the ISO code, so every source's events count.
 */
async function resolveCountries(store: Store, wanted: string[], from: ValueSource): Promise<string[]> {
  const codes = await distinctValues(store, 'country_code', from);
  const names = await distinctValues(store, 'country', from);
  const resolved: string[] = [];
  for (const value of wanted) {
    const country = findCountry(value);
    if (country && codes.has(country.code.toLowerCase())) {
      resolved.push(country.name);
      continue;
    }
    const found = names.get(value.trim().toLowerCase());
    if (found && !country) {
      resolved.push(...found);
      continue;
    }
    const near = closest(value, [...names.values()].flat());
    throw new ParamError(refOf(FILTER_PARAMS.country), value, { kind: 'unknown' }, [
      ...(country ? [`no data in ${country.name} (${country.code})`] : []),
      near.length ? `closest: ${near.join(', ')}` : 'the store has no country values to match',
      `see what the store holds with: ${request('count', [[named('by'), 'country']])}`,
    ]);
  }
  return resolved;
}

/**
 * Event ids as the store holds them: crisismap's own (acled:MLI6437) or the source's
 * (MLI6437), in any case, become the stored ids. An id the store does not hold is an error,
 * as an unknown name is: a link to a deleted event says so rather than showing nothing.
 */
async function resolveEventIds(store: Store, wanted: string[]): Promise<string[]> {
  const lower = wanted.map((id) => id.trim().toLowerCase());
  const rows = await store.all(
    `SELECT id, lower(id) AS ours, lower(source_id) AS theirs FROM events
    WHERE lower(id) IN (SELECT unnest(?::VARCHAR[])) OR lower(source_id) IN (SELECT unnest(?::VARCHAR[])) ORDER BY id`,
    [listValue(lower), listValue(lower)],
  );
  const resolved: string[] = [];
  for (const [i, id] of lower.entries()) {
    const found = rows.filter((r) => r.ours === id || r.theirs === id).map((r) => String(r.id));
    if (!found.length) {
      throw new ParamError(refOf(FILTER_PARAMS.eventId), wanted[i]!, { kind: 'unknown' }, ["the store holds no event with this id: crisismap's (acled:MLI6437) or the source's own (MLI6437)"]);
    }
    resolved.push(...found);
  }
  return [...new Set(resolved)];
}

/** A dataset of aggregates named where events are needed: say so plainly, rather than "unknown dataset". */
async function refuseAggregates(store: Store, wanted: string[]): Promise<void> {
  const events = await distinctValues(store, 'dataset');
  const aggregated = await distinctValues(store, 'dataset', { table: 'aggregates' });
  for (const value of wanted) {
    const key = value.trim().toLowerCase();
    if (!events.has(key) && aggregated.has(key)) throw noEventsError(aggregated.get(key)![0]!);
  }
}

/** What every command that needs events says about aggregated data. */
export function noEventsError(dataset: string): CrisisError {
  return new CrisisError(`${dataset} is aggregated data: it has no events behind its numbers`, [
    'aggregates answer count, trend, chart, map --level country|admin1 and surges, at their own resolution',
    'listing events, actors, episodes or victims needs an event dataset (import ACLED or UCDP events)',
  ]);
}

function byName(key: CategoricalKey): string {
  return CATEGORICAL[key];
}

/** Actor names close to one that matched nothing, for "did you mean". */
export async function closestActors(store: Store, name: string): Promise<string[]> {
  return closest(name, (await actorNames(store)).names);
}

/**
 * The stored actor names: as written; lower-cased as actor_text holds them (a set, for whole
 * names); and joined by newlines (a text, for parts of names: a needle holds no newline, so it
 * is found in the text exactly when it is found in one name). One scan of the events per
 * store generation, shared by every connection, however many requests ask at once.
 */
interface ActorNames {
  names: string[];
  lower: Set<string>;
  text: string;
}
const actorNamesCache = new WeakMap<object, { generation: number; names: Promise<ActorNames> }>();

async function actorNames(store: Store): Promise<ActorNames>;
/** `read` false: the names only if they are known for this generation already (or being read). */
async function actorNames(store: Store, read: boolean): Promise<ActorNames | undefined>;
async function actorNames(store: Store, read = true): Promise<ActorNames | undefined> {
  const generation = store.contentGeneration;
  const hit = actorNamesCache.get(store.instanceKey);
  if (hit?.generation === generation) {
    try {
      return await hit.names;
    } catch {
      // The request that asked first was interrupted (its time budget): ask again on this connection.
    }
  }
  if (!read) return undefined;
  const names = store.all(`SELECT DISTINCT a, lower(a) AS l FROM (SELECT unnest(${INVOLVED_SQL}) AS a FROM events) WHERE a IS NOT NULL ORDER BY a`).then((rows) => {
    const lower = rows.map((r) => String(r.l));
    return { names: rows.map((r) => String(r.a)), lower: new Set(lower), text: lower.join('\n') };
  });
  actorNamesCache.set(store.instanceKey, { generation, names });
  return names;
}
