// Draws single random events: when, where, what kind, who, and a provisional
// fatality count that the monthly calibration rescales afterwards.
import { KATIBA_MACINA, WAGNER, civilians, ethnicGroup, islamicStateSahel, JNIM, CSP, military, type Actor } from './actors.js';
import { castActors, type Cast } from './cast.js';
import type { DemoEvent } from './event.js';
import { type CountryName, type Place, countryInfo, findPlace, placesIn } from './gazetteer.js';
import type { Rng } from './prng.js';
import { CAPITAL_DEMONSTRATION_SHARE, type YearPlan, eventMix } from './scenario.js';
import { type SubEventType, isDemonstration } from './taxonomy.js';

/** An event plus the raw (pre-calibration) fatality draw. */
export interface Draft {
  readonly event: DemoEvent;
  raw: number;
}

export interface MonthSlot {
  readonly year: number;
  readonly month: number;
  /** First and last day of the month on which events may fall. */
  readonly firstDay: number;
  readonly lastDay: number;
}

const SOURCE_SCALES: readonly (readonly [string, number])[] = [
  ['National', 30],
  ['Subnational', 25],
  ['Local partner-Other', 15],
  ['National-International', 10],
  ['Other-National', 8],
  ['New media', 7],
  ['International', 5],
];

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Raw fatalities in units of the country-year mean: mostly 0-5, with a long
 * tail, so that rescaling to the monthly budget keeps that shape.
 */
function rawFatalities(sub: SubEventType, mean: number, rng: Rng): number {
  const tail = (p0: number, scale: number, bigP = 0): number => {
    if (rng.chance(p0)) return 0;
    const base = 1 + rng.exp(scale * mean);
    return rng.chance(bigP) ? base + rng.exp(6 * mean) : base;
  };
  switch (sub) {
    case 'Armed clash':
      return tail(0.3, 1.6, 0.03);
    case 'Government regains territory':
      return tail(0.4, 1.5);
    case 'Non-state actor overtakes territory':
      return tail(0.3, 2);
    case 'Remote explosive/landmine/IED':
      return tail(0.45, 0.7);
    case 'Shelling/artillery/missile attack':
      return tail(0.75, 0.4);
    case 'Air/drone strike':
      return tail(0.2, 2);
    case 'Suicide bomb':
      return tail(0, 2.5);
    case 'Attack':
      return tail(0.2, 1.1, 0.02);
    case 'Mob violence':
      return tail(0.6, 0.2);
    case 'Abduction/forced disappearance':
    case 'Protest with intervention':
    case 'Violent demonstration':
      return rng.chance(0.04) ? 1 : 0;
    default:
      return 0;
  }
}

function precision(rng: Rng, p2: number, p3: number): 1 | 2 | 3 {
  const r = rng.float();
  return r < p3 ? 3 : r < p3 + p2 ? 2 : 1;
}

function assemble(rng: Rng, place: Place, date: string, sub: SubEventType, cast: Cast, raw: number, seq: number, capital: boolean): Draft {
  const event: DemoEvent = {
    place,
    date,
    sub,
    ...cast,
    fatalities: 0,
    timePrecision: precision(rng, 0.12, 0.03),
    geoPrecision: capital ? 1 : precision(rng, 0.23, 0.05),
    sourceScale: rng.weighted(SOURCE_SCALES),
    reportLag: rng.int(2, 9) * 86400 + rng.int(0, 86399),
    noteSeed: rng.seed(),
    seq,
  };
  return { event, raw: Math.round(raw) };
}

const theatreLists = new WeakMap<YearPlan, readonly (readonly [string, number])[]>();

function theatrePlace(country: CountryName, plan: YearPlan, rng: Rng): Place {
  let theatres = theatreLists.get(plan);
  if (!theatres) {
    theatres = Object.entries(plan.theatres);
    theatreLists.set(plan, theatres);
  }
  const admin1 = rng.weighted(theatres);
  return rng.pick(placesIn(country, admin1));
}

export function drawEvent(rng: Rng, country: CountryName, plan: YearPlan, meanFatalities: number, slot: MonthSlot, seq: number, forceSub?: SubEventType): Draft {
  const sub = forceSub ?? rng.weighted(eventMix(country, slot.year));
  const date = isoDate(slot.year, slot.month, rng.int(slot.firstDay, slot.lastDay));
  const capital = isDemonstration(sub) && rng.chance(CAPITAL_DEMONSTRATION_SHARE);
  const place = capital ? findPlace(country, countryInfo(country).capital) : theatrePlace(country, plan, rng);
  const cast = castActors(sub, place, date, rng);
  return assemble(rng, place, date, sub, cast, rawFatalities(sub, meanFatalities, rng), seq, capital);
}

const WAGNER_SUBS: readonly (readonly [SubEventType, number])[] = [
  ['Attack', 40],
  ['Armed clash', 35],
  ['Abduction/forced disappearance', 10],
  ['Air/drone strike', 7],
  ['Looting/property destruction', 8],
];

function wagnerOpponent(place: Place, date: string, rng: Rng): { actor: Actor; assoc: string[] } {
  if (place.admin1 === 'Kidal') return { actor: CSP, assoc: [] };
  if ((place.admin1 === 'Menaka' || place.admin1 === 'Gao') && rng.chance(0.6)) return { actor: islamicStateSahel(date), assoc: [] };
  const central = place.admin1 === 'Mopti' || place.admin1 === 'Segou';
  return { actor: JNIM, assoc: central && rng.chance(0.5) ? [KATIBA_MACINA] : [] };
}

/**
 * An event involving the Wagner Group, in either of ACLED's two forms: the
 * Malian army with Wagner associated, or Wagner with the army associated.
 */
export function drawWagnerEvent(rng: Rng, admin1s: readonly string[], slot: MonthSlot, seq: number, forceSub?: SubEventType): Draft {
  const admin1 = rng.pick(admin1s);
  const place = rng.pick(placesIn('Mali', admin1));
  const date = isoDate(slot.year, slot.month, rng.int(slot.firstDay, slot.lastDay));
  const sub = forceSub ?? rng.weighted(WAGNER_SUBS);
  const army = military('Mali', date);
  const [lead, partner] = rng.chance(0.5) ? [army, WAGNER] : [WAGNER, army];
  const fighting = sub === 'Armed clash' || sub === 'Air/drone strike';
  const victimsGroup = admin1 === 'Mopti' || admin1 === 'Segou' ? 'Fulani' : rng.pick(['Tuareg', 'Arab', 'Fulani']);
  const target = fighting ? wagnerOpponent(place, date, rng) : { actor: civilians('Mali'), assoc: [ethnicGroup(victimsGroup, 'Mali')] };
  const cast: Cast = {
    actor1: lead,
    assoc1: [partner.name],
    actor2: target.actor,
    assoc2: target.assoc,
    civilianTargeting: !fighting && sub !== 'Looting/property destruction',
  };
  const raw = sub === 'Abduction/forced disappearance' || sub === 'Looting/property destruction' ? 0 : 1 + rng.exp(4);
  return assemble(rng, place, date, sub, cast, raw, seq, false);
}
