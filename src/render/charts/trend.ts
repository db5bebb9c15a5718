/**
 * `chart trend`: the trend analysis as bars by period, the two compared periods in orange
 * and the change written over the later one; periods the data covers only in part are
 * pale, and the note says why. The title is the analysis's own sentence.
 */
import type { Answer } from '../../analysis/answer.js';
import type { TrendFigures } from '../../analysis/trend.js';
import { figureText } from '../figure.js';
import type { Chart, Table } from '../spec.js';
import { fmt } from '../svg.js';
import { HIGHLIGHT, PRIMARY } from '../theme.js';
import { cap } from './bar.js';
import { periodText } from './common.js';

export function trendChart(answer: Answer<TrendFigures>): Chart {
  const { series, change, by, metric } = answer.figures;
  const compared = new Set(change ? [change.from, change.to] : []);
  const values = series.map((p) => ({
    label: periodText(p.period, by),
    period: p.period,
    value: p[metric],
    events: p.events,
    fatalities: p.fatalities,
    compared: compared.has(p.period),
    partial: p.partial,
    change: change && p.period === change.to ? changeLabel(change) : '',
  }));
  const few = values.length <= 12;
  const x = { field: 'label', type: 'ordinal', sort: null, title: null, axis: { labelAngle: 0, labelOverlap: 'parity', ticks: false } };
  // No axis title: the subtitle says what the bars are ("Fatalities per year").
  const y = { field: 'value', type: 'quantitative', title: null, axis: { format: ',d', tickCount: 5 } };
  const plot = {
    height: 300,
    data: { values },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          // Two bars, both compared (a brief's headline): the earlier keeps the plain colour, so the two differ.
          color: { condition: { test: values.every((v) => v.compared) ? 'datum.change !== ""' : 'datum.compared', value: HIGHLIGHT }, value: PRIMARY },
          opacity: { condition: { test: 'datum.partial', value: 0.35 }, value: 1 },
        },
      },
      ...(few ? [{ mark: { type: 'text', dy: -6, baseline: 'bottom' }, encoding: { text: { field: 'value', type: 'quantitative', format: ',d' } } }] : []),
      // The change, written above the later of the two compared bars.
      { transform: [{ filter: 'datum.change !== ""' }], mark: { type: 'text', dy: few ? -22 : -6, baseline: 'bottom', fontWeight: 'bold', color: HIGHLIGHT }, encoding: { text: { field: 'change' } } },
    ],
  };
  const what = `${cap(metric)} per ${by}${change ? (values.every((v) => v.compared) ? `; ${periodText(change.to, by)} in orange` : `; ${periodText(change.from, by)} and ${periodText(change.to, by)} compared, in orange`) : ''}${series.some((p) => p.partial) ? '; pale: covered only in part' : ''}`;
  const table: Table = {
    columns: [by, 'events', 'fatalities', 'partial', 'covered_days', 'days', 'compared'],
    rows: series.map((p) => ({ [by]: p.period, events: p.events, fatalities: p.fatalities, partial: p.partial, covered_days: p.coveredDays, days: p.days, compared: compared.has(p.period) })),
  };
  return { kind: 'trend', text: figureText(answer.sentence.replace(/\.$/, ''), what, answer.filters, answer.datasets, answer.caveats), plots: [plot], table };
}

/** "+2,890 (×2.5)", "−120 (−8%)", "same": the change as it is written on the chart. */
function changeLabel(c: NonNullable<TrendFigures['change']>): string {
  if (c.difference === 0) return 'no change';
  const sign = c.difference > 0 ? '+' : '−';
  const size = c.ratio === null ? 'from 0' : c.ratio >= 2 ? `×${c.ratio.toFixed(1).replace(/\.0$/, '')}` : `${sign}${Math.round(Math.abs(c.percent!))}%`;
  return `${sign}${fmt(Math.abs(c.difference))} (${size})`;
}
