/**
 * Drawing a map as SVG with d3-geo:
 *   1. project: equal-area, fitted to the areas and places with data (Equal Earth for
 *      half the world or more, else azimuthal equal-area centred on the data)
 *   2. land in view, grey; areas with data filled by class; admin1 borders white, country
 *      borders dark
 *   3. proportional symbols (places, or events whose area matched no boundary)
 *   4. labels for the largest values, placed where they overlap nothing already placed
 * Every shape and symbol carries its name and value in a <title>.
 */
import { geoAzimuthalEqualArea, geoBounds, geoDistance, geoEqualEarth, geoOrthographic, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject } from 'topojson-specification';
import { boundaries, type Shape } from './boundaries.js';
import type { Classes } from './legend.js';
import { radiusOf } from './legend.js';
import type { Area, MapData, Place } from './map-data.js';
import { textWidth } from './metrics.js';
import { esc, fmt, r2 } from './svg.js';
import { INK, SIZE, SYMBOL } from './theme.js';

export interface DrawnMap {
  svg: string;
  height: number;
  /** Km per pixel at the centre; null on a world map, where it varies too much for one bar. */
  kmPerPx: number | null;
  /** The view's centre and its box in degrees, for the locator. */
  centre: [number, number];
  box: [number, number, number, number];
  wide: boolean;
}

const MARGIN = 8;

type ViewPath = ReturnType<typeof geoPath> & {
  /** A drawing that depends on the view alone (country borders, the locator's land), made once per view. */
  once(name: string, draw: () => string | null): string | null;
};

/**
 * Projected paths, kept per view. A server draws the same view again and again with other
 * data (each filter of a country, each format), and projecting and clipping thousands of
 * boundary points is most of what a map costs; a shape's path depends only on the view.
 * The last few views are kept, each holding its shapes' paths weakly.
 */
const views = new Map<string, { shapes: WeakMap<object, string | null>; named: Map<string, string | null> }>();
const VIEWS_KEPT = 16;

function viewPaths(view: string, path: ReturnType<typeof geoPath>): ViewPath {
  let kept = views.get(view);
  if (!kept) {
    kept = { shapes: new WeakMap(), named: new Map() };
    views.set(view, kept);
    if (views.size > VIEWS_KEPT) views.delete(views.keys().next().value!);
  }
  const { shapes, named } = kept;
  const memo = ((object: Parameters<typeof path>[0]) => {
    if (typeof object !== 'object' || object === null) return path(object);
    let d = shapes.get(object);
    if (d === undefined) {
      d = path(object) ?? null;
      shapes.set(object, d);
    }
    return d;
  }) as ViewPath;
  Object.setPrototypeOf(memo, path);
  memo.once = (name, draw) => {
    if (!named.has(name)) named.set(name, draw());
    return named.get(name)!;
  };
  return memo;
}

export function drawMap(data: MapData, classes: Classes | null, width: number, labels: number): DrawnMap {
  const b = boundaries();
  const { focus, bounds } = focusOf(data);
  const [[w, s], [e, n]] = bounds;
  const spanLon = e >= w ? e - w : e + 360 - w;
  const wide = spanLon > 150 || n - s > 80;
  const centre: [number, number] = [((w + spanLon / 2 + 540) % 360) - 180, (s + n) / 2];
  const projection: GeoProjection = wide ? geoEqualEarth().rotate([-centre[0], 0]) : geoAzimuthalEqualArea().rotate([-centre[0], -centre[1]]);
  const height = fitView(projection, focus, width);
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const path = viewPaths(`${wide}|${width}x${height}|${projection.rotate()}|${projection.scale()}|${projection.translate()}`, geoPath(projection).digits(1));
  const box = viewBox(projection, width, height, wide);
  const inView = (shape: Shape) => wide || !(shape.bbox[2] < box[0] || shape.bbox[0] > box[2] || shape.bbox[3] < box[1] || shape.bbox[1] > box[3]);

  // Admin1 land shows the areas around the data; a country map or a wide view needs only countries.
  const small = !wide && spanLon < 40;
  const useAdmin1 = !wide && (data.level === 'admin1' || (data.level === 'points' && small));
  const land = (useAdmin1 ? b.admin1 : b.countries).filter(inView);
  const filled = new Map(data.areas.map((a) => [a.shape, a]));
  const out: string[] = [`<rect width="${width}" height="${height}" fill="${INK.water}"/>`];
  const countryName = (shape: Shape) => (useAdmin1 ? b.admin1CountryName(shape.properties.country) : undefined);
  out.push(`<g class="land" fill="${INK.land}" stroke="${INK.border}" stroke-width="0.5">`);
  for (const shape of land) {
    if (filled.has(shape)) continue;
    const d = path(shape);
    if (!d) continue;
    const where = [shape.properties.name, countryName(shape)].filter(Boolean).join(', ');
    out.push(`<path d="${d}"><title>${esc(`${where}: no matching events`)}</title></path>`);
  }
  out.push('</g>');
  if (classes) {
    out.push(`<g class="areas" stroke="${INK.border}" stroke-width="0.5">`);
    for (const area of data.areas) {
      const d = path(area.shape);
      if (d) out.push(`<path d="${d}" fill="${classes.colourOf(area.value)}"><title>${esc(areaTitle(area, data))}</title></path>`);
    }
    out.push('</g>');
  }
  if (useAdmin1) {
    // Country borders from the admin1 topology itself, so they meet the areas exactly.
    const topo = b.admin1Topology;
    const geometries = (topo.objects.admin1 as GeometryCollection).geometries;
    const collection: GeometryCollection = { type: 'GeometryCollection', geometries: land.map((s) => geometries[s.index]!) as GeometryObject[] };
    const borders = path.once('country-borders', () => path(mesh(topo, collection, (x, y) => x !== y && (x.properties as { a3: string }).a3 !== (y.properties as { a3: string }).a3)));
    out.push(`<path class="country-borders" d="${borders ?? ''}" fill="none" stroke="${INK.countryBorder}" stroke-width="0.9" stroke-linejoin="round"/>`);
  }
  const places = [...data.places].sort((x, y) => y.value - x.value);
  const max = Math.max(0, ...places.map((p) => p.value));
  out.push(`<g class="places">`);
  for (const p of places) {
    const xy = projection([p.lon, p.lat]);
    if (!xy || xy[0] < 0 || xy[0] > width || xy[1] < 0 || xy[1] > height) continue;
    const r = radiusOf(p.value, max, symbolSize(data));
    const style = p.value > 0 ? `fill="${SYMBOL.fill}" fill-opacity="${SYMBOL.opacity}" stroke="${SYMBOL.stroke}" stroke-width="0.6"` : `fill="${INK.faint}"`;
    out.push(`<circle cx="${r2(xy[0])}" cy="${r2(xy[1])}" r="${r2(r)}" ${style}><title>${esc(placeTitle(p, data))}</title></circle>`);
  }
  out.push('</g>');
  out.push(labelsOf(data, projection, path, width, height, labels, max));
  const km = wide ? null : kmPerPixel(projection, width, height);
  return { svg: `<g class="map">${out.join('')}</g>`, height, kmPerPx: km, centre, box, wide };
}

/**
 * What the view is fitted to: the areas with data and the places, or the world when there
 * are none; with its bounds in degrees (measured once: every area's boundary is walked).
 */
function focusOf(data: MapData): { focus: FeatureCollection; bounds: [[number, number], [number, number]] } {
  const features: Array<Feature<Geometry>> = [
    ...data.areas.map((a) => a.shape as Feature<Geometry>),
    ...data.places.map((p) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] } })),
  ];
  if (!features.length) {
    const world: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Sphere' } as unknown as Geometry }] };
    return { focus: world, bounds: geoBounds(world) };
  }
  const focus: FeatureCollection = { type: 'FeatureCollection', features };
  const bounds = geoBounds(focus);
  const [[w, s], [e, n]] = bounds;
  // A single place, or a few close together: show a degree around them, not a street.
  if (Math.abs(e - w) < 1 && Math.abs(n - s) < 1) {
    const [x, y] = [(w + e) / 2, (s + n) / 2];
    features.push({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'MultiPoint',
        coordinates: [
          [x - 1, y - 1],
          [x + 1, y + 1],
        ],
      },
    });
    return { focus, bounds: geoBounds(focus) };
  }
  return { focus, bounds };
}

/**
 * Fits the projection to the focus, the full width across: the height is what the focus
 * needs (240–640 px), and the focus is then centred in that frame. This is d3-geo's
 * fitWidth, then fitExtent (src/projection/fit.js), with their one measurement made once:
 * each projects the focus at scale 150 from the origin and scales its bounds, and projecting
 * every area's boundary is most of their cost. Returns the height.
 */
function fitView(projection: GeoProjection, focus: FeatureCollection, width: number): number {
  const [[x0, y0], [x1, y1]] = geoPath(projection.scale(150).translate([0, 0])).bounds(focus);
  const fullWidth = (width - 2 * MARGIN) / (x1 - x0);
  const height = Math.round(Math.min(640, Math.max(240, fullWidth * (y1 - y0) + 2 * MARGIN)));
  const [w, h] = [width - 2 * MARGIN, height - 2 * MARGIN];
  const k = Math.min(w / (x1 - x0), h / (y1 - y0));
  projection.scale(150 * k).translate([MARGIN + (w - k * (x1 + x0)) / 2, MARGIN + (h - k * (y1 + y0)) / 2]);
  return height;
}

function viewBox(projection: GeoProjection, width: number, height: number, wide: boolean): [number, number, number, number] {
  if (wide) return [-180, -90, 180, 90];
  const points: Array<[number, number]> = [];
  for (let i = 0; i <= 8; i++) {
    for (const [x, y] of [
      [(i * width) / 8, 0],
      [(i * width) / 8, height],
      [0, (i * height) / 8],
      [width, (i * height) / 8],
    ] as Array<[number, number]>) {
      const geo = projection.invert?.([x, y]);
      if (geo && Number.isFinite(geo[0]) && Number.isFinite(geo[1])) points.push(geo);
    }
  }
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

function kmPerPixel(projection: GeoProjection, width: number, height: number): number | null {
  const a = projection.invert?.([width / 2 - 50, height / 2]);
  const z = projection.invert?.([width / 2 + 50, height / 2]);
  return a && z ? (geoDistance(a, z) * 6371) / 100 : null;
}

/** Symbols of unmatched areas stay small beside the filled areas; on a points map they are the map. */
export const symbolSize = (data: MapData): number => (data.level === 'points' ? 18 : 8);

const _valueText = (n: number, data: MapData) => `${fmt(n)} ${data.metric === 'fatalities' ? (n === 1 ? 'fatality' : 'fatalities') : n === 1 ? 'event' : 'events'}`;

export function areaLabel(area: Area, data: MapData): string {
  const name = area.names.join(' / ');
  return data.level === 'admin1' && new Set(data.areas.map((a) => a.country)).size > 1 ? `${name} (${area.country})` : name;
}

function areaTitle(area: Area, data: MapData): string {
  const boundary = area.names.includes(area.shape.properties.name) ? '' : ` [boundary: ${area.shape.properties.name}]`;
  const where = data.level === 'admin1' ? `${area.names.join(' / ')}, ${area.country}` : area.names.join(' / ');
  return `${where}${boundary}: ${fmt(area.fatalities)} fatalities in ${fmt(area.events)} events`;
}

function placeTitle(p: Place, data: MapData): string {
  return `${p.name}: ${fmt(p.fatalities)} fatalities in ${fmt(p.events)} events${p.unmatched ? ` (its ${data.level === 'country' ? 'country' : 'admin1 area'} matched no boundary)` : ''}`;
}

/** The largest values get their name and value, where they overlap no label already placed. */
function labelsOf(data: MapData, projection: GeoProjection, path: ReturnType<typeof geoPath>, width: number, height: number, count: number, max: number): string {
  const candidates: Array<{ name: string; value: number; x: number; y: number; anchor: 'middle' | 'start' }> = [];
  for (const area of data.areas.slice(0, count)) {
    const [x, y] = path.centroid(largestPart(area.shape, path));
    if (Number.isFinite(x) && Number.isFinite(y)) candidates.push({ name: areaLabel(area, data), value: area.value, x, y, anchor: 'middle' });
  }
  if (data.level === 'points') {
    for (const p of data.places.slice(0, count)) {
      const xy = projection([p.lon, p.lat]);
      if (xy) candidates.push({ name: p.name.replace(/ \(.*$/, ''), value: p.value, x: xy[0] + radiusOf(p.value, max, symbolSize(data)) + 3, y: xy[1], anchor: 'start' });
    }
  }
  const placed: Array<[number, number, number, number]> = [];
  const out: string[] = [];
  for (const c of candidates) {
    const value = fmt(c.value);
    const w = Math.max(textWidth(c.name, SIZE.label, true), textWidth(value, SIZE.note));
    const left = c.anchor === 'middle' ? c.x - w / 2 : c.x;
    const boxed: [number, number, number, number] = [left, c.y - SIZE.label, left + w, c.y + SIZE.note + 3];
    if (boxed[0] < 2 || boxed[2] > width - 2 || boxed[1] < 2 || boxed[3] > height - 2) continue;
    if (placed.some((p) => !(boxed[2] < p[0] || boxed[0] > p[2] || boxed[3] < p[1] || boxed[1] > p[3]))) continue;
    placed.push(boxed);
    const halo = `stroke="${INK.background}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;
    out.push(
      `<text x="${r2(c.x)}" y="${r2(c.y - 1)}" text-anchor="${c.anchor}" font-size="${SIZE.label}" font-weight="bold" fill="${INK.text}" ${halo}>${esc(c.name)}</text>`,
      `<text x="${r2(c.x)}" y="${r2(c.y + SIZE.note + 1)}" text-anchor="${c.anchor}" font-size="${SIZE.note}" fill="${INK.text}" ${halo}>${value}</text>`,
    );
  }
  return `<g class="labels">${out.join('')}</g>`;
}

function largestPart(shape: Shape, path: ReturnType<typeof geoPath>): Feature<Polygon> {
  const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : (shape.geometry as MultiPolygon).coordinates;
  const parts = polygons.map((coordinates) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates } }));
  return parts.reduce((a, p) => (path.area(p) > path.area(a) ? p : a));
}

/** A small globe with the land and the map's box, so a reader knows where a small area lies. */
export function locator(drawn: DrawnMap, x: number, y: number, size: number): string {
  const b = boundaries();
  const projection = geoOrthographic()
    .rotate([-drawn.centre[0], -drawn.centre[1]])
    .fitExtent(
      [
        [x, y],
        [x + size, y + size],
      ],
      { type: 'Sphere' },
    );
  const path = viewPaths(`locator|${drawn.centre}|${x}|${y}|${size}`, geoPath(projection).digits(1));
  const [w, s, e, n] = drawn.box;
  // Clockwise on the map: d3-geo reads the ring as the small box, not the rest of the globe.
  const ring: Array<[number, number]> = [];
  for (let t = 0; t <= 1; t += 0.05) ring.push([w, s + t * (n - s)]);
  for (let t = 0; t <= 1; t += 0.05) ring.push([w + t * (e - w), n]);
  for (let t = 0; t <= 1; t += 0.05) ring.push([e, n - t * (n - s)]);
  for (let t = 0; t <= 1; t += 0.05) ring.push([e - t * (e - w), s]);
  ring.push(ring[0]!);
  const land = path.once('land', () => path(b.land) ?? '');
  return (
    `<g class="locator"><title>Where the map lies: centred on ${r2(drawn.centre[1])}°, ${r2(drawn.centre[0])}°</title>` +
    `<path d="${path({ type: 'Sphere' })}" fill="${INK.water}" stroke="${INK.faint}" stroke-width="0.8"/><path d="${land}" fill="${INK.noData}"/>` +
    `<path d="${path({ type: 'Polygon', coordinates: [ring] })}" fill="none" stroke="${INK.synthetic}" stroke-width="1.5"/></g>`
  );
}
