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
  /** The metric shown, summed over the same areas (aggregated data may count fatalities only). */
  let renderedValue = null;
  if (map && (mode === 'admin1' || mode === 'country')) {
    // Events in the areas the filters select (all areas when none is chosen), each area once.
    const features = map.querySourceFeatures('admin1');
    const anyChosen = features.some((f) => f.properties?.selected);
    const seen = new Set();
    rendered = 0;
    renderedValue = 0;
    for (const f of features) {
      if (seen.has(f.id) || f.properties?.unmatched || (anyChosen && !f.properties?.selected)) continue;
      seen.add(f.id);
      rendered += Number(f.properties?.events ?? 0);
      renderedValue += Number(f.properties?.value ?? 0);
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
  const series = panel('timeseries').dataset;
  const numberOr = (value) => (value === undefined ? null : Number(value));
  return {
    errors: [...document.querySelectorAll('.panel[data-status="error"]')].map((p) => `${p.id}: ${p.querySelector('.panel-error')?.textContent}`),
    headline: { events: text('#panel-totals [data-figure="events"] .figure-value'), fatalities: text('#panel-totals [data-figure="fatalities"] .figure-value') },
    // null where the data does not count that measure (aggregated data).
    series: { events: numberOr(series.totalEvents), fatalities: numberOr(series.totalFatalities) },
    table: { matched: Number(panel('table').dataset.matched), text: text('#panel-table .matched') },
    map: {
      mode,
      data: data.mapped ? Number(data.mapped) : null,
      rendered,
      matched: Number(data.matched),
      unmatched: Number(data.unmatched ?? 0),
      value: { rendered: renderedValue, matched: numberOr(data.matchedValue), unmatched: numberOr(data.unmatchedValue) },
    },
    /** Panels that say the data has nothing for them (aggregated data has no events), with what they say. */
    notAvailable: [...document.querySelectorAll('.panel[data-not-available]')].map((p) => `${p.id}: ${p.querySelector('.panel-unavailable')?.textContent}`),
    /** The aggregated dataset the page shows, or null for events, and what the page says of it. */
    aggregate: document.body.dataset.aggregate ?? null,
    aggregateNote: document.getElementById('aggregate-note')?.hidden ? null : text('#aggregate-note'),
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
