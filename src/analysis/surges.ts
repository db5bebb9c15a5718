/**
 * Surges, in the manner of HDX Signals: areas (countries, admin1) whose fatalities over the
 * last `window` days reach a level not seen in any window of the previous year (or three),
 * and at least a minimum (100 for a country, 25 for an admin1). Each comes with the figures
 * that triggered it. Daily sums and rolling windows run in DuckDB (docs/analysis.md#surges).
 * ACLED's weekly and monthly aggregates roll by whole weeks or months; yearly ones are refused.
 */
import { ANALYSIS_SUMMARIES } from './summaries.js';
import { checkNumber, named, param, readParam, ref, request } from '../model/param.js';
import { analysis, MAX_IDS } from './analysis.js';
import { CrisisError } from '../model/errors.js';
import { count } from '../query/count.js';
import { eventIds } from '../query/events.js';
import { FILTER_PARAMS, type Filter } from '../query/filter.js';
import { scopeOf, whereAnd } from '../query/scope.js';
import { aggregateCatalog, aggregateScope, type AggregateEntry } from '../query/aggregates.js';
import type { Compiled } from '../query/compile.js';
import { catalog } from '../query/catalog.js';
import type { Store } from '../store/store.js';
import { caveatsOf, datasetCaveats, fmt, idLimit, names, scopePhrase, traceIds, type AnalysisOptions, type Answer } from './answer.js';
import { dateSpan } from './episodes.js';
import { coverageBounds, coverageOf } from './coverage.js';
import { addDays, addMonths, dayOf, periodLabel, type Bounds } from './periods.js';

export interface SurgeOptions extends AnalysisOptions {
  /** Days in the rolling window (default 30). */
  window?: number;
  /** Least fatalities in the window for a country (default 100). */
  min?: number;
  /** Least fatalities in the window for an admin1 area (default 25). */
  minAdmin1?: number;
  /**
   * The window's last day. Default: --to, or the end of --year; with neither, the last day of
   * the most recent window in which an area surged (the data's last day when none did).
   */
  at?: string;
}

export interface Peak {
  /** The highest window total of the measure judged (fatalities, or events for data without fatalities). */
  fatalities: number;
  windowEnd: string | null;
}

export interface Surge {
  level: 'country' | 'admin1';
  country: string;
  admin1: string | null;
  window: Bounds;
  /** The window's total of the measure judged (`figures.measure`): what beat the previous highs. */
  value: number;
  /** Fatalities in the window; null when the data counts none (ACLED's monthly event counts). */
  fatalities: number | null;
  events: number;
  /** The highest window total in the year (and three years) before this window began; 0 when none. */
  previous1y: Peak;
  previous3y: Peak;
  /** Years of history this window tops: 3 when it beats both, else 1. */
  highestIn: 1 | 3;
  minimum: number;
  /** The filter that lists the window's events there, and their ids (capped at maxIds). */
  eventFilter: Filter;
  eventIds: string[];
}

/**
 * The step of the rolling windows: days for events; whole weeks or months for ACLED's
 * aggregated files, each row dated by its period's first day.
 */
export type SurgeUnit = 'day' | 'week' | 'month';

export interface SurgeFigures {
  at: string | null;
  /** True when no date was given and `at` is the end of the most recent surge the data holds. */
  latest: boolean;
  /** The last day the data covers. */
  dataEnd: string | null;
  /** Days in the window (for whole months, the days of the window's months). */
  window: number;
  unit: SurgeUnit;
  /** Days, weeks or months in the window. */
  periods: number;
  /** What is judged: fatalities, or events for aggregated data that counts no fatalities. */
  measure: 'fatalities' | 'events';
  /** Aggregated data only: the dataset that answered, what a row counts and its resolution, said in the sentence. */
  aggregate: { dataset: string; scope: string; resolution: string; admin1: boolean } | null;
  minimums: { country: number; admin1: number };
  surges: Surge[];
  /** Areas with any fatalities in the window: those that were looked at. */
  areasWatched: number;
  /** Days of data before the window began (at most three years are used). */
  historyDays: number;
}

const YEAR = 365;

export async function surges(store: Store, filter: Filter, options: SurgeOptions = {}): Promise<Answer<SurgeFigures>> {
  const asked = checkNumber(SURGES_PARAMS.window, options.window);
  const minimums = { country: checkNumber(SURGES_PARAMS.min, options.min), admin1: checkNumber(SURGES_PARAMS.minAdmin1, options.minAdmin1) };
  // The window ends at --to; --from and --year would cut off the history a surge is judged against.
  const { from: _from, year, ...undated } = filter;
  const counted = await count(store, undated);
  const aggregate = counted.aggregate;
  // A year per row cannot show a surge: the year before a one-year window holds one figure (docs/analysis.md#surges).
  if (aggregate?.period === 'year') {
    throw new CrisisError(`surges cannot be found in ${aggregate.dataset}: it holds one figure per ${aggregate.resolution}`, [
      `a surge is a window of days, weeks or months above every such window of the year before it; the year before a whole year holds one figure, so that would only be a change from one year to the next: ${request(
        'trend',
        [
          [FILTER_PARAMS.dataset, aggregate.dataset],
          [named('by'), 'year'],
        ],
      )}`,
      "surges need events, or ACLED's weekly or monthly aggregated files",
    ]);
  }
  const entry = aggregate ? (await aggregateCatalog(store)).find((e) => e.dataset === aggregate.dataset) : undefined;
  const source = rollingSource(entry);
  const periods = source.unit === 'day' ? asked : source.unit === 'week' ? Math.max(1, Math.round(asked / 7)) : Math.max(1, Math.round(asked / (YEAR / 12)));
  const scopeTo = async (to: string) => (entry ? aggregateScope(store, entry, { ...undated, to }, (await catalog(store)).length > 0) : scopeOf(store, { ...undated, to }));
  const coverage = coverageBounds(await coverageOf(store, counted.datasets, undated));
  const yearEnd = year?.length ? `${Math.max(...year)}-12-31` : undefined;
  let at = options.at ?? [filter.to, yearEnd, coverage?.last].filter((d): d is string => !!d).sort()[0];
  if (options.at !== undefined) readParam(SURGES_PARAMS.at, [options.at]);
  const caveats: string[] = [];
  if (filter.from || year?.length)
    caveats.push(
      `${ref(FILTER_PARAMS.from)} and ${ref(FILTER_PARAMS.year)} do not limit surges: a window is compared with up to three years before it; the window ends at ${ref(SURGES_PARAMS.at)}, else ${ref(FILTER_PARAMS.to)}, else the end of the data`,
    );
  const base = {
    latest: false,
    dataEnd: coverage?.last ?? null,
    unit: source.unit,
    periods,
    measure: source.measure,
    aggregate: entry ? { dataset: entry.dataset, scope: entry.scope, resolution: entry.resolution, admin1: entry.columns.includes('admin1') } : null,
    minimums,
  };
  // Aggregated data: the window's last period is the one holding `at` (dated by its first day).
  if (at && entry) at = await periodHolding(store, entry.dataset, at);
  if (!at || !coverage || (counted.total.events ?? counted.total.fatalities ?? 0) === 0)
    return answer({ ...base, at: null, window: spanDays(source.unit, periods), surges: [], areasWatched: 0, historyDays: 0 }, counted, caveats, []);

  // No date given: the most recent surges the data holds, rather than none in its last days.
  const latest = !options.at && !filter.to && !year?.length;
  if (latest) at = (await latestSurgeEnd(store, await scopeTo(at), source, periods, minimums, coverage.first)) ?? at;

  const windowStart = step(source.unit, at, -(periods - 1));
  const windowEnd = addDays(step(source.unit, at, 1), -1);
  const window = dayOf(windowEnd) - dayOf(windowStart) + 1;
  if (entry) {
    const unit = `${source.unit}${periods === 1 ? '' : 's'}`;
    const which =
      source.unit === 'week'
        ? `the weeks starting ${windowStart} to ${at}`
        : periods === 1
          ? periodLabel(at.slice(0, 7), 'month')
          : `${periodLabel(windowStart.slice(0, 7), 'month')} to ${periodLabel(at.slice(0, 7), 'month')}`;
    caveats.push(`${entry.dataset} counts whole ${source.unit}s: the window is ${periods} ${unit} (${window} days${window !== asked ? `, for the ${asked} asked` : ''}), ${which}`);
  }
  const historyDays = Math.max(0, Math.min(3 * YEAR, dayOf(windowStart) - dayOf(coverage.first)));
  const scope = await scopeTo(at);
  const [w1, y1, y3] = [windowStart, yearsBefore(source.unit, windowStart, 1), yearsBefore(source.unit, windowStart, 3)];
  const span = whereAnd(scope, [`${source.date} >= ?::DATE`], [step(source.unit, y3, -periods)]);
  const rows = await store.all(
    `${rollingSql(span.where, periods, source)}
    SELECT g, country, admin1, sum(v) FILTER (WHERE d >= ?::DATE) AS current, sum(n) FILTER (WHERE d >= ?::DATE) AS events, sum(f) FILTER (WHERE d >= ?::DATE) AS fatalities,
      coalesce(max(w) FILTER (WHERE d < ?::DATE AND d >= ?::DATE), 0) AS max1, arg_max(d, w) FILTER (WHERE d < ?::DATE AND d >= ?::DATE) AS max1_end,
      coalesce(max(w) FILTER (WHERE d < ?::DATE AND d >= ?::DATE), 0) AS max3, arg_max(d, w) FILTER (WHERE d < ?::DATE AND d >= ?::DATE) AS max3_end
    FROM roll GROUP BY g, country, admin1 HAVING sum(v) FILTER (WHERE d >= ?::DATE) > 0`,
    [...span.params, w1, w1, w1, w1, y1, w1, y1, w1, y3, w1, y3, w1],
  );

  if (historyDays < YEAR) caveats.push(`the data covers only ${fmt(historyDays)} days before the window: at least a year is needed to call a surge`);
  else if (historyDays < 3 * YEAR) caveats.push(`the data covers ${fmt(historyDays)} days before the window: no surge can be called the highest in three years`);
  const found: Surge[] = [];
  for (const r of rows) {
    const level = Number(r.g) === 1 ? 'country' : 'admin1';
    const minimum = minimums[level];
    const current = Number(r.current);
    // A window's end, as the sentence names it: the last day of its last week or month.
    const endOf = (d: unknown) => (d === null || d === undefined ? null : addDays(step(source.unit, String(d), 1), -1));
    const p1: Peak = { fatalities: Number(r.max1), windowEnd: endOf(r.max1_end) };
    const p3: Peak = { fatalities: Number(r.max3), windowEnd: endOf(r.max3_end) };
    if (historyDays < YEAR || current < minimum || current <= p1.fatalities) continue;
    const where: Filter = { ...undated, country: [String(r.country)], ...(level === 'admin1' ? { admin1: [String(r.admin1)] } : {}), from: windowStart, to: at };
    found.push({
      level,
      country: String(r.country),
      admin1: level === 'admin1' ? String(r.admin1) : null,
      window: { first: windowStart, last: windowEnd },
      value: current,
      fatalities: r.fatalities === null ? null : Number(r.fatalities),
      events: Number(r.events),
      previous1y: p1,
      previous3y: p3,
      highestIn: historyDays >= 3 * YEAR && current > p3.fatalities ? 3 : 1,
      minimum,
      eventFilter: where,
      eventIds: [],
    });
  }
  found.sort((a, b) => (a.level === b.level ? 0 : a.level === 'country' ? -1 : 1) || b.value - a.value || a.country.localeCompare(b.country));
  // Aggregated data has no events behind its numbers: nothing to list.
  if (!entry) for (const s of found) s.eventIds = await eventIds(store, s.eventFilter, idLimit(options));
  const length = windowLength(source.unit, periods);
  caveats.push(
    `a surge is ${length} ${measureWords(base)} above every ${length} total of the year before the window began, and at least ${minimums.country} for a country${base.aggregate?.admin1 === false ? '' : ` or ${minimums.admin1} for an admin1 area`}`,
  );
  // An admin1 surge's events are within its country's when that surges too: count each event once.
  const surgingCountries = new Set(found.filter((s) => s.level === 'country').map((s) => s.country));
  const behind = found.filter((s) => s.level === 'country' || !surgingCountries.has(s.country)).reduce((n, s) => n + s.events, 0);
  return answer(
    { ...base, at: windowEnd, latest: latest && windowEnd !== coverage.last && at !== coverage.last, window, surges: found, areasWatched: rows.length, historyDays },
    counted,
    caveats,
    found.flatMap((s) => s.eventIds),
    options,
    entry ? 0 : behind,
  );
}

/** Where rolling sums are taken from: events by day, or one aggregated dataset by week or month. */
interface RollingSource {
  table: string;
  date: string;
  unit: SurgeUnit;
  measure: 'fatalities' | 'events';
  /** SQL per day or period: the measure judged (v), events (n) and fatalities (f, null when unknown). */
  value: string;
  events: string;
  fatalities: string;
}

function rollingSource(entry: AggregateEntry | undefined): RollingSource {
  if (!entry) return { table: 'events', date: 'event_date', unit: 'day', measure: 'fatalities', value: 'coalesce(sum(fatalities), 0)', events: 'count(*)', fatalities: 'coalesce(sum(fatalities), 0)' };
  // ACLED's monthly political violence and demonstration files count events only: their surges are in events.
  const measure = entry.measures.includes('fatalities') ? 'fatalities' : 'events';
  return {
    table: 'aggregates',
    date: 'period_start',
    unit: entry.period === 'month' ? 'month' : 'week',
    measure,
    value: `coalesce(sum(${measure}), 0)`,
    events: 'coalesce(sum(events), 0)',
    fatalities: entry.measures.includes('fatalities') ? 'coalesce(sum(fatalities), 0)' : 'NULL::BIGINT',
  };
}

/** `iso` moved by `n` days, weeks or months. */
function step(unit: SurgeUnit, iso: string, n: number): string {
  return unit === 'month' ? addMonths(iso, n) : addDays(iso, unit === 'week' ? 7 * n : n);
}

/** The start of the history a window is compared with: 365 days per year, or whole years of months. */
function yearsBefore(unit: SurgeUnit, iso: string, years: number): string {
  return unit === 'month' ? addMonths(iso, -12 * years) : addDays(iso, -YEAR * years);
}

/** `n` days, weeks or months as a DuckDB interval. */
function interval(unit: SurgeUnit, n: number): string {
  return unit === 'month' ? `INTERVAL ${n} MONTHS` : `INTERVAL ${unit === 'week' ? 7 * n : n} DAYS`;
}

/** Days in a window of `n` units, before it is placed (months vary: 30 days a month). */
function spanDays(unit: SurgeUnit, n: number): number {
  return unit === 'month' ? 30 * n : unit === 'week' ? 7 * n : n;
}

/** "30-day", "4-week", "1-month": a window's length as an adjective. */
function windowLength(unit: SurgeUnit, n: number): string {
  return `${n}-${unit}`;
}

function measureWords(f: Pick<SurgeFigures, 'measure' | 'aggregate'>): string {
  return f.measure === 'events' ? (f.aggregate?.scope ?? 'events') : 'fatalities';
}

/** The first day of the dataset's period holding `day`: weekly and monthly windows are whole periods. */
async function periodHolding(store: Store, dataset: string, day: string): Promise<string | undefined> {
  const row = await store.one(`SELECT max(period_start)::VARCHAR AS start FROM aggregates WHERE dataset = ? AND period_start <= ?::DATE`, [dataset, day]);
  return (row.start as string | null) ?? undefined;
}

/**
 * Per day (or period) fatalities or events judged (v), events (n) and fatalities (f) per
 * country (g = 1) and per admin1 area, with the rolling total of v over the `periods` ending
 * at each (w). Rolling sums are evaluated at days with data: a window's total can only peak
 * on such a day.
 */
function rollingSql(where: string, periods: number, source: RollingSource): string {
  return `WITH daily AS (
      SELECT country, admin1, grouping(admin1) AS g, ${source.date} AS d, ${source.value} AS v, ${source.events} AS n, ${source.fatalities} AS f
      FROM ${source.table} ${where} AND country IS NOT NULL
      GROUP BY GROUPING SETS ((country, ${source.date}), (country, admin1, ${source.date}))),
    roll AS (SELECT *, sum(v) OVER (PARTITION BY g, country, admin1 ORDER BY d RANGE BETWEEN ${interval(source.unit, periods - 1)} PRECEDING AND CURRENT ROW) AS w
      FROM daily WHERE g = 1 OR admin1 IS NOT NULL)`;
}

/**
 * The last day (or period), up to the scope's end, on which some area's window total tops
 * every window of the year before that window began (and its minimum), with a year of data
 * before it: the same test as surges() makes for one day, made for every day at once.
 */
async function latestSurgeEnd(store: Store, scope: Compiled, source: RollingSource, periods: number, minimums: { country: number; admin1: number }, first: string): Promise<string | undefined> {
  // Windows that ended in the year before this one began: from a year and periods - 1 back to `periods` back.
  const lower = source.unit === 'month' ? interval('month', 12 + periods - 1) : `INTERVAL ${YEAR + (source.unit === 'week' ? 7 : 1) * (periods - 1)} DAYS`;
  const row = await store.one(
    `${rollingSql(scope.where, periods, source)},
    judged AS (SELECT *, max(w) OVER (PARTITION BY g, country, admin1 ORDER BY d RANGE BETWEEN ${lower} PRECEDING AND ${interval(source.unit, periods)} PRECEDING) AS before FROM roll)
    SELECT max(d)::VARCHAR AS d FROM judged WHERE d >= ?::DATE AND w > coalesce(before, 0) AND w >= CASE WHEN g = 1 THEN ? ELSE ? END`,
    [...scope.params, step(source.unit, yearsBefore(source.unit, first, -1), periods - 1), minimums.country, minimums.admin1],
  );
  return (row.d as string | null) ?? undefined;
}

function answer(figures: SurgeFigures, counted: Awaited<ReturnType<typeof count>>, caveats: string[], ids: string[], options: AnalysisOptions = {}, behind?: number): Answer<SurgeFigures> {
  const where = scopePhrase(counted.filters);
  return {
    question: figures.latest ? `Where${where} did violence last surge?` : `Where${where} is violence surging?`,
    figures,
    sentence: sentence(figures, where),
    filters: counted.filters,
    datasets: counted.datasets,
    caveats: caveatsOf(counted.notes, datasetCaveats(counted.datasets), caveats),
    ...traceIds(ids, options, behind),
  };
}

export function surgeArea(s: Pick<Surge, 'country' | 'admin1'>): string {
  return s.admin1 ? `${s.admin1} (${s.country})` : s.country;
}

/**
 * The window as a sentence names it, with the resolution of aggregated data: "the 30 days to
 * 15 April 2022", "the 4 weeks to 25 February 2022 (acled-weekly: all events per week × admin1 ×
 * …)", "March 2022 (acled-civilian-targeting: civilian targeting events per country × month)".
 */
function windowWords(f: SurgeFigures): string {
  const start = f.surges[0]?.window.first ?? addDays(f.at!, -(f.window - 1));
  const words =
    f.unit === 'month'
      ? f.periods === 1
        ? periodLabel(f.at!.slice(0, 7), 'month')
        : `the ${f.periods} months ${periodLabel(start.slice(0, 7), 'month')} to ${periodLabel(f.at!.slice(0, 7), 'month')}`
      : `the ${f.periods} ${f.unit}${f.periods === 1 ? '' : 's'} to ${dateSpan(f.at!, f.at!)}`;
  return f.aggregate ? `${words} (${f.aggregate.dataset}: ${f.aggregate.scope} per ${f.aggregate.resolution})` : words;
}

function sentence(f: SurgeFigures, where: string): string {
  if (!f.at) return `No events match${where}: nothing to watch.`;
  const span = windowWords(f);
  const unit = f.measure === 'events' ? ` ${measureWords(f)}` : ' killed';
  const length = f.periods === 1 ? `${f.unit}` : `${f.periods} ${f.unit}s`;
  if (f.latest && f.surges.length) {
    const described = f.surges.slice(0, 3).map((s) => `${surgeArea(s)}, ${fmt(s.value)}${unit}`);
    const more = f.surges.length > 3 ? ` and ${f.surges.length - 3} more` : '';
    return `The most recent surge${where} in the data was in ${span} (the data runs to ${dateSpan(f.dataEnd!, f.dataEnd!)}): ${names(described)}${more}.`;
  }
  const admin1 = f.aggregate?.admin1 === false ? '' : `, ${f.minimums.admin1} for an admin1 area`;
  if (!f.surges.length) return `No area${where} had more ${measureWords(f)} in ${span} than in any ${length} of the year before (and at least ${f.minimums.country} for a country${admin1}).`;
  const described = f.surges.slice(0, 3).map((s) => {
    const before = s.highestIn === 3 ? s.previous3y : s.previous1y;
    return `${surgeArea(s)}, ${fmt(s.value)}${unit}, the most in ${s.highestIn === 3 ? 'three years' : 'a year'} (${before.fatalities ? `previous high ${fmt(before.fatalities)}` : `none${unit} before`})`;
  });
  const more = f.surges.length > 3 ? ` and ${f.surges.length - 3} more` : '';
  return `${f.surges.length === 1 ? 'One area is' : `${f.surges.length} areas are`} surging${where} in ${span}: ${names(described)}${more}.`;
}

export const SURGES_PARAMS = {
  window: param('whole', { key: 'window', min: 1, max: 366, default: 30, help: 'days in the rolling window' }),
  min: param('whole', { key: 'min', min: 0, max: 1_000_000_000, default: 100, help: 'least fatalities in the window for a country (events, for data that counts no fatalities)' }),
  minAdmin1: param('whole', { key: 'minAdmin1', min: 0, max: 1_000_000_000, default: 25, help: 'least fatalities in the window for an admin1 area' }),
  at: param('date', { key: 'at', example: '2022-04-15', help: "the window's last day (default: the last day of the dates asked for, else of the data)" }),
  maxIds: MAX_IDS,
};

export const surgesAnalysis = analysis<SurgeFigures>({
  name: 'surges',
  summary: ANALYSIS_SUMMARIES.surges,
  about: `Countries and admin1 areas whose fatalities in the last ${ref(SURGES_PARAMS.window)} days are higher than in
any window of the year before it began (and at least ${ref(SURGES_PARAMS.min)} for a country, ${ref(SURGES_PARAMS.minAdmin1)} for
an admin1 area), in the manner of HDX Signals; each with the figures that triggered it and
whether it is also the highest in three years. The window ends at ${ref(SURGES_PARAMS.at)}, else ${ref(FILTER_PARAMS.to)}, else the
last day of the data; ${ref(FILTER_PARAMS.from)} and ${ref(FILTER_PARAMS.year)} do not cut the history it is compared with.
On ACLED's weekly or monthly aggregated files the window is whole weeks or months (monthly
event counts surge in events); yearly files are refused: the year before a year is one figure.`,
  params: Object.values(SURGES_PARAMS),
  run: (store, filter, o) => surges(store, filter, o as SurgeOptions),
  layout: ({ figures }) => {
    const rows = figures.surges.map((s) => ({
      area: surgeArea(s),
      level: s.level,
      [figures.measure]: s.value,
      ...(figures.measure === 'events' ? {} : { events: s.events }),
      'high 1y': s.previous1y.fatalities,
      'high 1y to': s.previous1y.windowEnd ?? '',
      'high 3y': s.previous3y.fatalities,
      'highest in': `${s.highestIn} year${s.highestIn === 1 ? '' : 's'}`,
    }));
    return rows.length ? [{ columns: ['area', 'level', ...(figures.measure === 'events' ? ['events'] : ['fatalities', 'events']), 'high 1y', 'high 1y to', 'high 3y', 'highest in'], rows }] : [];
  },
  examples: ['crisismap surges', 'crisismap surges --country Mali --at 2022-04-15 --json'],
});
