/**
 * Trend and change: events or fatalities per period, and the change between two periods
 * as difference, ratio and percent. A period the data covers only in part is flagged;
 * it is left out of the default comparison, and compared only over the same stretch of
 * days of the other period when asked for (docs/analysis.md#trend).
 */
import { ANALYSIS_SUMMARIES } from './summaries.js';
import { named, param, ParamError, ref, refOf, request } from '../model/param.js';
import { analysis, MAX_IDS } from './analysis.js';
import { CrisisError } from '../model/errors.js';
import { count, type Totals } from '../query/count.js';
import type { Filter } from '../query/filter.js';
import type { Store } from '../store/store.js';
import { caveatsOf, datasetCaveats, fmt, scopePhrase, traceFilter, type AnalysisOptions, type Answer } from './answer.js';
import { coverageOf, periodCoverage, type Coverage } from './coverage.js';
import { addDays, dayOf, isoOf, parsePeriod, PERIOD_KINDS, periodBounds, periodLabel, periodOf, periodsBetween, type Bounds, type PeriodKind } from './periods.js';

export type Metric = 'events' | 'fatalities';

export interface TrendOptions extends AnalysisOptions {
  /** Period length (default: year). */
  by?: PeriodKind;
  /** What to compare (default: fatalities). */
  metric?: Metric;
  /** Two periods to compare, earlier first (default: the last two complete ones). */
  compare?: [string, string];
}

export interface TrendPoint extends Totals, Bounds {
  period: string;
  /** True when the data covers only some days of the period (or none). */
  partial: boolean;
  coveredDays: number;
  days: number;
  coveredFrom?: string;
  coveredTo?: string;
}

export interface Change {
  from: string;
  to: string;
  before: number;
  after: number;
  difference: number;
  /** after / before; null when before is 0. */
  ratio: number | null;
  /** Percent change; null when before is 0. */
  percent: number | null;
  /** `same-stretch`: a partial period against the same days of the other one. */
  basis: 'complete' | 'same-stretch';
  stretches?: [Bounds, Bounds];
}

export interface TrendFigures {
  by: PeriodKind;
  metric: Metric;
  series: TrendPoint[];
  change: Change | null;
  total: Totals;
}

export async function trend(store: Store, filter: Filter, options: TrendOptions = {}): Promise<Answer<TrendFigures>> {
  const by = options.by ?? 'year';
  const metric = options.metric ?? 'fatalities';
  const counted = await count(store, filter, [by]);
  if (counted.aggregate && !counted.aggregate.measures.includes(metric)) {
    throw new CrisisError(`${counted.aggregate.dataset} has no ${metric} counts: it holds ${counted.aggregate.scope}`, [`use ${ref(TREND_PARAMS.metric, counted.aggregate.measures[0])}`]);
  }
  if (counted.aggregate?.period === 'week' && by === 'week') {
    // ACLED's weeks start on Saturday; calendar weeks start on Monday: one cannot be cut into the other.
    throw new CrisisError(`a trend by week cannot be drawn from ${counted.aggregate.dataset}: ACLED's weeks start on Saturday, calendar weeks on Monday`, [
      `use ${ref(TREND_PARAMS.by, 'month')} or longer, or list ACLED's weeks with: ${request('count', [[named('by'), 'week']])}`,
    ]);
  }
  const coverage = await coverageOf(store, counted.datasets, counted.filters);
  const series = fill(
    counted.rows.map((r) => ({ ...r, period: String(r[by]) })),
    coverage,
    by,
  );
  const caveats: string[] = [];
  for (const p of series.filter((s) => s.partial)) {
    caveats.push(
      p.coveredDays === 0
        ? `${periodLabel(p.period, by)}: no data covers this ${by}; its 0 is not a count`
        : `${periodLabel(p.period, by)} is covered only from ${p.coveredFrom} to ${p.coveredTo} (${p.coveredDays} of ${p.days} days)`,
    );
  }
  const change = await compare(store, counted.filters, series, by, metric, options.compare, caveats);
  const what = `${metric === 'fatalities' ? 'Fatalities' : 'Events'}${scopePhrase(counted.filters)}`;
  return {
    question: `How did ${metric}${scopePhrase(counted.filters)} change from ${by} to ${by}?`,
    figures: { by, metric, series, change, total: counted.total },
    sentence: sentence(what, series, change, by, metric),
    filters: counted.filters,
    datasets: counted.datasets,
    caveats: caveatsOf(counted.notes, datasetCaveats(counted.datasets), caveats),
    ...(await traceFilter(store, counted.filters, counted.total.events ?? 0, options, !!counted.aggregate)),
  };
}

/** Every period between the first and last covered one; the gaps are zeros. */
function fill(rows: Array<Totals & { period: string }>, coverage: Coverage, by: PeriodKind): TrendPoint[] {
  if (!rows.length) return [];
  const first = coverage[0] ? periodOfDay(coverage[0][0], by) : rows[0]!.period;
  const last = coverage.length ? periodOfDay(coverage[coverage.length - 1]![1], by) : rows[rows.length - 1]!.period;
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const periods = periodsBetween([first, rows[0]!.period].sort()[0]!, [last, rows[rows.length - 1]!.period].sort()[1]!, by);
  return periods.map((period) => {
    const row = byPeriod.get(period);
    const bounds = periodBounds(period, by);
    const cover = periodCoverage(bounds, coverage);
    // A measure an aggregated dataset lacks stays null (unknown), never 0.
    const totals: Totals = { events: row ? row.events : 0, fatalities: row ? row.fatalities : 0 };
    if (row?.fatalities_low !== undefined) Object.assign(totals, { fatalities_low: row.fatalities_low, fatalities_high: row.fatalities_high });
    return { period, ...bounds, ...totals, partial: cover.coveredDays < cover.days, ...cover };
  });
}

const periodOfDay = (day: number, by: PeriodKind): string => periodOf(isoOf(day), by);

async function compare(store: Store, filter: Filter, series: TrendPoint[], by: PeriodKind, metric: Metric, asked: [string, string] | undefined, caveats: string[]): Promise<Change | null> {
  let pair: [TrendPoint, TrendPoint] | undefined;
  if (asked) {
    const [a, b] = asked.map((p) => {
      const period = parsePeriod(p, by);
      const point = series.find((s) => s.period === period);
      if (!point)
        throw new CrisisError(`${ref(COMPARE)}: ${period} is not in the series`, [
          series.length ? `the series runs from ${series[0]!.period} to ${series[series.length - 1]!.period}` : 'no events match the filters',
        ]);
      return point;
    }) as [TrendPoint, TrendPoint];
    pair = a.period <= b.period ? [a, b] : [b, a];
  } else {
    const complete = series.filter((s) => !s.partial);
    if (complete.length >= 2) pair = [complete[complete.length - 2]!, complete[complete.length - 1]!];
    const last = series[series.length - 1];
    if (pair && last?.partial && last.coveredDays > 0)
      caveats.push(
        `${periodLabel(last.period, by)} is left out of the comparison because the data covers it only in part; compare it over the same days with ${ref(COMPARE, `${pair[1].period},${last.period}`)}`,
      );
  }
  if (!pair) return null;
  const [a, b] = pair;
  if (a.coveredDays === 0 || b.coveredDays === 0) throw new CrisisError(`${ref(COMPARE)}: no data covers ${a.coveredDays === 0 ? a.period : b.period}`, ['compare periods the data covers']);
  if (!a.partial && !b.partial) return change(a.period, b.period, a[metric], b[metric], 'complete');
  // Offsets from the start of each period of the days both have covered, e.g. days 0-180 of a year.
  const lo = Math.max(dayOf(a.coveredFrom!) - dayOf(a.first), dayOf(b.coveredFrom!) - dayOf(b.first));
  const hi = Math.min(dayOf(a.coveredTo!) - dayOf(a.first), dayOf(b.coveredTo!) - dayOf(b.first));
  if (lo > hi) throw new CrisisError(`${ref(COMPARE)}: ${a.period} and ${b.period} have no stretch of days covered in both`);
  const stretch = (p: TrendPoint): Bounds => ({ first: addDays(p.first, lo), last: [addDays(p.first, hi), p.last].sort()[0]! });
  const [sa, sb] = [stretch(a), stretch(b)];
  const [ca, cb] = await Promise.all([sa, sb].map((s) => count(store, { ...filter, from: s.first, to: s.last })));
  caveats.push(
    `${a.period} and ${b.period} are compared over the same days of each (${sa.first} to ${sa.last}, ${sb.first} to ${sb.last}) because the data covers ${a.partial ? a.period : b.period} only in part`,
  );
  return { ...change(a.period, b.period, ca!.total[metric], cb!.total[metric], 'same-stretch'), stretches: [sa, sb] };
}

function change(from: string, to: string, before: number, after: number, basis: Change['basis']): Change {
  const ratio = before > 0 ? after / before : null;
  return { from, to, before, after, difference: after - before, ratio, percent: ratio === null ? null : 100 * (ratio - 1), basis };
}

function sentence(what: string, series: TrendPoint[], c: Change | null, by: PeriodKind, metric: Metric): string {
  if (!series.length) return `No events match${what.replace(/^(Fatalities|Events)/, '')}: there is no ${metric} trend to show.`;
  if (!c) {
    const only = series.filter((s) => s.coveredDays > 0);
    const desc = only.map((s) => `${fmt(s[metric])} in ${periodLabel(s.period, by)}${s.partial ? ' (partly covered)' : ''}`).join(', ');
    return `${what}: ${desc}; the data holds no two complete ${by}s to compare.`;
  }
  const [a, b] = [periodLabel(c.from, by), periodLabel(c.to, by)];
  const over = c.basis === 'same-stretch' ? sameDays(c.stretches![1], by) : '';
  if (c.before === c.after) return `${what} were ${fmt(c.after)} in both ${a} and ${b}${over}.`;
  if (c.before === 0) return `${what} rose from none in ${a} to ${fmt(c.after)} in ${b}${over}.`;
  const verb = c.after > c.before ? 'rose' : 'fell';
  const size = c.ratio! >= 2 ? `${trim(c.ratio!)} times as many` : `${c.after > c.before ? 'up' : 'down'} ${Math.round(Math.abs(c.percent!))}%`;
  return `${what} ${verb} from ${fmt(c.before)} in ${a} to ${fmt(c.after)} in ${b}${over}, ${size}.`;
}

/** " between 1 January and 30 June of each year": what a same-stretch comparison covers. */
function sameDays(stretch: Bounds, by: PeriodKind): string {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
  if (by === 'year') return `, between ${day(stretch.first)} and ${day(stretch.last)} of each year`;
  return `, over the same ${dayOf(stretch.last) - dayOf(stretch.first) + 1} days of each ${by}`;
}

const trim = (x: number) => x.toFixed(1).replace(/\.0$/, '');

export const COMPARE = param('text', {
  key: 'compare',
  placeholder: 'A,B',
  example: '2021,2022',
  maxLength: 30,
  help: 'the two periods to compare, earlier first, separated by , or | (default: the last two complete ones)',
});

export const TREND_PARAMS = {
  by: param('one-of', { key: 'by', values: PERIOD_KINDS, default: 'year', placeholder: 'PERIOD', help: 'period: year, quarter, month or week (ISO, from Monday)' }),
  metric: param('one-of', { key: 'metric', values: ['fatalities', 'events'], default: 'fatalities', placeholder: 'WHAT', help: 'what to compare: fatalities or events' }),
  compare: COMPARE,
  maxIds: MAX_IDS,
};

/** "2021,2022" or "2021|2022" → the two periods. */
export function parseCompare(text: string): [string, string] {
  const pair = text
    .split(/[|,]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (pair.length !== 2) throw new ParamError(refOf(COMPARE), text, { kind: 'says', text: `${ref(COMPARE)} "${text}" needs two periods, separated by , or |` }, [`e.g. ${ref(COMPARE, '2021,2022')}`]);
  return pair as [string, string];
}

export const trendAnalysis = analysis<TrendFigures>({
  name: 'trend',
  summary: ANALYSIS_SUMMARIES.trend,
  about: `The series per period (gaps shown as 0) and the change between two periods as difference,
ratio and percent: by default the last two complete periods. A period the data covers only
in part (the last month of an export, a year that starts mid-way) is flagged; compared with
${ref(COMPARE)}, it is set against the same days of the other period. Rules: docs/analysis.md.`,
  params: Object.values(TREND_PARAMS),
  run: (store, filter, o) => trend(store, filter, { ...o, ...(o.compare ? { compare: parseCompare(o.compare as string) } : {}) } as TrendOptions),
  layout: (answer) => {
    const c = answer.figures.change;
    const change = c
      ? `Change ${c.from} → ${c.to}: ${c.difference >= 0 ? '+' : ''}${c.difference.toLocaleString('en-US')}` +
        `${c.ratio !== null ? `, ratio ${c.ratio.toFixed(2)}, ${c.percent! >= 0 ? '+' : ''}${c.percent!.toFixed(1)}%` : ''}${c.basis === 'same-stretch' ? ' (same days of each)' : ''}\n`
      : '';
    const series = seriesTable(answer);
    return series.rows.length ? [series, change] : [];
  },
  csv: (answer) => seriesTable(answer),
  examples: ['crisismap trend --country Mali --compare 2021,2022', 'crisismap trend --actor Wagner --by month --metric events', 'crisismap trend --country "Burkina Faso" --by quarter --json'],
});

function seriesTable(answer: Answer<TrendFigures>) {
  const by = answer.figures.by;
  const rows = answer.figures.series.map((p) => ({
    [by]: p.period,
    events: p.events,
    fatalities: p.fatalities,
    coverage: p.partial ? (p.coveredDays ? `${p.coveredDays} of ${p.days} days` : 'none') : `all ${p.days} days`,
  }));
  return { columns: [by, 'events', 'fatalities', 'coverage'], rows };
}
