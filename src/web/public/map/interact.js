/**
 * What a click on the map means, and where to fit it. A click is read top layer first:
 * a cluster zooms in; a point chooses its location; an admin1 area chooses that area; a
 * country with events chooses that country. Choosing again what is already the only
 * choice clears it, as a second click on a bar does.
 */
import { fmt, h } from '../dom.js';

const LAYERS = ['clusters', 'points', 'admin1-fill', 'countries-fill'];

/** Where a clicked cluster or point is: both are GeoJSON points. @param {{ geometry: import('geojson').Geometry }} f @returns {LngLat} */
const placeOf = (f) => /** @type {LngLat} */ (/** @type {import('geojson').Point} */ (f.geometry).coordinates);

/**
 * @typedef {import('../query.js').Filters} Filters
 * @typedef {[number, number]} LngLat
 * @param {import('maplibre-gl').Map} map @param {import('maplibre-gl').PointLike} point @param {Set<string>} countries lower-cased names with events
 * @returns {null | { zoom?: number, center?: LngLat, filters?: (f: Filters) => Filters, popup?: { at: LngLat, content: Node } }}
 */
export function clickTarget(map, point, countries) {
  const layers = LAYERS.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
  const hits = map.queryRenderedFeatures(point, { layers });
  const hit = (/** @type {string} */ id) => hits.find((f) => f.layer.id === id);
  const cluster = hit('clusters');
  if (cluster) return { zoom: cluster.properties.cluster_id, center: placeOf(cluster) };
  const event = hit('points');
  if (event) {
    const p = event.properties;
    return {
      popup: { at: placeOf(event), content: eventCard(p) },
      filters: (f) =>
        only(f.location, p.location) && only(f.country, p.country)
          ? { ...f, location: [], admin2: [] }
          : { ...f, country: [p.country], admin1: p.admin1 ? [p.admin1] : [], admin2: [], location: [p.location] },
    };
  }
  const area = hit('admin1-fill');
  if (area && area.properties.level === 'country' && (area.properties.events > 0 || area.properties.fatalities > 0)) {
    const { country } = area.properties;
    return { filters: (f) => (only(f.country, country) ? { ...f, country: [] } : { ...f, country: [country], admin1: [], admin2: [], location: [] }) };
  }
  if (area && (area.properties.events > 0 || area.properties.fatalities > 0)) {
    const { country, admin1 } = area.properties;
    return { filters: (f) => (only(f.admin1, admin1) ? { ...f, admin1: [] } : { ...f, country: [country], admin1: [admin1], admin2: [], location: [] }) };
  }
  const land = hit('countries-fill');
  // Country boundaries are named by `name` ("Mali"); `country` there is a numeric code.
  const country = land?.properties?.name;
  if (country && countries.has(String(country).toLowerCase())) {
    return { filters: (f) => (only(f.country, country) ? { ...f, country: [] } : { ...f, country: [country], admin1: [], admin2: [], location: [] }) };
  }
  return null;
}

/** @param {Filters[string]} values a filter's values @param {unknown} value */
const only = (values, value) => Array.isArray(values) && values.length === 1 && String(values[0]).toLowerCase() === String(value ?? '').toLowerCase();

/** @param {Record<string, unknown>} p an event point's properties */
function eventCard(p) {
  return h(
    'div',
    { class: 'event-card' },
    h('strong', null, p.location ?? '(no location)'),
    h('br'),
    [p.admin1, p.country].filter(Boolean).join(', '),
    h('br'),
    `${p.event_date ?? ''} · ${p.event_type ?? ''}`,
    h('br'),
    `${fmt(Number(p.fatalities ?? 0))} fatalities`,
  );
}

/**
 * [[west, south], [east, north]] around all the features' coordinates, or null.
 * @param {Array<{ geometry: import('geojson').Geometry | null }>} features @returns {[LngLat, LngLat] | null}
 */
export function boundsOf(features) {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  /** @param {unknown[]} c a position, or nested arrays of them */
  const visit = (c) => {
    const [x, y] = c;
    if (typeof x === 'number') {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, Number(y));
      n = Math.max(n, Number(y));
    } else for (const inner of c) visit(/** @type {unknown[]} */ (inner));
  };
  for (const f of features) if (f.geometry) visit(/** @type {unknown[]} */ (/** @type {{ coordinates?: unknown }} */ (f.geometry).coordinates));
  return Number.isFinite(w)
    ? [
        [w, s],
        [e, n],
      ]
    : null;
}
