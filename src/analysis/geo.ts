/**
 * Distances and directions on the sphere, for episodes (what is "nearby") and spread (how
 * far and which way the centre of events moved). A sphere of mean radius is exact enough
 * for tens of kilometres and for compass directions.
 */
const EARTH_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

export interface Point {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in km. */
export function haversineKm(a: Point, b: Point): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Initial bearing from a to b, degrees clockwise from north, 0–360. */
export function bearing(a: Point, b: Point): number {
  const [φ1, φ2, Δλ] = [rad(a.latitude), rad(b.latitude), rad(b.longitude - a.longitude)];
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  return (deg(Math.atan2(y, x)) + 360) % 360;
}

const COMPASS = ['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west'];

/** One of eight compass directions, as a sentence says it: "south-west". */
export function compass(degrees: number): string {
  return COMPASS[Math.round((((degrees % 360) + 360) % 360) / 45) % 8]!;
}

/**
 * Buckets points in cells of about `km` on a side, so that every point within `km` of a
 * given one is in its cell or a neighbouring one: neighbour searches stay local.
 */
export class Grid<T> {
  // Rows, then columns: small integer keys hash fast, where one combined number would not.
  private readonly cells = new Map<number, Map<number, T[]>>();
  private readonly size: number;
  constructor(readonly km: number) {
    this.size = Math.max(km, 0.001) / 111.2;
  }

  add(p: Point, item: T): void {
    const row = Math.floor(p.latitude / this.size);
    const col = Math.floor(p.longitude / this.size);
    let cols = this.cells.get(row);
    if (!cols) this.cells.set(row, (cols = new Map()));
    const list = cols.get(col);
    if (list) list.push(item);
    else cols.set(col, [item]);
  }

  /** Calls `visit` with the list of each cell that may hold points within `km` of p (visitors filter, and may prune, it). */
  near(p: Point, visit: (list: T[]) => void): void {
    const row = Math.floor(p.latitude / this.size);
    const col = Math.floor(p.longitude / this.size);
    // A degree of longitude shrinks with the cosine of latitude: look further east and west.
    const cos = Math.max(Math.cos(rad(Math.min(89, Math.abs(p.latitude) + this.size))), 0.01);
    const span = Math.ceil(1 / cos);
    for (let r = row - 1; r <= row + 1; r++) {
      const cols = this.cells.get(r);
      if (!cols) continue;
      for (let c = col - span; c <= col + span; c++) {
        const list = cols.get(c);
        if (list?.length) visit(list);
      }
    }
  }
}
