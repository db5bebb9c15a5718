/**
 * What the dashboard shows, read back from the page: the end-to-end tests call these (as
 * window.crisismap.numbers() and .mapPixelOf()), and so can anyone at the console. They
 * read what a person reads — the headline's text, the data attributes each panel sets when
 * it draws, and the clusters MapLibre actually drew — never the app's internal state.
 */

/** The counts each panel shows for the current filters. */
export function numbers() {
  const panel = (id) => /** @type {HTMLElement} */ (document.getElementById(`panel-${id}`));
  const text = (selector) => document.querySelector(selector)?.textContent?.trim() ?? '';
  const map = window.crisismap?.map;
  const mode = panel('map').querySelector('.toggle[aria-pressed="true"]')?.getAttribute('data-value') ?? '';
  let rendered = null;
  if (map && mode === 'admin1') {
    // Events in the areas the filters select (all areas when none is chosen), each area once.
    const features = map.querySourceFeatures('admin1');
    const anyChosen = features.some((f) => f.properties?.selected);
    const seen = new Set();
    rendered = 0;
    for (const f of features) {
      if (seen.has(f.id) || f.properties?.unmatched || (anyChosen && !f.properties?.selected)) continue;
      seen.add(f.id);
      rendered += Number(f.properties?.events ?? 0);
    }
  }
  if (map && mode === 'points') {
    // Clusters and single points drawn from the source, each once (tiles overlap at their edges).
    const seen = new Set();
    rendered = 0;
    for (const f of map.querySourceFeatures('events')) {
      const p = f.properties ?? {};
      const key = p.cluster ? `c${p.cluster_id}` : `p${p.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rendered += p.cluster ? Number(p.point_count) : 1;
    }
  }
  const data = panel('map').dataset;
  return {
    errors: [...document.querySelectorAll('.panel[data-status="error"]')].map((p) => `${p.id}: ${p.querySelector('.panel-error')?.textContent}`),
    headline: { events: text('#panel-totals [data-figure="events"] .figure-value'), fatalities: text('#panel-totals [data-figure="fatalities"] .figure-value') },
    series: { events: Number(panel('timeseries').dataset.totalEvents), fatalities: Number(panel('timeseries').dataset.totalFatalities) },
    table: { matched: Number(panel('table').dataset.matched), text: text('#panel-table .matched') },
    map: { mode, data: data.mapped ? Number(data.mapped) : null, rendered, matched: Number(data.matched), unmatched: Number(data.unmatched ?? 0) },
  };
}

/**
 * Page coordinates of a spot where the map draws a feature of `layer` with these
 * properties and nothing covers it (the zoom buttons), found by asking the map along a
 * grid; null when none is drawn.
 * @param {string} layer @param {Record<string, unknown>} properties
 */
export function mapPixelOf(layer, properties) {
  const map = window.crisismap?.map;
  if (!map) return null;
  const box = map.getCanvas().getBoundingClientRect();
  for (let y = 12; y < box.height - 12; y += 6) {
    for (let x = 12; x < box.width - 12; x += 6) {
      const hit = map.queryRenderedFeatures([x, y], { layers: [layer] }).find((f) => Object.entries(properties).every(([k, v]) => f.properties?.[k] === v));
      if (hit && document.elementFromPoint(box.left + x, box.top + y) === map.getCanvas()) return { x: box.left + x, y: box.top + y };
    }
  }
  return null;
}
