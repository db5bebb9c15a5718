/**
 * Query parameters in ACLED's API conventions, turned into the one Filter model
 * (src/query/filter.ts) and the analyses' options:
 *   country=Mali|Niger                                    alternatives separated by |
 *   event_date=2021-01-01|2022-12-31&event_date_where=BETWEEN
 *   year=2022, actor=Wagner, event_type=Battles, civilian_targeting=1 …
 * A repeated parameter (country=Mali&country=Niger) means the same as the | form.
 * The zod schemas here both validate requests and describe them in /api/openapi.json, so the
 * two cannot disagree. They check the form of each value; the store checks names
 * (resolveFilter: "unknown country", with the closest ones).
 */
import { z } from 'zod';
import { CrisisError } from '../model/errors.js';
import type { Filter } from '../query/filter.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (2022-02-30 is not one). */
export function isDate(s: string): boolean {
  const time = Date.parse(`${s}T00:00:00Z`);
  return DATE.test(s) && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === s;
}

/** "Mali|Niger" → ["Mali", "Niger"]. */
export const alternatives = (value: string | undefined): string[] =>
  (value ?? '').split('|').map((v) => v.trim()).filter(Boolean);

/** A text parameter whose alternatives are separated by |. */
function names(description: string, example: string) {
  return z.string().meta({ description: `${description}; alternatives separated by |`, example }).optional();
}

/** 1/true/yes or 0/false/no, any case. */
export function flag(name: string, description: string) {
  return z.string().regex(/^(1|0|true|false|yes|no)$/i, { error: (i) => `${name} "${i.input}" is not 1 or 0` })
    .meta({ description, example: '1' }).optional();
}

export const isOn = (value: string | undefined): boolean => value !== undefined && /^(1|true|yes)$/i.test(value);

/** A whole number within bounds, written in digits. */
export function whole(name: string, description: string, example: number, max = 1_000_000, min = 0) {
  return z.string()
    .regex(/^\d+$/, { error: (i) => `${name} "${i.input}" is not a whole number`, abort: true })
    .refine((v) => Number(v) <= max && Number(v) >= min, {
      error: (i) => `${name} ${String(i.input)} is out of range: give a whole number from ${min} to ${max.toLocaleString('en-US')}`,
    })
    .meta({ description, example: String(example) }).optional();
}

/** A number, decimals allowed. */
export function decimal(name: string, description: string, example: number) {
  return z.string().regex(/^\d+(\.\d+)?$/, { error: (i) => `${name} "${i.input}" is not a number` })
    .meta({ description, example: String(example) }).optional();
}

export function date(name: string, description: string, example: string) {
  return z.string().regex(DATE, { error: (i) => `${name} "${i.input}" is not a date: write it as YYYY-MM-DD`, abort: true })
    .refine(isDate, { error: (i) => `${name} "${i.input}" is not a day of the calendar` })
    .meta({ description, example }).optional();
}

/** One of a few words. */
export function oneOf<const T extends readonly [string, ...string[]]>(name: string, values: T, description: string) {
  return z.enum(values, { error: (i) => `${name} "${i.input}" is not one of ${values.join(', ')}` })
    .meta({ description, example: values[0] }).optional();
}

/** Words of a fixed vocabulary, separated by , or |: by=year,country. */
export function listOf(name: string, values: readonly string[], description: string, example: string) {
  const word = `(${values.join('|')})`;
  return z.string()
    .regex(new RegExp(`^${word}([,|]${word})*$`), { error: (i) => `${name} "${i.input}" names none of ${values.join(', ')}` })
    .meta({ description, example }).optional();
}

/** --max-ids: how many event ids an analysis lists (all: every one). */
export const MAX_IDS = z.string().regex(/^(\d+|all)$/i, { error: (i) => `max_ids "${i.input}" is not a whole number or all`, abort: true })
  .refine((v) => v.toLowerCase() === 'all' || Number(v) <= 100_000_000, { error: (i) => `max_ids ${String(i.input)} is out of range: give at most 100,000,000, or all` })
  .meta({ description: 'event ids listed in the answer (default 10000; eventCount and eventFilter always cover them all); all lists every one', example: '100' })
  .optional();

export function maxIdsOf(value: string | undefined): { maxIds?: number } {
  if (value === undefined) return {};
  return { maxIds: value.toLowerCase() === 'all' ? Infinity : Number(value) };
}

export const DATE_WHERE = ['BETWEEN', '=', '>=', '<=', '>', '<'] as const;

/** The filter parameters: every route that reads events takes them. */
export const FILTER_PARAMS = {
  country: names('country as the data names it (any case)', 'Mali|Niger'),
  admin1: names('first-level administrative area', 'Mopti'),
  admin2: names('second-level administrative area', 'Djenne'),
  location: names('named location', 'Moura'),
  event_date: z.string()
    .refine((v) => alternatives(v).length > 0 && alternatives(v).every(isDate), {
      error: (i) => `event_date "${i.input}" is not a date: write YYYY-MM-DD, or two dates separated by | with event_date_where=BETWEEN`,
    })
    .meta({ description: 'a day, or two days separated by | with event_date_where=BETWEEN (inclusive)', example: '2022-01-01|2022-12-31' })
    .optional(),
  event_date_where: z.string()
    .refine((v) => (DATE_WHERE as readonly string[]).includes(v.trim().toUpperCase()), {
      error: (i) => `event_date_where "${i.input}" is not one of ${DATE_WHERE.join(' ')}`,
    })
    .meta({ description: `how event_date compares: ${DATE_WHERE.join(' ')} (default =)`, example: 'BETWEEN' })
    .optional(),
  year: z.string()
    .regex(/^\d{4}(\|\d{4})*$/, { error: (i) => `year "${i.input}" is not a year: write four digits, alternatives separated by |` })
    .meta({ description: 'calendar year; alternatives separated by |', example: '2021|2022' })
    .optional(),
  event_type: names('ACLED event type', 'Violence against civilians'),
  sub_event_type: names('ACLED sub-event type', 'Attack'),
  disorder_type: names('ACLED disorder type', 'Political violence'),
  actor: names('an actor involved as actor1, actor2 or an associated actor: a part of its name, any case', 'Wagner'),
  actor_exact: flag('actor_exact', 'actor must equal a whole actor name (any case)'),
  interaction: names('ACLED interaction code', '17'),
  civilian_targeting: z.string()
    .regex(/^(1|true|yes|civilian targeting)$/i, {
      error: (i) => `civilian_targeting "${i.input}": give civilian_targeting=1 for the events that target civilians, or leave it out for all events`,
    })
    .meta({ description: 'only events that target civilians (1, or ACLED\'s value "Civilian targeting")', example: '1' })
    .optional(),
  dataset: names('dataset: acled, ucdp-ged, demo-synthetic…', 'acled'),
};

export const FilterQuery = z.object(FILTER_PARAMS);
export type FilterQuery = z.infer<typeof FilterQuery>;

/** The validated parameters as a Filter; throws for combinations one value cannot check alone. */
export function filterOf(q: FilterQuery): Filter {
  const list = (v: string | undefined) => (alternatives(v).length ? alternatives(v) : undefined);
  const filter: Filter = {
    country: list(q.country), admin1: list(q.admin1), admin2: list(q.admin2), location: list(q.location),
    ...dates(q.event_date, q.event_date_where),
    year: list(q.year)?.map(Number),
    eventType: list(q.event_type), subEventType: list(q.sub_event_type), disorderType: list(q.disorder_type),
    actor: list(q.actor), actorExact: isOn(q.actor_exact) || undefined,
    interaction: list(q.interaction),
    civilianTargeting: q.civilian_targeting !== undefined || undefined,
    dataset: list(q.dataset),
  };
  for (const key of Object.keys(filter) as Array<keyof Filter>) if (filter[key] === undefined) delete filter[key];
  return filter;
}

/** event_date and event_date_where, as ACLED's API reads them, to the filter's first and last day. */
function dates(value: string | undefined, where: string | undefined): Pick<Filter, 'from' | 'to'> {
  const op = (where ?? '=').trim().toUpperCase();
  if (value === undefined) {
    if (where !== undefined) throw new CrisisError('event_date_where needs an event_date', ['e.g. event_date=2022-01-01|2022-12-31&event_date_where=BETWEEN']);
    return {};
  }
  const days = alternatives(value);
  if (op === 'BETWEEN') {
    if (days.length !== 2) throw new CrisisError(`event_date_where=BETWEEN needs two dates, not ${days.length}`, ['e.g. event_date=2022-01-01|2022-12-31&event_date_where=BETWEEN']);
    const [from, to] = days as [string, string];
    if (from > to) throw new CrisisError(`event_date: ${from} is after ${to}`, [`write the earlier date first: event_date=${to}|${from}`]);
    return { from, to };
  }
  if (days.length !== 1) throw new CrisisError(`event_date has ${days.length} dates: give one, or add event_date_where=BETWEEN for a range`, ['e.g. event_date=2022-01-01|2022-12-31&event_date_where=BETWEEN']);
  const day = days[0]!;
  switch (op) {
    case '=': return { from: day, to: day };
    case '>=': return { from: day };
    case '<=': return { to: day };
    case '>': return { from: shift(day, 1) };
    default: return { to: shift(day, -1) };
  }
}

function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
