/**
 * Judging a claim against the store. Every figure comes from query/count.ts with the
 * counting rules of `crisismap count`, and carries its filters, datasets and versions, and
 * the events behind it. Tolerances (docs/check.md):
 *   about ±10%; exact ±5%, or exactly for 20 and under; more_than and at_least pass at or
 *   above the figure; at_most at or below; a range passes when the figure is inside it.
 * Verdicts: supported, contradicted, unclear (the data's own uncertainty — UCDP's low–high
 * range, datasets that disagree — covers the claim), no_data (the store does not cover that
 * place or period: it says what is missing), not_checkable (with the reason).
 */
import { caveatsOf, datasetCaveats, eventsCommand, fmt, traceFilter } from '../analysis/answer.js';
import { ACLED_CAVEAT } from '../analysis/victims.js';
import { count, type Totals } from '../query/count.js';
import { normalizeFilter, type Filter } from '../query/filter.js';
import type { DatasetVersion } from '../query/provenance.js';
import type { Store } from '../store/store.js';
import type { Claim } from './claims.js';
import { storeFacts, type StoreFacts } from './coverage.js';
import { identifyIncident, type IncidentSearches } from './incidents.js';
import { lastDay, previousPeriod, type Period } from './periods.js';
import { countryName } from './places.js';
import { normalizeName } from '../render/names.js';

export type Verdict = 'supported' | 'contradicted' | 'unclear' | 'no_data' | 'not_checkable';

export interface DataFigure {
  /** What the store holds for the claim, in the claim's metric (a count, a percent, a ratio, a rank). */
  figure: number | null;
  /** UCDP's low and high estimates, where the events have them. */
  low?: number;
  high?: number;
  /** For changes and shares: the two counts compared. */
  parts?: { value: number; base: number; base_filters: Filter };
  filters: Filter;
  datasets: DatasetVersion[];
  event_ids: string[];
  event_count: number;
  /** The command that lists the events behind the figure. */
  events_command: string;
  /** Each dataset's own figure, when several cover the claim. */
  per_dataset?: Array<{ dataset: string; version: string; figure: number | null }>;
  caveats: string[];
}

export interface Judgement {
  verdict: Verdict;
  /** The period judged, when it is the incident the store identified rather than the one the text gave. */
  period?: Period;
  /** One plain sentence explaining the verdict. */
  explanation: string;
  data?: DataFigure;
  /** The tolerance applied, in words. */
  tolerance?: string;
}

export interface JudgeOptions {
  /** Filters that limit the data used (e.g. --dataset). */
  filter?: Filter;
  /** Event ids listed per claim (default 200; event_count and events_command cover them all). */
  maxIds?: number;
  /** The day the text appeared: nothing after it can be what the text counted. */
  published?: string;
  /** Incidents already searched for while checking the same text or batch. */
  incidents?: IncidentSearches;
}

const VIOLENT = ['Battles', 'Violence against civilians', 'Explosions/Remote violence'];
const FIGHTING = ['Battles', 'Violence against civilians'];

export async function judgeClaim(store: Store, stated: Claim, options: JudgeOptions = {}): Promise<Judgement> {
  const facts = await storeFacts(store);
  // "Since 2016" runs to the end of the publication month as the text states it; the data are counted up to publication.
  const p = options.published;
  let claim = p && stated.period && stated.period.to > p && stated.period.from <= p ? { ...stated, period: { ...stated.period, to: p } } : stated;
  if (!claim.checkable) return { verdict: 'not_checkable', explanation: `Not checkable: ${claim.reason ?? 'event data cannot answer it'}.` };
  if (claim.kind === 'number' && claim.quantity === undefined && claim.low === undefined && claim.at_least_implied === undefined) {
    return { verdict: 'not_checkable', explanation: 'Not checkable: no number to compare.' };
  }
  const scope = scopeFilter(claim, facts, options.filter ?? {});
  if ('missing' in scope) return { verdict: 'no_data', explanation: `No data: ${scope.missing}.` };
  let { filter } = scope;
  // "The incident caused the death of at least 20 civilians": judged against the incident, as the store holds it.
  const episode = await identifyIncident(store, claim, filter, options.published, options.incidents);
  let identified: Pick<Judgement, 'period'> = {};
  if (episode) {
    const at = where(filter);
    const period: Period = { from: episode.first, to: episode.last, text: `the incident, identified in the store as the deadliest episode there: ${at}, ${episode.first} to ${episode.last}` };
    claim = { ...claim, period };
    filter = { ...filter, from: episode.first, to: episode.last };
    identified = { period };
  }
  const covered = coverageGap(claim, filter, facts);
  if (covered) return { verdict: 'no_data', explanation: `No data: ${covered}.` };
  if (claim.kind === 'activity' || claim.kind === 'spread' || claim.kind === 'victims') return judgeStatement(store, claim, filter, facts, options);
  const measure = claim.source?.measure;
  const judged: Judgement = { ...(await judgeNumber(store, claim, filter, facts, options)), ...identified };
  if (identified.period)
    judged.explanation = `${judged.explanation} The incident is taken to be the store's deadliest episode in that place and period (${identified.period.from} to ${identified.period.to}).`;
  if (measure && judged.data && judged.verdict !== 'no_data') {
    return {
      ...judged,
      verdict: 'not_checkable',
      explanation: `Not comparable: the figure comes from ${claim.source!.name}, which counts ${measure}; the store's figure is ${show(judged.data.figure, claim)} (${judged.verdict} if it were the same measure).`,
    };
  }
  return judged;
}

/** The claim's place, actors and unit as a Filter of stored names; or what the store lacks. */
function scopeFilter(claim: Claim, facts: StoreFacts, base: Filter): { filter: Filter } | { missing: string } {
  const place = claim.place;
  if (!place?.countries.length) return { missing: 'the text does not say where, and no place carries over from before' };
  const country = place.countries.flatMap((iso) => facts.countries.get(iso) ?? []);
  const absent = place.countries.filter((iso) => !facts.countries.has(iso));
  if (absent.length) return { missing: `the store holds no events in ${absent.map(countryName).join(', ')}` };
  const filter: Filter = { ...base, country };
  const areaNames = (names: string[], level: 'admin1' | 'admin2' | 'location') => {
    const wanted = new Set(names.map(normalizeName));
    return [...new Set(facts.gazetteer.areas.filter((a) => a.level === level && place.countries.includes(a.country) && wanted.has(normalizeName(a[level]!))).map((a) => a[level]!))];
  };
  if (place.locations.length) {
    const location = areaNames(place.locations, 'location');
    if (!location.length) return { missing: `the store holds no events at ${place.locations.join(', ')}` };
    filter.location = location;
  } else if (place.admin1.length) {
    const admin1 = areaNames(place.admin1, 'admin1');
    if (!admin1.length) return { missing: `the store holds no events in ${place.admin1.join(', ')} (${place.country_names.join(', ')})` };
    filter.admin1 = admin1;
  } else if (place.admin2?.length) {
    const admin2 = areaNames(place.admin2, 'admin2');
    if (!admin2.length) return { missing: `the store holds no events in ${place.admin2.join(', ')} (${place.country_names.join(', ')})` };
    filter.admin2 = admin2;
  }
  if (claim.period) {
    filter.from = claim.period.from;
    filter.to = claim.period.to;
  }
  if (claim.actors.length) filter.actor = claim.actors;
  // A claim attributed to a dataset the store holds is judged against that dataset.
  const own = claim.source?.datasets?.filter((d) => facts.datasets.includes(d));
  if (own?.length && !base.dataset?.length) filter.dataset = own;
  if (claim.unit === 'civilian_deaths' || claim.targets === 'civilians') filter.civilianTargeting = true;
  if (claim.unit === 'attacks') filter.eventType = VIOLENT.filter((t) => facts.eventTypes.includes(t));
  return { filter };
}

/** The part of the claim's period the store has no events for, in words; undefined when covered. */
function coverageGap(claim: Claim, filter: Filter, facts: StoreFacts): string | undefined {
  if (!claim.period) return 'the text does not say when';
  const from = claim.period.from.slice(0, 7),
    to = (claim.comparison?.from_period.from ?? claim.period.from).slice(0, 7);
  for (const c of filter.country ?? []) {
    const span = facts.months.get(c);
    if (!span) return `the store holds no events in ${c}`;
    const first = [from, to].sort()[0]!;
    // "have over time spread to…": the data need only reach the end of the period.
    const early = claim.kind === 'spread' ? false : first < span[0];
    if (early || claim.period.to.slice(0, 7) > span[1]) {
      return `the store's events in ${c} run from ${span[0]} to ${span[1]}; the claim is about ${claim.period.from} to ${claim.period.to}${claim.comparison ? ` (compared with ${claim.comparison.from_period.from} to ${claim.comparison.from_period.to})` : ''}`;
    }
  }
  return undefined;
}

async function figureOf(
  store: Store,
  filter: Filter,
  unit: Claim['unit'],
): Promise<{ totals: Totals; value: number; low?: number; high?: number; datasets: DatasetVersion[]; notes: string[]; perDataset: Array<{ dataset: string; version: string; value: number }> }> {
  const result = await count(store, filter, ['dataset']);
  const pick = (t: Totals) => (unit === 'events' || unit === 'attacks' ? t.events : t.fatalities);
  const fatal = unit !== 'events' && unit !== 'attacks';
  return {
    totals: result.total,
    value: pick(result.total),
    ...(fatal && result.total.fatalities_low !== undefined ? { low: result.total.fatalities_low, high: result.total.fatalities_high! } : {}),
    datasets: result.datasets,
    notes: result.notes,
    perDataset: result.rows.map((r) => ({ dataset: String(r.dataset), version: result.datasets.find((d) => d.dataset === r.dataset)?.version ?? '', value: pick(r) })),
  };
}

function tolerance(claim: Claim): { test: (x: number) => boolean; words: string } {
  const q = claim.quantity ?? claim.at_least_implied ?? 0;
  if (claim.low !== undefined && claim.high !== undefined) {
    const [a, b] = [claim.low, claim.high];
    return { test: (x) => x >= a * 0.95 && x <= b * 1.05, words: `between ${fmt(a)} and ${fmt(b)} (±5% at each end)` };
  }
  switch (claim.qualifier) {
    case 'about':
      return { test: (x) => Math.abs(x - q) <= 0.1 * Math.abs(q), words: `about ${fmt(q)} (±10%)` };
    case 'more_than':
    case 'at_least':
      return { test: (x) => x >= q, words: `${claim.qualifier === 'more_than' ? 'more than' : 'at least'} ${fmt(q)} (at or above)` };
    case 'at_most':
      return { test: (x) => x <= q, words: `at most ${fmt(q)} (at or below)` };
    default:
      return Math.abs(q) <= 20 && claim.metric === 'total'
        ? { test: (x) => x === q, words: `exactly ${fmt(q)} (small numbers must match)` }
        : { test: (x) => Math.abs(x - q) <= 0.05 * Math.abs(q), words: `${fmt(q)} (±5%)` };
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
function show(x: number | null | undefined, claim: Claim): string {
  if (x === null || x === undefined) return 'no figure';
  if (claim.metric === 'change_pct' || claim.metric === 'share') return `${round1(x)}%`;
  if (claim.metric === 'change_ratio') return `×${round1(x)}`;
  return fmt(x);
}
const unitWords: Record<Claim['unit'], string> = {
  deaths: 'fatalities',
  civilian_deaths: 'fatalities in events targeting civilians',
  events: 'events',
  attacks: 'battles, explosions and attacks on civilians',
  displaced: 'displaced people',
  other: 'other',
};
const where = (f: Filter) => (f.location ?? f.admin2 ?? f.admin1 ?? f.country ?? []).join(', ');
const who = (f: Filter) => (f.actor?.length ? ` involving ${f.actor.join(', ')}` : '');
const when = (f: Filter) => (f.from && f.to ? ` from ${f.from} to ${f.to}` : '');

async function judgeNumber(store: Store, claim: Claim, filter: Filter, facts: StoreFacts, options: JudgeOptions): Promise<Judgement> {
  const tol = tolerance(claim);
  const main = await figureOf(store, filter, claim.unit);
  let figure: number | null = main.value;
  let low: number | undefined, high: number | undefined;
  let parts: DataFigure['parts'];
  let perDataset: DataFigure['per_dataset'];
  const caveats = caveatsOf(main.notes, datasetCaveats(main.datasets));
  if (claim.unit === 'civilian_deaths') caveats.push(ACLED_CAVEAT);
  if (claim.metric === 'total') {
    // "10,500 average annual deaths in the last three years", "29 deaths daily": the total over the period, per year or day.
    const spans = claim.per && claim.period ? rateSpans(claim.period, claim.per) : 1;
    const rate = (x: number) => Math.round((10 * x) / spans) / 10;
    figure = rate(main.value);
    if (main.low !== undefined) {
      low = rate(main.low);
      high = rate(main.high!);
    }
    if (spans !== 1) caveats.push(`an average per ${claim.per}: ${fmt(main.value)} over ${round1(spans)} ${claim.per}s`);
    if (main.perDataset.length > 1) perDataset = main.perDataset.map((d) => ({ dataset: d.dataset, version: d.version, figure: rate(d.value) }));
  } else if (claim.metric === 'change_pct' || claim.metric === 'change_ratio') {
    const before = claim.comparison?.from_period ?? previousPeriod(claim.period!);
    const baseFilter = { ...filter, from: before.from, to: before.to };
    const base = await figureOf(store, baseFilter, claim.unit);
    parts = { value: main.value, base: base.value, base_filters: normalizeFilter(baseFilter) };
    figure = base.value === 0 ? null : claim.metric === 'change_pct' ? (100 * (main.value - base.value)) / base.value : main.value / base.value;
  } else if (claim.metric === 'share') {
    const whole = wholeOf(claim, filter);
    if (!whole) return { verdict: 'not_checkable', explanation: 'Not checkable: the text does not say what the share is of, in terms the store can count.' };
    const w = await figureOf(store, whole, claim.unit === 'civilian_deaths' && !filter.actor && !filter.admin1 && !filter.admin2 && !filter.location ? 'deaths' : claim.unit);
    parts = { value: main.value, base: w.value, base_filters: normalizeFilter(whole) };
    figure = w.value === 0 ? null : (100 * main.value) / w.value;
  } else {
    return judgeRank(store, claim, filter, facts, options);
  }
  const data = await dataFigure(store, filter, main.totals.events, figure, main.datasets, caveats, options, {
    ...(low !== undefined ? { low, high } : {}),
    ...(parts ? { parts } : {}),
    ...(perDataset ? { per_dataset: perDataset } : {}),
  });
  const scopeWords = `${unitWords[claim.unit]}${claim.per && claim.metric === 'total' ? ` a ${claim.per} on average` : ''} in ${where(filter)}${who(filter)}${when(filter)}`;
  const release = main.datasets.map((d) => `${d.dataset} ${d.version}`).join(', ');
  if (figure === null)
    return {
      verdict: 'no_data',
      explanation: `No data: the store holds no ${unitWords[claim.unit]} to compare with in ${where(filter)}${when(parts ? parts.base_filters : filter)}.`,
      data,
      tolerance: tol.words,
    };
  const pass = tol.test(figure);
  // UCDP's low–high range: the claim fits the range but not the best estimate.
  if (
    (!pass && low !== undefined && high !== undefined && [low, high].some((x) => tol.test(x!))) ||
    (!pass && low !== undefined && high !== undefined && claim.quantity != null && claim.quantity >= low && claim.quantity <= high!)
  ) {
    return {
      verdict: 'unclear',
      explanation: `Unclear: the store's best estimate is ${show(figure, claim)} ${scopeWords}, outside ${tol.words}, but its low–high range (${fmt(low!)}–${fmt(high!)}) covers the claim (${release}).`,
      data,
      tolerance: tol.words,
    };
  }
  if (perDataset && claim.metric === 'total') {
    const verdicts = new Set(perDataset.map((d) => tol.test(d.figure ?? NaN)));
    if (verdicts.size > 1)
      return {
        verdict: 'unclear',
        explanation: `Unclear: the datasets disagree: ${perDataset.map((d) => `${d.dataset} ${show(d.figure, claim)}`).join(', ')} ${scopeWords}; the claim says ${tol.words}.`,
        data,
        tolerance: tol.words,
      };
  }
  // "They killed 15 mercenaries": the events' dead are everyone killed in them, on every side. The
  // store can show that the claim is too many, never that those dead were the side the text names.
  const least = claim.low ?? claim.quantity ?? claim.at_least_implied;
  if (claim.side && claim.metric === 'total' && least != null && claim.qualifier !== 'at_most') {
    const within = least <= figure;
    return {
      verdict: within ? 'unclear' : 'contradicted',
      explanation: within
        ? `Unclear: the store holds ${show(figure, claim)} ${scopeWords} (${release}), on every side: it does not say how many of them were ${claim.side}, so it can neither confirm nor refute ${fmt(least)}.`
        : `Contradicted: the store holds ${show(figure, claim)} ${scopeWords} (${release}), on every side together, fewer than the ${fmt(least)} ${claim.side} the claim counts.`,
      data,
      tolerance: tol.words,
    };
  }
  const verdict: Verdict = pass ? 'supported' : 'contradicted';
  const detail = parts ? ` (${fmt(parts.value)} against ${fmt(parts.base)})` : '';
  return {
    verdict,
    explanation: `${pass ? 'Supported' : 'Contradicted'}: the store holds ${show(figure, claim)}${detail} ${scopeWords} (${release}); the claim says ${tol.words}.`,
    data,
    tolerance: tol.words,
  };
}

/** How many years, months, weeks or days a period spans (for averages). */
function rateSpans(p: Period, per: NonNullable<Claim['per']>): number {
  const [y0, m0, y1, m1] = [p.from.slice(0, 4), p.from.slice(5, 7), p.to.slice(0, 4), p.to.slice(5, 7)].map(Number) as [number, number, number, number];
  // Whole calendar years or months count as such ("between 2020 and 2023" is four years).
  if (per === 'year' && p.from.endsWith('-01-01') && p.to.endsWith('-12-31')) return y1 - y0 + 1;
  if (per === 'month' && p.from.endsWith('-01') && p.to === lastDay(y1, m1)) return (y1 - y0) * 12 + m1 - m0 + 1;
  const days = (Date.parse(p.to) - Date.parse(p.from)) / 86400000 + 1;
  return Math.max(1, days / { day: 1, week: 7, month: 365.25 / 12, year: 365.25 }[per]);
}

/** A figure with the filters, datasets and events behind it: the one shape every verdict cites. */
async function dataFigure(
  store: Store,
  filter: Filter,
  events: number,
  figure: number | null,
  datasets: DatasetVersion[],
  caveats: string[],
  options: JudgeOptions,
  extra: Pick<DataFigure, 'low' | 'high' | 'parts' | 'per_dataset'> = {},
): Promise<DataFigure> {
  const trace = await traceFilter(store, filter, events, { maxIds: options.maxIds ?? 200 });
  return {
    figure,
    ...extra,
    filters: normalizeFilter(filter),
    datasets,
    event_ids: trace.eventIds,
    event_count: trace.eventCount,
    events_command: eventsCommand(filter),
    caveats,
  };
}

/** The whole a share is of: the country of an area, everyone beside an actor, all deaths beside civilian ones. */
function wholeOf(_claim: Claim, filter: Filter): Filter | undefined {
  const { admin1, admin2, location, actor, civilianTargeting, ...rest } = filter;
  if (admin1 || admin2 || location) return { ...rest, ...(actor ? { actor } : {}), ...(civilianTargeting ? { civilianTargeting } : {}) };
  if (actor) return { ...rest, ...(civilianTargeting ? { civilianTargeting } : {}) };
  if (civilianTargeting) return rest;
  return undefined;
}

async function judgeRank(store: Store, claim: Claim, filter: Filter, _facts: StoreFacts, options: JudgeOptions): Promise<Judgement> {
  const p = claim.period!;
  const fullYear = p.from.endsWith('-01-01') && p.to.endsWith('-12-31') && p.from.slice(0, 4) === p.to.slice(0, 4);
  if (claim.unit === 'attacks' && claim.quantity) {
    const f = await figureOf(store, filter, 'attacks');
    const pass = f.value === claim.quantity;
    const data = await dataFigure(store, filter, f.totals.events, f.value, f.datasets, datasetCaveats(f.datasets), options);
    return {
      verdict: pass ? 'supported' : 'contradicted',
      explanation: `${pass ? 'Supported' : 'Contradicted'}: the store holds ${fmt(f.value)} attacks in ${where(filter)}${when(filter)}; the text makes this attack number ${claim.quantity}.`,
      data,
      tolerance: 'exactly',
    };
  }
  if (fullYear && claim.unit === 'deaths') {
    const { from: _f, to: _t, ...rest } = filter;
    const byYear = await count(store, rest, ['year']);
    const year = Number(p.from.slice(0, 4));
    const ranked = [...byYear.rows].filter((r) => Number(r.year) <= year).sort((a, b) => b.fatalities - a.fatalities);
    const rank = ranked.findIndex((r) => Number(r.year) === year) + 1;
    const events = byYear.rows.find((r) => Number(r.year) === year)?.events ?? 0;
    const data = await dataFigure(store, filter, events, rank || null, byYear.datasets, datasetCaveats(byYear.datasets), options);
    const pass = rank === claim.quantity;
    return {
      verdict: pass ? 'supported' : 'contradicted',
      explanation: `${pass ? 'Supported' : 'Contradicted'}: by fatalities in ${where(filter)}, ${year} ranks ${rank || 'nowhere'} of the ${ranked.length} years up to it in the store.`,
      data,
      tolerance: 'exactly',
    };
  }
  return { verdict: 'not_checkable', explanation: 'Not checkable: rankings of single incidents are not judged yet; see the events behind the place and period.' };
}

async function judgeStatement(store: Store, claim: Claim, filter: Filter, facts: StoreFacts, options: JudgeOptions): Promise<Judgement> {
  if (claim.kind === 'activity') {
    if (!filter.actor?.length) return { verdict: 'not_checkable', explanation: 'Not checkable: the statement names no armed actor the store knows.' };
    const f: Filter = { ...filter, eventType: FIGHTING.filter((t) => facts.eventTypes.includes(t)) };
    delete f.civilianTargeting;
    const result = await count(store, f);
    const data = await dataFigure(store, f, result.total.events, result.total.events, result.datasets, datasetCaveats(result.datasets), options);
    const n = result.total.events;
    const verdict: Verdict = n > 0 ? 'contradicted' : 'supported';
    return {
      verdict,
      data,
      explanation:
        n > 0
          ? `Contradicted: the store holds ${fmt(n)} battles and attacks on civilians${who(f)} in ${where(f)}${when(f)}, with ${fmt(result.total.fatalities)} fatalities (for example ${data.event_ids.slice(0, 3).join(', ')}).`
          : `Supported: the store holds no battle or attack on civilians${who(f)} in ${where(f)}${when(f)}.`,
    };
  }
  if (claim.kind === 'spread') {
    const per = await count(store, { ...filter, eventType: VIOLENT.filter((t) => facts.eventTypes.includes(t)) }, ['country', 'year']);
    const first = new Map<string, number>();
    for (const r of per.rows) if (r.events > 0 && !first.has(String(r.country))) first.set(String(r.country), Number(r.year));
    const missing = (filter.country ?? []).filter((c) => !first.has(c));
    const f = { ...filter, eventType: VIOLENT.filter((t) => facts.eventTypes.includes(t)) };
    const data = await dataFigure(store, f, per.total.events, per.total.events, per.datasets, datasetCaveats(per.datasets), options);
    if (missing.length) return { verdict: 'contradicted', data, explanation: `Contradicted: the store holds no violent events${who(filter)} in ${missing.join(', ')}${when(filter)}.` };
    return {
      verdict: 'supported',
      data,
      explanation: `Supported: the store holds ${fmt(per.total.events)} violent events${who(filter)} in ${where(filter)}${when(filter)}; first year with events: ${[...first].map(([c, y]) => `${c} ${y}`).join(', ')}.`,
    };
  }
  // Who died: ACLED does not attribute deaths; fatalities in events targeting civilians against those in battles.
  const civ = await count(store, { ...filter, civilianTargeting: true });
  const battles = await count(store, { ...filter, civilianTargeting: undefined, eventType: ['Battles'].filter((t) => facts.eventTypes.includes(t)) });
  const { civilianTargeting: _c, ...all } = filter;
  const data = await dataFigure(store, all, (await count(store, all)).total.events, civ.total.fatalities, civ.datasets, [ACLED_CAVEAT, ...datasetCaveats(civ.datasets)], options, {
    parts: { value: civ.total.fatalities, base: battles.total.fatalities, base_filters: normalizeFilter({ ...all, eventType: ['Battles'] }) },
  });
  const pass = civ.total.fatalities > battles.total.fatalities;
  return {
    verdict: pass ? 'supported' : 'contradicted',
    data,
    explanation: `${pass ? 'Supported' : 'Contradicted'}: ${fmt(civ.total.fatalities)} fatalities in events targeting civilians against ${fmt(battles.total.fatalities)} in battles${who(filter)} in ${where(filter)}${when(filter)} (ACLED does not say who died: these are fatalities by kind of event).`,
  };
}
