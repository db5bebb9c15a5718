/**
 * `chart stacked-bar --by A,B`: bars of A (periods upright, groups flat), each split by B.
 * The largest parts of B keep their own colour; the rest are stacked as "Other", so each
 * bar's height is still its whole total.
 */
import { CrisisError } from '../../model/errors.js';
import type { CountResult, GroupField } from '../../query/count.js';
import { figureText } from '../figure.js';
import type { Chart, Table } from '../spec.js';
import { fmt } from '../svg.js';
import { CATEGORICAL } from '../theme.js';
import { cap, plural } from './bar.js';
import { fieldName, fillPeriods, isTime, labeler, largest, leaderTitle, OTHER, otherNote, periodText, refuseOverlap, type Metric } from './common.js';

export interface StackOptions {
  metric: Metric;
  top: number;
  parts: number;
}

export function stackedChart(result: CountResult, [outer, inner]: GroupField[], options: StackOptions): Chart {
  if (!outer || !inner) throw new CrisisError('a stacked bar chart needs two groupings', ['e.g. crisismap chart stacked-bar --by year,event_type']);
  refuseOverlap(result, 'stacked-bar');
  const { metric } = options;
  const innerLabel = labeler(result, inner);
  const outerLabel = labeler(result, outer);
  const partTotals = new Map<string, number>();
  const outerTotals = new Map<string, number>();
  for (const r of result.rows) {
    partTotals.set(innerLabel(r), (partTotals.get(innerLabel(r)) ?? 0) + r[metric]);
    outerTotals.set(outerLabel(r), (outerTotals.get(outerLabel(r)) ?? 0) + r[metric]);
  }
  const parts = largest(partTotals, Math.min(options.parts, CATEGORICAL.length - 1));
  const folded = partTotals.size > parts.length;
  const domain = folded ? [...parts, OTHER] : parts;
  const time = isTime(outer);
  // Bars in time order with every period (a gap is a 0), or the `top` largest groups.
  const bars = time ? fillPeriods(result.rows, outer).map((p) => periodText(p.period, outer)) : largest(outerTotals, options.top);
  const keep = new Set(bars);
  const cells = new Map<string, { bar: string; part: string; events: number; fatalities: number }>();
  for (const r of result.rows) {
    const bar = outerLabel(r);
    if (!keep.has(bar)) continue;
    const part = parts.includes(innerLabel(r)) ? innerLabel(r) : OTHER;
    const key = `${bar}\u0000${part}`;
    const cell = cells.get(key) ?? { bar, part, events: 0, fatalities: 0 };
    cell.events += r.events;
    cell.fatalities += r.fatalities;
    cells.set(key, cell);
  }
  const values = [...cells.values()].map((c) => ({ ...c, order: domain.indexOf(c.part) }));
  const colour = {
    field: 'part',
    type: 'nominal',
    title: cap(fieldName(inner)),
    scale: { domain, range: [...CATEGORICAL.slice(0, parts.length), ...(folded ? [CATEGORICAL[CATEGORICAL.length - 1]] : [])] },
    legend: { orient: 'bottom', columns: 2, symbolType: 'square' },
  };
  const value = { field: metric, type: 'quantitative', title: time ? `${metric} per ${outer}` : metric, stack: 'zero', axis: { format: ',d', tickCount: 5 } };
  const category = { field: 'bar', type: 'ordinal', sort: bars, title: null, axis: time ? { labelAngle: 0, labelOverlap: 'parity', ticks: false } : { ticks: false, domain: false } };
  const plot = {
    ...(time ? { height: 300 } : { height: { step: 22 } }),
    data: { values },
    mark: { type: 'bar', ...(time ? {} : { height: { band: 0.75 } }) },
    encoding: { ...(time ? { x: category, y: value } : { y: category, x: value }), color: colour, order: { field: 'order', type: 'quantitative' } },
  };
  const lead = largest(partTotals, 1)[0];
  const title = lead ? leaderTitle(lead, partTotals.get(lead)!, result.total[metric], metric, result.filters) : `No ${metric} to show`;
  const notes = [...result.notes];
  if (folded) notes.push(otherNote(partTotals.size - parts.length, fieldName(inner)));
  if (!time && outerTotals.size > bars.length) notes.push(`the ${bars.length} largest of ${fmt(outerTotals.size)} ${plural(fieldName(outer))} are shown`);
  const table: Table = { columns: [outer, inner, 'events', 'fatalities'], rows: values.map((v) => ({ [outer]: v.bar, [inner]: v.part, events: v.events, fatalities: v.fatalities })) };
  const what = `${cap(metric)} by ${fieldName(outer)}, split by ${fieldName(inner)}`;
  return { kind: 'stacked-bar', text: figureText(title, what, result.filters, result.datasets, notes), plots: [plot], table };
}
