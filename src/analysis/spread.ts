/**
 * Spread: per period, the countries and admin1/admin2 areas with events for the first time
 * in the data; the fatality-weighted centre of events and how far and which way it moved;
 * and counts inside named groups of areas. Answers "militant activity has gradually shifted
 * south toward the Gulf of Guinea" (docs/analysis.md#spread).
 */
import { ANALYSIS_SUMMARIES } from './summaries.js';
import { param } from '../model/param.js';
import { analysis, MAX_IDS } from './analysis.js';
import { count, GROUPS, type Totals } from '../query/count.js';
import type { Filter } from '../query/filter.js';
import { scopeOf, whereAnd } from '../query/scope.js';
import type { Store } from '../store/store.js';
import { caveatsOf, datasetCaveats, fmt, names, scopePhrase, traceFilter, type AnalysisOptions, type Answer } from './answer.js';
import { GROUP, groupFilter, parseGroup, resolveGroup, type AreaGroup } from './areas.js';
import { coverageBounds, coverageOf } from './coverage.js';
import { bearing, compass, haversineKm, type Point } from './geo.js';
import { periodOf, type PeriodKind } from './periods.js';

export interface SpreadOptions extends AnalysisOptions {
  /** Period length (default: year). */
  by?: 'year' | 'quarter';
  /** Named groups of countries or admin1 areas, e.g. { name: 'coastal', areas: ['Benin', 'Togo'] }. */
  groups?: Array<{ name: string; areas: string[] }>;
}

export interface Centre extends Point {
  /** Fatalities, or events when the period had no fatalities with coordinates. */
  weightedBy: 'fatalities' | 'events';
}
export interface Move {
  km: number;
  bearing: number;
  direction: string;
}

export interface SpreadPeriod extends Totals {
  period: string;
  newCountries: string[];
  newAdmin1: Array<{ country: string; admin1: string }>;
  newAdmin2: Array<{ country: string; admin1: string; admin2: string }>;
  centre: Centre | null;
  /** From the previous period's centre. */
  moved: Move | null;
  groups: Record<string, Totals & { share: number | null }>;
}

export interface SpreadFigures {
  by: 'year' | 'quarter';
  /** The first period of the data: every area there is where the data starts, not new. */
  baseline: string | null;
  periods: SpreadPeriod[];
  /** From the first period's centre to the last one's. */
  overall: (Move & { from: string; to: string }) | null;
  groups: AreaGroup[];
  /** Events without coordinates: counted, but not in the centres. */
  leftOut: Totals;
}

export async function spread(store: Store, filter: Filter, options: SpreadOptions = {}): Promise<Answer<SpreadFigures>> {
  const by = options.by ?? 'year';
  const scope = await scopeOf(store, filter);
  const period = GROUPS[by];
  const rows = await store.all(
    `SELECT ${period} AS period, count(*) AS events, coalesce(sum(fatalities), 0) AS fatalities,
      sum(fatalities * latitude) FILTER (WHERE longitude IS NOT NULL) / nullif(sum(fatalities) FILTER (WHERE latitude IS NOT NULL AND longitude IS NOT NULL), 0) AS flat,
      sum(fatalities * longitude) FILTER (WHERE latitude IS NOT NULL) / nullif(sum(fatalities) FILTER (WHERE latitude IS NOT NULL AND longitude IS NOT NULL), 0) AS flon,
      avg(latitude) FILTER (WHERE longitude IS NOT NULL) AS elat, avg(longitude) FILTER (WHERE latitude IS NOT NULL) AS elon,
      count(*) FILTER (WHERE latitude IS NULL OR longitude IS NULL) AS unplaced, coalesce(sum(fatalities) FILTER (WHERE latitude IS NULL OR longitude IS NULL), 0) AS unplaced_f
    FROM events ${scope.where} GROUP BY ALL ORDER BY period`,
    scope.params,
  );
  const counted = await count(store, filter);
  const firsts = await firstSeen(store, filter, by);
  const coverage = await coverageOf(store, counted.datasets, { ...scope.filter, from: undefined, to: undefined, year: undefined });
  const start = coverageBounds(coverage)?.first;
  const baseline = start ? periodOf(start, by) : null;
  const groups = await Promise.all((options.groups ?? []).map((g) => resolveGroup(store, g)));
  const groupRows = await Promise.all(
    groups.map(async (g) => {
      const f = groupFilter(scope.filter, g);
      return new Map((f ? (await count(store, f, [by])).rows : []).map((r) => [String(r[by]), r]));
    }),
  );

  let previous: Centre | null = null;
  const periods: SpreadPeriod[] = rows.map((r) => {
    const p = String(r.period);
    const fresh = p === baseline ? [] : firsts.filter((f) => f.period === p);
    const centre: Centre | null =
      r.flat !== null
        ? { latitude: Number(r.flat), longitude: Number(r.flon), weightedBy: 'fatalities' }
        : r.elat !== null
          ? { latitude: Number(r.elat), longitude: Number(r.elon), weightedBy: 'events' }
          : null;
    const moved = previous && centre ? move(previous, centre) : null;
    if (centre) previous = centre;
    return {
      period: p,
      events: Number(r.events),
      fatalities: Number(r.fatalities),
      newCountries: fresh.filter((f) => f.level === 'country').map((f) => f.country),
      newAdmin1: fresh.filter((f) => f.level === 'admin1').map((f) => ({ country: f.country, admin1: f.admin1! })),
      newAdmin2: fresh.filter((f) => f.level === 'admin2').map((f) => ({ country: f.country, admin1: f.admin1!, admin2: f.admin2! })),
      centre,
      moved,
      groups: Object.fromEntries(
        groups.map((g, i) => {
          const row = groupRows[i]!.get(p);
          const t = { events: row?.events ?? 0, fatalities: row?.fatalities ?? 0 };
          return [g.name, { ...t, share: Number(r.fatalities) ? t.fatalities / Number(r.fatalities) : null }];
        }),
      ),
    };
  });
  const placed = periods.filter((p) => p.centre);
  const [a, b] = [placed[0], placed[placed.length - 1]];
  const overall = a && b && a !== b ? { from: a.period, to: b.period, ...move(a.centre!, b.centre!) } : null;
  const leftOut = { events: rows.reduce((n, r) => n + Number(r.unplaced), 0), fatalities: rows.reduce((n, r) => n + Number(r.unplaced_f), 0) };
  const figures: SpreadFigures = { by, baseline, periods, overall, groups, leftOut };

  const caveats: string[] = [];
  if (leftOut.events)
    caveats.push(`${fmt(leftOut.events)} event${leftOut.events === 1 ? '' : 's'} (${fmt(leftOut.fatalities)} fatalities) without coordinates are counted but left out of the centres`);
  if (baseline) caveats.push(`the data starts in ${baseline}: areas with events then are where it starts, not new`);
  if (periods.some((p) => p.centre?.weightedBy === 'events')) caveats.push('periods without fatalities have their centre weighted by events instead');
  caveats.push('"new" means first in this store under these filters, not first ever; the centre of events spread over a wide area may lie where nothing happened');
  for (const g of groups) if (!groupFilter(scope.filter, g)) caveats.push(`the filters leave none of group ${g.name} (${names(g.areas)})`);
  return {
    question: `Is violence${scopePhrase(scope.filter)} spreading, and where to?`,
    figures,
    sentence: sentence(figures, scopePhrase(scope.filter)),
    filters: scope.filter,
    datasets: counted.datasets,
    caveats: caveatsOf(counted.notes, datasetCaveats(counted.datasets), caveats),
    ...(await traceFilter(store, scope.filter, counted.total.events, options)),
  };
}

interface First {
  level: 'country' | 'admin1' | 'admin2';
  country: string;
  admin1: string | null;
  admin2: string | null;
  period: string;
}

/**
 * When each area first had events, under the filter without its dates: "first time in the
 * data" must look before the period asked for.
 */
async function firstSeen(store: Store, filter: Filter, by: PeriodKind): Promise<First[]> {
  const { from: _f, to: _t, year: _y, ...undated } = filter;
  const scope = await scopeOf(store, undated);
  const named = whereAnd(scope, ['country IS NOT NULL']);
  const rows = await store.all(
    `SELECT country, admin1, admin2, grouping(admin1, admin2) AS g, min(event_date) AS first
    FROM events ${named.where} GROUP BY GROUPING SETS ((country), (country, admin1), (country, admin1, admin2))
    ORDER BY first, country, admin1, admin2`,
    named.params,
  );
  return rows
    .filter((r) => (Number(r.g) !== 1 || r.admin1 !== null) && (Number(r.g) !== 0 || r.admin2 !== null))
    .map((r) => ({
      level: Number(r.g) === 3 ? 'country' : Number(r.g) === 1 ? 'admin1' : 'admin2',
      country: String(r.country),
      admin1: r.admin1 as string | null,
      admin2: r.admin2 as string | null,
      period: periodOf(String(r.first), by),
    }));
}

function move(a: Point, b: Point): Move {
  const km = haversineKm(a, b);
  const deg = bearing(a, b);
  return { km, bearing: deg, direction: km < 1 ? 'nowhere' : compass(deg) };
}

function sentence(f: SpreadFigures, where: string): string {
  if (!f.periods.length) return `No events match${where}: nothing spread.`;
  const first = f.periods[0]!.period;
  const last = f.periods[f.periods.length - 1]!.period;
  if (first === last) return `Events${where} cover one ${f.by}, ${first}: there is no spread to measure.`;
  const reached = f.periods.filter((p) => p.newCountries.length).map((p) => `${names(p.newCountries)} (${p.period})`);
  const admin1 = f.periods.reduce((n, p) => n + p.newAdmin1.length, 0);
  const areas = admin1 ? `${fmt(admin1)} new admin1 area${admin1 === 1 ? '' : 's'}` : 'no new admin1 area';
  const countries = reached.length ? `${reached.length === 1 && !reached[0]!.includes(' and ') ? 'a new country' : 'new countries'}, ${names(reached)}, and ` : '';
  const parts = [`From ${first} to ${last}, events${where} reached ${countries}${areas}`];
  if (f.overall) parts.push(`the fatality-weighted centre of events moved ${fmt(Math.round(f.overall.km))} km ${f.overall.direction}`);
  for (const g of f.groups.filter((g) => f.periods.some((p) => p.groups[g.name]!.events > 0))) {
    const [x, y] = [f.periods[0]!.groups[g.name]!, f.periods[f.periods.length - 1]!.groups[g.name]!];
    parts.push(`fatalities in ${g.name} (${names(g.areas)}) went from ${fmt(x.fatalities)} in ${first} to ${fmt(y.fatalities)} in ${last}`);
  }
  return `${parts.join('; ')}.`;
}

export const SPREAD_PARAMS = {
  by: param('one-of', { key: 'by', values: ['year', 'quarter'], default: 'year', placeholder: 'PERIOD', help: 'period: year or quarter' }),
  group: GROUP,
  maxIds: MAX_IDS,
};

export const spreadAnalysis = analysis<SpreadFigures>({
  name: 'spread',
  summary: ANALYSIS_SUMMARIES.spread,
  about: `Per period: the countries and admin1/admin2 areas with events for the first time in the data
(the first period of the data is its baseline, not "new"); the fatality-weighted centre of
events and how far and which way it moved; and events and fatalities inside named groups of
countries or admin1 areas. Events without coordinates are counted but left out of centres.`,
  params: Object.values(SPREAD_PARAMS),
  run: (store, filter, { group, ...o }) => spread(store, filter, { ...o, groups: ((group as string[] | undefined) ?? []).map(parseGroup) } as SpreadOptions),
  layout: ({ figures: f }) => {
    const names = f.groups.map((g) => g.name);
    const rows = f.periods.map((p) => ({
      [f.by]: p.period,
      events: p.events,
      fatalities: p.fatalities,
      'new countries': p.newCountries.join(', '),
      'new admin1': p.newAdmin1.length,
      'new admin2': p.newAdmin2.length,
      centre: p.centre ? `${p.centre.latitude.toFixed(2)}, ${p.centre.longitude.toFixed(2)}` : '',
      moved: p.moved ? `${Math.round(p.moved.km)} km ${p.moved.direction}` : '',
      ...Object.fromEntries(names.map((n) => [`${n} fatalities`, p.groups[n]!.fatalities])),
    }));
    if (!rows.length) return [];
    const fresh = f.periods.filter((p) => p.newAdmin1.length).map((p) => `${p.period}: ${p.newAdmin1.map((a) => `${a.admin1} (${a.country})`).join(', ')}`);
    return [
      { columns: [f.by, 'events', 'fatalities', 'new countries', 'new admin1', 'new admin2', 'centre', 'moved', ...names.map((n) => `${n} fatalities`)], rows },
      ...(fresh.length ? [`\nNew admin1 areas:\n${fresh.map((l) => `  ${l}`).join('\n')}\n`] : []),
    ];
  },
  examples: ['crisismap spread --group coastal=Benin,Togo,Ghana,"Côte d\'Ivoire"', 'crisismap spread --country "Burkina Faso" --by quarter --json'],
});
