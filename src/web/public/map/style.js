/**
 * The map's style: no tiles and no fonts, only GeoJSON served by crisismap itself — the
 * bundled country and admin1 boundaries, the admin1 choropleth, and the events, clustered
 * by MapLibre (cluster: true). Cluster counts are HTML labels (labels.js): text layers
 * would need glyphs from a font server, and the dashboard makes no request elsewhere.
 */
import { EVENT_TYPE_COLORS, OTHER_COLOR } from '../charts/scale.js';
import { fmt, h } from '../dom.js';

export const EMPTY = { type: 'FeatureCollection', features: [] };

export const COUNTRIES_URL = '/api/boundaries/countries.geojson';
export const ADMIN1_URL = '/api/boundaries/admin1.geojson';

/** Choropleth classes, light to dark; the breaks come from choropleth.js. */
export const RAMP = ['#fbe3d6', '#f4b49a', '#e57d5e', '#c4442c', '#8c1c13'];

const eventTypeColor = ['match', ['get', 'event_type'], ...Object.entries(EVENT_TYPE_COLORS).flat(), OTHER_COLOR];

/** @returns {any} a MapLibre style */
export function mapStyle() {
  return {
    version: 8,
    sources: {
      // Filled by the panel once fetched: a boundary file that fails must not stop the map loading.
      countries: { type: 'geojson', data: EMPTY },
      admin1: { type: 'geojson', data: EMPTY, promoteId: 'key' },
      events: {
        type: 'geojson',
        data: EMPTY,
        cluster: true,
        clusterRadius: 42,
        clusterMaxZoom: 11,
        // Clusters carry their fatalities too, so that they can be sized by either metric.
        clusterProperties: { fatalities: ['+', ['coalesce', ['get', 'fatalities'], 0]] },
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dde7ee' } },
      { id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': '#f6f4ef' } },
      {
        id: 'admin1-fill',
        type: 'fill',
        source: 'admin1',
        layout: { visibility: 'none' },
        paint: {
          'fill-color': ['case', ['>', ['coalesce', ['get', 'value'], 0], 0], ['step', ['get', 'value'], RAMP[0], 1, RAMP[0]], '#f6f4ef'],
          'fill-opacity': 0.9,
        },
      },
      { id: 'admin1-line', type: 'line', source: 'admin1', layout: { visibility: 'none' }, paint: { 'line-color': '#a99e92', 'line-width': 0.6 } },
      {
        // Events in areas whose names match no boundary, at their places (from /api/map.geojson).
        id: 'admin1-places',
        type: 'circle',
        source: 'admin1',
        layout: { visibility: 'none' },
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-color': '#6b6b6b',
          'circle-opacity': 0.75,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
          'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'value']], 0, 3, 10, 8, 40, 18],
        },
      },
      {
        id: 'admin1-selected',
        type: 'line',
        source: 'admin1',
        layout: { visibility: 'none' },
        filter: ['==', ['get', 'selected'], true],
        paint: { 'line-color': '#1a1a1a', 'line-width': 2.2 },
      },
      { id: 'countries-line', type: 'line', source: 'countries', paint: { 'line-color': '#7d7468', 'line-width': 0.9 } },
      {
        id: 'clusters',
        type: 'circle',
        source: 'events',
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': '#b7472a',
          'circle-opacity': 0.78,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.2,
          'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'point_count']], 1, 9, 10, 18, 40, 34],
        },
      },
      {
        id: 'points',
        type: 'circle',
        source: 'events',
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-color': eventTypeColor,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
          'circle-radius': ['interpolate', ['linear'], ['coalesce', ['get', 'fatalities'], 0], 0, 4, 10, 6, 100, 11],
        },
      },
    ],
  };
}

/** Which layers each mode shows. */
export const MODE_LAYERS = {
  points: { show: ['clusters', 'points'], hide: ['admin1-fill', 'admin1-line', 'admin1-places', 'admin1-selected'] },
  admin1: { show: ['admin1-fill', 'admin1-line', 'admin1-places', 'admin1-selected'], hide: ['clusters', 'points'] },
  // Countries are drawn by the same choropleth layers, filled with country boundaries.
  country: { show: ['admin1-fill', 'admin1-line', 'admin1-places', 'admin1-selected'], hide: ['clusters', 'points'] },
};

/** The choropleth's fill for some breaks: value 0 (or no events) stays land-coloured. */
export function fillColor(breaks) {
  const steps = breaks.slice(1).flatMap((b, i) => [b, RAMP[i + 1]]);
  return ['case', ['>', ['coalesce', ['get', 'value'], 0], 0], ['step', ['get', 'value'], RAMP[0], ...steps], '#f6f4ef'];
}

/**
 * The legend under the map: event-type colours for points, the choropleth's classes for areas.
 * @param {'points' | 'admin1' | 'country'} mode @param {number[]} [breaks]
 */
export function legendOf(mode, breaks = []) {
  if (mode === 'points') {
    return h(
      'ul',
      { class: 'legend-items' },
      [...Object.entries(EVENT_TYPE_COLORS), ['Other', OTHER_COLOR]].map(([label, color]) => h('li', null, h('span', { class: 'swatch dot', style: `background:${color}` }), label)),
      h('li', null, h('span', { class: 'swatch dot cluster' }), 'cluster (number of events)'),
    );
  }
  return h(
    'ul',
    { class: 'legend-items' },
    h('li', null, h('span', { class: 'swatch', style: 'background:#f6f4ef' }), 'none'),
    breaks.map((b, i) => h('li', null, h('span', { class: 'swatch', style: `background:${RAMP[i]}` }), breaks[i + 1] !== undefined ? `${fmt(b)}–${fmt(breaks[i + 1] - 1)}` : `${fmt(b)} or more`)),
    h('li', null, h('span', { class: 'swatch dot', style: 'background:#6b6b6b' }), 'places in areas without a boundary'),
  );
}
