/**
 * A breakdown: events or fatalities by one key (event type, actor), from /api/count?by=KEY.
 * The key's own filter is drawn, not applied: every value stays in view with the chosen
 * ones dark, so that a reader can switch with one click. Clicking a bar shows only that
 * value everywhere (shift-click adds it as an alternative; clicking it again clears it).
 */
import { apiUrl, getJson } from '../api.js';
import { barChart } from '../charts/bars.js';
import { eventTypeColor } from '../charts/scale.js';
import { fill, fmt, h } from '../dom.js';
import { csvBlob, pngBlob, svgBlob } from '../download.js';
import { toggleValue, without } from '../query.js';
import { appliesTo, noEventsNote, notInData } from '../data.js';
import { createPanel } from './panel.js';

/**
 * @param {{ go: (change: { filters?: any, view?: any }) => void }} ctx
 * @param {{ id: string, key: 'event_type' | 'actor', title: string, limit?: number, note?: string }} options
 */
export function breakdownPanel(ctx, { id, key, title, limit = 12, note = '' }) {
  const panel = createPanel({ id, title, className: `panel-breakdown panel-${id}` });
  /** @type {any[]} */
  let rows = [];
  let chart = null;
  panel.setDownloads({
    csv: () => csvBlob([key, 'events', 'fatalities', 'selected'], rows),
    svg: () => svgBlob(chart),
    png: () => pngBlob(chart),
  });

  return {
    root: panel.root,
    /** @param {import('../state.js').State} state @param {AbortSignal} signal */
    async update(state, signal) {
      const { filters, view } = state;
      panel.filters = filters;
      const chosen = /** @type {string[]} */ (filters[key] ?? []);
      if (state.aggregate && !appliesTo(state.aggregate, key)) {
        rows = [];
        chart = null;
        return panel.notAvailable(key === 'actor' ? noEventsNote(state.aggregate, 'actors') : notInData(state.aggregate, title.replace(/^By /, '').toLowerCase()));
      }
      const result = await getJson(apiUrl('/api/count', without(filters, key), { by: key }), signal);
      const metric = view.metric;
      const all = [...result.rows].sort((a, b) => b[metric] - a[metric] || b.events - a.events);
      // Chosen values stay listed even when they are not among the biggest.
      const lower = chosen.map((c) => c.toLowerCase());
      const isChosen = (name) => lower.some((c) => (key === 'actor' ? name.toLowerCase().includes(c) : name.toLowerCase() === c));
      const shown = all.filter((r, i) => i < limit || isChosen(String(r[key])));
      rows = all.map((r) => ({ [key]: r[key], events: r.events, fatalities: r.fatalities, selected: isChosen(String(r[key])) }));
      const selected = shown.map((r) => String(r[key])).filter(isChosen);
      chart = barChart({
        title: `${title}: ${metric}`,
        width: panel.width,
        labelWidth: Math.min(key === 'actor' ? 250 : 200, Math.round(panel.width * 0.45)),
        rows: shown.map((r) => ({
          key: String(r[key]),
          label: String(r[key] ?? '(none)'),
          value: r[metric],
          detail: metric === 'events' ? `${fmt(r.fatalities)} fatalities` : `${fmt(r.events)} events`,
          color: key === 'event_type' && (!chosen.length || selected.includes(String(r[key]))) ? eventTypeColor(r[key]) : undefined,
        })),
        selected,
        onClick: (row, event) => ctx.go({ filters: toggleValue(filters, key, row.key, Boolean(event.shiftKey)) }),
      });
      fill(panel.body, chart);
      const more = all.length - shown.length;
      panel.setSubtitle(
        `${metric === 'events' ? 'Events' : 'Fatalities'}, biggest first`,
        chosen.length ? ' · chosen: ' : '',
        chosen.length ? h('strong', null, chosen.join(' or ')) : '',
        more > 0 ? ` · ${fmt(more)} more in the CSV` : '',
      );
      panel.setNotes(
        note,
        (result.notes ?? []).filter((n) => !/^rows overlap/.test(n) || key !== 'actor'),
      );
    },
  };
}
