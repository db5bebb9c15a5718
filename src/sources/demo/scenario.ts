// The shape of the synthetic Sahel crisis, 2019-2023: how many events and
// deaths each country has per year, where they happen, and what kind of events
// they are. The generator hits every `fatalities` figure exactly at scale 1;
// only Mali 2021 and 2022 are published figures (ACLED via BBC), the rest are
// plausible round numbers chosen to show the spread south and west.
import type { CountryName } from './gazetteer.js';
import type { SubEventType } from './taxonomy.js';

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2023;

export interface YearPlan {
  /** Randomly drawn events at scale 1 (scripted episodes come on top). */
  readonly events: number;
  /** Exact fatality total for the country-year, scripted episodes included. */
  readonly fatalities: number;
  /** Relative weight of each admin1 as a theatre of political violence. */
  readonly theatres: Readonly<Record<string, number>>;
}

type Plans = Readonly<Partial<Record<number, YearPlan>>>;

const MALI: Plans = {
  2019: { events: 900, fatalities: 1850, theatres: { Mopti: 40, Segou: 7, Timbuktu: 13, Gao: 14, Menaka: 16, Kidal: 7, Koulikoro: 2, Sikasso: 1, Kayes: 0.5 } },
  2020: { events: 1000, fatalities: 2200, theatres: { Mopti: 42, Segou: 13, Timbuktu: 12, Gao: 12, Menaka: 12, Kidal: 5, Koulikoro: 3, Sikasso: 2, Kayes: 1 } },
  2021: { events: 1100, fatalities: 1913, theatres: { Mopti: 40, Segou: 21, Timbuktu: 8, Gao: 8, Menaka: 7, Kidal: 3, Koulikoro: 5, Sikasso: 4, Kayes: 1.5 } },
  2022: { events: 1700, fatalities: 4803, theatres: { Mopti: 37, Segou: 23, Timbuktu: 7, Gao: 8, Menaka: 8, Kidal: 1.5, Koulikoro: 7, Sikasso: 6, Kayes: 2.5 } },
  2023: { events: 1600, fatalities: 3900, theatres: { Mopti: 34, Segou: 21, Timbuktu: 9, Gao: 8, Menaka: 6, Kidal: 6, Koulikoro: 8, Sikasso: 6, Kayes: 3 } },
};

const BURKINA: Plans = {
  2019: { events: 700, fatalities: 1900, theatres: { Sahel: 46, Nord: 18, 'Centre-Nord': 21, Est: 11, 'Boucle du Mouhoun': 4 } },
  2020: { events: 850, fatalities: 2150, theatres: { Sahel: 32, Nord: 15, 'Centre-Nord': 24, Est: 18, 'Boucle du Mouhoun': 8, 'Centre-Est': 2, 'Hauts-Bassins': 1 } },
  2021: { events: 1150, fatalities: 2400, theatres: { Sahel: 27, Nord: 14, 'Centre-Nord': 20, Est: 18, 'Boucle du Mouhoun': 10, 'Centre-Est': 5, Cascades: 3, 'Hauts-Bassins': 2, 'Sud-Ouest': 2 } },
  2022: {
    events: 2000,
    fatalities: 4300,
    theatres: {
      Sahel: 22,
      Nord: 12,
      'Centre-Nord': 18,
      Est: 17,
      'Boucle du Mouhoun': 12,
      'Centre-Est': 6,
      Cascades: 5,
      'Hauts-Bassins': 4,
      'Sud-Ouest': 4,
      'Centre-Ouest': 2,
      'Plateau-Central': 1.5,
      'Centre-Sud': 1,
    },
  },
  2023: {
    events: 2600,
    fatalities: 7200,
    theatres: {
      Sahel: 21,
      Nord: 12,
      'Centre-Nord': 17,
      Est: 17,
      'Boucle du Mouhoun': 13,
      'Centre-Est': 6,
      Cascades: 4,
      'Hauts-Bassins': 4,
      'Sud-Ouest': 3,
      'Centre-Ouest': 2,
      'Plateau-Central': 1.5,
      'Centre-Sud': 1,
      Centre: 0.5,
    },
  },
};

const NIGER: Plans = {
  2019: { events: 350, fatalities: 750, theatres: { Tillaberi: 55, Diffa: 30, Tahoua: 15 } },
  2020: { events: 450, fatalities: 950, theatres: { Tillaberi: 55, Diffa: 28, Tahoua: 10, Maradi: 7 } },
  2021: { events: 550, fatalities: 1200, theatres: { Tillaberi: 60, Diffa: 17, Tahoua: 10, Maradi: 10, Dosso: 3 } },
  2022: { events: 650, fatalities: 1300, theatres: { Tillaberi: 60, Diffa: 13, Tahoua: 9, Maradi: 12, Dosso: 8 } },
  2023: { events: 750, fatalities: 1600, theatres: { Tillaberi: 62, Diffa: 12, Tahoua: 9, Maradi: 10, Dosso: 7 } },
};

// Coastal states: no events at all before their debut (see COASTAL_DEBUT).
const IVORY_COAST: Plans = {
  2020: { events: 10, fatalities: 22, theatres: { Savanes: 60, Zanzan: 40 } },
  2021: { events: 30, fatalities: 25, theatres: { Savanes: 55, Zanzan: 45 } },
  2022: { events: 20, fatalities: 6, theatres: { Savanes: 50, Zanzan: 50 } },
  2023: { events: 20, fatalities: 4, theatres: { Savanes: 50, Zanzan: 50 } },
};
const BENIN: Plans = {
  2021: { events: 4, fatalities: 4, theatres: { Atacora: 70, Alibori: 30 } },
  2022: { events: 70, fatalities: 110, theatres: { Atacora: 55, Alibori: 45 } },
  2023: { events: 130, fatalities: 160, theatres: { Atacora: 50, Alibori: 50 } },
};
const TOGO: Plans = {
  2021: { events: 3, fatalities: 0, theatres: { Savanes: 1 } },
  2022: { events: 35, fatalities: 50, theatres: { Savanes: 1 } },
  2023: { events: 60, fatalities: 90, theatres: { Savanes: 1 } },
};
const GHANA: Plans = {
  2022: { events: 6, fatalities: 4, theatres: { 'Upper East': 60, 'Upper West': 20, 'North East': 20 } },
  2023: { events: 10, fatalities: 8, theatres: { 'Upper East': 60, 'Upper West': 20, 'North East': 20 } },
};

export const PLANS: Readonly<Record<CountryName, Plans>> = {
  Mali: MALI,
  'Burkina Faso': BURKINA,
  Niger: NIGER,
  'Ivory Coast': IVORY_COAST,
  Benin: BENIN,
  Togo: TOGO,
  Ghana: GHANA,
};

/**
 * Date of each coastal state's first (scripted) event. Random events, capital
 * protests included, only start the day after, so "first event in the data"
 * is always the borderland attack.
 */
export const COASTAL_DEBUT: Readonly<Partial<Record<CountryName, string>>> = {
  'Ivory Coast': '2020-06-11',
  Togo: '2021-11-09',
  Benin: '2021-12-02',
  Ghana: '2022-05-14',
};

/** Dry-season peak, rainy-season lull (July-September). */
export const SEASON: readonly number[] = [1.1, 1.1, 1.15, 1.15, 1.1, 1.0, 0.85, 0.8, 0.85, 0.95, 1.0, 1.05];

type Mix = readonly (readonly [SubEventType, number])[];

const SAHEL_MIX: Mix = [
  ['Armed clash', 27],
  ['Government regains territory', 1],
  ['Non-state actor overtakes territory', 0.8],
  ['Remote explosive/landmine/IED', 6],
  ['Shelling/artillery/missile attack', 2],
  ['Air/drone strike', 3],
  ['Suicide bomb', 0.3],
  ['Attack', 25],
  ['Abduction/forced disappearance', 8],
  ['Sexual violence', 0.7],
  ['Peaceful protest', 8],
  ['Protest with intervention', 1.2],
  ['Violent demonstration', 1.6],
  ['Mob violence', 2],
  ['Looting/property destruction', 5],
  ['Arrests', 3],
  ['Agreement', 0.4],
  ['Change to group/activity', 0.6],
  ['Headquarters or base established', 0.3],
  ['Non-violent transfer of territory', 0.3],
  ['Disrupted weapons use', 1.4],
  ['Other', 0.5],
];

// Coastal states: mostly small attacks in the borderlands and politics in the capital.
const COASTAL_MIX: Mix = [
  ['Armed clash', 15],
  ['Remote explosive/landmine/IED', 8],
  ['Attack', 15],
  ['Abduction/forced disappearance', 10],
  ['Peaceful protest', 18],
  ['Protest with intervention', 4],
  ['Violent demonstration', 4],
  ['Mob violence', 4],
  ['Looting/property destruction', 4],
  ['Arrests', 8],
  ['Disrupted weapons use', 2],
  ['Headquarters or base established', 0.5],
  ['Other', 1],
];

const SAHEL: ReadonlySet<CountryName> = new Set<CountryName>(['Mali', 'Burkina Faso', 'Niger']);

export function isSahelCore(country: CountryName): boolean {
  return SAHEL.has(country);
}

// Burkina Faso's drone campaign only really starts with the 2022 juntas.
const BURKINA_EARLY_MIX: Mix = SAHEL_MIX.map(([sub, w]) => [sub, sub === 'Air/drone strike' ? 0.5 : w] as const);

export function eventMix(country: CountryName, year: number): Mix {
  if (!isSahelCore(country)) return COASTAL_MIX;
  return country === 'Burkina Faso' && year < 2022 ? BURKINA_EARLY_MIX : SAHEL_MIX;
}

/** Share of demonstrations held in the capital rather than in regional towns. */
export const CAPITAL_DEMONSTRATION_SHARE = 0.55;

/**
 * Per-event ceiling for randomly drawn events. Mali's is low on purpose: the
 * Moura episode must stay the deadliest cluster of 2022 by a wide margin.
 */
export function fatalityCap(country: CountryName): number {
  return country === 'Mali' ? 45 : 90;
}
