/**
 * `chart pie --by GROUP`: a donut of the shares of the largest groups, the rest as "Other",
 * with the total in its hole. Only for groups that do not overlap (not actors).
 */
import { percent } from '../../analysis/answer.js';
import { CrisisError } from '../../model/errors.js';
import type { CountResult, GroupField } from '../../query/count.js';
import { figureText } from '../figure.js';
import type { Chart, Table } from '../spec.js';
import { fmt } from '../svg.js';
import { CATEGORICAL, SIZE } from '../theme.js';
import { fieldName, labeler, largest, leaderTitle, OTHER, otherNote, refuseOverlap, type Metric } from './common.js';

export interface PieOptions {
  metric: Metric;
  parts: number;
}

export function pieChart(result: CountResult, [field, extra]: GroupField[], options: PieOptions): Chart {
  if (!field || extra) throw new CrisisError('a pie chart shows one grouping', ['e.g. crisismap chart pie --by event_type']);
  refuseOverlap(result, 'pie');
  const { metric } = options;
  const label = labeler(result, field);
  const totals = new Map<string, number>();
  for (const r of result.rows) totals.set(label(r), (totals.get(label(r)) ?? 0) + r[metric]);
  const parts = largest(totals, Math.min(options.parts, CATEGORICAL.length - 1)).filter((p) => totals.get(p)! > 0);
  const rest = [...totals.keys()].filter((k) => !parts.includes(k));
  const slices = parts.map((p) => ({ part: p, value: totals.get(p)! }));
  const other = rest.reduce((n, k) => n + totals.get(k)!, 0);
  if (other > 0) slices.push({ part: OTHER, value: other });
  const total = result.total[metric];
  return donut({
    kind: 'pie',
    slices,
    total,
    unit: metric,
    text: figureText(
      slices[0] ? leaderTitle(slices[0].part, slices[0].value, total, metric, result.filters) : `No ${metric} to show`,
      `Share of ${metric} by ${fieldName(field)}`,
      result.filters,
      result.datasets,
      [...result.notes, ...(other > 0 ? [otherNote(rest.length, fieldName(field))] : [])],
    ),
    columns: [field, metric, 'share'],
  });
}

export interface DonutInput {
  kind: Chart['kind'];
  slices: Array<{ part: string; value: number }>;
  total: number;
  unit: string;
  text: Chart['text'];
  columns: [string, string, string];
  colours?: string[];
}

/** A donut with the shares in the legend and the total in the hole; shared with the victims chart. */
export function donut(input: DonutInput): Chart {
  const values = input.slices.map((s, i) => ({ part: `${s.part} — ${percent(s.value, input.total)}`, value: s.value, order: i }));
  const colours = input.colours ?? [...CATEGORICAL.slice(0, values.length - (input.slices.some((s) => s.part === OTHER) ? 1 : 0)), CATEGORICAL[CATEGORICAL.length - 1]!];
  const plot = {
    height: 260,
    layer: [
      {
        data: { values },
        mark: { type: 'arc', innerRadius: 70, outerRadius: 120, stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          theta: { field: 'value', type: 'quantitative', stack: true },
          order: { field: 'order', type: 'quantitative' },
          color: {
            field: 'part',
            type: 'nominal',
            sort: values.map((v) => v.part),
            title: null,
            scale: { range: colours },
            legend: { orient: 'right', labelFontSize: SIZE.label, symbolType: 'square', labelLimit: 300 },
          },
        },
      },
      {
        data: { values: [{ line: [fmt(input.total), input.unit] }] },
        mark: { type: 'text', fontSize: 16, fontWeight: 'bold', lineHeight: 20, baseline: 'middle' },
        encoding: { text: { field: 'line' } },
      },
    ],
  };
  const table: Table = { columns: input.columns, rows: input.slices.map((s) => ({ [input.columns[0]]: s.part, [input.columns[1]]: s.value, [input.columns[2]]: percent(s.value, input.total) })) };
  return { kind: input.kind, text: input.text, plots: [plot], table };
}
