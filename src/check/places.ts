/**
 * Places in news text, resolved to ISO 3166 alpha-3 codes and to the names the store holds:
 * countries (names, other names and demonyms, English and French), regions that stand for
 * countries (the Sahel, as ACLED uses it: Mali, Burkina Faso, Niger), admin1 areas from the
 * shipped boundaries, and admin1/admin2 areas and towns from the store. Accents and case are
 * ignored. This is the one place in src/check that knows country names: when the project's
 * ISO 3166 table lands, COUNTRIES below is to be derived from it.
 */
import { escapeRegex, fold } from './text.js';
import { readFileSync } from 'node:fs';
import { ADMIN1_FILE } from '../render/boundaries.js';
import { normalizeName } from '../render/names.js';

export interface Country {
  iso3: string;
  /** The name ACLED and UCDP give it. */
  name: string;
  /** Other names, short forms, French names (lower case, accents optional). */
  aliases: string[];
  /** Adjectives and nouns for its people, English and French. */
  demonyms: string[];
}

const c = (iso3: string, name: string, aliases: string[], demonyms: string[]): Country => ({ iso3, name, aliases, demonyms });

export const COUNTRIES: Country[] = [
  c('MLI', 'Mali', [], ['malian', 'malians', 'malien', 'malienne', 'maliens', 'maliennes']),
  c('BFA', 'Burkina Faso', ['burkina'], ['burkinabe', 'burkinabè', 'burkinabé', 'burkinabes', 'burkinabè', 'burkinabèes']),
  c('NER', 'Niger', [], ['nigerien', 'nigerienne', 'nigériens', 'nigérien', 'nigérienne', 'nigériennes', 'nigeriens']),
  c('NGA', 'Nigeria', ['nigéria'], ['nigerian', 'nigerians', 'nigérian', 'nigériane', 'nigérians']),
  c('TCD', 'Chad', ['tchad'], ['chadian', 'chadians', 'tchadien', 'tchadienne', 'tchadiens']),
  c('BEN', 'Benin', ['bénin'], ['beninese', 'béninois', 'béninoise', 'beninois']),
  c('TGO', 'Togo', [], ['togolese', 'togolais', 'togolaise']),
  c('GHA', 'Ghana', [], ['ghanaian', 'ghanaians', 'ghanéen', 'ghanéenne']),
  c('CIV', 'Ivory Coast', ["cote d'ivoire", "côte d'ivoire", 'cote divoire', 'ivory coast'], ['ivorian', 'ivoirien', 'ivoirienne', 'ivoiriens']),
  c('SEN', 'Senegal', ['sénégal'], ['senegalese', 'sénégalais']),
  c('MRT', 'Mauritania', ['mauritanie'], ['mauritanian', 'mauritanien', 'mauritanienne']),
  c('GIN', 'Guinea', ['guinée'], ['guinean', 'guinéen', 'guinéenne']),
  c('CMR', 'Cameroon', ['cameroun'], ['cameroonian', 'camerounais', 'camerounaise']),
  c('DZA', 'Algeria', ['algérie', 'algerie'], ['algerian', 'algérien', 'algérienne']),
  c('LBY', 'Libya', ['libye'], ['libyan', 'libyen', 'libyenne']),
  c('SDN', 'Sudan', ['soudan'], ['sudanese', 'soudanais']),
  c('CAF', 'Central African Republic', ['car', 'centrafrique', 'république centrafricaine'], ['centrafricain', 'centrafricaine']),
  c('COD', 'Democratic Republic of Congo', ['drc', 'dr congo', 'rdc'], ['congolese', 'congolais']),
  c('SOM', 'Somalia', ['somalie'], ['somali', 'somalian']),
  c('ETH', 'Ethiopia', ['éthiopie'], ['ethiopian', 'éthiopien']),
  c('KEN', 'Kenya', [], ['kenyan']),
  c('MOZ', 'Mozambique', [], ['mozambican', 'mozambicain']),
  c('FRA', 'France', [], ['french', 'français', 'française']),
  c('RUS', 'Russia', ['russie'], ['russian', 'russians', 'russe', 'russes']),
  c('UKR', 'Ukraine', [], ['ukrainian', 'ukrainien']),
];

/** Regions that stand for a set of countries. ACLED's "central Sahel" is these three. */
export const REGIONS: Array<{ pattern: RegExp; text: string; countries: string[] }> = [
  { pattern: /\b(the\s+)?(central\s+)?sahel\b|\bsahel\s+central\b|\bAES\b|alliance (of|des) (sahel states|états du sahel)/iu, text: 'Sahel', countries: ['MLI', 'BFA', 'NER'] },
  { pattern: /\blake chad( basin)?\b|\blac tchad\b/iu, text: 'Lake Chad', countries: ['NGA', 'NER', 'TCD', 'CMR'] },
  // Where Mali, Burkina Faso and Niger meet: the Liptako-Gourma, the "three borders" area.
  {
    pattern: /\b(?:tri-?border|three[- ]borders?|three-border)\s+(?:area|region|zone)\b|\bliptako[- ]gourma\b|\b(?:zone|region) des trois frontieres\b/iu,
    text: 'Liptako-Gourma',
    countries: ['MLI', 'BFA', 'NER'],
  },
];

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  /** ISO alpha-3 codes. */
  countries: string[];
  admin1?: string;
  location?: string;
  level: 'region' | 'country' | 'admin1' | 'admin2' | 'location' | 'demonym';
  /** A second-level area ("Yagha province", "cercle de Bankass"), from the store. */
  admin2?: string;
  /** Named as a border or a neighbour's frontier ("near the border with Mali"): a reference, not the place. */
  reference?: boolean;
}

export interface Gazetteer {
  /** Areas and towns the store holds: name → where. */
  areas: Array<{ name: string; country: string; admin1?: string; admin2?: string; location?: string; level: 'admin1' | 'admin2' | 'location' }>;
}

interface Admin1File {
  objects: { admin1: { geometries: Array<{ properties: { name: string; alt?: string[]; a3: string } }> } };
  countries: Record<string, { names: string[] }>;
}
// The shipped admin1 boundaries' names only, not their shapes: read once, when first needed, by
// picking the small "properties" and "countries" objects out of the 3 MB file (parsing it whole
// takes a second; this takes milliseconds).
let admin1File: Admin1File | undefined;
function shippedFile(): Admin1File {
  if (admin1File) return admin1File;
  const raw = readFileSync(ADMIN1_FILE, 'utf8');
  const geometries = [...raw.matchAll(/"properties":(\{[^{}]*\})/g)].map((m) => ({ properties: JSON.parse(m[1]!) as { name: string; alt?: string[]; a3: string } }));
  const at = raw.lastIndexOf('"countries":');
  let countries: Admin1File['countries'];
  try {
    countries = JSON.parse(objectAt(raw, at + '"countries":'.length)) as Admin1File['countries'];
  } catch {
    countries = (JSON.parse(raw) as Admin1File).countries;
  }
  admin1File = { objects: { admin1: { geometries } }, countries };
  return admin1File;
}

/** The JSON object that starts at `from`, by counting braces (names hold no braces). */
function objectAt(raw: string, from: number): string {
  let depth = 0;
  for (let i = from; i < raw.length; i++) {
    if (raw[i] === '{') depth++;
    else if (raw[i] === '}' && --depth === 0) return raw.slice(from, i + 1);
  }
  return raw.slice(from);
}

const byIso = new Map(COUNTRIES.map((x) => [x.iso3, x]));
export const countryName = (iso3: string): string => byIso.get(iso3)?.name ?? shippedFile().countries[iso3]?.names[0] ?? iso3;
/** A country name as the data or a reader writes it → its ISO alpha-3 code. */
export function countryIso(name: string): string | undefined {
  const n = normalizeName(name);
  const own = COUNTRIES.find((x) => normalizeName(x.name) === n || x.aliases.some((a) => normalizeName(a) === n));
  if (own) return own.iso3;
  return Object.entries(shippedFile().countries).find(([, v]) => v.names.some((x) => normalizeName(x) === n))?.[0];
}

// Area names that are also common words: matched only inside a run with a country's other areas.
const COMMON = new Set([
  'est',
  'centre',
  'center',
  'nord',
  'sud',
  'ouest',
  'north',
  'south',
  'east',
  'west',
  'central',
  'capital',
  'plateau',
  'littoral',
  'hauts bassins',
  'cascades',
  'sahel',
  'river',
  'lake',
  'lakes',
  'coast',
  'mountain',
  'savanes',
  'kara',
  'maritime',
  'upper',
  'lower',
  'national',
  'union',
  'borno',
  'guinea',
  'gulf',
  'delta',
  'border',
  'africa',
  'west africa',
  // Words for kinds of area, capitalised after a name ("Tillabéri Region"): never a name alone.
  'region',
  'province',
  'state',
  'district',
  'department',
  'departement',
  'zone',
  'area',
  'county',
  'city',
  'town',
  'village',
  'commune',
  'cercle',
  'prefecture',
]);

interface Entry {
  norm: string;
  country: string;
  admin1?: string;
  admin2?: string;
  location?: string;
  level: 'admin1' | 'admin2' | 'location';
}
let shipped: Map<string, Entry[]> | undefined;

/** Admin1 areas of the shipped boundaries, own names and other spellings, by normalized name. */
function shippedAreas(): Map<string, Entry[]> {
  if (shipped) return shipped;
  const topo = shippedFile();
  shipped = new Map();
  for (const g of topo.objects.admin1.geometries) {
    const p = g.properties;
    for (const n of new Set([p.name, ...(p.alt ?? [])])) {
      const norm = normalizeName(n);
      shipped.set(norm, [...(shipped.get(norm) ?? []), { norm, country: p.a3, admin1: p.name, level: 'admin1' }]);
    }
  }
  return shipped;
}

const indexes = new WeakMap<Gazetteer, Map<string, Entry[]>>();
/** The store's areas and towns by normalized name, built once per gazetteer. */
function gazetteerIndex(g: Gazetteer | undefined): Map<string, Entry[]> | undefined {
  if (!g) return undefined;
  let index = indexes.get(g);
  if (index) return index;
  index = new Map();
  for (const a of g.areas) {
    const norm = normalizeName(a.name);
    index.set(norm, [
      ...(index.get(norm) ?? []),
      { norm, country: a.country, ...(a.admin1 ? { admin1: a.admin1 } : {}), ...(a.admin2 ? { admin2: a.admin2 } : {}), ...(a.location ? { location: a.location } : {}), level: a.level },
    ]);
  }
  indexes.set(g, index);
  return index;
}

/**
 * A one-word name as a hurried writer may misspell it: the same first and last letters and the
 * same letters between, in another order ("Tiballeri", "Tillabéri"). Names of 6 letters and more
 * only, where such a coincidence between two real names is unlikely.
 */
const scrambleKey = (norm: string) => `${norm[0]}${[...norm.slice(1, -1)].sort().join('')}${norm[norm.length - 1]}`;
const scrambleIndexes = new WeakMap<Map<string, Entry[]>, Map<string, Entry[]>>();
function scrambled(norm: string, own: Map<string, Entry[]> | undefined): Entry[] {
  if (norm.length < 6 || /\s/.test(norm)) return [];
  const key = scrambleKey(norm);
  return [own, shippedAreas()].flatMap((index) => {
    if (!index) return [];
    let byKey = scrambleIndexes.get(index);
    if (!byKey) {
      byKey = new Map();
      for (const [name, entries] of index) if (name.length >= 6 && !/\s/.test(name)) byKey.set(scrambleKey(name), [...(byKey.get(scrambleKey(name)) ?? []), ...entries]);
      scrambleIndexes.set(index, byKey);
    }
    return byKey.get(key) ?? [];
  });
}

let countryPattern: RegExp | undefined;
let countryIndex: Map<string, { iso3: string; demonym: boolean }> | undefined;
function countryMatcher() {
  if (countryPattern && countryIndex) return { pattern: countryPattern, index: countryIndex };
  countryIndex = new Map();
  for (const x of COUNTRIES) {
    for (const n of [x.name, ...x.aliases]) countryIndex.set(fold(n), { iso3: x.iso3, demonym: false });
    for (const d of x.demonyms) countryIndex.set(fold(d), { iso3: x.iso3, demonym: true });
  }
  const alternatives = [...countryIndex.keys()].sort((a, b) => b.length - a.length).map((k) => escapeRegex(k).replace(/'/g, "['’]?"));
  countryPattern = new RegExp(`(?<![a-z])(${alternatives.join('|')})(?![a-z])`, 'g');
  return { pattern: countryPattern, index: countryIndex };
}

/** Every place named in a text, left to right. `gazetteer` adds the store's own areas and towns. */
export function findPlaces(text: string, gazetteer?: Gazetteer): PlaceMention[] {
  const folded = fold(text);
  const found: PlaceMention[] = [];
  const free = (s: number, e: number) => !found.some((m) => s < m.end && e > m.start);
  for (const r of REGIONS) {
    for (const m of folded.matchAll(new RegExp(r.pattern.source, 'g'))) {
      // "IS-Sahel", "Islamic State Sahel Province", "l'État islamique au Sahel": a group's name, not the place.
      if (
        /\b(?:is|isis|islamic state(?: in the| of the)?|etat islamique(?: au| dans le)?)[\s-]*$/.test(folded.slice(Math.max(0, m.index! - 22), m.index!)) ||
        /^\s+province\b/.test(folded.slice(m.index! + m[0].length))
      )
        continue;
      found.push({ start: m.index!, end: m.index! + m[0].length, text: text.slice(m.index!, m.index! + m[0].length), countries: r.countries, level: 'region' });
    }
  }
  const { pattern, index } = countryMatcher();
  for (const m of folded.matchAll(pattern)) {
    const s = m.index!,
      e = s + m[0].length;
    // "Niger State" is in Nigeria; "Niger River" is not a country.
    if (/^\s+(state|river|delta)\b/i.test(folded.slice(e))) continue;
    const hit = index.get(m[0].replace(/’/g, "'"));
    if (!hit || !free(s, e)) continue;
    // Names of countries written lower case are words ("chad", "car"); demonyms may be.
    if (!hit.demonym && !/^\p{Lu}/u.test(text[s]!)) continue;
    if (hit.iso3 === 'CAF' && text.slice(s, e) !== 'CAR') continue;
    found.push({ start: s, end: e, text: text.slice(s, e), countries: [hit.iso3], level: hit.demonym ? 'demonym' : 'country' });
  }
  const own = gazetteerIndex(gazetteer);
  // A town or admin1 area of that name comes before a second-level area: "Mopti" is the town.
  const lookup = (norm: string): Entry[] => {
    const hits = [...(own?.get(norm) ?? []), ...(shippedAreas().get(norm) ?? [])];
    return [...hits.filter((h) => h.level !== 'admin2'), ...hits.filter((h) => h.level === 'admin2')];
  };
  /** The longest area or town name that starts at word `first` of a run ("Boucle du Mouhoun" before "Boucle"): the index after it, if any. */
  const nameAt = (words: Array<{ text: string; at: number }>, first: number, runStart: number): number | undefined => {
    for (let n = words.length; n > first; n--) {
      const s = runStart + words[first]!.at,
        e = runStart + words[n - 1]!.at + words[n - 1]!.text.length;
      const phrase = text.slice(s, e);
      const norm = normalizeName(phrase);
      if (!free(s, e) || norm.length < 3) continue;
      const hits = lookup(norm);
      // A misspelt one-word name with its letters out of order ("Tiballeri" for Tillabéri).
      if (!hits.length && n === first + 1) hits.push(...scrambled(norm, own));
      if (!hits.length) continue;
      // A common word ("Est", "Centre") is an area only in a list with another area of its country.
      const prev = found.filter((f) => f.end <= s && (f.level === 'admin1' || f.level === 'admin2' || f.level === 'location')).pop();
      const listed = prev && /^\s*(,|and|et|&)\s*$/i.test(text.slice(prev.end, s)) ? hits.filter((h) => prev.countries.includes(h.country)) : [];
      if ((COMMON.has(norm) || norm.length < 4) && !hits.some((h) => h.level === 'location' && norm.length >= 4) && !listed.length) continue;
      if (listed.length) {
        found.push({ start: s, end: e, text: phrase, countries: [listed[0]!.country], level: 'admin1', admin1: listed[0]!.admin1! });
        return n;
      }
      found.push({
        start: s,
        end: e,
        text: phrase,
        countries: [...new Set(hits.map((h) => h.country))],
        level: hits[0]!.level,
        ...(hits[0]!.admin1 ? { admin1: hits[0]!.admin1 } : {}),
        ...(hits[0]!.admin2 ? { admin2: hits[0]!.admin2 } : {}),
        ...(hits.find((h) => h.location)?.location ? { location: hits.find((h) => h.location)!.location! } : {}),
      });
      return n;
    }
    return undefined;
  };
  // Capitalised words and hyphenated names: the candidates for area and town names.
  for (const m of text.matchAll(/\p{Lu}[\p{L}'’]+(?:[- ](?:\p{Lu}[\p{L}'’]+|du|de|des|el|al))*(?:[- ]\p{Lu}[\p{L}'’]+)?/gu)) {
    // Each word's offset in the run: a name may start after its first word ("In Mopti", "Burkina's Centre-Nord").
    const words = [...m[0].matchAll(/\S+/g)].map((w) => ({ text: w[0], at: w.index! }));
    let first = 0;
    while (first < words.length) {
      const hit = nameAt(words, first, m.index!);
      first = hit ?? first + 1;
    }
  }
  // "the Niger border", "border with Mali", "frontière avec le Mali": a reference point.
  for (const p of found) {
    const before = folded.slice(Math.max(0, p.start - 40), p.start);
    const after = folded.slice(p.end, p.end + 12);
    if (
      /\b(border|borders|frontier)\s+(with|of)\s+(the\s+)?$|\bfrontiere\s+(avec|du|de\s+la)\s+(le\s+|la\s+|l')?$|\bnorth\s+of\s+$|\bsouth\s+of\s+$|\b(gulf|golfe)\s+(of|de|du)\s+$/.test(before) ||
      /^\s*(border|frontier)\b/.test(after)
    )
      p.reference = true;
  }
  return found.sort((a, b) => a.start - b.start);
}

/** An ambiguous area name: keep the countries the context names, if any. */
export function narrow(place: PlaceMention, context: string[]): string[] {
  if (place.countries.length <= 1 || !context.length) return place.countries;
  const kept = place.countries.filter((x) => context.includes(x));
  return kept.length ? kept : place.countries;
}
