/**
 * What the count charts share: which metric, row labels that keep places with the areas
 * that contain them, periods as axis labels, gaps of a time series as zeros, and the
 * largest groups with the rest folded into "Other".
 */
import { datePhrase, fmt, percent, scopePhrase } from '../../analysis/answer.js';
import { periodBounds, periodsBetween, type PeriodKind } from '../../analysis/periods.js';
import { CrisisError } from '../../model/errors.js';
import type { CountResult, CountRow, GroupField } from '../../query/count.js';
import type { Filter } from '../../query/filter.js';

export type Metric = 'events' | 'fatalities';
export const METRICS: Metric[] = ['events', 'fatalities'];

export const TIME_FIELDS: GroupField[] = ['year', 'quarter', 'month', 'week'];
export const isTime = (field: GroupField): field is PeriodKind => TIME_FIELDS.includes(field);

/** The context each place is shown with, as count() groups it (src/query/count.ts). */
const CONTEXT: Partial<Record<GroupField, GroupField[]>> = { admin1: ['country'], admin2: ['admin1', 'country'], location: ['admin1', 'country'] };

const FIELD_NAMES: Partial<Record<GroupField, string>> = {
  event_type: 'event type',
  sub_event_type: 'sub-event type',
  disorder_type: 'disorder type',
  admin1: 'admin1 area',
  admin2: 'admin2 area',
};
export const fieldName = (field: GroupField): string => FIELD_NAMES[field] ?? field;

/**
 * A row's label for one field: "Mopti", or "Centre (Burkina Faso)" when the rows span
 * several countries, so that two areas of the same name stay apart.
 */
export function labeler(result: CountResult, field: GroupField): (row: CountRow) => string {
  const context = (CONTEXT[field] ?? []).filter((c) => new Set(result.rows.map((r) => r[c])).size > 1);
  return (row) => {
    const value = row[field];
    const name = value === null || value === undefined || value === '' ? `(no ${fieldName(field)})` : isTime(field) ? periodText(String(value), field) : String(value);
    const within = context.map((c) => row[c]).filter((v) => v !== null && v !== undefined && v !== '');
    return within.length ? `${name} (${within.join(', ')})` : name;
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period as an axis label: "2022", "Q1 2022", "Mar 2022", "28 Mar 2022" (a week by its Monday). */
export function periodText(period: string, kind: PeriodKind): string {
  if (kind === 'quarter') return `${period.slice(5)} ${period.slice(0, 4)}`;
  if (kind === 'month') return `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
  if (kind === 'week') return `${Number(period.slice(8, 10))} ${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
  return period;
}

export const periodStart = (period: string, kind: PeriodKind): string => periodBounds(period, kind).first;

/** Every period from the first to the last row: a period without matching events is a real 0. */
export function fillPeriods(rows: CountRow[], field: PeriodKind): Array<{ period: string; events: number; fatalities: number }> {
  if (!rows.length) return [];
  const byPeriod = new Map(rows.map((r) => [String(r[field]), r]));
  const periods = [...byPeriod.keys()].sort();
  return periodsBetween(periods[0]!, periods[periods.length - 1]!, field).map((period) => {
    const row = byPeriod.get(period);
    return { period, events: row?.events ?? 0, fatalities: row?.fatalities ?? 0 };
  });
}

export const OTHER = 'Other';

/** '"Other" holds the 3 smaller event types' (or 'the one smaller …'). */
export function otherNote(n: number, thing: string): string {
  return n === 1 ? `"${OTHER}" holds one smaller ${thing}` : `"${OTHER}" holds the ${n.toLocaleString('en-US')} smaller ${thing}${/(s|sh|ch|x)$/.test(thing) ? 'es' : 's'}`;
}

/** The `n` largest labels by the metric; the rest are folded into OTHER by the caller. */
export function largest(totals: Map<string, number>, n: number): string[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([label]) => label);
}

/** " in Mali in 2022": what the filter covers, for titles. */
export const scope = (filter: Filter): string => `${scopePhrase(filter)}${datePhrase(filter)}`;

/** "Mopti leads with 5,731 of 38,899 fatalities (15%)". */
export function leaderTitle(label: string, value: number, total: number, metric: Metric, filter: Filter): string {
  if (total === 0) return `No ${metric}${scope(filter)}`;
  return `${label} leads with ${fmt(value)} of ${fmt(total)} ${metric}${scope(filter)} (${percent(value, total)})`;
}

/** "Fatalities in Mali peaked in 2022 at 4,803". */
export function peakTitle(series: Array<{ label: string; value: number }>, metric: Metric, filter: Filter): string {
  const what = `${metric === 'events' ? 'Events' : 'Fatalities'}${scope(filter)}`;
  if (!series.length) return `No events match${scope(filter)}`;
  if (series.length === 1) return `${what}: ${fmt(series[0]!.value)} in ${series[0]!.label}`;
  const peak = series.reduce((a, b) => (b.value > a.value ? b : a));
  return `${what} peaked in ${peak.label} at ${fmt(peak.value)}`;
}

/** Overlapping rows (grouping by actor) cannot be stacked or sliced: their parts exceed the whole. */
export function refuseOverlap(result: CountResult, kind: string): void {
  if (result.by.includes('actor')) {
    throw new CrisisError(`a ${kind} chart cannot show --by actor`, [
      'an event involving several actors is in several rows, so the parts would add up to more than the whole: use crisismap chart bar --by actor',
    ]);
  }
}
