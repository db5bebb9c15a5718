/**
 * Filter values as users type them ("mali", "violence against civilians") become the values
 * the store holds ("Mali", "Violence against civilians"). A value that matches nothing is an
 * error that names the closest values, never a silent empty result.
 */
import { CrisisError } from '../model/errors.js';
import { findCountry } from '../model/countries.js';
import type { Store } from '../store/store.js';
import { CATEGORICAL, FILTER_LABELS, type CategoricalKey, type Filter } from './filter.js';
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
    if (key === 'country') { out.country = await resolveCountries(store, wanted); continue; }
    const values = await distinctValues(store, CATEGORICAL[key]);
    const resolved: string[] = [];
    for (const value of wanted) {
      const found = values.get(value.trim().toLowerCase());
      if (!found) {
        const near = closest(value, [...values.values()].flat());
        throw new CrisisError(`unknown ${FILTER_LABELS[key]} "${value}"`, [
          near.length ? `closest: ${near.join(', ')}` : `the store has no ${FILTER_LABELS[key]} values to match`,
          'see what the store holds with: crisismap count --by ' + byName(key),
        ]);
      }
      resolved.push(...found);
    }
    out[key] = resolved;
  }
  for (const key of ['from', 'to'] as const) {
    const value = filter[key];
    if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) {
      throw new CrisisError(`--${key} "${value}" is not a date`, ['write it as YYYY-MM-DD, e.g. 2022-03-27']);
    }
  }
  if (filter.from && filter.to && filter.from > filter.to) throw new CrisisError(`--from ${filter.from} is after --to ${filter.to}`);
  for (const year of filter.year ?? []) {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new CrisisError(`--year "${year}" is not a year`, ['write it as four digits, e.g. 2022']);
  }
  return out;
}

/**
 * Countries by any name the country table knows ("DRC", "Burma", "Côte d'Ivoire") or an ISO
 * code, as the one name the store shows for them; a name the table does not know must be
 * one the store holds. Compiling then matches the ISO code, so every source's events count.
 */
async function resolveCountries(store: Store, wanted: string[]): Promise<string[]> {
  const codes = await distinctValues(store, 'country_code');
  const names = await distinctValues(store, 'country');
  const resolved: string[] = [];
  for (const value of wanted) {
    const country = findCountry(value);
    if (country && codes.has(country.code.toLowerCase())) { resolved.push(country.name); continue; }
    const found = names.get(value.trim().toLowerCase());
    if (found && !country) { resolved.push(...found); continue; }
    const near = closest(value, [...names.values()].flat());
    throw new CrisisError(`unknown country "${value}"`, [
      ...(country ? [`no events in ${country.name} (${country.code})`] : []),
      near.length ? `closest: ${near.join(', ')}` : 'the store has no country values to match',
      'see what the store holds with: crisismap count --by country',
    ]);
  }
  return resolved;
}

function byName(key: CategoricalKey): string {
  return CATEGORICAL[key];
}

/** Actor names close to one that matched nothing, for "did you mean". */
export async function closestActors(store: Store, name: string): Promise<string[]> {
  const rows = await store.all(`SELECT DISTINCT unnest(actors) AS a FROM events`);
  return closest(name, rows.map((r) => String(r.a)));
}
