/**
 * The map (MapLibre, served from /vendor, no tiles): events as clustered points, or, on a
 * toggle, the admin1 choropleth. Clicking a cluster zooms in; clicking a point shows only
 * its location everywhere; clicking an area (or, with points, a country) shows only that
 * area. The map refits to the data when the filters change, not when the view does.
 */
import { apiUrl, getJson, getOnce } from '../api.js';
import { fill, fmt, h } from '../dom.js';
import { csvBlob, fetchBlob } from '../download.js';
import { optionOf } from '../model.js';
import { filtersToParams } from '../query.js';
import { loadAreas } from '../map/areas.js';
import { boundsOf, clickTarget } from '../map/interact.js';
import { clusterLabels, mapPng } from '../map/labels.js';
import { COUNTRIES_URL, MODE_LAYERS, fillColor, legendOf, mapStyle } from '../map/style.js';
import { aboutAggregate, choicesOf } from '../data.js';
import { createPanel, toggle } from './panel.js';

// The API's largest page: enough for every event of a country over years; beyond it the panel says how many are left out.
const POINT_LIMIT = optionOf('events', 'limit').max;
const POINT_FIELDS = 'id,event_date,event_type,country,admin1,location,fatalities,latitude,longitude';
/** @type {[[number, number], [number, number]]} */
const SAHEL = [
  [-17.5, 4],
  [16, 25],
];

/** @param {{ go: (change: { filters?: any, view?: any }) => void }} ctx */
export function mapPanel(ctx) {
  const modes = toggle(
    'The map shows',
    [
      ['points', 'Events'],
      ['admin1', 'Admin1 areas'],
      ['country', 'Countries'],
    ],
    (mode) => ctx.go({ view: { map: mode } }),
  );
  const panel = createPanel({ id: 'map', title: 'Map', className: 'panel-map', tools: [modes.root] });
  const container = h('div', { class: 'map', role: 'region', 'aria-label': 'Map of the events' });
  const legend = h('div', { class: 'legend' });
  panel.body.append(container, legend);
  /** @type {any} the map, once started; `starting` makes sure it is started once */
  let engine = null;
  let starting = null;
  let state = null;
  let fitted = null;
  /** @type {{ points: null | { key: string, data: import('geojson').FeatureCollection }, areas: null | (Awaited<ReturnType<typeof loadAreas>> & { key: string }) }} */
  const loaded = { points: null, areas: null };
  let areaRows = [];
  /** Lower-cased names of the countries with data, for clicks on the map: the chosen data's. */
  let countries = new Set();

  panel.setDownloads({
    csv: async () =>
      state.view.map === 'points'
        ? fetchBlob(apiUrl('/api/events.csv', state.filters, { fields: POINT_FIELDS, limit: POINT_LIMIT }))
        : csvBlob(state.view.map === 'admin1' ? ['country', 'admin1', 'events', 'fatalities'] : ['country', 'events', 'fatalities'], areaRows),
    // The server draws the publishable version: title, filters, source and key on the figure.
    svg: () => fetchBlob(apiUrl('/api/map.svg', state.filters, { level: state.view.map, metric: state.view.metric })),
    png: () => mapPng(engine.map),
  });

  async function start() {
    const maplibregl = await import('/vendor/maplibre-gl.js');
    const map = new maplibregl.Map({
      container,
      style: mapStyle(),
      bounds: SAHEL,
      fitBoundsOptions: { padding: 20 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      renderWorldCopies: false,
      // On touch screens one finger scrolls the page, two move the map: the map must not trap the page.
      cooperativeGestures: matchMedia('(pointer: coarse)').matches,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.touchZoomRotate.disableRotation();
    await map.once('load');
    const labels = clusterLabels(maplibregl, map);
    let problem = null;
    try {
      geojsonSource(map, 'countries').setData(await getOnce(COUNTRIES_URL));
    } catch (error) {
      problem = `country boundaries could not be loaded (${/** @type {Error} */ (error).message}): the map shows the events alone`;
    }
    map.on('click', async (e) => {
      const target = clickTarget(map, e.point, countries);
      if (!target) return;
      if (target.zoom) {
        map.easeTo({ center: target.center, zoom: await geojsonSource(map, 'events').getClusterExpansionZoom(target.zoom) });
        return;
      }
      if (target.popup) new maplibregl.Popup({ closeButton: true, maxWidth: '260px' }).setLngLat(target.popup.at).setDOMContent(target.popup.content).addTo(map);
      if (target.filters) ctx.go({ filters: target.filters(state.filters) });
    });
    map.on('mousemove', (e) => {
      map.getCanvas().style.cursor = clickTarget(map, e.point, countries) ? 'pointer' : '';
    });
    // For the end-to-end tests and for anyone poking at the map from the console.
    window.crisismap = { ...window.crisismap, map };
    return { maplibregl, map, labels, problem };
  }

  async function showPoints(signal) {
    const key = filtersToParams(state.filters).toString();
    if (loaded.points?.key === key) return loaded.points;
    const data = await getJson(apiUrl('/api/events.geojson', state.filters, { fields: POINT_FIELDS, limit: POINT_LIMIT }), signal);
    engine.labels.reset();
    geojsonSource(engine.map, 'events').setData(data);
    loaded.points = { key, data };
    return loaded.points;
  }

  async function showAreas(signal) {
    const level = state.view.map === 'country' ? 'country' : 'admin1';
    const key = `${filtersToParams(state.filters)}#${state.view.metric}#${level}`;
    if (loaded.areas?.key === key) return loaded.areas;
    const areas = await loadAreas(state.filters, state.view.metric, signal, level);
    areaRows = areas.rows;
    geojsonSource(engine.map, 'admin1').setData(/** @type {import('geojson').FeatureCollection} */ (areas.collection));
    engine.map.setPaintProperty('admin1-fill', 'fill-color', fillColor(areas.breaks));
    loaded.areas = { key, ...areas };
    return loaded.areas;
  }

  return {
    root: panel.root,
    /** @param {import('../state.js').State} next @param {AbortSignal} signal */
    async update(next, signal) {
      state = next;
      panel.filters = next.filters;
      modes.set(next.view.map);
      modes.offer(choicesOf(next.aggregate ?? null).map);
      starting ??= start();
      engine = await starting;
      const dataset = /** @type {string[] | undefined} */ (next.filters.dataset);
      countries = new Set((await getOnce(apiUrl('/api/count', dataset?.length ? { dataset } : null, { by: 'country' }))).rows.map((r) => String(r.country).toLowerCase()));
      const { map } = engine;
      const mode = next.view.map;
      for (const id of MODE_LAYERS[mode].show) map.setLayoutProperty(id, 'visibility', 'visible');
      for (const id of MODE_LAYERS[mode].hide) map.setLayoutProperty(id, 'visibility', 'none');
      const filterKey = filtersToParams(next.filters).toString();
      const shown = mode === 'points' ? await showPoints(signal) : await showAreas(signal);
      // Waited for once the data is set: the map may go idle while a slow answer (a world of
      // countries) is still on its way, and then nothing of it would be drawn yet.
      const idle = map.once('idle');
      if (fitted !== filterKey) {
        const bounds =
          mode === 'points'
            ? boundsOf(/** @type {{ data: import('geojson').FeatureCollection }} */ (shown).data.features)
            : boundsOf(/** @type {{ collection: { features: Array<{ properties: { value: number } }> } }} */ (shown).collection.features.filter((f) => f.properties.value > 0));
        // Room on the right for the zoom buttons, so that no point hides under them.
        if (bounds) map.fitBounds(bounds, { padding: { top: 40, bottom: 30, left: 30, right: 60 }, maxZoom: 9, duration: 0 });
        fitted = filterKey;
      }
      map.triggerRepaint();
      await idle;
      if (signal.aborted) return;
      engine.labels.refresh();
      describe(mode, shown, next.aggregate ?? null);
    },
  };

  function describe(mode, shown, aggregate) {
    fill(legend, legendOf(mode, shown.breaks));
    if (mode === 'points') {
      const { matched, withoutCoordinates } = shown.data.crisismap ?? { matched: shown.data.features.length, withoutCoordinates: 0 };
      const mapped = shown.data.features.length;
      panel.root.dataset.mapped = String(mapped);
      panel.root.dataset.matched = String(matched);
      panel.root.dataset.unmatched = String(matched - mapped);
      panel.setSubtitle(h('strong', { class: 'mapped' }, `${fmt(mapped)} events mapped`), ' · circles with numbers are clusters: click to zoom in, click a point to choose its location');
      const left = matched - mapped - withoutCoordinates;
      notes(
        withoutCoordinates ? `${fmt(withoutCoordinates)} events have no coordinates and are not on the map` : null,
        left > 0 ? `only the first ${fmt(mapped + withoutCoordinates)} of ${fmt(matched)} events are drawn: narrow the filters to see the rest` : null,
      );
    } else {
      // Counted in the metric shown: aggregated data may count fatalities only.
      const metric = state.view.metric;
      const areas = shown.collection.features.filter((f) => !f.properties.unmatched && (f.properties.events > 0 || f.properties.fatalities > 0));
      const onMap = areas.reduce((n, f) => n + (f.properties[metric] ?? 0), 0);
      const noun = mode === 'country' ? (areas.length === 1 ? 'country' : 'countries') : areas.length === 1 ? 'area' : 'areas';
      delete panel.root.dataset.mapped;
      panel.root.dataset.matched = String(shown.selection.events);
      panel.root.dataset.unmatched = String(shown.selection.missing);
      panel.root.dataset.matchedValue = String(shown.selection.value);
      panel.root.dataset.unmatchedValue = String(shown.selection.missingValue);
      panel.setSubtitle(
        h('strong', { class: 'mapped' }, `${fmt(onMap)} ${metric} in ${fmt(areas.length)} ${noun}`),
        ` · ${metric} per ${mode === 'country' ? 'country' : 'admin1 area'}; click ${mode === 'country' ? 'a country' : 'an area'} to choose it`,
      );
      const missing = shown.unmatched;
      notes(
        aggregate ? `from ${aboutAggregate(aggregate)}: areas without a boundary are listed, not drawn (aggregated data has no event points)` : null,
        missing.length
          ? `${fmt(missing.reduce((n, r) => n + (r[metric] ?? 0), 0))} ${metric} are in ${mode === 'country' ? 'countries' : 'areas'} the bundled boundaries do not name: ${missing
              .slice(0, 6)
              .map((r) => (mode === 'country' ? r.country : `${r.admin1 ?? '(no admin1)'} (${r.country})`))
              .join(', ')}${missing.length > 6 ? '…' : ''}`
          : null,
      );
    }
  }

  /** What the map cannot show, said under it. */
  function notes(...lines) {
    panel.setNotes('', [engine.problem, ...lines].filter(Boolean));
  }
}

/**
 * One of the GeoJSON sources the style declares (map/style.js).
 * @param {import('maplibre-gl').Map} map @param {string} id @returns {import('maplibre-gl').GeoJSONSource}
 */
function geojsonSource(map, id) {
  return /** @type {import('maplibre-gl').GeoJSONSource} */ (map.getSource(id));
}
