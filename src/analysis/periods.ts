/**
 * Calendar periods as `count --by` labels them (src/query/count.ts GROUPS): years `2022`,
 * quarters `2022-Q1`, months `2022-03`, ISO weeks by their Monday `2022-03-28`; their first
 * and last days, and the periods between two of them. Dates are UTC day numbers.
 */
import { named, ParamError } from '../model/param.js';
import { CrisisError } from '../model/errors.js';

export type PeriodKind = 'year' | 'quarter' | 'month' | 'week';
export const PERIOD_KINDS: PeriodKind[] = ['year', 'quarter', 'month', 'week'];

const DAY = 86_400_000;
export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
export const addDays = (iso: string, n: number): string => isoOf(dayOf(iso) + n);
/** The same day `n` months later (or earlier), for the first days of months that monthly data is dated by. */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + n, d)).toISOString().slice(0, 10);
}

export interface Bounds {
  first: string;
  last: string;
}

export function parsePeriodKind(value: string | undefined, allowed: PeriodKind[] = PERIOD_KINDS): PeriodKind {
  const kind = (value ?? 'year').trim().toLowerCase();
  if (!allowed.includes(kind as PeriodKind)) throw new ParamError(named('by'), String(value), { kind: 'not-one-of', values: allowed });
  return kind as PeriodKind;
}

/** The label of the period holding a date. */
export function periodOf(date: string, kind: PeriodKind): string {
  const [y, m] = [date.slice(0, 4), Number(date.slice(5, 7))];
  if (kind === 'year') return y;
  if (kind === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  if (kind === 'month') return date.slice(0, 7);
  const day = dayOf(date);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday = 0.
  return isoOf(day - ((day + 3) % 7));
}

export function periodBounds(label: string, kind: PeriodKind): Bounds {
  const y = Number(label.slice(0, 4));
  const iso = (yy: number, mm: number, dd: number) => new Date(Date.UTC(yy, mm - 1, dd)).toISOString().slice(0, 10);
  if (kind === 'year') return { first: iso(y, 1, 1), last: iso(y, 12, 31) };
  if (kind === 'quarter') {
    const q = Number(label.slice(6));
    return { first: iso(y, 3 * q - 2, 1), last: iso(y, 3 * q + 1, 0) };
  }
  if (kind === 'month') {
    const m = Number(label.slice(5, 7));
    return { first: iso(y, m, 1), last: iso(y, m + 1, 0) };
  }
  return { first: label, last: addDays(label, 6) };
}

export function nextPeriod(label: string, kind: PeriodKind): string {
  return periodOf(addDays(periodBounds(label, kind).last, 1), kind);
}

/** Every period from `first` to `last`, both included: the gaps of a series are real zeros. */
export function periodsBetween(first: string, last: string, kind: PeriodKind): string[] {
  const out = [first];
  while (out[out.length - 1]! < last) out.push(nextPeriod(out[out.length - 1]!, kind));
  return out;
}

const LABEL: Record<PeriodKind, [RegExp, string]> = {
  year: [/^\d{4}$/, '2022'],
  quarter: [/^\d{4}-Q[1-4]$/, '2022-Q1'],
  month: [/^\d{4}-(0[1-9]|1[0-2])$/, '2022-03'],
  week: [/^\d{4}-\d{2}-\d{2}$/, '2022-03-28 (any day of the week)'],
};

/** A period as the user typed it, checked; a day stands for its week. */
export function parsePeriod(value: string, kind: PeriodKind): string {
  const text = value.trim().toUpperCase();
  const [pattern, example] = LABEL[kind];
  if (!pattern.test(text) || (kind === 'week' && Number.isNaN(Date.parse(text)))) {
    throw new CrisisError(`"${value}" is not a ${kind}`, [`write it as ${example}`]);
  }
  return kind === 'week' ? periodOf(text, 'week') : text;
}

/** A period as a sentence names it: "2022", "2022-Q1", "March 2022", "the week of 2022-03-28". */
export function periodLabel(period: string, kind: PeriodKind): string {
  if (kind === 'month') return new Date(`${period}-01T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (kind === 'week') return `the week of ${period}`;
  return period;
}
