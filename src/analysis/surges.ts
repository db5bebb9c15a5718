/**
 * Surges, in the manner of HDX Signals: areas (countries, admin1) whose fatalities over the
 * last `window` days reach a level not seen in any window of the previous year (or three),
 * and at least a minimum (100 for a country, 25 for an admin1). Each comes with the figures
 * that triggered it. Daily sums and rolling windows run in DuckDB (docs/analysis.md#surges).
 */
import { ANALYSIS_SUMMARIES } from './summaries.js';
import { checkNumber, param, readParam, ref } from '../model/param.js';
import { analysis, MAX_IDS } from './analysis.js';
import { CrisisError } from '../model/errors.js';
import { count } from '../query/count.js';
import { eventIds } from '../query/events.js';
import { FILTER_PARAMS, type Filter } from '../query/filter.js';
import { scopeOf, whereAnd } from '../query/scope.js';
import { aggregateCatalog, aggregateScope } from '../query/aggregates.js';
import { catalog } from '../query/catalog.js';
import type { Store } from '../store/store.js';
import { caveatsOf, datasetCaveats, fmt, idLimit, names, scopePhrase, traceIds, type AnalysisOptions, type Answer } from './answer.js';
import { dateSpan } from './episodes.js';
import { coverageBounds, coverageOf } from './coverage.js';
import { addDays, dayOf, type Bounds } from './periods.js';

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
  fatalities: number;
  windowEnd: string | null;
}

export interface Surge {
  level: 'country' | 'admin1';
  country: string;
  admin1: string | null;
  window: Bounds;
  fatalities: number;
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

export interface SurgeFigures {
  at: string | null;
  /** True when no date was given and `at` is the end of the most recent surge the data holds. */
  latest: boolean;
  /** The last day the data covers. */
  dataEnd: string | null;
  window: number;
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
  // ACLED's weekly aggregates: the same rule over whole weeks (a row per week, dated by its first day).
  const weekly = counted.aggregate;
  if (weekly && (weekly.period !== 'week' || !weekly.measures.includes('fatalities'))) {
    throw new CrisisError(`surges cannot be found in ${weekly.dataset}: it holds ${weekly.scope} per ${weekly.period}`, ["surges need events or weekly fatalities (ACLED's weekly aggregated files)"]);
  }
  const window = weekly ? 7 * Math.max(1, Math.round(asked / 7)) : asked;
  const coverage = coverageBounds(await coverageOf(store, counted.datasets, undated));
  const yearEnd = year?.length ? `${Math.max(...year)}-12-31` : undefined;
  let at = options.at ?? [filter.to, yearEnd, coverage?.last].filter((d): d is string => !!d).sort()[0];
  if (options.at !== undefined) readParam(SURGES_PARAMS.at, [options.at]);
  const caveats: string[] = [];
  if (filter.from || year?.length)
    caveats.push(
      `${ref(FILTER_PARAMS.from)} and ${ref(FILTER_PARAMS.year)} do not limit surges: a window is compared with up to three years before it; the window ends at ${ref(SURGES_PARAMS.at)}, else ${ref(FILTER_PARAMS.to)}, else the end of the data`,
    );
  if (!at || !coverage || counted.total.events === 0)
    return answer({ at: null, latest: false, dataEnd: coverage?.last ?? null, window, minimums, surges: [], areasWatched: 0, historyDays: 0 }, counted, caveats, []);

  // No date given: the most recent surges the data holds, rather than none in its last days.
  const latest = !weekly && !options.at && !filter.to && !year?.length;
  if (latest) at = (await latestSurgeEnd(store, undated, window, minimums, coverage.first, at)) ?? at;

  // Weekly data: `at` is the last week's first day, and the window is whole weeks up to that week's end.
  const windowStart = addDays(at, -(window - (weekly ? 7 : 1)));
  const windowEnd = weekly ? addDays(at, 6) : at;
  if (weekly)
    caveats.push(
      `${weekly.dataset} counts whole weeks: the window is ${window / 7} week${window === 7 ? '' : 's'} (${window} days${window !== asked ? `, for the ${asked} asked` : ''}), the weeks starting ${windowStart} to ${at}`,
    );
  const historyDays = Math.max(0, Math.min(3 * YEAR, dayOf(windowStart) - dayOf(coverage.first)));
  const entry = weekly ? (await aggregateCatalog(store)).find((e) => e.dataset === weekly.dataset)! : undefined;
  const scope = entry ? await aggregateScope(store, entry, { ...undated, to: at }, (await catalog(store)).length > 0) : await scopeOf(store, { ...undated, to: at });
  const source = entry ? WEEKLY_SOURCE : EVENT_SOURCE;
  const span = whereAnd(scope, [`${source.date} >= ?::DATE`], [addDays(windowStart, -(3 * YEAR + window))]);
  const [w1, y1, y3] = [windowStart, addDays(windowStart, -YEAR), addDays(windowStart, -3 * YEAR)];
  const rows = await store.all(
    `${rollingSql(span.where, window, source)}
    SELECT g, country, admin1, sum(f) FILTER (WHERE d >= ?::DATE) AS current, sum(n) FILTER (WHERE d >= ?::DATE) AS events,
      coalesce(max(w) FILTER (WHERE d < ?::DATE AND d >= ?::DATE), 0) AS max1, arg_max(d, w) FILTER (WHERE d < ?::DATE AND d >= ?::DATE) AS max1_end,
      coalesce(max(w) FILTER (WHERE d < ?::DATE AND d >= ?::DATE), 0) AS max3, arg_max(d, w) FILTER (WHERE d < ?::DATE AND d >= ?::DATE) AS max3_end
    FROM roll GROUP BY g, country, admin1 HAVING sum(f) FILTER (WHERE d >= ?::DATE) > 0`,
    [...span.params, w1, w1, w1, y1, w1, y1, w1, y3, w1, y3, w1],
  );

  if (historyDays < YEAR) caveats.push(`the data covers only ${fmt(historyDays)} days before the window: at least a year is needed to call a surge`);
  else if (historyDays < 3 * YEAR) caveats.push(`the data covers ${fmt(historyDays)} days before the window: no surge can be called the highest in three years`);
  const found: Surge[] = [];
  for (const r of rows) {
    const level = Number(r.g) === 1 ? 'country' : 'admin1';
    const minimum = minimums[level];
    const current = Number(r.current);
    const p1: Peak = { fatalities: Number(r.max1), windowEnd: (r.max1_end as string | null) ?? null };
    const p3: Peak = { fatalities: Number(r.max3), windowEnd: (r.max3_end as string | null) ?? null };
    if (historyDays < YEAR || current < minimum || current <= p1.fatalities) continue;
    const where: Filter = { ...undated, country: [String(r.country)], ...(level === 'admin1' ? { admin1: [String(r.admin1)] } : {}), from: windowStart, to: at };
    found.push({
      level,
      country: String(r.country),
      admin1: level === 'admin1' ? String(r.admin1) : null,
      window: { first: windowStart, last: windowEnd },
      fatalities: current,
      events: Number(r.events),
      previous1y: p1,
      previous3y: p3,
      highestIn: historyDays >= 3 * YEAR && current > p3.fatalities ? 3 : 1,
      minimum,
      eventFilter: where,
      eventIds: [],
    });
  }
  found.sort((a, b) => (a.level === b.level ? 0 : a.level === 'country' ? -1 : 1) || b.fatalities - a.fatalities || a.country.localeCompare(b.country));
  // Aggregated data has no events behind its numbers: nothing to list.
  if (!weekly) for (const s of found) s.eventIds = await eventIds(store, s.eventFilter, idLimit(options));
  caveats.push(
    `a surge is ${window}-day fatalities above every ${window}-day total of the year before the window began, and at least ${minimums.country} for a country or ${minimums.admin1} for an admin1 area`,
  );
  // An admin1 surge's events are within its country's when that surges too: count each event once.
  const surgingCountries = new Set(found.filter((s) => s.level === 'country').map((s) => s.country));
  const behind = found.filter((s) => s.level === 'country' || !surgingCountries.has(s.country)).reduce((n, s) => n + s.events, 0);
  return answer(
    { at: windowEnd, latest: latest && at !== coverage.last, dataEnd: coverage.last, window, minimums, surges: found, areasWatched: rows.length, historyDays },
    counted,
    caveats,
    found.flatMap((s) => s.eventIds),
    options,
    weekly ? 0 : behind,
  );
}

/** Where rolling sums are taken from: events by day, or ACLED's weekly aggregates by week (dated by the week's first day). */
interface RollingSource {
  table: string;
  date: string;
  events: string;
  step: number;
}
const EVENT_SOURCE: RollingSource = { table: 'events', date: 'event_date', events: 'count(*)', step: 1 };
const WEEKLY_SOURCE: RollingSource = { table: 'aggregates', date: 'period_start', events: 'coalesce(sum(events), 0)', step: 7 };

/**
 * Daily fatalities (f) and events (n) per country (g = 1) and per admin1 area, with the
 * rolling `window`-day total ending each day (w). Rolling sums are evaluated at days with
 * events: a window's total can only peak on such a day.
 */
function rollingSql(where: string, window: number, source: RollingSource = EVENT_SOURCE): string {
  return `WITH daily AS (
      SELECT country, admin1, grouping(admin1) AS g, ${source.date} AS d, coalesce(sum(fatalities), 0) AS f, ${source.events} AS n
      FROM ${source.table} ${where} AND country IS NOT NULL
      GROUP BY GROUPING SETS ((country, ${source.date}), (country, admin1, ${source.date}))),
    roll AS (SELECT *, sum(f) OVER (PARTITION BY g, country, admin1 ORDER BY d RANGE BETWEEN INTERVAL ${window - source.step} DAYS PRECEDING AND CURRENT ROW) AS w
      FROM daily WHERE g = 1 OR admin1 IS NOT NULL)`;
}

/**
 * The last day, up to `last`, on which some area's window total tops every window of the year
 * before that window began (and its minimum), with a year of data before it: the same test as
 * surges() makes for one day, made for every day at once.
 */
async function latestSurgeEnd(store: Store, filter: Filter, window: number, minimums: { country: number; admin1: number }, first: string, last: string): Promise<string | undefined> {
  const scope = await scopeOf(store, { ...filter, to: last });
  const row = await store.one(
    `${rollingSql(scope.where, window)},
    judged AS (SELECT *, max(w) OVER (PARTITION BY g, country, admin1 ORDER BY d RANGE BETWEEN INTERVAL ${YEAR - 1 + window} DAYS PRECEDING AND INTERVAL ${window} DAYS PRECEDING) AS before FROM roll)
    SELECT max(d) AS d FROM judged WHERE d >= ?::DATE AND w > coalesce(before, 0) AND w >= CASE WHEN g = 1 THEN ? ELSE ? END`,
    [...scope.params, addDays(first, YEAR - 1 + window), minimums.country, minimums.admin1],
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

function sentence(f: SurgeFigures, where: string): string {
  if (!f.at) return `No events match${where}: nothing to watch.`;
  const days = `the ${f.window} days to ${dateSpan(f.at, f.at)}`;
  if (f.latest && f.surges.length) {
    const described = f.surges.slice(0, 3).map((s) => `${surgeArea(s)}, ${fmt(s.fatalities)} killed`);
    const more = f.surges.length > 3 ? ` and ${f.surges.length - 3} more` : '';
    return `The most recent surge${where} in the data was in ${days} (the data runs to ${dateSpan(f.dataEnd!, f.dataEnd!)}): ${names(described)}${more}.`;
  }
  if (!f.surges.length)
    return `No area${where} had more fatalities in ${days} than in any ${f.window} days of the year before (and at least ${f.minimums.country} for a country, ${f.minimums.admin1} for an admin1 area).`;
  const described = f.surges.slice(0, 3).map((s) => {
    const before = s.highestIn === 3 ? s.previous3y : s.previous1y;
    return `${surgeArea(s)}, ${fmt(s.fatalities)} killed, the most in ${s.highestIn === 3 ? 'three years' : 'a year'} (${before.fatalities ? `previous high ${fmt(before.fatalities)}` : 'none killed before'})`;
  });
  const more = f.surges.length > 3 ? ` and ${f.surges.length - 3} more` : '';
  return `${f.surges.length === 1 ? 'One area is' : `${f.surges.length} areas are`} surging${where} in ${days}: ${names(described)}${more}.`;
}

export const SURGES_PARAMS = {
  window: param('whole', { key: 'window', min: 1, max: 366, default: 30, help: 'days in the rolling window' }),
  min: param('whole', { key: 'min', min: 0, max: 1_000_000_000, default: 100, help: 'least fatalities in the window for a country' }),
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
last day of the data; ${ref(FILTER_PARAMS.from)} and ${ref(FILTER_PARAMS.year)} do not cut the history it is compared with.`,
  params: Object.values(SURGES_PARAMS),
  run: (store, filter, o) => surges(store, filter, o as SurgeOptions),
  layout: ({ figures }) => {
    const rows = figures.surges.map((s) => ({
      area: surgeArea(s),
      level: s.level,
      fatalities: s.fatalities,
      events: s.events,
      'high 1y': s.previous1y.fatalities,
      'high 1y to': s.previous1y.windowEnd ?? '',
      'high 3y': s.previous3y.fatalities,
      'highest in': `${s.highestIn} year${s.highestIn === 1 ? '' : 's'}`,
    }));
    return rows.length ? [{ columns: ['area', 'level', 'fatalities', 'events', 'high 1y', 'high 1y to', 'high 3y', 'highest in'], rows }] : [];
  },
  examples: ['crisismap surges', 'crisismap surges --country Mali --at 2022-04-15 --json'],
});
