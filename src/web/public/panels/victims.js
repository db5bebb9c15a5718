/**
 * Who died (/api/victims), done as each source allows: for ACLED-style data, fatalities by
 * the kind of event they happened in (events targeting civilians, battles, explosions and
 * remote violence, the rest), never called deaths of civilians or fighters; for UCDP data,
 * deaths attributed to civilians, side A, side B and unknown. The API's sentence and
 * caveats are printed under the chart, as the CLI prints them.
 */
import { apiUrl, getJson } from '../api.js';
import { barChart } from '../charts/bars.js';
import { COLORS } from '../charts/scale.js';
import { fill, fmt, h } from '../dom.js';
import { csvBlob, pngBlob, svgBlob } from '../download.js';
import { toggleValue } from '../query.js';
import { noEventsNote } from '../data.js';
import { createPanel } from './panel.js';

/** @param {{ go: (change: { filters?: any, view?: any }) => void }} ctx */
export function victimsPanel(ctx) {
  const panel = createPanel({ id: 'victims', title: 'Who died', className: 'panel-victims' });
  /** @type {any[]} */
  let rows = [];
  /** @type {SVGSVGElement | null} */
  let chart = null;
  panel.setDownloads({
    csv: () => csvBlob(['source', 'part', 'events', 'fatalities', 'share'], rows),
    svg: () => svgBlob(chart),
    png: () => pngBlob(chart),
  });

  return {
    root: panel.root,
    /** @param {import('../state.js').State} state @param {AbortSignal} signal */
    async update(state, signal) {
      const { filters } = state;
      panel.filters = filters;
      rows = [];
      chart = null;
      if (state.aggregate) return panel.notAvailable(noEventsNote(state.aggregate, 'deaths by kind of event or by side'));
      const answer = await getJson(apiUrl('/api/victims', filters, { max_ids: 0 }), signal);
      const { attributed: a, unattributed: u } = answer.figures;
      rows = [];
      const bars = [];
      if (u) {
        const parts = [
          ['Events targeting civilians', u.civilianTargeting, () => ({ ...filters, civilian_targeting: filters.civilian_targeting ? undefined : true })],
          ['Battles', u.battles, () => toggleValue(filters, 'event_type', 'Battles')],
          ['Explosions/remote violence', u.remoteViolence, () => toggleValue(filters, 'event_type', 'Explosions/Remote violence')],
          ['Other events', u.other, null],
        ];
        parts.forEach(([label, part, click], i) => {
          rows.push({ source: 'ACLED-style', part: label, events: part.events, fatalities: part.fatalities, share: share(part.fatalities, u.fatalities) });
          bars.push({ key: `u${i}`, label, value: part.fatalities, detail: `${share(part.fatalities, u.fatalities)} of fatalities, ${fmt(part.events)} events`, color: COLORS.parts[i], click });
        });
      }
      if (a) {
        const parts = [
          ['Civilians', a.civilians],
          [`Side A${lead(a.sideAActors)}`, a.sideA],
          [`Side B${lead(a.sideBActors)}`, a.sideB],
          ['Unknown', a.unknown],
        ];
        parts.forEach(([label, deaths], i) => {
          rows.push({ source: 'UCDP', part: label, events: '', fatalities: deaths, share: share(deaths, a.best) });
          bars.push({ key: `a${i}`, label: `UCDP: ${label}`, value: deaths, detail: `${share(deaths, a.best)} of deaths (best estimate)`, color: COLORS.parts[i] });
        });
      }
      chart = barChart({
        title: 'Who died',
        rows: bars,
        width: panel.width,
        labelWidth: Math.min(220, Math.round(panel.width * 0.45)),
        onClick: (row) => {
          const bar = bars.find((b) => b.key === row.key);
          if (bar?.click) ctx.go({ filters: bar.click() });
        },
      });
      const battles = u?.battles.byParties.filter((p) => p.fatalities > 0).slice(0, 3) ?? [];
      fill(
        panel.body,
        bars.length ? chart : h('p', { class: 'empty' }, 'No events match.'),
        battles.length
          ? h(
              'div',
              { class: 'parties' },
              h('h3', null, 'Battles, by the parties’ actor types'),
              h(
                'ul',
                null,
                battles.map((p) => h('li', null, h('span', null, p.parties), ' ', h('span', { class: 'num' }, `${fmt(p.fatalities)} fatalities`))),
              ),
            )
          : null,
      );
      panel.setSubtitle(u && !a ? 'Fatalities by the kind of event — ACLED does not say who died' : 'Deaths as the source attributes them');
      panel.setNotes(
        answer.sentence,
        answer.caveats.filter((c) => !/SYNTHETIC/.test(c)),
      );
    },
  };
}

const share = (part, whole) => (whole ? `${Math.round((100 * part) / whole)}%` : '–');
const lead = (actors) => (actors?.[0]?.deaths > 0 ? ` (mostly ${actors[0].actor})` : '');
