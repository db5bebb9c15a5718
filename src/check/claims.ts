/**
 * Finding the claims of a text: every number that states a quantity of political violence,
 * with what it counts, where, when, by whom and on whose word. The steps, per sentence:
 *   1. read numbers, places, periods, actors and the source (numbers.ts … sources.ts);
 *   2. drop what is not a claim: years, dates, ages, durations, money, soldiers deployed;
 *   3. read each claim's unit, metric and qualifier from the words around it;
 *   4. bind each claim to the period, place and actors of its own clause, else of the
 *      sentence, else of the sentences before (a reader carries them over);
 *   5. add the statements without a number (activity.ts).
 */
import { fold } from './text.js';
import type { AliasTable } from '../analysis/aliases.js';
import { findActivity } from './activity.js';
import { findActors, type ActorMention } from './actors.js';
import { findNumbers, type Lang, type NumberMention } from './numbers.js';
import { findPeriods, parsePublished, previousPeriod, shiftYears, type Period, type PeriodMention, type Published } from './periods.js';
import { countryName, findPlaces, narrow, type Gazetteer, type PlaceMention } from './places.js';
import { qualifierOf, type Qualifier } from './qualifiers.js';
import { findRanks } from './ranks.js';
import { splitSentences, type Sentence } from './sentences.js';
import { findSource, type Source } from './sources.js';
import { countUnit, namesOneSide, NOT_A_COUNT_AFTER, NOT_A_COUNT_BEFORE, unitsIn, type Unit, type UnitReading } from './units.js';

export type Metric = 'total' | 'change_pct' | 'change_ratio' | 'share' | 'rank';
export type ClaimKind = 'number' | 'activity' | 'spread' | 'victims';

export interface Place {
  text: string;
  /** ISO 3166 alpha-3 codes. */
  countries: string[];
  /** The countries as the data name them. */
  country_names: string[];
  admin1: string[];
  /** Second-level areas (provinces, cercles, LGAs), named without a town in them. */
  admin2?: string[];
  locations: string[];
}

export interface Claim {
  kind: ClaimKind;
  span: string;
  start: number;
  end: number;
  sentence: string;
  sentence_start: number;
  quantity?: number | null;
  low?: number;
  high?: number;
  /** Vague amounts ("hundreds of"): the least they mean. */
  at_least_implied?: number;
  qualifier: Qualifier;
  unit: Unit;
  metric: Metric;
  /** The count is of events that target civilians ("attacks on civilians rose by 40%"). */
  targets?: 'civilians';
  /** The dead of one side, as the text names them ("15 mercenaries", "60 soldiers"): event data give only the events' dead. */
  side?: string;
  place: Place | null;
  period: Period | null;
  /** Actor names as the datasets store them. */
  actors: string[];
  /** The alias keys and the words that named them. */
  actor_mentions: Array<{ text: string; key: string; note?: string }>;
  comparison?: { from_period: Period; to_period: Period; direction: 'increase' | 'decrease' | 'change' };
  /** A rate: the figure is an average per day, week, month or year of the period ("29 deaths daily", "10,500 average annual deaths"). */
  per?: 'day' | 'week' | 'month' | 'year';
  /** The dead of one incident the text names ("the massacre", "these victims"): judged against that incident (incidents.ts). */
  incident?: boolean;
  attributed_to?: string;
  source?: Source;
  /** For statements without a number: what they say ("not taking part in the fighting"). */
  statement?: string;
  /** Negated statements: "not taking part". */
  negated?: boolean;
  checkable: boolean;
  reason?: string;
}

export interface ExtractOptions {
  lang?: Lang | 'auto';
  published?: string;
  aliases: AliasTable;
  gazetteer?: Gazetteer;
  /** What a reader already knows from earlier text of the same article: carried in and updated. */
  context?: ReadingContext;
  /** The article's headline: read for place, period and actors, never for claims. */
  headline?: string;
}

/**
 * What a reader carries from sentence to sentence: the place, the period and the actors named
 * last, the actors named so far, and whether the text is about an incident (an attack, a
 * massacre), which decides the period of a figure that names none.
 */
export interface ReadingContext {
  place?: { mentions: PlaceMention[] };
  period?: Period;
  actors: ActorMention[];
  named: string[];
  /** How often each actor (alias key) has been named so far: the text's topic is the one named most. */
  mentions: Record<string, number>;
  countries: string[];
  incident?: boolean;
  /** The headline named one incident ("village massacre", "an attack on …"): the figures without a period of their own are its toll. */
  incidentTopic?: boolean;
  /** Claims that refer back ("of these fatalities") to a period the text has not given yet: the next period the article states is theirs. */
  pending?: Claim[];
  headlineActors?: ActorMention[];
  civilianTopic?: boolean;
}
type Context = ReadingContext;
export const newReadingContext = (): ReadingContext => ({ actors: [], named: [], mentions: {}, countries: [] });

/** A headline's trailing parenthesis names the outlet or the copy ("(AFP, via ReliefWeb)"), not the story. */
export const headlineText = (h: string) => h.replace(/\s*\([^()]*\)\s*$/, '').trim();

export function detectLang(text: string): Lang {
  const words = fold(text).match(/\p{L}+/gu) ?? [];
  const fr = words.filter((w) => /^(le|la|les|des|du|une|est|dans|pour|qui|que|au|aux|selon|et|sont|ont|par|sur|avec|depuis)$/.test(w)).length;
  const en = words.filter((w) => /^(the|of|and|in|to|is|was|were|for|that|with|by|have|has|since|from|at|on)$/.test(w)).length;
  return fr > en ? 'fr' : 'en';
}

export function extractClaims(input: string, options: ExtractOptions): Claim[] {
  const text = input.normalize('NFC');
  const lang: Lang = !options.lang || options.lang === 'auto' ? detectLang(text) : options.lang;
  const ref = parsePublished(options.published);
  const ctx: Context = options.context ?? newReadingContext();
  if (options.headline?.trim()) {
    // The headline sets the scene as it does for a reader; its own numbers are not claims of this text.
    const h = headlineText(options.headline.normalize('NFC'));
    sentenceClaims({ text: h, start: 0, end: h.length }, lang, ref, ctx, options);
    // Who did it: a force the headline names as the target ("attack on Chadian army garrison") is not.
    const doers = withoutTargets(h, ctx.actors);
    if (doers.length) ctx.headlineActors = doers;
    if (CIVILIAN_HEADLINE.test(fold(h))) ctx.civilianTopic = true;
    if (SINGLE_INCIDENT.test(fold(h))) ctx.incidentTopic = true;
  }
  const claims: Claim[] = [];
  for (const s of splitSentences(text)) claims.push(...sentenceClaims(s, lang, ref, ctx, options));
  return claims;
}

function sentenceClaims(s: Sentence, lang: Lang, ref: Published, ctx: Context, options: ExtractOptions): Claim[] {
  const t = s.text;
  const found = findPlaces(t, options.gazetteer).filter((p) => !(p.level === 'demonym' && ['RUS', 'FRA', 'UKR'].includes(p.countries[0]!)));
  // An area name found in several countries, none of them the country the text is about ("North-East" in an article on Nigeria), is that country's own naming: the text's country stands.
  const about = [...new Set(found.filter((p) => !p.reference && (p.level === 'country' || p.level === 'demonym')).flatMap((p) => p.countries))];
  const known = about.length ? about : ctx.countries;
  const places = found.filter(
    (p) => !((p.level === 'admin1' || p.level === 'admin2' || p.level === 'location') && p.countries.length > 1 && known.length && !p.countries.some((x) => known.includes(x))),
  );
  const sentenceCountries = [...new Set(places.filter((p) => !p.reference && p.level !== 'location').flatMap((p) => (p.countries.length === 1 ? p.countries : [])))];
  const actors = findActors(t, options.aliases, sentenceCountries.length ? sentenceCountries : ctx.countries, ctx.named);
  const periods = findPeriods(t, lang, ref);
  const numbers = findNumbers(t, lang).filter((n) => !inPeriod(n, periods, t));
  const source = findSource(t);
  const readings = readNumbers(t, numbers, actors);
  // "the worst single atrocity", "more deaths than any previous year": rank 1 by deaths.
  for (const r of findRanks(t))
    if (!readings.some((x) => x.number.start < r.end && x.number.end > r.start))
      readings.push({ number: { start: r.start, end: r.end, text: r.text, kind: 'ordinal', value: 1, digits: false }, unit: 'deaths', metric: 'rank', noun: r.over });
  readings.sort((a, b) => a.number.start - b.number.start);
  const out: Claim[] = [];
  const claimNumbers = readings.map((r) => r.number);
  const backReference = BACK_REFERENCE.test(fold(t));
  // "such operations", "these incidents": the operations of the actors named before — of the one the text is about, when those were several.
  const referred = backReference ? topical(ctx) : ctx.actors;
  // Under a headline about civilian deaths, the article's bare deaths are those civilians' deaths (unless the sentence names fighters).
  if (ctx.civilianTopic && !FIGHTERS.test(fold(t))) for (const r of readings) if (r.unit === 'deaths' && r.metric === 'total') r.unit = 'civilian_deaths';
  const incidentHere = SINGLE_INCIDENT.test(fold(t));
  // "The Chadian army suffered its biggest losses", "an attack on the Malian army": the target is not who did it.
  const doers = withoutTargets(t, actors);
  // "Over 2,100 of these reported fatalities": a count of something named before, whose period may come only later in the article.
  const backToCount = /\b(?:of\s+)?(?:these|those|such)\b|\b(?:ces|cette|de ces)\b/.test(fold(t));
  let stated: Period | undefined;
  for (const r of readings) {
    const n = r.number;
    const { prevEnd, nextStart } = neighbours(n, claimNumbers, t);
    const placeRun = bindPlace(n, places, prevEnd, nextStart, t, r.metric) ?? ctx.place?.mentions;
    const period = bindPeriod(n, periods, prevEnd, nextStart, ctx, ref, t, r.metric);
    let bound = doers.filter((a) => a.start >= prevEnd && a.end <= nextStart);
    if (!bound.length && (readings.length === 1 || doers.every((a) => a.start < claimNumbers[0]!.start))) bound = doers;
    if (!bound.length && backReference) bound = referred;
    // A sentence that names no actor (or only the one that suffered) is about those of the headline ("Rebels clash with Wagner and Malian army, 21 killed").
    if (!doers.length && !bound.length && ctx.headlineActors) bound = ctx.headlineActors.filter((a) => !actors.some((t) => t.key === a.key));
    // "Both civilian targeting events and civilian fatalities increased by 50%": one claim for each.
    for (const unit of [r.unit, ...(r.extraUnits ?? [])]) {
      const claim = buildClaim(s, n, { ...r, unit }, placeRun ?? null, period.main, period.comparison, bound, source, [...sentenceCountries, ...ctx.countries]);
      if (r.metric === 'total' && (unit === 'deaths' || unit === 'civilian_deaths') && (incidentHere || (ctx.incidentTopic && !period.own))) claim.incident = true;
      if (period.main.assumed && backToCount) (ctx.pending ??= []).push(claim);
      if (period.own && !period.main.assumed) stated ??= period.main;
      out.push(claim);
    }
  }
  out.push(
    ...findActivity(s, { places, actors, periods, ref, ctx: { ...ctx, actors: referred }, source, lang }).map((a) =>
      buildClaim(s, a.number, a.reading, a.places ?? bindPlaceAll(places) ?? ctx.place?.mentions ?? null, a.period, undefined, a.actors, source, ctx.countries, a),
    ),
  );
  // The first period the article states is the one the claims that referred back were waiting for.
  if (stated && ctx.pending?.length) {
    for (const c of ctx.pending.splice(0)) {
      c.period = { ...stated };
      if (c.comparison) c.comparison.to_period = c.period;
    }
  }
  // Carry over what this sentence named, as a reader would.
  const run = bindPlaceAll(places);
  if (run) {
    ctx.place = { mentions: run };
    ctx.countries = [...new Set(run.flatMap((p) => p.countries))];
  }
  const main = periods.filter((p) => p.role === 'main' && p.from);
  if (main.length) {
    const last = main[main.length - 1]!;
    ctx.period = { from: last.from, to: last.to, text: last.text, ...(last.within ? { within: last.within } : {}) };
  }
  if (actors.length) {
    ctx.actors = actors;
    ctx.named = [...new Set([...ctx.named, ...actors.map((a) => a.key)])];
    for (const a of actors) ctx.mentions[a.key] = (ctx.mentions[a.key] ?? 0) + 1;
  }
  // Only words for an incident carry over; "killed" alone is as often a tally ("Over 7,000 killed in 10 months").
  if (INCIDENT_WORD.test(t)) ctx.incident = true;
  return out;
}

const BACK_REFERENCE = /\b(such|these|those|this|the same)\s+(operations?|incidents?|attacks?|events?|raids?|massacres?|killings)\b|\b(ces|cette|ces memes)\s+(operations?|attaques?|incidents?)\b/;

/**
 * The actors a back-reference ("such operations", "these incidents") points to: those of the
 * sentences before; when they are several, the one the text is about (named most often so far).
 * "Possible war crimes by Malian soldiers and mercenaries … civilians died … in such operations",
 * in an article about the mercenaries, is about the mercenaries' operations.
 */
export function topical(ctx: Pick<ReadingContext, 'actors' | 'mentions'>): ActorMention[] {
  const keys = [...new Set(ctx.actors.map((a) => a.key))];
  if (keys.length < 2) return ctx.actors;
  const most = Math.max(...keys.map((k) => ctx.mentions[k] ?? 0));
  const top = keys.filter((k) => (ctx.mentions[k] ?? 0) === most);
  return top.length === keys.length ? ctx.actors : ctx.actors.filter((a) => top.includes(a.key));
}

interface Reading {
  number: NumberMention;
  unit: Unit;
  metric: Metric;
  noun: string;
  extraUnits?: Unit[];
  targets?: 'civilians';
}

/** Which numbers are claims, and what each counts. */
function readNumbers(t: string, numbers: NumberMention[], actors: ActorMention[]): Reading[] {
  const out: Reading[] = [];
  const bare: NumberMention[] = [];
  for (const n of numbers) {
    const after = t.slice(n.end, n.end + 80);
    const before = t.slice(Math.max(0, n.start - 60), n.start);
    if (actors.some((a) => n.start >= a.start && n.end <= a.end)) continue;
    if (NOT_A_COUNT_BEFORE.test(fold(before)) || (n.kind !== 'percent' && NOT_A_COUNT_AFTER.test(fold(after)))) continue;
    if (/^[-–]?(strong|member|man|year|day|month|week|hour|point|nation|country|party)\b/i.test(after.replace(/^\s+/, ''))) continue;
    if (n.kind === 'ordinal') {
      const m = /^\s+(?:deadly\s+|major\s+|such\s+|large\s+|terrorist\s+|jihadist\s+)?(attack|attaque|massacre|ambush|raid|assault)\b/i.exec(after);
      if (m && !/\bconsecutive\b/i.test(after.slice(0, 30))) out.push({ number: n, unit: 'attacks', metric: 'rank', noun: m[1]! });
      continue;
    }
    if (n.kind === 'percent' || n.kind === 'fraction' || n.kind === 'ratio') {
      if (n.kind === 'ratio' && /^double$/i.test(n.text) && !/^\s*(what|that|the|its|from|since|in|compared|,|\.)/i.test(after)) continue;
      const metric: Metric = n.kind === 'ratio' ? 'change_ratio' : n.kind === 'fraction' ? 'share' : isChange(before, after) ? 'change_pct' : 'share';
      const units = relativeUnits(t, n, metric);
      if (!units.length) continue;
      const civilian = metric === 'share' && /\bcivilians?\b|\bcivils?\b/i.test(t) && units[0]!.unit === 'deaths';
      out.push({
        number: n,
        unit: civilian ? 'civilian_deaths' : units[0]!.unit,
        metric,
        noun: units[0]!.noun,
        ...(units.length > 1 ? { extraUnits: units.slice(1).map((u) => u.unit) } : {}),
        ...(units[0]!.targets ? { targets: units[0]!.targets } : {}),
      });
      continue;
    }
    if (n.yearLike && !/^\s+(people|persons|deaths|civilians|killed|dead|fatalities|personnes|morts)\b/i.test(after)) continue;
    // A number in a range with its noun after the second: "1,078 and 1,071 cases".
    const coordinated = /^\s*(?:and|or|et|ou|to|-)\s*(?:\d[\d,. ]*|\w+)\s+/i.exec(after);
    const reading = countUnit(after, before, t, t) ?? (coordinated ? countUnit(after.slice(coordinated[0].length - 1).replace(/^[^\s]*/, ''), before, t, t) : null);
    if (reading) out.push({ number: n, unit: reading.unit, metric: 'total', noun: reading.noun });
    else if (n.kind === 'count' && n.value !== null && BARE_AFTER.test(after)) bare.push(n);
    else if (n.kind === 'vague') {
      const noun = countUnit(after.replace(/^\s*(of|de|d')\s*/i, ' '), before, t, t);
      if (noun) out.push({ number: n, unit: noun.unit, metric: 'total', noun: noun.noun });
    }
  }
  // A bare number in a sentence of counts counts the same: "(513)", "compared to 465 in 2021", "saw 3,885".
  const totals = out.filter((r) => r.metric === 'total');
  for (const n of bare) {
    const near = [...totals].sort((a, b) => Math.abs(a.number.start - n.start) - Math.abs(b.number.start - n.start))[0];
    const ofWhat = /^[\s,]*(?:of|des|de)\b/i.test(t.slice(n.end)) ? unitsIn(t.slice(n.end, n.end + 60)).filter((u) => u.unit !== 'displaced') : [];
    if (ofWhat.length) out.push({ number: n, unit: ofWhat[0]!.unit, metric: 'total', noun: ofWhat[0]!.noun });
    else if (near) out.push({ number: n, unit: near.unit, metric: 'total', noun: '' });
    else {
      const units = unitsIn(t).filter((u) => u.unit !== 'displaced');
      // "Fatalities in Mali rose from 1,913 in 2021 to 4,803": the subject's noun, before a verb of change or tally.
      const subject = unitsIn(t.slice(0, n.start)).filter((u) => u.unit !== 'displaced');
      if (units.length && /\b(saw|recorded|documented|registered|counted|toll|bilan|killing|killed)\b[^.;]{0,30}$/i.test(t.slice(0, n.start)))
        out.push({ number: n, unit: units[0]!.unit, metric: 'total', noun: '' });
      else if (subject.length && SUBJECT_VERB.test(fold(t.slice(0, n.start)))) out.push({ number: n, unit: subject[0]!.unit, metric: 'total', noun: '' });
    }
  }
  // "547 fatalities …, a more than fourfold increase": a change without its own noun is a change of the count before it.
  const sorted = out.sort((a, b) => a.number.start - b.number.start);
  for (let i = 1; i < sorted.length; i++) {
    const r = sorted[i]!,
      prev = sorted[i - 1]!;
    if (
      (r.metric === 'change_pct' || r.metric === 'change_ratio') &&
      prev.metric === 'total' &&
      !r.extraUnits &&
      /^[^.;]*?,\s*(?:an?\s+|a\s+more\s+than\s+|which is\s+|soit\s+(?:une\s+)?)?[^,;]{0,25}$/i.test(t.slice(prev.number.end, r.number.start)) &&
      !unitsIn(t.slice(t.lastIndexOf(',', r.number.start), r.number.start)).length
    )
      r.unit = prev.unit;
  }
  return sorted;
}

/** A verb of change or tally between a count noun and a bare number: "fatalities rose from 1,913 … to 4,803", "deaths stood at 300". */
const SUBJECT_VERB =
  /\b(?:rose|risen|fell|fallen|increased|decreased|jumped|climbed|dropped|declined|grew|grown|went|reached|totall?ed|stood|numbered|surged|soared|doubled|tripled|passed|ont augmente|a augmente|sont passes?|est passee?|ont atteint|a atteint|a grimpe)\b(?:[^.;]{0,40}?\b(?:from|to|at|de|a|au)\b)?[^.;\d]{0,20}(?:\d[\d,. ]*[^.;\d]{0,30})?$/;

/** What may follow a number that has no noun of its own: a stop, a parenthesis, a verb of occurring, a rate, a period. */
const BARE_AFTER =
  /^\s*($|[),;.]|\s?(?:in|en|and|et|or|ou|on|at|near|along|since|depuis|during|over|this|last|a year|per year|a day|per day|par an|par jour|occurred|happened|took place|were recorded|were reported|were killed|died|have died|ont ete)\b|\s?\()/i;

const CHANGE_BEFORE =
  /\b(increase[sd]?|rise|rose|risen|grew|grown|jump(ed)?|surge[sd]?|climbed|soared|up|down|fell|fallen|dropped|declined?|decrease[sd]?|reduction|augmente[es]?|augmentation|hausse|baisse|progression|bondi|recul[ée]?|diminu[ée]+s?|a grimpe)\b(\s+\w+){0,3}?\s+(by|of|de|d'|to)?\s*(more than|nearly|almost|about|around|some|over|plus de|pres de|environ|a more than|an?)?\s*$/;
const CHANGE_AFTER =
  /^\s*(jump|increase|rise|surge|drop|decline|decrease|fall|hike|growth|more|higher|lower|fewer|up|down|hausse|augmentation|baisse|de plus|de moins|rise|year[- ]on[- ]year|compared|par rapport)\b/;

function isChange(before: string, after: string): boolean {
  const b = fold(before);
  if (/\b(up|down) from\s*(the\s+)?$/.test(b)) return false;
  return CHANGE_BEFORE.test(b) || CHANGE_AFTER.test(fold(after));
}

/** The noun phrase after "of"/"des", up to a preposition, a relative or a verb. */
const OF_PHRASE =
  /^\s*(?:share\s+)?(?:of|des|du|de|d')\s*([^,;:.()]*?)(?=\s+(?:by|in|from|that|which|who|were|was|are|is|on|at|across|during|since|for|compared|dans|en|par|qui|sur|depuis|pendant|au|aux|lies|liees|enregistres?)\b|[,;:.()]|$)/i;

/** What a percentage, fraction or multiplier is of: the noun after "of"/"des", else the clause's subject. */
function relativeUnits(t: string, n: NumberMention, metric: Metric): UnitReading[] {
  const after = t.slice(n.end, n.end + 70).split(/[,;:.](?=\s)|\b(?:and|but|while|et|mais)\b/)[0]!;
  // "a third of 2022 propaganda statements": a share of what its own noun phrase names, and no claim when that is no count of violence.
  const of = OF_PHRASE.exec(after);
  if (of) {
    const units = unitsIn(of[1]!);
    return units.length ? [units[0]!] : [];
  }
  const ofWhat = metric === 'share' ? unitsIn(after) : [];
  if (ofWhat.length) return [ofWhat[0]!];
  const clauseStart = Math.max(t.lastIndexOf(';', n.start), t.lastIndexOf(':', n.start), 0);
  const subject = unitsIn(t.slice(clauseStart, n.start));
  if (subject.length) {
    // "Both civilian targeting events and reported civilian fatalities increased by nearly 50%": one claim each.
    const distinct = [...new Map(subject.map((u) => [u.unit, u])).values()];
    return distinct.length > 1 && /\b(and|et)\b/.test(t.slice(clauseStart, n.start)) && metric !== 'share' ? distinct : [subject[subject.length - 1]!];
  }
  const anywhere = unitsIn(t.slice(n.end));
  return anywhere.length ? [anywhere[0]!] : [];
}

/** Numbers inside a date or period ("3 May", "September 4, 2013", "2022") are not counts. */
function inPeriod(n: NumberMention, periods: PeriodMention[], t: string): boolean {
  if (n.yearLike && !/^\s+(people|persons|deaths|civilians|killed|dead|fatalities|personnes|morts)\b/i.test(t.slice(n.end, n.end + 20))) return true;
  return periods.some((p) => n.start >= p.start && n.end <= p.end && !/\b(last|past|derniers?|dernieres?)\b/i.test(p.text));
}

/** Where this number's clause begins and ends: at the claims before and after it (a parenthesis belongs to its number). */
function neighbours(n: NumberMention, all: NumberMention[], t: string): { prevEnd: number; nextStart: number } {
  const i = all.indexOf(n);
  let prevEnd = 0;
  // "61%, or 6,389, of the fatalities … last year": a number restated in apposition shares its clause.
  const restated = (a: NumberMention, b: NumberMention) => APPOSITION.test(t.slice(a.end, b.start));
  for (let k = i - 1; k >= 0; k--) {
    if (restated(all[k]!, all[k + 1]!)) continue;
    if (!inParens(all[k]!, t)) {
      prevEnd = all[k]!.end;
      break;
    }
  }
  let nextStart = t.length;
  for (let k = i + 1; k < all.length; k++) {
    if (restated(all[k - 1]!, all[k]!)) continue;
    if (!inParens(all[k]!, t)) {
      nextStart = all[k]!.start;
      break;
    }
  }
  return { prevEnd, nextStart };
}
const APPOSITION = /^\s*,?\s*(?:or|ou|soit|that is|i\.e\.)\s*$/i;
const inParens = (n: NumberMention, t: string) => /\(\s*(?:\w+\s+){0,3}$/.test(t.slice(Math.max(0, n.start - 20), n.start)) && /^[^()]{0,8}\)/.test(t.slice(n.end));

const CIVILIAN_HEADLINE = /\bcivilian (?:deaths|casualties|fatalities|death toll)\b|\bcivilians? (?:killed|dead|massacred)\b|\b(?:morts|deces|victimes) civil(?:e|s|es)?\b|\bcivils? tues\b/;
const FIGHTERS = /\b(?:soldiers?|troops|militants?|fighters?|combatants?|jihadists?|assailants?|terrorists?|military|army|soldats|militaires|combattants|jihadistes|assaillants|terroristes)\b/;

const SHARE_VERB = /\b(?:accounted for|accounting for|accounts? for|represent(?:s|ed|ing)?|made up|makes? up|representai(?:t|ent)|represente(?:nt)?|a represente)\b/;

/** Places joined by "," / "and" / "et" are one place ("Centre-Nord and Est", "Mali, Burkina Faso and Niger"). */
function runs(places: PlaceMention[], t: string): PlaceMention[][] {
  const out: PlaceMention[][] = [];
  for (const p of places.filter((x) => !x.reference)) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && /^[\s,]*(?:and|et|or|ou|&)?[\s,]*$/iu.test(t.slice(prev.end, p.start))) last!.push(p);
    else out.push([p]);
  }
  return out;
}

/** The place of a number: named after it in its clause, else before it in its clause, else nearest before. */
function bindPlace(n: NumberMention, places: PlaceMention[], prevEnd: number, nextStart: number, t: string, metric?: Metric): PlaceMention[] | undefined {
  const all = runs(places, t);
  if (!all.length) return undefined;
  const strong = all.filter((r) => r.some((p) => p.level !== 'demonym'));
  const pool = strong.length ? strong : all;
  // "Burkina Faso … accounted for 61% of the fatalities in the Sahel": a share is the subject's; the place after it is the whole.
  // (a possessive, "the Sahel's locus", names no subject.)
  const subject = [...pool].reverse().find((r) => r[r.length - 1]!.end <= n.start && !/^['’]s\b/.test(t.slice(r[r.length - 1]!.end)));
  if ((metric === 'share' || metric === 'total') && subject && SHARE_VERB.test(fold(t.slice(subject[subject.length - 1]!.end, n.start)))) return subject;
  return (
    pool.find((r) => r[0]!.start >= n.end && r[0]!.start < nextStart) ??
    [...pool].reverse().find((r) => r[r.length - 1]!.end <= n.start && r[0]!.start >= prevEnd) ??
    [...pool].reverse().find((r) => r[r.length - 1]!.end <= n.start) ??
    pool[0]
  );
}

function bindPlaceAll(places: PlaceMention[]): PlaceMention[] | undefined {
  const usable = places.filter((p) => !p.reference);
  if (!usable.length) return undefined;
  const strong = usable.filter((p) => p.level !== 'demonym');
  return strong.length ? strong : usable;
}

function bindPeriod(
  n: NumberMention,
  periods: PeriodMention[],
  prevEnd: number,
  nextStart: number,
  ctx: Context,
  ref: Published,
  t: string,
  metric: Metric,
): { main: Period; comparison?: Period; own: boolean } {
  // "the year prior", "the previous year's": the year before the period the text is talking about (this sentence's, else the one carried), not before publication.
  const anchor = periods.find((p) => p.role === 'main' && p.from && !p.yearBefore) ?? ctx.period;
  if (anchor) periods = periods.map((p) => (p.yearBefore ? { ...p, from: `${Number(anchor.to.slice(0, 4)) - 1}-01-01`, to: `${Number(anchor.to.slice(0, 4)) - 1}-12-31` } : p));
  const main = periods.filter((p) => p.role === 'main');
  const relative = periods.find((p) => p.role === 'comparison' && p.start >= n.end && p.start < nextStart) ?? periods.find((p) => p.role === 'comparison' && p.start >= prevEnd && p.start < nextStart);
  const pick =
    main.find((p) => p.end <= n.start && p.start >= prevEnd && /^\s*[,–—-]?\s*(when|where|ou|lorsque|with)\b/i.test(t.slice(p.end, p.end + 12))) ??
    main.find((p) => p.start >= n.end && p.start < nextStart) ??
    [...main].reverse().find((p) => p.end <= n.start && p.start >= prevEnd) ??
    [...main].sort((a, b) => Math.abs(a.start - n.start) - Math.abs(b.start - n.start))[0];
  let chosen: Period | undefined = pick ? { from: pick.from, to: pick.to, text: pick.text, ...(pick.within ? { within: pick.within } : {}) } : undefined;
  // A count said of the baseline itself: "the previous year's 23,000", "the year prior, when 725 civilians were killed".
  const ofBaseline = periods.find(
    (p) => p.role === 'comparison' && p.from && p.end <= n.start && p.start >= prevEnd && /^(?:'s)?\s*(?:,\s*(?:when|with|where|ou|lorsque)\b)?[^\d,;.]{0,12}$/i.test(t.slice(p.end, n.start)),
  );
  if (metric === 'total' && ofBaseline) chosen = { from: ofBaseline.from, to: ofBaseline.to, text: ofBaseline.text };
  // "up 20% compared to 2019", no period of its own: the same length of time after the baseline, up to publication.
  if (!chosen && relative && relative.from) {
    const next = shiftYears(relative, 1);
    chosen = { from: next.from, to: next.to > ref.day ? ref.day : next.to, text: '' };
  }
  const own = Boolean(chosen);
  chosen ??= ctx.period ? { ...ctx.period } : defaultPeriod(ref, t, ctx);
  // A period read backwards ("since November" read against a March publication) is no period.
  if (chosen.from > chosen.to) chosen = defaultPeriod(ref, t);
  let comparison: Period | undefined;
  if (metric === 'change_pct' || metric === 'change_ratio') {
    if (relative?.yearEarlier) comparison = { ...shiftYears(chosen, -1), text: relative.text };
    else if (relative?.from) comparison = { from: relative.from, to: relative.to, text: relative.text };
    else comparison = { ...previousPeriod(chosen), text: '' };
  }
  return { main: chosen, ...(comparison ? { comparison } : {}), own };
}

/** "10 500 average annual deaths", "4 900 a year", "29 deaths recorded daily", "par an": the words after a count that make it a rate. */
function rateOf(after: string): Claim['per'] | undefined {
  const a = fold(after);
  const m =
    /^\s*(?:[\w-]+\s+){0,1}?(?:average\s+)?(annual|yearly|daily|weekly|monthly)\s/.exec(a) ??
    /^[^.;,]{0,30}?(?<!\b(?:in|within|over|for|after|than|half|dans|en)\s)\b(?:a|per|each|every|par)\s+(year|day|week|month|an|jour|semaine|mois)\b(?!\s+(?:after|before|later|earlier|ago|apres|avant|plus tard))|^[^.;,]{0,30}?\b(annually|daily|weekly|monthly|quotidiennement)\b/.exec(
      a,
    );
  const word = m?.[1] ?? m?.[2];
  if (!word) return undefined;
  return /^(?:annual|yearly|annually|year|an)$/.test(word) ? 'year' : /^(?:daily|day|jour|quotidiennement)$/.test(word) ? 'day' : /^(?:weekly|week|semaine)$/.test(word) ? 'week' : 'month';
}

/** Words around an actor that make it the target of the violence, not its author: also a count of it ("70 Nigerien soldiers were killed") and "among" it (the dead). */
const TARGET_BEFORE =
  /\b(?:attacks?|assaults?|ambush(?:es)?|raids?|offensive|strikes?|attaques?|embuscades?)\s+(?:on|against|targeting|contre|visant)\s+(?:the\s+|a\s+|l'|la\s+|le\s+|les\s+|des\s+)?$|\b(?:among|parmi)\s+(?:the\s+|les\s+)?$|(?:\d|\b(?:dozens?|hundreds?|scores|several|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|deux|trois|quatre|cinq|sept|huit|neuf|dix|douze|quinze|vingt|trente|quarante|cinquante|soixante|cent|dizaine|douzaine|vingtaine|trentaine|centaine))\s+(?:of\s+(?:the\s+)?|de\s+|d')?$/;
const TARGET_AFTER =
  /^(?:'s)?\s+(?:(?:garrison|base|camp|post|position|convoy|patrol)s?\b|suffered\b|lost\b|(?:was|were|had been|has been|have been)\s+(?:attacked|ambushed|targeted|hit|overrun)\b|a subi\b|ont subi\b)/;
function withoutTargets(t: string, actors: ActorMention[]): ActorMention[] {
  const f = fold(t);
  return actors.filter((a) => !(TARGET_BEFORE.test(f.slice(Math.max(0, a.start - 40), a.start)) || TARGET_AFTER.test(f.slice(a.end, a.end + 40))));
}

/** One incident, named with an article or a preposition: "the massacre", "an attack on", "in another attack", "these victims" (not "attacks"). */
const SINGLE_INCIDENT =
  /\b(?:the|this|that|an?|another|its|in|during|after|la|le|l'|cette|ce|une?|dans|lors de)\s+(?:[\w'-]+\s+){0,2}?(?:attack|massacre|raid|ambush|assault|incident|atrocity|bombing|attaque|tuerie|embuscade|attentat)\b|\b(?:these|those|ces)\s+victim(?:e)?s\b/;

/** No period in the text: an incident is the week before publication; other figures are the year to date. */
const INCIDENT_WORD = /\b(attack|assault|raid|ambush|massacre|attaque|embuscade|tuerie)\w*/i;
const INCIDENT = /\b(attack|assault|raid|ambush|massacre|killed|attaque|embuscade|tues?|mort)\w*/i;
const weekBefore = (day: string) => new Date(Date.parse(day) - 7 * 86400000).toISOString().slice(0, 10);
function defaultPeriod(ref: Published, t: string, ctx?: Context): Period {
  // Folded: "ont tué", "tuées" are "tue", "tuees".
  const incident = INCIDENT.test(fold(t)) || Boolean(ctx?.incident);
  if (incident && ref.precision === 'day') {
    return { from: weekBefore(ref.day), to: ref.day, text: '', assumed: true };
  }
  // Known only to the month: the week before its middle, searched for in the whole month.
  if (incident && ref.precision === 'month') return { from: weekBefore(ref.mid), to: ref.mid, text: '', assumed: true, within: { from: ref.first, to: ref.day } };
  return { from: `${ref.day.slice(0, 4)}-01-01`, to: ref.day, text: '', assumed: true };
}

export interface ActivityFinding {
  number: NumberMention;
  reading: Reading;
  places?: PlaceMention[];
  period: Period;
  actors: ActorMention[];
  kind: ClaimKind;
  statement: string;
  negated: boolean;
}

function buildClaim(
  s: Sentence,
  n: NumberMention,
  r: Reading,
  placeRun: PlaceMention[] | null,
  period: Period,
  comparison: Period | undefined,
  actors: ActorMention[],
  source: Source | undefined,
  contextCountries: string[],
  activity?: ActivityFinding,
): Claim {
  const t = s.text;
  const isRange = n.high !== undefined;
  const collective = /dozen|douzaine|dizaine|vingtaine|centaine/i.test(n.text);
  const place = placeRun ? placeOf(placeRun, contextCountries) : null;
  const keys = [...new Map(actors.map((a) => [a.key, a])).values()];
  const claim: Claim = {
    kind: activity?.kind ?? 'number',
    span: t.slice(n.start, n.end),
    start: s.start + n.start,
    end: s.start + n.end,
    sentence: t,
    sentence_start: s.start,
    ...(activity ? {} : isRange ? { low: n.value!, high: n.high! } : n.kind === 'vague' ? { quantity: null, at_least_implied: n.atLeast! } : { quantity: n.value! }),
    qualifier: activity ? 'exact' : n.kind === 'vague' ? 'at_least' : qualifierOf(t, n.start, n.end, collective),
    unit: r.unit,
    ...(r.targets ? { targets: r.targets } : {}),
    ...(!activity && r.unit === 'deaths' && r.metric === 'total' && namesOneSide(r.noun) ? { side: r.noun } : {}),
    metric: r.metric,
    place,
    period,
    actors: [...new Set(keys.flatMap((a) => a.names))],
    actor_mentions: keys.map((a) => ({ text: a.text, key: a.key, ...(a.note ? { note: a.note } : {}) })),
    ...(source ? { attributed_to: source.text, source } : {}),
    ...(activity ? { statement: activity.statement, negated: activity.negated } : {}),
    ...(r.metric === 'total' && !activity && rateOf(t.slice(n.end, n.end + 45)) ? { per: rateOf(t.slice(n.end, n.end + 45))! } : {}),
    checkable: true,
  };
  if (comparison) {
    const fold_ = fold(t);
    const direction = /\b(fell|fallen|drop|dropped|declin|decreas|down|baisse|recul|diminu|fewer|lower)/.test(fold_)
      ? 'decrease'
      : /\b(increas|rose|risen|rise|jump|up|double|tripl|quadrupl|fold|surge|augment|hausse|more)/.test(fold_)
        ? 'increase'
        : 'change';
    claim.comparison = { from_period: comparison, to_period: period, direction };
  }
  if (r.unit === 'displaced') Object.assign(claim, { checkable: false, reason: 'event data do not count displaced people' });
  else if (r.unit === 'other') Object.assign(claim, { checkable: false, reason: `event data do not count ${r.noun || 'this'}` });
  else if (n.kind === 'vague') Object.assign(claim, { checkable: true, reason: `a vague amount: "${n.text}" is read as at least ${n.atLeast}` });
  void isRange;
  return claim;
}

function placeOf(run: PlaceMention[], contextCountries: string[]): Place {
  const named = [...new Set(run.filter((p) => p.level === 'country' || p.level === 'region' || p.level === 'demonym').flatMap((p) => p.countries))];
  const countries = [
    ...new Set(run.flatMap((p) => (p.level === 'country' || p.level === 'region' || p.level === 'demonym' ? p.countries : narrow(p, named.length ? named : contextCountries)))),
  ].sort();
  return {
    // A place named twice ("Malian troops … Malian civilians") is one place.
    text: [...new Set(run.map((p) => p.text))].join(', '),
    countries,
    country_names: countries.map(countryName),
    admin1: [...new Set(run.filter((p) => p.level === 'admin1' && p.admin1).map((p) => p.admin1!))],
    ...(run.some((p) => p.level === 'admin2') ? { admin2: [...new Set(run.filter((p) => p.level === 'admin2' && p.admin2).map((p) => p.admin2!))] } : {}),
    locations: [...new Set(run.filter((p) => p.level === 'location' && p.location).map((p) => p.location!))],
  };
}

export { runs };
