/**
 * What the store holds that a check needs to know before judging: its countries (with ISO
 * codes), admin1 areas and towns (the gazetteer places.ts reads text with), event types,
 * datasets, and the months each country has events in (so that a claim about a period the
 * data do not cover is `no_data`, not `contradicted`). Read through the query layer once per
 * store generation.
 */
import { count } from '../query/count.js';
import type { Store } from '../store/store.js';
import { countryIso, type Gazetteer } from './places.js';

export interface StoreFacts {
  generation: number;
  /** ISO alpha-3 → the store's country names. */
  countries: Map<string, string[]>;
  gazetteer: Gazetteer;
  eventTypes: string[];
  datasets: string[];
  /** Actor names as the store holds them. */
  actors: string[];
  /** Store country name → [first month, last month] with events, "YYYY-MM". */
  months: Map<string, [string, string]>;
}

const cache = new WeakMap<Store, StoreFacts>();

export async function storeFacts(store: Store): Promise<StoreFacts> {
  const hit = cache.get(store);
  if (hit && hit.generation === store.generation) return hit;
  const [byLocation, byType, byMonth, byActor] = await Promise.all([
    count(store, {}, ['admin2', 'location']),
    count(store, {}, ['event_type', 'dataset']),
    count(store, {}, ['country', 'month']),
    count(store, {}, ['actor']),
  ]);
  const countries = new Map<string, string[]>();
  const areas: Gazetteer['areas'] = [];
  const seenAdmin1 = new Set<string>();
  const admin2s = new Map<string, Gazetteer['areas'][number]>();
  for (const r of byLocation.rows) {
    const country = String(r.country ?? '');
    if (!country) continue;
    const iso = countryIso(country) ?? country;
    if (!countries.get(iso)?.includes(country)) countries.set(iso, [...(countries.get(iso) ?? []), country]);
    const admin1 = r.admin1 ? String(r.admin1) : undefined;
    if (admin1 && !seenAdmin1.has(`${iso}|${admin1}`)) {
      seenAdmin1.add(`${iso}|${admin1}`);
      areas.push({ name: admin1, country: iso, admin1, level: 'admin1' });
    }
    const admin2 = r.admin2 ? String(r.admin2) : undefined;
    if (admin2 && !admin2s.has(`${iso}|${admin1}|${admin2}`)) admin2s.set(`${iso}|${admin1}|${admin2}`, { name: admin2, country: iso, ...(admin1 ? { admin1 } : {}), admin2, level: 'admin2' });
    if (r.location) areas.push({ name: String(r.location), country: iso, ...(admin1 ? { admin1 } : {}), location: String(r.location), level: 'location' });
  }
  areas.push(...admin2s.values());
  const months = new Map<string, [string, string]>();
  for (const r of byMonth.rows) {
    const c = String(r.country ?? ''),
      m = String(r.month ?? '');
    const span = months.get(c);
    months.set(c, span ? [m < span[0] ? m : span[0], m > span[1] ? m : span[1]] : [m, m]);
  }
  const facts: StoreFacts = {
    generation: store.generation,
    countries,
    gazetteer: { areas },
    eventTypes: [...new Set(byType.rows.map((r) => String(r.event_type ?? '')).filter(Boolean))],
    datasets: [...new Set(byType.rows.map((r) => String(r.dataset ?? '')).filter(Boolean))],
    months,
    actors: byActor.rows.map((r) => String(r.actor ?? '')).filter(Boolean),
  };
  cache.set(store, facts);
  return facts;
}
