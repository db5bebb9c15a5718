/**
 * Events or fatalities per year, quarter, month or week (/api/trend: every period between
 * the first and the last, zeros included, partial periods flagged). The dates filter is
 * drawn, not applied: the whole series stays in view, pale, with the selected dates dark,
 * so that a reader sees where the selection sits. Clicking a column selects its dates.
 */
import { apiUrl, getJson } from '../api.js';
import { columnChart } from '../charts/columns.js';
import { fill, fmt, h } from '../dom.js';
import { csvBlob, pngBlob, svgBlob } from '../download.js';
import { without } from '../query.js';
import { choicesOf } from '../data.js';
import { createPanel, toggle } from './panel.js';

/** @type {Array<[import('../query.js').View['step'], string]>} */
const STEPS = [
  ['year', 'Year'],
  ['quarter', 'Quarter'],
  ['month', 'Month'],
  ['week', 'Week'],
];

/** @param {{ go: (change: { filters?: any, view?: any }) => void }} ctx */
export function timeSeriesPanel(ctx) {
  const steps = toggle('Period', STEPS, (step) => ctx.go({ view: { step } }));
  const panel = createPanel({ id: 'timeseries', title: 'Over time', className: 'panel-timeseries', tools: [steps.root] });
  /** @type {{ columns: any[], metric: string, step: string, title: string } | null} */
  let drawn = null;
  let chart = null;

  panel.setDownloads({
    // Whole periods, and the part of each inside the selected dates.
    csv: () => csvBlob(['period', 'first', 'last', 'partial', 'events', 'fatalities', 'selected_events', 'selected_fatalities'], drawn?.columns ?? []),
    svg: () => svgBlob(chart),
    png: () => pngBlob(chart),
  });

  return {
    root: panel.root,
    /** @param {import('../state.js').State} state @param {AbortSignal} signal */
    async update(state, signal) {
      const { filters, view } = state;
      panel.filters = filters;
      steps.set(view.step);
      steps.offer(choicesOf(state.aggregate ?? null).step);
      const dated = Boolean(filters.from || filters.to || /** @type {string[] | undefined} */ (filters.year)?.length);
      const context = without(without(without(filters, 'from'), 'to'), 'year');
      const [whole, selected] = await Promise.all([
        getJson(apiUrl('/api/trend', context, { by: view.step, metric: view.metric, max_ids: 0 }), signal),
        dated ? getJson(apiUrl('/api/trend', filters, { by: view.step, metric: view.metric, max_ids: 0 }), signal) : null,
      ]);
      const inside = new Map((selected ?? whole).figures.series.map((p) => [p.period, p]));
      const columns = whole.figures.series.map((p) => {
        const part = inside.get(p.period);
        return { period: p.period, first: p.first, last: p.last, events: part?.events ?? 0, fatalities: part?.fatalities ?? 0, partial: p.partial, selected: Boolean(part), whole: p };
      });
      // A measure aggregated data does not count stays null (unknown), never a sum of nothing.
      const add = (a, b) => (a === null || b === null ? null : a + b);
      const totals = [...inside.values()].reduce((t, p) => ({ events: add(t.events, p.events), fatalities: add(t.fatalities, p.fatalities) }), { events: 0, fatalities: 0 });
      const metric = view.metric;
      const title = `${metric === 'events' ? 'Events' : 'Fatalities'} per ${view.step}`;
      chart = columnChart({
        title,
        metric,
        width: panel.width,
        height: Math.round(Math.min(280, Math.max(180, panel.width * 0.5))),
        columns: columns.map((c) => ({
          period: c.period,
          first: c.first,
          last: c.last,
          label: c.period,
          partial: c.partial,
          value: c.whole[metric],
          part: dated ? c[metric] : undefined,
        })),
        onClick: (c) => {
          const same = filters.from === c.first && filters.to === c.last;
          ctx.go({ filters: same ? context : { ...context, from: c.first, to: c.last } });
        },
      });
      drawn = {
        columns: columns.map((c) => ({
          period: c.period,
          first: c.first,
          last: c.last,
          partial: c.partial,
          events: c.whole.events,
          fatalities: c.whole.fatalities,
          selected_events: c.events,
          selected_fatalities: c.fatalities,
        })),
        metric,
        step: view.step,
        title,
      };
      fill(panel.body, chart);
      for (const [key, value] of [
        ['totalEvents', totals.events],
        ['totalFatalities', totals.fatalities],
      ])
        if (value === null) delete panel.root.dataset[key];
        else panel.root.dataset[key] = String(value);
      const counted = [totals.events === null ? null : `${fmt(totals.events)} events`, totals.fatalities === null ? null : `${fmt(totals.fatalities)} fatalities`].filter(Boolean).join(', ');
      panel.setSubtitle(
        `${title}${dated ? ', the selected dates dark' : ''}${state.aggregate ? ` (${state.aggregate.dataset}: whole ${state.aggregate.period}s)` : ''} · `,
        h('strong', { class: 'series-total' }, counted),
        dated ? ' in the selection' : '',
      );
      const caveats = (selected ?? whole).caveats.filter((c) => !/SYNTHETIC/.test(c));
      panel.setNotes((selected ?? whole).sentence, caveats.length > 3 ? [...caveats.slice(0, 3), `and ${caveats.length - 3} more partial periods`] : caveats);
    },
  };
}
