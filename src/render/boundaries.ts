/**
 * The boundaries shipped with crisismap, read once per process: countries from world-atlas
 * (Natural Earth 1:50m and 1:110m, in node_modules) and admin1 areas from
 * boundaries/admin1.topo.json (Natural Earth 1:10m, cut down by scripts/build-boundaries.mjs).
 * Nothing is downloaded: maps work offline.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { admin1Aliases, COUNTRY_ALIASES, NameIndex } from './names.js';
import { packTopology, readTopology } from './topology.js';

const require = createRequire(import.meta.url);
const DIR = join(dirname(fileURLToPath(import.meta.url)), 'boundaries');
export const ADMIN1_FILE = join(DIR, 'admin1.topo.json');
const COUNTRIES_FILE = require.resolve('world-atlas/countries-50m.json');
const LAND_FILE = require.resolve('world-atlas/land-110m.json');
/** Where the build keeps a boundary file packed (topology.ts): beside the program, in dist/render/boundaries. */
const packedOf = (file: string) => join(DIR, `${basename(file, '.json')}.packed`);

/** Run by the build (scripts/build.mjs) in dist/: every boundary file read at run time, packed beside the program. */
export function packBoundaries(): void {
  for (const file of [ADMIN1_FILE, COUNTRIES_FILE, LAND_FILE]) {
    const packed = packTopology(file);
    if (!packed) throw new Error(`${file} is not a quantized topology: it cannot be packed`);
    writeFileSync(packedOf(file), packed);
  }
}

export type Shape = Feature<Polygon | MultiPolygon, { name: string; country: string }> & {
  /** [[west, south], [east, north]] in degrees, for picking the shapes in view. */
  bbox: [number, number, number, number];
  /** Position in its list (for admin1: in the topology's geometries). */
  index: number;
};

export interface Boundaries {
  /** Every admin1 area; `country` is its country's ISO alpha-3 code. */
  admin1: Shape[];
  admin1Topology: Topology;
  /** world-atlas 1:50m countries; `country` is the ISO numeric id. */
  countries: Shape[];
  /**
   * world-atlas 1:110m land, for the locator: the countries merged, so no border is drawn
   * twice (half the points of drawing each country, and the same fill). Read when first used.
   */
  readonly land: Feature<MultiPolygon>;
  /** The name Natural Earth gives the country of an ISO alpha-3 code. */
  admin1CountryName(a3: string): string | undefined;
  /** A data country name → the ISO alpha-3 code of its admin1 areas. */
  countryCode(name: string): string | undefined;
  /** A data country name → its world-atlas shape. */
  countryShape(name: string): Shape | undefined;
  /** A data admin1 name within a data country → its shape. */
  admin1Shape(country: string, admin1: string): Shape | undefined;
}

interface Admin1Properties {
  name: string;
  alt?: string[];
  a3: string;
}
interface Admin1Topology extends Topology {
  countries: Record<string, { id?: string; names: string[] }>;
}

let cached: Boundaries | undefined;

export function boundaries(): Boundaries {
  cached ??= load();
  return cached;
}

function load(): Boundaries {
  const topology = readTopology<Admin1Topology>(ADMIN1_FILE, packedOf(ADMIN1_FILE));
  const collection = topology.objects.admin1 as GeometryCollection<Admin1Properties>;
  // Areas are decoded when first drawn: a map of the Sahel decodes the Sahel, not the world.
  const admin1 = collection.geometries.map((g, i) => {
    const p = g.properties as Admin1Properties;
    return lazyShape(() => (feature(topology, g) as Feature<Polygon | MultiPolygon>).geometry, p.name, p.a3, i, g.bbox as Shape['bbox']);
  });
  const countries = worldShapes(COUNTRIES_FILE);

  // Own names first, then other spellings, so that another area's alternative never hides a name.
  const codes = new NameIndex<string>();
  const shapesById = new Map(countries.map((c) => [c.properties.country, c]));
  const countryShapes = new NameIndex<Shape>();
  for (const c of countries) countryShapes.add([c.properties.name], c);
  for (const [a3, entry] of Object.entries(topology.countries)) {
    codes.add(entry.names, a3);
    const atlas = entry.id ? shapesById.get(entry.id) : undefined;
    if (atlas) {
      countryShapes.add(entry.names, atlas);
      codes.add([atlas.properties.name], a3);
    }
  }
  // A country's areas are indexed by name when first looked up: normalizing 4,000 names and
  // their other spellings is work a map of three countries does not need.
  const members = new Map<string, number[]>();
  collection.geometries.forEach((g, i) => {
    const a3 = (g.properties as Admin1Properties).a3;
    const list = members.get(a3);
    if (list) list.push(i);
    else members.set(a3, [i]);
  });
  const areas = new Map<string, NameIndex<Shape>>();
  const areasOf = (a3: string): NameIndex<Shape> => {
    let index = areas.get(a3);
    if (!index) {
      index = new NameIndex<Shape>();
      const props = (members.get(a3) ?? []).map((i) => [collection.geometries[i]!.properties as Admin1Properties, admin1[i]!] as const);
      for (const [p, shape] of props) index.add([p.name], shape);
      for (const [p, shape] of props) index.add(p.alt ?? [], shape);
      areas.set(a3, index);
    }
    return index;
  };

  const countryCode = (name: string) => codes.get(name, COUNTRY_ALIASES);
  let land: Feature<MultiPolygon> | undefined;
  return {
    admin1,
    admin1Topology: topology,
    countries,
    get land() {
      land ??= worldLand();
      return land;
    },
    countryCode,
    admin1CountryName: (a3) => topology.countries[a3]?.names[0],
    countryShape: (name) => countryShapes.get(name, COUNTRY_ALIASES),
    admin1Shape: (country, name) => {
      const code = countryCode(country);
      return code ? areasOf(code).get(name, admin1Aliases(country)) : undefined;
    },
  };
}

function worldShapes(file: string): Shape[] {
  const topology = readTopology(file, packedOf(file));
  const collection = topology.objects.countries as GeometryCollection<{ name: string }>;
  // Decoded, and measured, when first drawn: an admin1 map needs the countries' names only.
  return collection.geometries
    .filter((g) => g.type !== null)
    .map((g, i) => lazyShape(() => (feature(topology, g) as Feature<Polygon | MultiPolygon>).geometry, g.properties!.name, String(g.id ?? g.properties!.name), i, planarBox));
}

function worldLand(): Feature<MultiPolygon> {
  const topology = readTopology(LAND_FILE, packedOf(LAND_FILE));
  return feature(topology, topology.objects.land as GeometryCollection).features[0] as Feature<MultiPolygon>;
}

/** A shape whose geometry is decoded when first read, and its box, when not given, measured from it. */
function lazyShape(decode: () => Polygon | MultiPolygon, name: string, country: string, index: number, bbox: Shape['bbox'] | ((geometry: Polygon | MultiPolygon) => Shape['bbox'])): Shape {
  let geometry: Polygon | MultiPolygon | undefined;
  // Getters in the literal, not defined after: the keys keep their order in GeoJSON, and V8 keeps the object fast.
  if (typeof bbox !== 'function') {
    return {
      type: 'Feature',
      properties: { name, country },
      bbox,
      index,
      get geometry() {
        return (geometry ??= decode());
      },
    };
  }
  let box: Shape['bbox'] | undefined;
  return {
    type: 'Feature',
    properties: { name, country },
    get bbox() {
      return (box ??= bbox(this.geometry));
    },
    index,
    get geometry() {
      return (geometry ??= decode());
    },
  };
}

/** [west, south, east, north] of the coordinates; a shape across the antimeridian spans every longitude. */
function planarBox(geometry: Polygon | MultiPolygon): Shape['bbox'] {
  const box: Shape['bbox'] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons)
    for (const [x, y] of polygon[0] ?? []) {
      box[0] = Math.min(box[0], x!);
      box[1] = Math.min(box[1], y!);
      box[2] = Math.max(box[2], x!);
      box[3] = Math.max(box[3], y!);
    }
  return box;
}
