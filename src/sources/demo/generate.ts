// The generator: walks the scenario month by month, draws random events,
// calibrates their fatalities to exact monthly budgets, adds the scripted
// episodes, and yields ACLED rows in date order. Only one month of events is
// held in memory, so a million-row file streams in constant space.
import { type Draft, type MonthSlot, drawEvent, drawWagnerEvent } from './draw.js';
import { type ScriptedEvent, SCRIPTED, WAGNER_CAMPAIGN, wagnerOtherTheatres } from './episodes.js';
import { type DemoEvent, toRow } from './event.js';
import { COUNTRIES, type CountryName, findPlace } from './gazetteer.js';
import { Rng } from './prng.js';
import { COASTAL_DEBUT, FIRST_YEAR, LAST_YEAR, PLANS, SEASON, fatalityCap } from './scenario.js';
import { SUB_EVENTS, carriesFatalities } from './taxonomy.js';

export interface DemoOptions {
  seed?: number;
  /** 1 = the calibrated demo (~17k events); N = about N times as many events. */
  scale?: number;
}

export const DEFAULT_SEED = 20220327;

interface MonthBudget {
  readonly events: number;
  readonly fatalities: number;
}

/** Splits an integer total over weights so that the parts sum to it exactly. */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthKey = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

function wagnerBudgets(year: number, scale: number): { central: number; other: number; month: string }[] {
  return WAGNER_CAMPAIGN.filter((w) => w.month.startsWith(`${year}-`)).map((w) => ({
    month: w.month,
    central: Math.round(w.central * scale),
    other: Math.round(w.other * scale),
  }));
}

/** Days of `month` on which a coastal state may have random events (after its debut). */
function activeDays(country: CountryName, year: number, month: number): { first: number; last: number } {
  const last = daysIn(year, month);
  const debut = COASTAL_DEBUT[country];
  if (!debut) return { first: 1, last };
  const key = monthKey(year, month);
  if (key < debut.slice(0, 7)) return { first: 1, last: 0 };
  if (key > debut.slice(0, 7)) return { first: 1, last };
  return { first: Number(debut.slice(8, 10)) + 1, last };
}

/**
 * Monthly event counts and fatality budgets for every country in `year`. The
 * budgets sum exactly to the plan's yearly total minus what scripted episodes
 * and the Wagner campaign already account for.
 */
function planYear(rng: Rng, year: number, scale: number): Map<CountryName, MonthBudget[]> {
  const plans = new Map<CountryName, MonthBudget[]>();
  for (const { name } of COUNTRIES) {
    const plan = PLANS[name][year];
    if (!plan) continue;
    const weights = SEASON.map((season, i) => {
      const { first, last } = activeDays(name, year, i + 1);
      const active = Math.max(0, last - first + 1) / daysIn(year, i + 1);
      return season * (0.8 + 0.4 * rng.float()) * active;
    });
    const scripted = SCRIPTED.filter((s) => s.country === name && s.date.startsWith(`${year}-`));
    let fixed = scripted.reduce((n, s) => n + s.fatalities, 0);
    if (name === 'Mali') for (const w of wagnerBudgets(year, scale)) fixed += w.central + w.other;
    const fatalities = largestRemainder(Math.max(0, Math.round(plan.fatalities * scale) - fixed), weights);
    const events = largestRemainder(Math.round(plan.events * scale), weights);
    plans.set(
      name,
      weights.map((_, i) => ({ events: events[i] ?? 0, fatalities: fatalities[i] ?? 0 })),
    );
  }
  return plans;
}

/**
 * Rescales raw draws so the group's fatalities sum exactly to `budget`: each
 * fatal event keeps its share, and the rounding remainder goes one by one to
 * the last events of the month. Non-fatal kinds (protests, abductions...) keep
 * their raw counts.
 */
export function fitFatalities(drafts: readonly Draft[], budget: number, cap: number): void {
  const fixedKinds = drafts.filter((d) => !carriesFatalities(d.event.sub));
  let fixed = fixedKinds.reduce((n, d) => n + d.raw, 0);
  for (let i = fixedKinds.length - 1; i >= 0 && fixed > budget; i--) {
    const d = fixedKinds[i];
    if (d && d.raw > 0) {
      fixed -= d.raw;
      d.raw = 0;
    }
  }
  for (const d of fixedKinds) d.event.fatalities = d.raw;

  const target = budget - fixed;
  const fatal = drafts.filter((d) => carriesFatalities(d.event.sub));
  if (fatal.length === 0) {
    if (target > 0) throw new Error('fatality budget without any fatal event');
    return;
  }
  if (!fatal.some((d) => d.raw > 0)) {
    const last = fatal[fatal.length - 1];
    if (last) last.raw = 1;
  }
  const rawSum = fatal.reduce((n, d) => n + d.raw, 0);
  let given = 0;
  for (const d of fatal) {
    d.event.fatalities = Math.min(cap, Math.floor((d.raw * target) / rawSum));
    given += d.event.fatalities;
  }
  const spread = fatal.filter((d) => d.raw > 0);
  let left = target - given;
  let limit = cap;
  while (left > 0) {
    let progressed = false;
    for (let i = spread.length - 1; i >= 0 && left > 0; i--) {
      const d = spread[i];
      if (d && d.event.fatalities < limit) {
        d.event.fatalities++;
        left--;
        progressed = true;
      }
    }
    // Everything at the cap: the budget wins over the cap.
    if (!progressed) limit = Number.POSITIVE_INFINITY;
  }
}

function scriptedDraft(s: ScriptedEvent, rng: Rng, seq: number): Draft {
  const event: DemoEvent = {
    place: findPlace(s.country, s.location),
    date: s.date,
    sub: s.sub,
    actor1: s.actor1,
    assoc1: s.assoc1,
    actor2: s.actor2,
    assoc2: s.assoc2,
    civilianTargeting: SUB_EVENTS[s.sub].eventType === 'Violence against civilians',
    fatalities: s.fatalities,
    timePrecision: 1,
    geoPrecision: s.geoPrecision,
    sourceScale: 'National-International',
    reportLag: rng.int(3, 9) * 86400 + rng.int(0, 86399),
    noteSeed: rng.seed(),
    detail: s.detail,
    ...(s.action ? { action: s.action } : {}),
    seq,
  };
  return { event, raw: s.fatalities };
}

const COUNTRY_ORDER = new Map(COUNTRIES.map((c, i) => [c.name, i] as const));
const ID_BASE = 10000;

function* monthDrafts(rng: Rng, year: number, month: number, plans: Map<CountryName, MonthBudget[]>, scale: number, nextSeq: () => number): Generator<Draft> {
  for (const [country, months] of plans) {
    const budget = months[month - 1];
    if (!budget) continue;
    const { first, last } = activeDays(country, year, month);
    if (first > last) continue;
    const plan = PLANS[country][year];
    if (!plan) continue;
    const slot: MonthSlot = { year, month, firstDay: first, lastDay: last };
    const mean = plan.fatalities / plan.events;
    const drafts: Draft[] = [];
    for (let i = 0; i < budget.events; i++) drafts.push(drawEvent(rng, country, plan, mean, slot, nextSeq()));
    if (budget.fatalities > 0 && !drafts.some((d) => carriesFatalities(d.event.sub))) {
      drafts.push(drawEvent(rng, country, plan, mean, slot, nextSeq(), 'Armed clash'));
    }
    fitFatalities(drafts, budget.fatalities, fatalityCap(country));
    yield* drafts;
  }

  const key = monthKey(year, month);
  const wagner = wagnerBudgets(year, scale).find((w) => w.month === key);
  if (wagner) {
    const slot: MonthSlot = { year, month, firstDay: 1, lastDay: daysIn(year, month) };
    const groups: [readonly string[], number][] = [
      [['Mopti', 'Mopti', 'Segou'], wagner.central],
      [wagnerOtherTheatres(key), wagner.other],
    ];
    for (const [admin1s, fatalities] of groups) {
      if (fatalities <= 0) continue;
      const n = Math.max(1, Math.round(fatalities / 6));
      const drafts: Draft[] = [];
      for (let i = 0; i < n; i++) drafts.push(drawWagnerEvent(rng, admin1s, slot, nextSeq()));
      if (!drafts.some((d) => carriesFatalities(d.event.sub))) drafts.push(drawWagnerEvent(rng, admin1s, slot, nextSeq(), 'Attack'));
      fitFatalities(drafts, fatalities, Number.POSITIVE_INFINITY);
      yield* drafts;
    }
  }

  for (const s of SCRIPTED) if (s.date.startsWith(key)) yield scriptedDraft(s, rng, nextSeq());
}

/** Yields the demo events in date order, each with its per-country ACLED id number. */
export function* demoEvents(options: DemoOptions = {}): Generator<{ event: DemoEvent; id: number }> {
  const scale = options.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number, got ${scale}`);
  const rng = new Rng(options.seed ?? DEFAULT_SEED);
  const ids = new Map<CountryName, number>();
  let seq = 0;
  const nextSeq = (): number => seq++;
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const plans = planYear(rng, year, scale);
    for (let month = 1; month <= 12; month++) {
      const drafts = [...monthDrafts(rng, year, month, plans, scale, nextSeq)];
      drafts.sort(
        (a, b) =>
          (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : 0) ||
          (COUNTRY_ORDER.get(a.event.place.country) ?? 0) - (COUNTRY_ORDER.get(b.event.place.country) ?? 0) ||
          a.event.seq - b.event.seq,
      );
      for (const { event } of drafts) {
        const id = (ids.get(event.place.country) ?? ID_BASE) + 1;
        ids.set(event.place.country, id);
        yield { event, id };
      }
    }
  }
}

/** One string[] per event, in ACLED_COLUMNS order. */
export function* demoRows(options: DemoOptions = {}): Generator<string[]> {
  for (const { event, id } of demoEvents(options)) yield toRow(event, id);
}
