/**
 * Space-time clustering for episodes, on a reduced set. DuckDB first folds the fatal events
 * into runs at each exact location ("islands": the days with deaths at one place, split
 * where more than `days` days pass without any); this file then joins islands at places
 * within `km` of each other whose dates come within `days` days (single linkage, with a
 * union-find). Islands are far fewer than events, and a spatial grid keeps the search local:
 * a million-event store gives some 30,000 islands, joined in a few tens of milliseconds.
 */
import { Grid, haversineKm } from './geo.js';

export interface Island {
  latitude: number;
  longitude: number;
  /** Day numbers (days since 1970-01-01): cheaper to read from DuckDB and compare than dates. */
  first: number;
  last: number;
  fatalities: number;
  events: number;
}

export interface Cluster {
  islands: Island[];
  /** First and last day, as day numbers. */
  first: number;
  last: number;
  fatalities: number;
  events: number;
}

const KM_PER_DEGREE = 111.2;

export function clusterIslands(islands: Island[], km: number, days: number): Cluster[] {
  const order = islands.map((_, i) => i).sort((a, b) => islands[a]!.first - islands[b]!.first || a - b);
  const parent = Int32Array.from(islands, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  // Each cell's list holds island indexes; ones that ended too long ago are dropped as met.
  const grid = new Grid<number>(km);
  const maxLat = km / KM_PER_DEGREE;
  for (const i of order) {
    const island = islands[i]!;
    grid.near(island, (list) => {
      let kept = 0;
      for (const j of list) {
        const other = islands[j]!;
        // Sorted by first day: an island that ended more than `days` before this one starts can join no later one.
        if (other.last + days < island.first) continue;
        list[kept++] = j;
        if (Math.abs(other.latitude - island.latitude) <= maxLat && haversineKm(island, other) <= km) parent[find(i)] = find(j);
      }
      list.length = kept;
    });
    grid.add(island, i);
  }
  const clusters = new Map<number, Cluster>();
  for (const i of order) {
    const island = islands[i]!;
    const root = find(i);
    const c = clusters.get(root);
    if (!c) {
      clusters.set(root, { islands: [island], first: island.first, last: island.last, fatalities: island.fatalities, events: island.events });
      continue;
    }
    c.islands.push(island);
    if (island.first < c.first) c.first = island.first;
    if (island.last > c.last) c.last = island.last;
    c.fatalities += island.fatalities;
    c.events += island.events;
  }
  return [...clusters.values()].sort((a, b) => b.fatalities - a.fatalities || a.first - b.first);
}
