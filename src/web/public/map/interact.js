/**
 * What a click on the map means, and where to fit it. A click is read top layer first:
 * a cluster zooms in; a point chooses its location; an admin1 area chooses that area; a
 * country with events chooses that country. Choosing again what is already the only
 * choice clears it, as a second click on a bar does.
 */
import { fmt, h } from '../dom.js';

const LAYERS = ['clusters', 'points', 'admin1-fill', 'countries-fill'];

/**
 * @param {any} map @param {{ x: number, y: number }} point @param {Set<string>} countries lower-cased names with events
 * @returns {null | { zoom?: number, center?: any, filters?: (f: any) => any, popup?: { at: any, content: Node } }}
 */
export function clickTarget(map, point, countries) {
  const layers = LAYERS.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
  const hits = map.queryRenderedFeatures(point, { layers });
  const hit = (id) => hits.find((f) => f.layer.id === id);
  const cluster = hit('clusters');
  if (cluster) return { zoom: cluster.properties.cluster_id, center: cluster.geometry.coordinates };
  const event = hit('points');
  if (event) {
    const p = event.properties;
    return {
      popup: { at: event.geometry.coordinates, content: eventCard(p) },
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

const only = (values, value) => values?.length === 1 && String(values[0]).toLowerCase() === String(value ?? '').toLowerCase();

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
    `${fmt(p.fatalities ?? 0)} fatalities`,
  );
}

/** [[west, south], [east, north]] around all the features' coordinates, or null. */
export function boundsOf(features) {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1]);
      n = Math.max(n, c[1]);
    } else for (const x of c) visit(x);
  };
  for (const f of features) if (f.geometry) visit(f.geometry.coordinates);
  return Number.isFinite(w)
    ? [
        [w, s],
        [e, n],
      ]
    : null;
}
