// Who does what to whom, where: picks actor1/actor2 and associated actors for a
// sub-event type in a given admin1 at a given date. The weights encode the
// conflict geography (IS in Menaka and Tillaberi, JNIM/Katiba Macina in central
// Mali, ISWAP and Boko Haram around Lake Chad, VDP in Burkina Faso...).
import * as A from './actors.js';
import type { Actor } from './actors.js';
import type { CountryName, Place } from './gazetteer.js';
import type { Rng } from './prng.js';
import type { SubEventType } from './taxonomy.js';

export interface Cast {
  readonly actor1: Actor;
  readonly assoc1: readonly string[];
  readonly actor2: Actor | null;
  readonly assoc2: readonly string[];
  readonly civilianTargeting: boolean;
}

interface Side {
  readonly actor: Actor;
  readonly assoc: readonly string[];
}

type Weighted<T> = readonly (readonly [T, number])[];

const NORTH_MALI = new Set(['Timbuktu', 'Gao', 'Kidal', 'Menaka']);

function armedGroups(place: Place, date: string): Weighted<Actor> {
  const { country, admin1 } = place;
  const IS = A.islamicStateSahel(date);
  const UAG = A.unidentifiedArmedGroup(country);
  switch (country) {
    case 'Mali':
      if (admin1 === 'Mopti' || admin1 === 'Segou')
        return [
          [A.JNIM, 7],
          [IS, admin1 === 'Mopti' ? 0.7 : 0],
          [UAG, 2],
        ];
      if (admin1 === 'Timbuktu')
        return [
          [A.JNIM, 6],
          [IS, 1],
          [UAG, 2],
        ];
      if (admin1 === 'Gao')
        return [
          [A.JNIM, 3],
          [IS, 4],
          [UAG, 2],
        ];
      if (admin1 === 'Menaka')
        return [
          [IS, 6],
          [A.JNIM, 1.5],
          [UAG, 1],
        ];
      if (admin1 === 'Kidal') return [[A.JNIM, 3], date >= '2023-08-01' ? [A.CSP, 4] : [A.CMA, 0.5], [UAG, 1]];
      return [
        [A.JNIM, 5],
        [UAG, 2],
      ];
    case 'Burkina Faso':
      if (admin1 === 'Sahel')
        return [
          [A.JNIM, 4],
          [IS, 4],
          [A.ANSAROUL_ISLAM, 2],
          [UAG, 2],
        ];
      if (admin1 === 'Nord' || admin1 === 'Centre-Nord')
        return [
          [A.JNIM, 5],
          [A.ANSAROUL_ISLAM, 1],
          [UAG, 2],
        ];
      if (admin1 === 'Est')
        return [
          [A.JNIM, 5],
          [IS, 1],
          [UAG, 2],
        ];
      return [
        [A.JNIM, 5],
        [UAG, 2],
      ];
    case 'Niger':
      if (admin1 === 'Tillaberi')
        return [
          [IS, 6],
          [A.JNIM, 2],
          [UAG, 2],
        ];
      if (admin1 === 'Tahoua')
        return [
          [IS, 5],
          [UAG, 2],
        ];
      if (admin1 === 'Diffa')
        return [
          [A.ISWAP, 5],
          [A.JAS, 3],
          [UAG, 1],
        ];
      if (admin1 === 'Maradi')
        return [
          [UAG, 6],
          [A.ISWAP, 0.3],
        ];
      if (admin1 === 'Dosso')
        return [
          [UAG, 3],
          [A.JNIM, 1],
          [IS, 1],
        ];
      return [[UAG, 1]];
    case 'Benin':
      return admin1 === 'Alibori'
        ? [
            [A.JNIM, 4],
            [IS, 2],
            [UAG, 2],
          ]
        : [
            [A.JNIM, 6],
            [UAG, 2],
          ];
    default:
      return [
        [A.JNIM, 5],
        [UAG, 3],
      ];
  }
}

function militias(place: Place, date: string): Weighted<Actor> {
  const { country, admin1 } = place;
  switch (country) {
    case 'Mali':
      if (admin1 === 'Mopti')
        return [
          [A.DAN_NA_AMBASSAGOU, 3],
          [A.ethnicMilitia('Dogon', 'Mali'), 1],
          [A.ethnicMilitia('Fulani', 'Mali'), 1],
        ];
      if (admin1 === 'Segou')
        return [
          [A.ethnicMilitia('Bambara', 'Mali'), 2],
          [A.ethnicMilitia('Fulani', 'Mali'), 1],
        ];
      if (admin1 === 'Gao' || admin1 === 'Menaka')
        return [
          [A.GATIA, 2],
          [A.ethnicMilitia('Daoussahak', 'Mali'), 1],
        ];
      if (admin1 === 'Timbuktu') return [[A.ethnicMilitia('Arab', 'Mali'), 1]];
      return [[A.ethnicMilitia('Bambara', 'Mali'), 1]];
    case 'Burkina Faso':
      return [
        [A.VDP, date >= '2020-01-21' ? 4 : 0],
        [A.KOGLWEOGO, 2],
        [A.ethnicMilitia('Fulani', 'Burkina Faso'), 0.5],
      ];
    case 'Niger':
      if (admin1 === 'Tillaberi')
        return [
          [A.ethnicMilitia('Zarma', 'Niger'), 1],
          [A.ethnicMilitia('Fulani', 'Niger'), 1],
        ];
      if (admin1 === 'Tahoua') return [[A.ethnicMilitia('Tuareg', 'Niger'), 1]];
      return [[A.ethnicMilitia('Hausa', 'Niger'), 1]];
    case 'Ghana':
      return [
        [A.ethnicMilitia('Kusasi', 'Ghana'), 1],
        [A.ethnicMilitia('Mamprusi', 'Ghana'), 1],
      ];
    default:
      return [[A.ethnicMilitia('Fulani', country), 1]];
  }
}

const ETHNICITIES: Readonly<Record<CountryName, Readonly<Record<string, Weighted<string>>>>> = {
  Mali: {
    Mopti: [
      ['Fulani', 5],
      ['Dogon', 4],
      ['Bozo', 1],
    ],
    Segou: [
      ['Fulani', 4],
      ['Bambara', 4],
    ],
    Timbuktu: [
      ['Tuareg', 3],
      ['Songhai', 3],
      ['Arab', 1],
    ],
    Gao: [
      ['Songhai', 3],
      ['Tuareg', 2],
      ['Fulani', 1],
    ],
    Menaka: [
      ['Daoussahak', 2],
      ['Tuareg', 3],
      ['Fulani', 1],
    ],
    Kidal: [['Tuareg', 1]],
    '*': [
      ['Bambara', 3],
      ['Fulani', 2],
      ['Malinke', 1],
    ],
  },
  'Burkina Faso': {
    Sahel: [
      ['Fulani', 3],
      ['Mossi', 2],
    ],
    Est: [
      ['Gourmantche', 4],
      ['Fulani', 3],
    ],
    'Sud-Ouest': [
      ['Lobi', 2],
      ['Fulani', 1],
    ],
    Cascades: [
      ['Fulani', 1],
      ['Senufo', 1],
    ],
    '*': [
      ['Mossi', 4],
      ['Fulani', 3],
    ],
  },
  Niger: {
    Tillaberi: [
      ['Zarma', 3],
      ['Fulani', 3],
      ['Tuareg', 2],
    ],
    Tahoua: [
      ['Tuareg', 3],
      ['Hausa', 2],
    ],
    Diffa: [
      ['Kanuri', 4],
      ['Fulani', 1],
    ],
    '*': [
      ['Hausa', 4],
      ['Fulani', 2],
    ],
  },
  'Ivory Coast': {
    '*': [
      ['Senufo', 2],
      ['Lobi', 1],
      ['Fulani', 2],
    ],
  },
  Benin: {
    '*': [
      ['Bariba', 2],
      ['Fulani', 2],
      ['Gourmantche', 1],
    ],
  },
  Togo: {
    '*': [
      ['Moba', 2],
      ['Fulani', 2],
      ['Gourmantche', 1],
    ],
  },
  Ghana: {
    '*': [
      ['Kusasi', 2],
      ['Mamprusi', 2],
    ],
  },
};

const SOCIAL = ['Women', 'Traders', 'Farmers', 'Teachers', 'Health Workers'];

function victims(place: Place, rng: Rng, targetFulani: boolean, extra?: string): Side {
  const table = ETHNICITIES[place.country];
  const ethnic = targetFulani && rng.chance(0.75) ? 'Fulani' : rng.weighted(table[place.admin1] ?? table['*'] ?? []);
  const assoc: string[] = [];
  const r = rng.float();
  if (r < 0.75) assoc.push(A.ethnicGroup(ethnic, place.country));
  if (place.country === 'Burkina Faso' && !targetFulani && rng.chance(0.06)) assoc.push(A.socialGroup('Christian Group', place.country));
  if (extra) assoc.push(A.socialGroup(extra, place.country));
  else if (r > 0.6 && r < 0.85) assoc.push(A.socialGroup(rng.pick(SOCIAL), place.country));
  return { actor: A.civilians(place.country), assoc };
}

function stateSide(place: Place, date: string, rng: Rng): Side {
  const assoc: string[] = [];
  if (place.country === 'Burkina Faso' && date >= '2020-01-21' && rng.chance(0.35)) assoc.push(A.VDP.name);
  return { actor: A.military(place.country, date), assoc };
}

/** French forces where they were deployed (Mali until August 2022, Niger until 2023). */
function foreignSide(place: Place, date: string, rng: Rng): Side | null {
  if (place.country === 'Mali' && date < '2022-08-15' && NORTH_MALI.has(place.admin1)) {
    return rng.chance(0.4) ? { actor: A.MINUSMA, assoc: [] } : { actor: A.france(date), assoc: [A.BARKHANE, A.military('Mali', date).name] };
  }
  if (place.country === 'Mali' && NORTH_MALI.has(place.admin1)) return { actor: A.MINUSMA, assoc: [] };
  if (place.country === 'Niger' && place.admin1 === 'Tillaberi' && date < '2023-08-01') {
    return { actor: A.france(date), assoc: [A.military('Niger', date).name] };
  }
  return null;
}

function armedSide(place: Place, date: string, rng: Rng): Side {
  const actor = rng.weighted(armedGroups(place, date));
  const central = place.country === 'Mali' && (place.admin1 === 'Mopti' || place.admin1 === 'Segou');
  const assoc = actor === A.JNIM && central && rng.chance(0.4) ? [A.KATIBA_MACINA] : [];
  return { actor, assoc };
}

function lone(side: Side, civilianTargeting = false): Cast {
  return { actor1: side.actor, assoc1: side.assoc, actor2: null, assoc2: [], civilianTargeting };
}
function pair(a: Side, b: Side, civilianTargeting = false): Cast {
  return { actor1: a.actor, assoc1: a.assoc, actor2: b.actor, assoc2: b.assoc, civilianTargeting };
}
const militiaSide = (place: Place, date: string, rng: Rng): Side => ({ actor: rng.weighted(militias(place, date)), assoc: [] });
const isProGovernment = (a: Actor): boolean => a.inter === A.INTER.state || a === A.VDP || a === A.KOGLWEOGO || a === A.DAN_NA_AMBASSAGOU || /(Dogon|Bambara|Zarma) Ethnic Militia/.test(a.name);

function demonstrators(place: Place, date: string, rng: Rng, riot: boolean): Side {
  const c = place.country;
  const actor = riot ? A.rioters(c) : A.protesters(c);
  if (c === 'Mali' && !riot && date >= '2020-06-05' && date <= '2020-08-18' && rng.chance(0.6)) {
    return { actor, assoc: ['M5-RFP: June 5th Movement - Rally of Patriotic Forces'] };
  }
  if (rng.chance(0.45)) return { actor, assoc: [] };
  return { actor, assoc: [A.socialGroup(rng.pick(['Students', 'Labor Group', 'Women', 'Traders', 'Teachers']), c)] };
}

export function castActors(sub: SubEventType, place: Place, date: string, rng: Rng): Cast {
  const state = (): Side => stateSide(place, date, rng);
  const armed = (): Side => armedSide(place, date, rng);
  switch (sub) {
    case 'Armed clash': {
      const r = rng.float();
      if (place.country === 'Ghana' && r < 0.7) {
        const [a, b] = rng.chance(0.5) ? ['Kusasi', 'Mamprusi'] : ['Mamprusi', 'Kusasi'];
        return pair({ actor: A.ethnicMilitia(a, 'Ghana'), assoc: [] }, { actor: A.ethnicMilitia(b, 'Ghana'), assoc: [] });
      }
      const foreign = r > 0.93 ? foreignSide(place, date, rng) : null;
      if (foreign) return pair(foreign, armed());
      if (r < 0.6) return rng.chance(0.6) ? pair(state(), armed()) : pair(armed(), state());
      if (r < 0.72) {
        const a = armed();
        const b = armed();
        return a.actor === b.actor ? pair(a, militiaSide(place, date, rng)) : pair(a, b);
      }
      if (r < 0.86) return pair(militiaSide(place, date, rng), armed());
      const a = militiaSide(place, date, rng);
      const b = militiaSide(place, date, rng);
      return a.actor === b.actor ? pair(a, armed()) : pair(a, b);
    }
    case 'Government regains territory':
      return pair(state(), armed());
    case 'Non-state actor overtakes territory':
    case 'Non-violent transfer of territory':
      return pair(armed(), state());
    case 'Remote explosive/landmine/IED': {
      const r = rng.float();
      if (r < 0.3) return pair(armed(), victims(place, rng, false), true);
      return pair(armed(), (r > 0.85 && foreignSide(place, date, rng)) || state());
    }
    case 'Shelling/artillery/missile attack': {
      const r = rng.float();
      if (r < 0.1) return pair(armed(), victims(place, rng, false), true);
      return pair(armed(), (r > 0.6 && foreignSide(place, date, rng)) || state());
    }
    case 'Air/drone strike': {
      const striker = (rng.chance(0.25) && foreignSide(place, date, rng)) || state();
      const shooter = striker.actor === A.MINUSMA ? state() : striker;
      return rng.chance(0.15) ? pair(shooter, victims(place, rng, true), true) : pair(shooter, armed());
    }
    case 'Suicide bomb':
      return pair(armed(), foreignSide(place, date, rng) ?? state());
    case 'Attack':
    case 'Abduction/forced disappearance':
    case 'Sexual violence':
    case 'Looting/property destruction': {
      const r = rng.float();
      const perpetrator = r < 0.5 ? armed() : r < 0.65 ? { actor: A.unidentifiedArmedGroup(place.country), assoc: [] } : r < 0.8 ? state() : militiaSide(place, date, rng);
      const extra = sub === 'Sexual violence' ? 'Women' : undefined;
      const isVac = sub !== 'Looting/property destruction';
      return pair(perpetrator, victims(place, rng, isProGovernment(perpetrator.actor), extra), isVac);
    }
    case 'Peaceful protest':
      return lone(demonstrators(place, date, rng, false));
    case 'Protest with intervention':
      return pair(demonstrators(place, date, rng, false), { actor: A.police(place.country, date), assoc: [] });
    case 'Violent demonstration': {
      const rioters = demonstrators(place, date, rng, true);
      return rng.chance(0.5) ? pair(rioters, { actor: A.police(place.country, date), assoc: [] }) : lone(rioters);
    }
    case 'Mob violence':
      return pair(demonstrators(place, date, rng, true), victims(place, rng, false));
    case 'Arrests':
      return pair(rng.chance(0.5) ? state() : { actor: A.police(place.country, date), assoc: [] }, victims(place, rng, true));
    case 'Agreement':
      return rng.chance(0.6) ? pair(armed(), victims(place, rng, false)) : pair(militiaSide(place, date, rng), armed());
    case 'Change to group/activity':
      return lone(armed());
    case 'Headquarters or base established':
      return lone(rng.chance(0.5) ? armed() : state());
    case 'Disrupted weapons use':
      return lone(state());
    case 'Other':
      return lone(rng.chance(0.6) ? state() : armed());
  }
}
