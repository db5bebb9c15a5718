// Actor names in ACLED's style. ACLED names state forces after the regime that
// commands them ("Military Forces of Mali (2021-)" after the May 2021 coup), so
// the name depends on the event date; getting that right matters because actor
// names are what analysts filter and count on.
import type { CountryName } from './gazetteer.js';

/** ACLED inter codes. */
export const INTER = {
  state: 1,
  rebel: 2,
  politicalMilitia: 3,
  identityMilitia: 4,
  rioters: 5,
  protesters: 6,
  civilians: 7,
  external: 8,
} as const;

export type InterCode = (typeof INTER)[keyof typeof INTER];

export interface Actor {
  readonly name: string;
  readonly inter: InterCode;
  /** How a note refers to the actor in running text. */
  readonly label: string;
}

const actor = (name: string, inter: InterCode, label: string): Actor => ({ name, inter, label });

/** ACLED's interaction code: both inter codes, smaller first; a lone actor gives e.g. 60. */
export function interaction(inter1: number, inter2?: number): number {
  if (inter2 === undefined || inter2 === 0) return inter1 * 10;
  return Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
}

/** Picks the regime label in force on `date` from [startDate, suffix] pairs in order. */
function regime(date: string, periods: readonly (readonly [string, string])[]): string {
  let suffix = '';
  for (const [start, label] of periods) if (date >= start) suffix = label;
  return suffix;
}

const REGIMES: Record<CountryName, readonly (readonly [string, string])[]> = {
  Mali: [
    ['0000', '(2013-2020)'],
    ['2020-08-18', '(2020-2021)'],
    ['2021-05-24', '(2021-)'],
  ],
  'Burkina Faso': [
    ['0000', '(2015-2022)'],
    ['2022-01-24', '(2022-)'],
  ],
  Niger: [
    ['0000', '(2011-2021)'],
    ['2021-04-02', '(2021-2023)'],
    ['2023-07-26', '(2023-)'],
  ],
  'Ivory Coast': [['0000', '(2011-)']],
  Benin: [['0000', '(2016-)']],
  Togo: [['0000', '(2005-)']],
  Ghana: [['0000', '(2017-)']],
};

const DEMONYM: Record<CountryName, string> = {
  Mali: 'Malian',
  'Burkina Faso': 'Burkinabe',
  Niger: 'Nigerien',
  'Ivory Coast': 'Ivorian',
  Benin: 'Beninese',
  Togo: 'Togolese',
  Ghana: 'Ghanaian',
};

const ARMY_ACRONYM: Partial<Record<CountryName, string>> = {
  Mali: 'FAMa',
  'Burkina Faso': 'FDS',
  Niger: 'FDS',
};

export function military(country: CountryName, date: string): Actor {
  const acronym = ARMY_ACRONYM[country];
  const label = `${DEMONYM[country]} soldiers${acronym ? ` (${acronym})` : ''}`;
  return actor(`Military Forces of ${country} ${regime(date, REGIMES[country])}`, INTER.state, label);
}

export function police(country: CountryName, date: string): Actor {
  return actor(`Police Forces of ${country} ${regime(date, REGIMES[country])}`, INTER.state, `${DEMONYM[country]} police`);
}

export const WAGNER = actor('Wagner Group', INTER.external, 'Wagner Group personnel');
export const MINUSMA = actor('MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2023)', INTER.external, 'MINUSMA peacekeepers');

/** French forces, named after the presidential term as ACLED does; Barkhane goes in assoc. */
export function france(date: string): Actor {
  const term = date >= '2022-05-14' ? '(2022-)' : '(2017-2022)';
  return actor(`Military Forces of France ${term}`, INTER.external, 'French Barkhane forces');
}
export const BARKHANE = 'Operation Barkhane';

export const JNIM = actor('JNIM: Group for Support of Islam and Muslims', INTER.rebel, 'JNIM militants');
export const KATIBA_MACINA = 'Katiba Macina';
export const ANSAROUL_ISLAM = actor('Ansaroul Islam', INTER.rebel, 'Ansaroul Islam militants');
export const ISWAP = actor('Islamic State (West Africa)', INTER.rebel, 'ISWAP militants');
export const JAS = actor('Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad', INTER.rebel, 'Boko Haram (JAS) militants');
export const CMA = actor('CMA: Coordination of Azawad Movements', INTER.rebel, 'CMA fighters');
export const CSP = actor('CSP-PSD: Permanent Strategic Framework for Peace, Security and Development', INTER.rebel, 'CSP-PSD fighters');
export const GATIA = actor('GATIA: Imghad Tuareg and Allies Self-Defense Group', INTER.politicalMilitia, 'GATIA fighters');
export const DAN_NA_AMBASSAGOU = actor('Dan Na Ambassagou', INTER.identityMilitia, 'Dan Na Ambassagou militiamen');
export const VDP = actor('VDP: Volunteers for the Defense of the Homeland', INTER.politicalMilitia, 'VDP auxiliaries');
export const KOGLWEOGO = actor('Koglweogo Militia', INTER.politicalMilitia, 'Koglweogo militiamen');

/** The Sahel branch of IS was renamed when it became a separate province (March 2022). */
export function islamicStateSahel(date: string): Actor {
  return date >= '2022-03-21' ? actor('Islamic State (Sahel)', INTER.rebel, 'IS Sahel militants') : actor('Islamic State (Greater Sahara)', INTER.rebel, 'ISGS militants');
}

export function unidentifiedArmedGroup(country: CountryName): Actor {
  return actor(`Unidentified Armed Group (${country})`, INTER.politicalMilitia, 'unidentified gunmen');
}

export function ethnicMilitia(ethnicity: string, country: CountryName): Actor {
  return actor(`${ethnicity} Ethnic Militia (${country})`, INTER.identityMilitia, `${ethnicity} militiamen`);
}

export function civilians(country: CountryName): Actor {
  return actor(`Civilians (${country})`, INTER.civilians, 'civilians');
}
export function protesters(country: CountryName): Actor {
  return actor(`Protesters (${country})`, INTER.protesters, 'demonstrators');
}
export function rioters(country: CountryName): Actor {
  return actor(`Rioters (${country})`, INTER.rioters, 'rioters');
}

/** Associated-actor group names, e.g. "Fulani Ethnic Group (Mali)". */
export function ethnicGroup(ethnicity: string, country: CountryName): string {
  return `${ethnicity} Ethnic Group (${country})`;
}
export function socialGroup(group: string, country: CountryName): string {
  return `${group} (${country})`;
}

/** ACLED separates several associated actors with "; ". */
export function joinAssoc(names: readonly string[]): string {
  return names.join('; ');
}

/** Splits an assoc_actor field back into names (the inverse of joinAssoc). */
export function splitAssoc(field: string): string[] {
  return field
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
