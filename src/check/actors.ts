/**
 * Armed actors named in news text, resolved through the project's alias table
 * (analysis/aliases.ts) to the names datasets store. The table's keys are matched as phrases
 * ("JNIM", "Wagner", and any alias a user adds); the phrases below add what journalists
 * write instead: "Russian mercenaries", "the al-Qaeda affiliate", "l'armée malienne",
 * "EIGS". Africa Corps is matched as itself and noted as Wagner's successor.
 */
import { escapeRegex, fold } from './text.js';
import { DEFAULT_ALIASES, resolveActor, type AliasTable } from '../analysis/aliases.js';

export interface ActorMention {
  start: number;
  end: number;
  text: string;
  /** The alias key ("wagner"), the way the actor is judged. */
  key: string;
  /** Names as datasets store them. */
  names: string[];
  note?: string;
  /** A generic word ("the mercenaries") that names an actor only because the text named it before. */
  anaphor?: boolean;
}

/** State forces the default alias table has no key for: added here for the checker. */
export const CHECK_ALIASES: AliasTable = {
  'burkina forces': { names: ['Military Forces of Burkina Faso'] },
  'niger forces': { names: ['Military Forces of Niger'] },
  'nigeria forces': { names: ['Military Forces of Nigeria'] },
  'chad forces': { names: ['Military Forces of Chad'] },
  'benin forces': { names: ['Military Forces of Benin'] },
  'africa corps': { names: ['Africa Corps'], note: 'Africa Corps is presented as the successor of the Wagner Group in Africa (2023-2024)' },
  // The Tuareg-led rebel coalition of northern Mali has changed names: CMA until 2023, then CSP-PSD.
  'tuareg rebels': { names: ['CSP-PSD', 'CMA: Coordination of Azawad Movements'], note: 'the Tuareg-led rebel coalition of northern Mali: the CMA until 2023, the CSP-PSD since' },
};

const FORCES = '(?:army|armed forces|military|soldiers|troops|security forces|defen[cs]e forces|forces|air force|gendarmes|gendarmerie)';
const FR_FORCES = '(?:armee|forces armees|forces de (?:defense et de )?securite|soldats|militaires|forces de defense)';

/** What journalists write → alias key. Matched on text folded to lower case without accents. */
const PHRASES: Array<[RegExp, string]> = [
  [
    /\bwagner(?: group| pmc)?\b|\bpmc wagner\b|\brussian (?:mercenar\w+|paramilitar\w+|private military (?:company|contractors?)|instructors|trainers|contractors|fighters)\b|\bthe russian private (?:military )?company\b|\b(?:mercenaires|instructeurs|paramilitaires) russes\b|\bgroupe wagner\b|\bsociete militaire privee russe\b/g,
    'wagner',
  ],
  [/\bafrica corps\b|\bafrika korps\b/g, 'africa corps'],
  [
    /\bjnim\b|\bgsim\b|\bjama'?a?t?[- ](?:nus?s?rat?|nasr)[- ]?(?:al|ul)[- ]islam\w*(?:[- ]wa(?:l|[- ]al)?[- ]?muslim\w*)?|\bgroup (?:for|to) support (?:of )?islam and muslims\b|\bal[- ]qa[ei]da(?:'s)? (?:affiliate|branch|-linked|linked)\w*\b|\bal[- ]qa[ei]da affiliates?\b|\b(?:militants?|fighters?|jihadists?|insurgents?|gunmen|groups?|elements|djihadistes|jihadistes|combattants|groupes?)\s+(?:(?:linked|affiliated|allied|loyal|tied)\s+(?:to|with)|lies?\s+a|affilies?\s+a)\s+al[- ]qa[ei]da\b|\bkatiba (?:du )?macina\b|\bgroupe de soutien a l'islam et aux musulmans\b|\bansarul islam\b/g,
    'jnim',
  ],
  [
    /\bis[- ]sahel\b|\bisgs\b|\beigs\b|\bissp\b|\bislamic state (?:in the |of the )?(?:sahel|greater sahara)(?: province)?\b|\betat islamique (?:au |dans le )?(?:sahel|grand sahara)\b|\bis sahel province\b/g,
    'is sahel',
  ],
  [/\biswap?\b|\bislamic state(?:'s)? (?:in )?west africa(?: province)?\b|\bwest africa province\b|\betat islamique en afrique de l'ouest\b/g, 'iswap'],
  [/\bboko haram\b|\bjas\b|\bjama'?atu ahlis[- ]sunna\w*/g, 'boko haram'],
  [
    /\bfama\b|\bmalian (?:army|armed forces|military|soldiers|troops|security forces|defen[cs]e forces|forces)\b|\barmee malienne\b|\bforces armees maliennes\b|\b(?:soldats|militaires) maliens\b/g,
    'fama',
  ],
  [new RegExp(`\\bburkin(?:a faso|abe)(?:'s)? ${FORCES}\\b|\\b${FR_FORCES} burkinabe\\w*\\b|\\barmee burkinabe\\b`, 'g'), 'burkina forces'],
  [new RegExp(`\\bnigerien ${FORCES}\\b|\\b${FR_FORCES} nigeriennes?\\b|\\bniger's ${FORCES}\\b`, 'g'), 'niger forces'],
  [new RegExp(`\\bnigerian ${FORCES}\\b|\\b${FR_FORCES} nigerian\\w*\\b`, 'g'), 'nigeria forces'],
  [new RegExp(`\\bchadian ${FORCES}\\b|\\b${FR_FORCES} tchadien\\w*\\b`, 'g'), 'chad forces'],
  [new RegExp(`\\bbeninese ${FORCES}\\b|\\b${FR_FORCES} beninois\\w*\\b`, 'g'), 'benin forces'],
  [/\bvdp\b|\bvolunteers for the defen[cs]e of the homeland\b|\bvolontaires pour la defense de la patrie\b/g, 'vdp'],
  [/\bbarkhane\b/g, 'barkhane'],
  [/\bcsp(?:-psd)?\b|\bpermanent strategic framework\b|\bcadre strategique permanent\b/g, 'csp-psd'],
  [/\btuareg(?:-led)? (?:rebels?|separatists?|armed groups?|rebel (?:groups?|coalition|alliance))\b|\b(?:rebelles|separatistes) touaregs?\b|\bgroupes armes touaregs?\b/g, 'tuareg rebels'],
  [/\bcma\b|\bcoordination (?:of|des) (?:azawad movements|mouvements de l'azawad)\b/g, 'cma'],
];
/** "Islamic State" alone: the Sahel province in the Sahel, the West Africa province around Lake Chad. */
const BARE_IS = /\b(?:the )?islamic state\b(?: \(is\))?|\bis[- ](?:affiliated|linked|allied)\b|\bisi[sl]\b|\betat islamique\b|\bdaesh\b|\bei\b(?= au| dans)/g;
/** A country's own forces, for "the army", "security forces", "soldiers" in a text about that country. */
const NATIONAL_FORCES: Record<string, string> = { MLI: 'fama', BFA: 'burkina forces', NER: 'niger forces', NGA: 'nigeria forces', TCD: 'chad forces', BEN: 'benin forces' };
const BARE_FORCES = /\b(?:the )?(?:security forces|defen[cs]e and security forces|soldiers|troops|army|armed forces|forces de (?:defense et de )?securite|soldats|l'armee|armee)\b/g;
/**
 * How texts about Mali, Burkina Faso, Niger or the Central African Republic name Russia's
 * fighters without naming the group: UN reports' "foreign military personnel", witnesses'
 * "white soldiers", and "Russian troops" (Russia has no regular army there: the Wagner Group, and
 * its successor Africa Corps). Not in a text about Russia or Ukraine, where they are its army.
 */
const RUSSIAN_PROXIES =
  /\bforeign military personnel\b|\b(?:armed )?white(?:-skinned)? (?:soldiers|men|fighters|troops)\b|\brussian[- ]speaking (?:soldiers|men|fighters|troops)\b|\brussian (?:soldiers|troops|forces|military personnel|allies|partners|military)\b|\b(?:soldats|militaires|forces|allies|partenaires) russes\b|\bsoldats blancs\b/g;
const WAGNER_COUNTRIES = ['MLI', 'BFA', 'NER', 'CAF', 'LBY', 'SDN'];

/** Generic words that refer back to an actor the text already named. */
const ANAPHORS: Array<[RegExp, string[]]> = [
  [/\b(?:the |these |those )?mercenar(?:y|ies)\b|\bmercenaires\b|\bwhite soldiers\b/g, ['wagner', 'africa corps']],
  [/\b(?:the )?(?:jihadists?|militants?) (?:group )?affiliated (?:with|to) al[- ]qa[ei]da\b/g, ['jnim']],
];

// By the keys, not the table: each text of a batch gets a new table with the same keys.
const keyPatterns = new Map<string, RegExp>();
function keyPattern(table: AliasTable): RegExp {
  const keys = Object.keys(table)
    .filter((k) => k.length >= 3)
    .map(fold)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escapeRegex)
    .join('|');
  let re = keyPatterns.get(keys);
  if (!re) {
    if (keyPatterns.size > 50) keyPatterns.clear();
    re = new RegExp(`(?<![\\p{L}])(?:${keys})(?![\\p{L}])`, 'gu');
    keyPatterns.set(keys, re);
  }
  return re;
}

/**
 * The alias table of a check: the project's table (with the user's additions), the state forces
 * above, and beneath them the armed groups the store names that neither covers (`storeAliases`).
 */
export function checkAliases(table: AliasTable = DEFAULT_ALIASES, storeActors: string[] = []): AliasTable {
  return { ...storeAliases(storeActors), ...CHECK_ALIASES, ...table };
}

/** Who is no armed group, or is named by the forces rules above: civilians, protesters, ethnic groups, state forces. */
const NOT_A_GROUP =
  /^(?:civilians|protesters|rioters|unidentified|women|men|children|teachers|traders|farmers|herders|hunters|fishers|fishermen|miners|pastoralists|villagers|youths?|health workers|students|labou?r group|christian group|muslim group|journalists|refugees|prisoners|lawyers|government|police forces|military forces|private security|sole perpetrator)\b|\bethnic group\b/i;
/** A name's last word that only says what kind of group it is: "Koglweogo Militia" is written "the Koglweogo". */
const KIND = /^(\p{L}[\p{L}'-]{4,}) (?:militia|group|movement|brigade|front)$/iu;

const storeTables = new WeakMap<string[], AliasTable>();
/**
 * Aliases for the armed groups the store holds, so that a text naming one the alias table
 * does not know ("GATIA", "Dan Na Ambassagou", "the Koglweogo") is judged on its events: the name
 * without its parenthesis, the acronym and the long name of "ACRONYM: Long name", and the
 * distinctive word of "X Militia". A name the phrases above already resolve keeps their reading
 * ("Katiba Macina" is JNIM).
 */
export function storeAliases(names: string[]): AliasTable {
  const hit = storeTables.get(names);
  if (hit) return hit;
  const out: AliasTable = {};
  const put = (key: string, name: string) => {
    const k = fold(key).trim();
    if (k.length < 3 || k in DEFAULT_ALIASES || k in CHECK_ALIASES) return;
    if (findActors(key, CHECK_ALIASES).length || findActors(key, DEFAULT_ALIASES).length) return;
    out[k] = { names: [...new Set([...(out[k]?.names ?? []), name])] };
  };
  for (const name of names) {
    if (NOT_A_GROUP.test(name)) continue;
    const base = name.replace(/\s*\([^)]*\)\s*$/, '').trim();
    const colon = /^([A-Z][A-Za-z0-9-]{2,}): (.+)$/.exec(base);
    if (colon) {
      put(colon[1]!, name);
      put(colon[2]!, name);
      continue;
    }
    if (!/\s/.test(base) && base.length < 5) continue;
    put(base, name);
    const kind = KIND.exec(base);
    if (kind) put(kind[1]!, name);
  }
  storeTables.set(names, out);
  return out;
}

/**
 * Actors in a text. `countries` (ISO codes the text is about) decide what a bare "Islamic
 * State" means; `named` holds the keys the text named before, for "the mercenaries".
 */
export function findActors(text: string, table: AliasTable, countries: string[] = [], named: string[] = []): ActorMention[] {
  const folded = fold(text);
  const found: ActorMention[] = [];
  const free = (s: number, e: number) => !found.some((m) => s < m.end && e > m.start);
  const add = (s: number, e: number, key: string, anaphor = false) => {
    if (!free(s, e) || !table[key]) return;
    const r = resolveActor(key, table, key === 'isgs');
    found.push({ start: s, end: e, text: text.slice(s, e), key, names: r.names, ...(table[key]!.note ? { note: table[key]!.note } : {}), ...(anaphor ? { anaphor } : {}) });
  };
  // The alias table's own keys first: a user's alias wins over the phrases below.
  for (const m of folded.matchAll(keyPattern(table))) add(m.index!, m.index! + m[0].length, m[0] in table ? m[0] : Object.keys(table).find((k) => fold(k) === m[0])!);
  for (const [re, key] of PHRASES) for (const m of folded.matchAll(re)) add(m.index!, m.index! + m[0].length, key);
  const lakeChad = countries.some((x) => ['NGA', 'TCD', 'CMR'].includes(x)) && !countries.some((x) => ['MLI', 'BFA'].includes(x));
  for (const m of folded.matchAll(BARE_IS)) add(m.index!, m.index! + m[0].length, lakeChad ? 'iswap' : 'is sahel');
  if (countries.some((x) => WAGNER_COUNTRIES.includes(x)) && !countries.some((x) => x === 'RUS' || x === 'UKR'))
    for (const m of folded.matchAll(RUSSIAN_PROXIES)) add(m.index!, m.index! + m[0].length, 'wagner');
  // "Security forces claimed…", "Soldiers killed…" in a text about one country: that country's forces (not a count of them: "60 soldiers").
  const own = countries.length === 1 ? NATIONAL_FORCES[countries[0]!] : undefined;
  if (own)
    for (const m of folded.matchAll(BARE_FORCES))
      if (!/(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozen|hundreds?|dozens?|of|many|several))\s*$/.test(folded.slice(Math.max(0, m.index! - 12), m.index!)))
        add(m.index!, m.index! + m[0].length, own);
  const knownBefore = new Set([...named, ...found.map((f) => f.key)]);
  for (const [re, keys] of ANAPHORS) {
    const key = keys.find((k) => knownBefore.has(k));
    if (!key) continue;
    for (const m of folded.matchAll(re)) add(m.index!, m.index! + m[0].length, key, true);
  }
  return found.sort((a, b) => a.start - b.start);
}
