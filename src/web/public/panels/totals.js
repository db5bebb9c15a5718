/**
 * The headline: events and fatalities for the current filters, straight from /api/count,
 * with the datasets and versions behind them and the API's notes. Every other panel's
 * figures are parts of these.
 */
import { apiUrl, getJson } from '../api.js';
import { tableSvg } from '../charts/table-svg.js';
import { fmt, fill, h } from '../dom.js';
import { csvBlob, pngBlob, svgBlob } from '../download.js';
import { describe } from '../query.js';
import { createPanel } from './panel.js';

export function totalsPanel() {
  const panel = createPanel({ id: 'totals', title: 'Events and fatalities', className: 'panel-totals' });
  const figures = h('div', { class: 'figures' });
  panel.body.append(figures);
  /** @type {any} */
  let result = null;

  const table = () =>
    tableSvg({
      title: 'Events and fatalities',
      subtitle: describe(result.filters ?? {}),
      columns: [
        { key: 'events', label: 'Events', width: 110, align: 'end' },
        { key: 'fatalities', label: 'Fatalities', width: 110, align: 'end' },
        { key: 'data', label: 'Data', width: 320 },
      ],
      rows: [{ events: fmt(result.total.events), fatalities: fmt(result.total.fatalities), data: datasets(result) }],
    });
  panel.setDownloads({
    csv: () => csvBlob(['events', 'fatalities', 'datasets', 'filters'], [{ ...result.total, datasets: datasets(result), filters: describe(result.filters ?? {}) }]),
    svg: () => svgBlob(table()),
    png: () => pngBlob(table()),
  });

  return {
    root: panel.root,
    /** @param {import('../state.js').State} state @param {AbortSignal} signal */
    async update(state, signal) {
      panel.filters = state.filters;
      result = await getJson(apiUrl('/api/count', state.filters), signal);
      const { events, fatalities, fatalities_low: low, fatalities_high: high, estimated_events: own, estimated_best: best } = result.total;
      // Mixed with ACLED, UCDP's range is for UCDP's own events only, and says so.
      const range =
        low === undefined || high === undefined
          ? null
          : result.estimates
            ? `${result.estimates.datasets.join(', ')} only: ${fmt(own)} events, best ${fmt(best)}, range ${fmt(low)}–${fmt(high)}`
            : `UCDP estimates ${fmt(low)}–${fmt(high)}`;
      // Aggregated data may count one measure only: the other is unknown (null), shown as such, never 0.
      const unknown = (n) => (n === null ? `not counted by ${result.aggregate?.dataset ?? 'this data'}` : null);
      fill(
        figures,
        figure('events', fmt(events), events === 1 ? 'event' : 'events', unknown(events)),
        figure('fatalities', fmt(fatalities), fatalities === 1 ? 'fatality' : 'fatalities', range ?? unknown(fatalities)),
      );
      panel.setSubtitle(
        describe(result.filters ?? state.filters),
        result.aggregate ? h('span', { class: 'resolution' }, ` · ${result.aggregate.scope}, counted per ${result.aggregate.resolution}`) : '',
      );
      panel.setNotes(`Data: ${datasets(result) || 'none'}`, result.notes ?? []);
    },
  };
}

/** @param {string} key @param {string} value @param {string} unit @param {string | null} [detail] */
function figure(key, value, unit, detail = null) {
  return h(
    'div',
    { class: 'figure', dataset: { figure: key } },
    h('span', { class: 'figure-value' }, value),
    ' ',
    h('span', { class: 'figure-unit' }, unit),
    detail ? h('span', { class: 'figure-detail' }, detail) : null,
  );
}

/** "demo-synthetic (demo v1 (seed 1)): 16,908 events" for each dataset version used. */
function datasets(result) {
  return (result.datasets ?? [])
    .map((d) => (d.aggregated ? `${d.dataset} (${d.version}): aggregated data, ${fmt(d.aggregated.rows)} rows, no events behind them` : `${d.dataset} (${d.version}): ${fmt(d.events)} events`))
    .join('; ');
}
