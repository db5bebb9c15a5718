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
    /\bjnim\b|\bgsim\b|\bjama'?a?t nus?rat al[- ]islam\w*(?: wal?[- ]muslim\w*)?\b|\bgroup (?:for|to) support (?:of )?islam and muslims\b|\bal[- ]qa[ei]da(?:'s)? (?:affiliate|branch|-linked|linked)\w*\b|\bal[- ]qa[ei]da affiliates?\b|\bkatiba (?:du )?macina\b|\bgroupe de soutien a l'islam et aux musulmans\b|\bansarul islam\b/g,
    'jnim',
  ],
  [
    /\bis[- ]sahel\b|\bisgs\b|\beigs\b|\bislamic state (?:in the |of the )?(?:sahel|greater sahara)(?: province)?\b|\betat islamique (?:au |dans le )?(?:sahel|grand sahara)\b|\bis sahel province\b/g,
    'is sahel',
  ],
  [/\biswap\b|\bislamic state west africa(?: province)?\b|\bwest africa province\b|\betat islamique en afrique de l'ouest\b/g, 'iswap'],
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
  [/\bcma\b|\bcoordination (?:of|des) (?:azawad movements|mouvements de l'azawad)\b/g, 'cma'],
];
/** "Islamic State" alone: the Sahel province in the Sahel, the West Africa province around Lake Chad. */
const BARE_IS = /\b(?:the )?islamic state\b(?: \(is\))?|\bis[- ]affiliated\b|\betat islamique\b|\bdaesh\b/g;
/** A country's own forces, for "the army", "security forces", "soldiers" in a text about that country. */
const NATIONAL_FORCES: Record<string, string> = { MLI: 'fama', BFA: 'burkina forces', NER: 'niger forces', NGA: 'nigeria forces', TCD: 'chad forces', BEN: 'benin forces' };
const BARE_FORCES = /\b(?:the )?(?:security forces|defen[cs]e and security forces|soldiers|troops|army|armed forces|forces de (?:defense et de )?securite|soldats|l'armee|armee)\b/g;
/** Generic words that refer back to an actor the text already named. */
const ANAPHORS: Array<[RegExp, string[]]> = [
  [/\b(?:the |these |those )?mercenar(?:y|ies)\b|\bmercenaires\b|\bwhite soldiers\b/g, ['wagner', 'africa corps']],
  [/\b(?:the )?(?:jihadists?|militants?) (?:group )?affiliated (?:with|to) al[- ]qa[ei]da\b/g, ['jnim']],
];

const keyPatterns = new WeakMap<AliasTable, RegExp>();
function keyPattern(table: AliasTable): RegExp {
  let re = keyPatterns.get(table);
  if (!re) {
    const keys = Object.keys(table)
      .filter((k) => k.length >= 3)
      .map(fold)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex);
    re = new RegExp(`(?<![\\p{L}])(?:${keys.join('|')})(?![\\p{L}])`, 'gu');
    keyPatterns.set(table, re);
  }
  return re;
}

export function checkAliases(table: AliasTable = DEFAULT_ALIASES): AliasTable {
  return { ...CHECK_ALIASES, ...table };
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
