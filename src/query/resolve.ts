/**
 * Filter values as users type them ("mali", "violence against civilians") become the values
 * the store holds ("Mali", "Violence against civilians"). A value that matches nothing is an
 * error that names the closest values, never a silent empty result.
 */
import { CrisisError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { CATEGORICAL, FILTER_PARAMS, type CategoricalKey, type Filter } from './filter.js';
import { named, ParamError, refOf, request } from '../model/param.js';
import { closest } from './similar.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Distinct values per column, per store and store generation: cheap to keep, costly to rescan.
const cache = new WeakMap<Store, Map<string, { generation: number; byLower: Map<string, string[]> }>>();

async function distinctValues(store: Store, column: string): Promise<Map<string, string[]>> {
  let perStore = cache.get(store);
  if (!perStore) cache.set(store, (perStore = new Map()));
  const hit = perStore.get(column);
  if (hit && hit.generation === store.generation) return hit.byLower;
  // disorder_type may hold several types ("Political violence; Demonstrations"): each counts.
  const sql = column === 'disorder_type'
    ? `SELECT DISTINCT trim(unnest(string_split(disorder_type, ';'))) AS v FROM events WHERE disorder_type IS NOT NULL`
    : `SELECT DISTINCT "${column}" AS v FROM events WHERE "${column}" IS NOT NULL`;
  const byLower = new Map<string, string[]>();
  for (const { v } of await store.all(sql)) {
    const key = String(v).toLowerCase();
    byLower.set(key, [...(byLower.get(key) ?? []), String(v)]);
  }
  perStore.set(column, { generation: store.generation, byLower });
  return byLower;
}

export async function resolveFilter(store: Store, filter: Filter): Promise<Filter> {
  const out: Filter = { ...filter };
  for (const key of Object.keys(CATEGORICAL) as CategoricalKey[]) {
    const wanted = filter[key];
    if (!wanted?.length) continue;
    const values = await distinctValues(store, CATEGORICAL[key]);
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

function byName(key: CategoricalKey): string {
  return CATEGORICAL[key];
}

/** Actor names close to one that matched nothing, for "did you mean". */
export async function closestActors(store: Store, name: string): Promise<string[]> {
  const rows = await store.all(`SELECT DISTINCT unnest(actors) AS a FROM events`);
  return closest(name, rows.map((r) => String(r.a)));
}
