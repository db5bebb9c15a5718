// Scripted parts of the scenario: the Moura episode, the Wagner Group campaign
// budget, coups and other milestones, and each coastal state's first event.
// They are fixed (not drawn at random) because the calibration targets refer
// to them and because they must appear once, whatever the scale.
import { type Actor, CSP, JNIM, KATIBA_MACINA, WAGNER, BARKHANE, civilians, ethnicGroup, ethnicMilitia, france, military, socialGroup } from './actors.js';
import type { CountryName } from './gazetteer.js';
import type { SubEventType } from './taxonomy.js';

export interface ScriptedEvent {
  readonly date: string;
  readonly country: CountryName;
  readonly location: string;
  readonly sub: SubEventType;
  readonly actor1: Actor;
  readonly assoc1: readonly string[];
  readonly actor2: Actor | null;
  readonly assoc2: readonly string[];
  readonly fatalities: number;
  readonly geoPrecision: 1 | 2 | 3;
  /** Sentence added to the generated note, to tell what happened specifically. */
  readonly detail: string;
  /** Verb phrase for the note's lead ("took over the military camp") when the generic one won't do. */
  readonly action?: string;
}

const FAMA = military('Mali', '2022-03-27');
const MALI_CIVILIANS = civilians('Mali');
const FULANI_TRADERS = [ethnicGroup('Fulani', 'Mali'), socialGroup('Traders', 'Mali')];

// Both ways ACLED records the partnership: the army with Wagner associated, or
// Wagner as the primary actor with the army associated.
const ARMY_WITH_WAGNER = { actor1: FAMA, assoc1: [WAGNER.name] } as const;
const WAGNER_WITH_ARMY = { actor1: WAGNER, assoc1: [FAMA.name] } as const;

/**
 * Moura (Djenne, Mopti), 27-31 March 2022: about 500 killed over five days,
 * in line with the UN/HRW reporting of "more than 300". Every event is at
 * Moura itself; geo_precision 2 marks those in its immediate surroundings.
 */
export const MOURA_EPISODE: readonly ScriptedEvent[] = [
  {
    date: '2022-03-27',
    country: 'Mali',
    location: 'Moura',
    sub: 'Armed clash',
    ...ARMY_WITH_WAGNER,
    actor2: JNIM,
    assoc2: [KATIBA_MACINA],
    fatalities: 30,
    geoPrecision: 1,
    detail: 'Troops were landed by helicopter near the weekly livestock market and exchanged fire with militants present in the crowd.',
  },
  {
    date: '2022-03-27',
    country: 'Mali',
    location: 'Moura',
    sub: 'Attack',
    ...ARMY_WITH_WAGNER,
    actor2: MALI_CIVILIANS,
    assoc2: FULANI_TRADERS,
    fatalities: 45,
    geoPrecision: 1,
    detail: 'People trying to flee the market were shot as the town was sealed off.',
  },
  {
    date: '2022-03-28',
    country: 'Mali',
    location: 'Moura',
    sub: 'Abduction/forced disappearance',
    ...WAGNER_WITH_ARMY,
    actor2: MALI_CIVILIANS,
    assoc2: FULANI_TRADERS,
    fatalities: 0,
    geoPrecision: 1,
    detail: 'Several hundred men were rounded up from their homes and held on the river bank east of the town.',
  },
  {
    date: '2022-03-28',
    country: 'Mali',
    location: 'Moura',
    sub: 'Attack',
    ...WAGNER_WITH_ARMY,
    actor2: MALI_CIVILIANS,
    assoc2: FULANI_TRADERS,
    fatalities: 110,
    geoPrecision: 1,
    detail: 'Detained men were taken away in small groups and executed.',
  },
  {
    date: '2022-03-29',
    country: 'Mali',
    location: 'Moura',
    sub: 'Attack',
    ...ARMY_WITH_WAGNER,
    actor2: MALI_CIVILIANS,
    assoc2: FULANI_TRADERS,
    fatalities: 120,
    geoPrecision: 1,
    detail: 'Executions of detainees continued; bodies were later found in mass graves.',
  },
  {
    date: '2022-03-30',
    country: 'Mali',
    location: 'Moura',
    sub: 'Air/drone strike',
    actor1: FAMA,
    assoc1: [],
    actor2: JNIM,
    assoc2: [KATIBA_MACINA],
    fatalities: 30,
    geoPrecision: 2,
    detail: 'Helicopters struck suspected militant positions in the surroundings of the town.',
  },
  {
    date: '2022-03-30',
    country: 'Mali',
    location: 'Moura',
    sub: 'Attack',
    ...WAGNER_WITH_ARMY,
    actor2: MALI_CIVILIANS,
    assoc2: FULANI_TRADERS,
    fatalities: 95,
    geoPrecision: 2,
    detail: 'Men detained along the river outside the town were executed.',
  },
  {
    date: '2022-03-31',
    country: 'Mali',
    location: 'Moura',
    sub: 'Attack',
    ...ARMY_WITH_WAGNER,
    actor2: MALI_CIVILIANS,
    assoc2: FULANI_TRADERS,
    fatalities: 70,
    geoPrecision: 1,
    detail: 'The last detainees were executed before the remaining men were released.',
  },
  {
    date: '2022-03-31',
    country: 'Mali',
    location: 'Moura',
    sub: 'Looting/property destruction',
    ...WAGNER_WITH_ARMY,
    actor2: MALI_CIVILIANS,
    assoc2: [],
    fatalities: 0,
    geoPrecision: 1,
    detail: 'Shops, livestock and motorbikes were seized before the troops withdrew.',
  },
];

/**
 * Fatalities in Wagner-involved events outside Moura, per month, split between
 * central Mali (Mopti, Segou) and elsewhere. With Moura this gives about 800
 * killed by the end of 2022 (ACLED: "at least 700"), mostly in central Mali.
 */
export interface WagnerMonth {
  readonly month: string;
  readonly central: number;
  readonly other: number;
}

export const WAGNER_CAMPAIGN: readonly WagnerMonth[] = [
  { month: '2021-12', central: 12, other: 0 },
  ...[25, 30, 20, 30, 20, 20, 15, 15, 15, 10, 10, 10].map((central, i) => ({
    month: `2022-${String(i + 1).padStart(2, '0')}`,
    central,
    other: [8, 8, 8, 10, 8, 10, 8, 8, 8, 6, 6, 6][i] ?? 0,
  })),
  // 2023: the partnership turns north, towards the Kidal offensive.
  ...[10, 10, 10, 10, 10, 10, 10, 10, 12, 25, 40, 20].map((other, i) => ({
    month: `2023-${String(i + 1).padStart(2, '0')}`,
    central: 15,
    other,
  })),
];

/** Where Wagner-involved events happen outside central Mali, by period. */
export function wagnerOtherTheatres(month: string): readonly string[] {
  return month >= '2023-10' ? ['Kidal', 'Gao', 'Timbuktu'] : ['Timbuktu', 'Gao', 'Menaka', 'Koulikoro'];
}

export const MILESTONES: readonly ScriptedEvent[] = [
  {
    date: '2020-08-18',
    country: 'Mali',
    location: 'Kati',
    sub: 'Other',
    actor1: military('Mali', '2020-08-18'),
    assoc1: [],
    actor2: null,
    assoc2: [],
    fatalities: 0,
    geoPrecision: 1,
    action: 'staged a mutiny at the military camp',
    detail: 'Mutinous soldiers took over the military camp and detained the president, who resigned overnight.',
  },
  {
    date: '2021-05-24',
    country: 'Mali',
    location: 'Kati',
    sub: 'Arrests',
    actor1: military('Mali', '2021-05-24'),
    assoc1: [],
    actor2: null,
    assoc2: [],
    fatalities: 0,
    geoPrecision: 1,
    action: 'detained the transitional leaders',
    detail: 'The transitional president and prime minister were detained at the military camp after a cabinet reshuffle.',
  },
  {
    date: '2022-01-06',
    country: 'Mali',
    location: 'Timbuktu',
    sub: 'Headquarters or base established',
    ...WAGNER_WITH_ARMY,
    actor2: null,
    assoc2: [],
    fatalities: 0,
    geoPrecision: 1,
    action: 'established a base',
    detail: 'Foreign personnel moved into the camp vacated by French forces in December.',
  },
  {
    date: '2022-08-15',
    country: 'Mali',
    location: 'Gao',
    sub: 'Non-violent transfer of territory',
    actor1: france('2022-08-15'),
    assoc1: [BARKHANE],
    actor2: military('Mali', '2022-08-15'),
    assoc2: [],
    fatalities: 0,
    geoPrecision: 1,
    action: 'handed over the last French base to Malian soldiers (FAMa)',
    detail: 'The last French troops left the base, ending the Barkhane presence in the country.',
  },
  {
    date: '2023-11-14',
    country: 'Mali',
    location: 'Kidal',
    sub: 'Government regains territory',
    actor1: military('Mali', '2023-11-14'),
    assoc1: [WAGNER.name],
    actor2: CSP,
    assoc2: [],
    fatalities: 6,
    geoPrecision: 1,
    action: 'retook control of the town from CSP-PSD fighters',
    detail: 'Army columns entered the town after CSP-PSD fighters withdrew.',
  },
  {
    date: '2022-01-24',
    country: 'Burkina Faso',
    location: 'Ouagadougou',
    sub: 'Other',
    actor1: military('Burkina Faso', '2022-01-24'),
    assoc1: [],
    actor2: null,
    assoc2: [],
    fatalities: 0,
    geoPrecision: 1,
    action: 'seized power',
    detail: 'Officers announced on national television that they had dissolved the government.',
  },
  {
    date: '2022-09-30',
    country: 'Burkina Faso',
    location: 'Ouagadougou',
    sub: 'Other',
    actor1: military('Burkina Faso', '2022-09-30'),
    assoc1: [],
    actor2: null,
    assoc2: [],
    fatalities: 0,
    geoPrecision: 1,
    action: 'seized power for the second time in the year',
    detail: 'A second group of officers removed the transitional leader.',
  },
  {
    date: '2023-07-26',
    country: 'Niger',
    location: 'Niamey',
    sub: 'Arrests',
    actor1: military('Niger', '2023-07-26'),
    assoc1: [],
    actor2: null,
    assoc2: [],
    fatalities: 0,
    geoPrecision: 1,
    action: 'seized power',
    detail: 'Members of the presidential guard detained the president and announced a takeover.',
  },
];

/** Each coastal state's first event: an attack in the borderland with the Sahel. */
export const COASTAL_DEBUTS: readonly ScriptedEvent[] = [
  {
    date: '2020-06-11',
    country: 'Ivory Coast',
    location: 'Kafolo',
    sub: 'Armed clash',
    actor1: JNIM,
    assoc1: [],
    actor2: military('Ivory Coast', '2020-06-11'),
    assoc2: [],
    fatalities: 14,
    geoPrecision: 1,
    detail: 'Militants coming from across the Burkinabe border attacked a mixed army and gendarmerie post at night.',
  },
  {
    date: '2021-11-09',
    country: 'Togo',
    location: 'Mandouri',
    sub: 'Armed clash',
    actor1: JNIM,
    assoc1: [],
    actor2: military('Togo', '2021-11-09'),
    assoc2: [],
    fatalities: 0,
    geoPrecision: 2,
    detail: 'Assailants attacked an army post near the border with Burkina Faso and were repelled.',
  },
  {
    date: '2021-12-02',
    country: 'Benin',
    location: 'Porga',
    sub: 'Armed clash',
    actor1: JNIM,
    assoc1: [],
    actor2: military('Benin', '2021-12-02'),
    assoc2: [],
    fatalities: 3,
    geoPrecision: 1,
    detail: 'Militants attacked an army position near the Pendjari park and the border with Burkina Faso.',
  },
  {
    date: '2022-05-14',
    country: 'Ghana',
    location: 'Bawku',
    sub: 'Armed clash',
    actor1: ethnicMilitia('Kusasi', 'Ghana'),
    assoc1: [],
    actor2: ethnicMilitia('Mamprusi', 'Ghana'),
    assoc2: [],
    fatalities: 2,
    geoPrecision: 1,
    detail: 'Gunfire broke out between rival factions in the long-running chieftaincy dispute.',
  },
];

export const SCRIPTED: readonly ScriptedEvent[] = [...MOURA_EPISODE, ...MILESTONES, ...COASTAL_DEBUTS];
