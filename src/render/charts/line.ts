/**
 * `chart line --by PERIOD[,GROUP]`: a time series, one line per group for the largest
 * groups. Every period between the first and the last is drawn; one without matching
 * events is a 0, not a gap bridged by the line.
 */
import type { PeriodKind } from '../../analysis/periods.js';
import { CrisisError } from '../../model/errors.js';
import type { CountResult, CountRow, GroupField } from '../../query/count.js';
import { figureText } from '../figure.js';
import type { Chart, Table } from '../spec.js';
import { fmt } from '../svg.js';
import { CATEGORICAL } from '../theme.js';
import { cap, plural } from './bar.js';
import { fieldName, fillPeriods, isTime, labeler, largest, peakTitle, periodStart, periodText, type Metric } from './common.js';

export interface LineOptions {
  metric: Metric;
  parts: number;
}

const TIME_FORMAT: Record<PeriodKind, string> = { year: '%Y', quarter: '%b %Y', month: '%b %Y', week: '%d %b %Y' };

export function lineChart(result: CountResult, [period, group]: GroupField[], options: LineOptions): Chart {
  if (!period || !isTime(period)) throw new CrisisError('a line chart is a time series: --by year, quarter, month or week first', ['e.g. crisismap chart line --by month or --by month,country']);
  const { metric } = options;
  const seriesLabel = group ? labeler(result, group) : () => '';
  const totals = new Map<string, number>();
  for (const r of result.rows) totals.set(seriesLabel(r), (totals.get(seriesLabel(r)) ?? 0) + r[metric]);
  const series = largest(totals, Math.min(options.parts, CATEGORICAL.length - 1));
  const values: Array<{ series: string; period: string; date: string; label: string; events: number; fatalities: number }> = [];
  const all = fillPeriods(result.rows, period).map((p) => p.period);
  for (const name of series) {
    const rows = result.rows.filter((r) => seriesLabel(r) === name);
    const byPeriod = new Map(fillPeriods(rows as CountRow[], period).map((p) => [p.period, p]));
    for (const p of all) {
      const row = byPeriod.get(p);
      values.push({ series: name, period: p, date: periodStart(p, period), label: periodText(p, period), events: row?.events ?? 0, fatalities: row?.fatalities ?? 0 });
    }
  }
  const plot = {
    height: 300,
    data: { values },
    mark: { type: 'line', point: all.length <= 24, interpolate: 'linear' },
    encoding: {
      x: { field: 'date', type: 'temporal', title: null, axis: { format: TIME_FORMAT[period], labelOverlap: 'greedy', tickCount: Math.min(all.length, 8), grid: false } },
      y: { field: metric, type: 'quantitative', title: `${metric} per ${period}`, axis: { format: ',d', tickCount: 5 } },
      ...(group
        ? { color: { field: 'series', type: 'nominal', title: cap(fieldName(group)), scale: { domain: series, range: CATEGORICAL.slice(0, series.length) }, legend: { orient: 'bottom', columns: 2 } } }
        : {}),
    },
  };
  // The highest point of any line: "Fatalities peaked in Mar 2022 at 934, in Mali".
  const peak = values.reduce<(typeof values)[number] | undefined>((a, b) => (!a || b[metric] > a[metric] ? b : a), undefined);
  const peakOf = values.filter((v) => v.series === peak?.series).map((v) => ({ label: periodText(v.period, period), value: v[metric] }));
  const title = group && peak ? `${peakTitle(peakOf, metric, result.filters)}, in ${peak.series}` : peakTitle(peakOf, metric, result.filters);
  const notes = [...result.notes];
  if (group && totals.size > series.length) notes.push(`the ${series.length} largest of ${fmt(totals.size)} ${plural(fieldName(group))} are drawn`);
  const table: Table = {
    columns: [period, ...(group ? [group] : []), 'events', 'fatalities'],
    rows: values.map((v) => ({ [period]: v.period, ...(group ? { [group]: v.series } : {}), events: v.events, fatalities: v.fatalities })),
  };
  const what = `${cap(metric)} per ${period}${group ? `, the largest ${plural(fieldName(group))} apart` : ''}; a ${period} without events is drawn as 0`;
  return { kind: 'line', text: figureText(title, what, result.filters, result.datasets, notes), plots: [plot], table };
}
