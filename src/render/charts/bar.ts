/**
 * `chart bar`: one bar per group. Periods stand upright in time order; other groups lie
 * flat, largest first, the `top` largest shown (the note says how many more there are).
 */
import type { CountResult, GroupField } from '../../query/count.js';
import type { Chart, Table } from '../spec.js';
import { figureText } from '../figure.js';
import { fmt } from '../svg.js';
import { HIGHLIGHT, PRIMARY } from '../theme.js';
import { fieldName, fillPeriods, isTime, labeler, leaderTitle, peakTitle, periodText, type Metric } from './common.js';

export interface BarOptions {
  metric: Metric;
  top: number;
}

export function barChart(result: CountResult, field: GroupField, options: BarOptions): Chart {
  return isTime(field) ? periodBars(result, field, options) : groupBars(result, field, options);
}

function periodBars(result: CountResult, field: GroupField & ('year' | 'quarter' | 'month' | 'week'), { metric }: BarOptions): Chart {
  const rows = fillPeriods(result.rows, field).map((r) => ({ label: periodText(r.period, field), period: r.period, events: r.events, fatalities: r.fatalities }));
  const peak = Math.max(0, ...rows.map((r) => r[metric]));
  const few = rows.length <= 12;
  const plot = {
    height: 300,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'label', type: 'ordinal', sort: null, title: null, axis: { labelAngle: 0, labelOverlap: 'parity', ticks: false } },
          y: { field: metric, type: 'quantitative', title: `${metric} per ${field}`, axis: { format: ',d', tickMinStep: 1 } },
          color: { condition: { test: `datum.${metric} === ${peak} && ${peak} > 0`, value: HIGHLIGHT }, value: PRIMARY },
        },
      },
      ...(few
        ? [
            {
              mark: { type: 'text', dy: -6, baseline: 'bottom' },
              encoding: {
                x: { field: 'label', type: 'ordinal', sort: null },
                y: { field: metric, type: 'quantitative' },
                text: { field: metric, type: 'quantitative', format: ',d' },
              },
            },
          ]
        : []),
    ],
  };
  const title = peakTitle(
    rows.map((r) => ({ label: r.label, value: r[metric] })),
    metric,
    result.filters,
  );
  const notes = [...result.notes];
  if (rows.length > result.rows.length) notes.push(`${fmt(rows.length - result.rows.length)} ${field}s without matching events are drawn as 0`);
  const table: Table = { columns: [field, 'events', 'fatalities'], rows: rows.map((r) => ({ [field]: r.period, events: r.events, fatalities: r.fatalities })) };
  return { kind: 'bar', text: figureText(title, `${cap(metric)} per ${field}; the highest in orange`, result.filters, result.datasets, notes), plots: [plot], table };
}

function groupBars(result: CountResult, field: GroupField, { metric, top }: BarOptions): Chart {
  const label = labeler(result, field);
  const all = result.rows.map((r) => ({ label: label(r), events: r.events, fatalities: r.fatalities, row: r })).sort((a, b) => b[metric] - a[metric] || a.label.localeCompare(b.label));
  const shown = all.slice(0, top);
  const max = Math.max(1, ...shown.map((r) => r[metric]));
  const plot = {
    height: { step: 22 },
    data: { values: shown.map(({ row: _row, ...r }) => r) },
    // Room past the longest bar for its value label.
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { ticks: false, domain: false, labelPadding: 6 } },
      x: { field: metric, type: 'quantitative', title: metric, scale: { domain: [0, max * 1.15], nice: false }, axis: { format: ',d', tickCount: 5, grid: true } },
    },
    layer: [{ mark: { type: 'bar', height: { band: 0.75 } } }, { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: metric, type: 'quantitative', format: ',d' } } }],
  };
  const lead = shown[0];
  const total = result.total[metric];
  const title = lead ? leaderTitle(lead.label, lead[metric], total, metric, result.filters) : `No ${metric} to show`;
  const notes = [...result.notes];
  if (all.length > shown.length) notes.push(`the ${shown.length} largest of ${fmt(all.length)} ${plural(fieldName(field))} are shown; --top N shows more, --csv gives all`);
  const keys = result.by;
  const table: Table = {
    columns: [...keys, 'label', 'events', 'fatalities'],
    rows: all.map((r) => ({ ...Object.fromEntries(keys.map((k) => [k, r.row[k] ?? null])), label: r.label, events: r.events, fatalities: r.fatalities })),
  };
  return { kind: 'bar', text: figureText(title, `${cap(metric)} by ${fieldName(field)}`, result.filters, result.datasets, notes), plots: [plot], table };
}

export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
export const plural = (s: string): string => (/(s|sh|ch|x)$/.test(s) ? `${s}es` : /[^aeiou]y$/.test(s) ? `${s.slice(0, -1)}ies` : `${s}s`);
