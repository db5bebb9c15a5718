/**
 * What a map shows, from the query layer: events or fatalities per country or admin1 area,
 * matched to the shipped boundaries by name (names.ts), or per place for proportional
 * symbols. A name that matches no boundary is kept: listed in `unmatched`, and its events
 * drawn as points where they have coordinates.
 */
import { count, type Totals } from '../query/count.js';
import { listEvents } from '../query/events.js';
import { CrisisError } from '../model/errors.js';
import { named, ref } from '../model/param.js';
import type { Filter } from '../query/filter.js';
import type { DatasetVersion } from '../query/provenance.js';
import type { Store } from '../store/store.js';
import { boundaries, type Shape } from './boundaries.js';
import type { Metric } from './charts/common.js';

export type MapLevel = 'country' | 'admin1' | 'points';
export const MAP_LEVELS: MapLevel[] = ['country', 'admin1', 'points'];

export interface MapOptions {
  /** Areas to fill (default admin1), or `points`: a symbol per place. */
  level?: MapLevel;
  /** What is counted (default fatalities). */
  metric?: Metric;
}

export interface Area extends Totals {
  shape: Shape;
  /** The names the data gives this area (usually one; more when spellings differ). */
  names: string[];
  country: string;
  value: number;
}

export interface Place extends Totals {
  lon: number;
  lat: number;
  value: number;
  /** "Moura (Mopti, Mali)". */
  name: string;
  /** True when the place stands for an area whose name matched no boundary. */
  unmatched: boolean;
}

export interface Unmatched extends Totals {
  country: string;
  admin1: string | null;
  /** Symbols drawn for its events (0 when they have no coordinates). */
  places: number;
}

export interface MapData {
  level: MapLevel;
  metric: Metric;
  areas: Area[];
  places: Place[];
  unmatched: Unmatched[];
  total: Totals;
  filters: Filter;
  datasets: DatasetVersion[];
  notes: string[];
}

export async function mapData(store: Store, filter: Filter, options: MapOptions = {}): Promise<MapData> {
  const level = options.level ?? 'admin1';
  const metric = options.metric ?? 'fatalities';
  const b = boundaries();
  if (level === 'points') {
    const counted = await count(store, filter);
    if (counted.aggregate)
      throw new CrisisError(`${counted.aggregate.dataset} is aggregated data: it has no event points to draw`, [
        `draw it by area: ${ref(named('level'), 'country')} or ${ref(named('level'), 'admin1')}`,
      ]);
    const places = (await placesOf(store, counted.filters, metric, () => '', false)).map(({ unmatchedKey: _k, ...p }) => p);
    return { level, metric, areas: [], places, unmatched: [], total: counted.total, filters: counted.filters, datasets: counted.datasets, notes: counted.notes };
  }
  const counted = await count(store, filter, [level]);
  if (counted.aggregate && !counted.aggregate.measures.includes(metric)) {
    throw new CrisisError(`${counted.aggregate.dataset} has no ${metric} counts: it holds ${counted.aggregate.scope}`, [`use ${ref(named('metric'), counted.aggregate.measures[0])}`]);
  }
  const areas = new Map<Shape, Area>();
  const unmatched: Unmatched[] = [];
  for (const row of counted.rows) {
    const country = row.country === null ? null : String(row.country);
    const admin1 = level === 'admin1' && row.admin1 !== null ? String(row.admin1) : null;
    const shape = country === null ? undefined : level === 'country' ? b.countryShape(country) : admin1 === null ? undefined : b.admin1Shape(country, admin1);
    if (!shape) {
      unmatched.push({ country: country ?? '(no country)', admin1: level === 'admin1' ? admin1 : null, events: row.events, fatalities: row.fatalities, places: 0 });
      continue;
    }
    const name = level === 'country' ? country! : admin1!;
    const area = areas.get(shape) ?? { shape, names: [], country: country!, events: 0, fatalities: 0, value: 0 };
    if (!area.names.includes(name)) area.names.push(name);
    area.events += row.events;
    area.fatalities += row.fatalities;
    area.value = area[metric];
    areas.set(shape, area);
  }
  let places: Array<Place & { unmatchedKey: string }> = [];
  // Aggregated data has no event points: areas without a boundary are listed, not drawn.
  if (unmatched.length && !counted.aggregate) {
    const key = (country: unknown, admin1: unknown) => `${country ?? '(no country)'}\u0000${level === 'admin1' ? (admin1 ?? null) : ''}`;
    const wanted = new Set(unmatched.map((u) => key(u.country, u.admin1)));
    const countries = [...new Set(unmatched.map((u) => u.country).filter((c) => c !== '(no country)'))];
    const keyOf = (e: Listed) => {
      const k = key(e.country, e.admin1);
      return wanted.has(k) ? k : null;
    };
    // Only the unmatched areas' events are read: their countries, and their admin1 names where
    // every one has a name the filter can ask for (keyOf picks the exact pairs from what comes back).
    const admin1s = unmatched.map((u) => u.admin1);
    const named = level === 'admin1' && admin1s.every((a) => a !== null && a !== '' && a === a.trim());
    const narrowed = { ...counted.filters, ...(countries.length ? { country: countries } : {}), ...(named ? { admin1: [...new Set(admin1s as string[])] } : {}) };
    places = await placesOf(store, narrowed, metric, keyOf, true);
    for (const u of unmatched) u.places = places.filter((p) => p.unmatchedKey === key(u.country, u.admin1)).length;
  }
  const notes = [...counted.notes];
  const sorted = [...areas.values()].sort((x, y) => y.value - x.value || x.shape.properties.name.localeCompare(y.shape.properties.name));
  return {
    level,
    metric,
    areas: sorted,
    places: places.map(({ unmatchedKey: _k, ...p }) => p),
    unmatched: unmatched.sort((x, y) => y[metric] - x[metric]),
    total: counted.total,
    filters: counted.filters,
    datasets: counted.datasets,
    notes,
  };
}

type Listed = Record<string, unknown>;

/** Events summed per coordinate: ACLED geocodes events to named places, so many share one point. */
async function placesOf(store: Store, filter: Filter, metric: Metric, keyOf: (e: Listed) => string | null, unmatched: boolean): Promise<Array<Place & { unmatchedKey: string }>> {
  const list = await listEvents(store, filter, { fields: ['latitude', 'longitude', 'fatalities', 'location', 'admin1', 'country'] });
  const byPoint = new Map<string, Place & { unmatchedKey: string }>();
  for (const e of list.events) {
    const unmatchedKey = keyOf(e);
    if (unmatchedKey === null || typeof e.latitude !== 'number' || typeof e.longitude !== 'number') continue;
    const id = `${e.longitude},${e.latitude}`;
    const place = byPoint.get(id) ?? {
      lon: e.longitude,
      lat: e.latitude,
      events: 0,
      fatalities: 0,
      value: 0,
      unmatched,
      name: `${e.location ?? 'unnamed place'} (${[e.admin1, e.country].filter((x) => x !== null && x !== undefined).join(', ')})`,
      unmatchedKey,
    };
    place.events += 1;
    place.fatalities += Number(e.fatalities ?? 0);
    place.value = place[metric];
    byPoint.set(id, place);
  }
  return [...byPoint.values()].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
}
