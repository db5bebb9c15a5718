/**
 * Numbers as news text writes them, in English and French: digits with the separators of
 * each language (1,913 / 1 913 / 1.913 in French / 4.8k / 1.5 million), words ("seven
 * hundred", "a dozen", "trois cents", "une dizaine"), ranges ("between 350 and 380",
 * "entre 350 et 380", "100 to 400"), percentages, multipliers ("fourfold", "doubled"),
 * fractions ("a third of", "la moitié") and vague amounts ("hundreds of", "des dizaines de").
 * Each mention keeps its character offsets. Whether a number is a claim is decided later
 * (claims.ts): this file only reads numbers.
 */
export type Lang = 'en' | 'fr';

export type NumberKind = 'count' | 'percent' | 'ratio' | 'fraction' | 'vague' | 'ordinal';

export interface NumberMention {
  start: number;
  end: number;
  text: string;
  kind: NumberKind;
  /** The value; for a range, its low end. Null for vague amounts. */
  value: number | null;
  /** The high end of a range. */
  high?: number;
  /** Vague amounts: the least the words imply ("hundreds of" → 200). */
  atLeast?: number;
  /** Digits written like a year (1900–2099, no separator). */
  yearLike?: boolean;
  /** Written in digits (as opposed to words). */
  digits: boolean;
}

const UNITS_EN: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const UNITS_FR: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  'soixante-dix': 70,
  'quatre-vingt': 80,
  'quatre-vingts': 80,
  'quatre-vingt-dix': 90,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  millions: 1e6,
  billion: 1e9,
  cent: 100,
  cents: 100,
  mille: 1e3,
  milliers: 1e3,
  millier: 1e3,
  milliard: 1e9,
  milliards: 1e9,
};
/** Words that stand for a number by themselves ("a dozen" = about 12: the qualifier says so). */
const COLLECTIVE: Record<string, number> = { dozen: 12, douzaine: 12, dizaine: 10, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, centaine: 100, score: 20 };
/** Vague plurals and the least they mean. */
const VAGUE: Array<[RegExp, number]> = [
  [/^(dozens|des dizaines)$/i, 24],
  [/^(scores)$/i, 40],
  [/^(hundreds|des centaines)$/i, 200],
  [/^(thousands|des milliers)$/i, 2000],
  [/^(tens of thousands|des dizaines de milliers)$/i, 20000],
  [/^(millions|des millions)$/i, 2e6],
];
const MULTIPLIERS: Record<string, number> = {
  doubled: 2,
  double: 2,
  twofold: 2,
  doublé: 2,
  'a doublé': 2,
  tripled: 3,
  triple: 3,
  threefold: 3,
  triplé: 3,
  quadrupled: 4,
  fourfold: 4,
  quadruplé: 4,
  fivefold: 5,
  quintupled: 5,
  sixfold: 6,
  sevenfold: 7,
  tenfold: 10,
};
const FRACTIONS: Record<string, number> = {
  half: 50,
  'a half': 50,
  'one half': 50,
  'a third': 33.3,
  'one third': 33.3,
  'two thirds': 66.7,
  'two-thirds': 66.7,
  'a quarter': 25,
  'one quarter': 25,
  'three quarters': 75,
  'a fifth': 20,
  'one fifth': 20,
  'a tenth': 10,
  'la moitié': 50,
  'un tiers': 33.3,
  'deux tiers': 66.7,
  'un quart': 25,
  'trois quarts': 75,
  'un cinquième': 20,
  'one in four': 25,
  'one in three': 33.3,
  'one in five': 20,
  'one in ten': 10,
  'un sur quatre': 25,
};
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  premier: 1,
  première: 1,
  deuxième: 2,
  second_fr: 2,
  troisième: 3,
  quatrième: 4,
  cinquième: 5,
};

const wordList = (o: Record<string, number>) =>
  Object.keys(o)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[-\s]/g, '[-\\s]'))
    .join('|');
const NUMBER_WORDS = `(?:${wordList(UNITS_EN)}|${wordList(UNITS_FR)}|${wordList(SCALES)}|a|and|et)`;
const WORD_NUMBER = new RegExp(`\\b(?:${wordList(UNITS_EN)}|${wordList(UNITS_FR)})(?:[-\\s]+${NUMBER_WORDS})*\\b`, 'gi');

/**
 * Digits: grouped thousands (comma, dot, space, thin or no-break space), decimals, k/m suffix, scale word.
 * Not digits that belong to code or references: an argument or index glued to a name ("alert(1)",
 * "items[2]"), or a value after an operator ("x=3").
 */
const DIGITS = /(?<![\w.,])(?<!\w[([])(?<![=<>+*/^])(\d{1,3}(?:(?:,|\.|[ \u00a0\u202f])\d{3})+|\d+)(?:([.,])(\d+))?(?:\s?(k|m|bn)\b|\s+(million|millions|billion|milliards?|thousand|mille)\b)?/gi;

/** Reads "1,913" (en) or "1 913" / "1.913" (fr); returns NaN when the separators are not a number. */
export function parseDigits(integer: string, sepDecimal: string | undefined, decimals: string | undefined, lang: Lang): number {
  let int = integer;
  let dec = decimals;
  let sep = sepDecimal;
  const groupSep = /^\d{1,3}([,. \u00a0\u202f])\d{3}/.exec(int)?.[1];
  // In French a comma is the decimal mark; "1,5" is one and a half. In English it groups thousands.
  if (groupSep === ',' && lang === 'fr' && !sep && /^\d{1,3},\d{3}$/.test(int)) {
    dec = int.split(',')[1];
    int = int.split(',')[0]!;
    sep = ',';
  } else if (groupSep === '.' && lang === 'en' && !sep && /^\d{1,3}\.\d{3}$/.test(int)) {
    dec = int.split('.')[1];
    int = int.split('.')[0]!;
    sep = '.';
  }
  const whole = Number(int.replace(/[,. \u00a0\u202f]/g, ''));
  if (sep && dec !== undefined) {
    const decimalMark = lang === 'fr' ? ',' : '.';
    if (sep !== decimalMark && dec.length === 3) return Number(`${whole}${dec}`);
    return Number(`${whole}.${dec}`);
  }
  return whole;
}

function wordsValue(text: string): number | null {
  const words = text
    .toLowerCase()
    .split(/[-\s]+/)
    .filter((w) => w && w !== 'and' && w !== 'et' && w !== 'a');
  let total = 0;
  let current = 0;
  let any = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const pair = i + 1 < words.length ? `${w}-${words[i + 1]}` : '';
    if (pair in UNITS_FR) {
      current += UNITS_FR[pair]!;
      i++;
      any = true;
      continue;
    }
    if (w in UNITS_EN) {
      current += UNITS_EN[w]!;
      any = true;
      continue;
    }
    if (w in UNITS_FR) {
      current += UNITS_FR[w]!;
      any = true;
      continue;
    }
    const scale = SCALES[w];
    if (scale === undefined) return null;
    if (scale === 100) current = (current || 1) * 100;
    else {
      total += (current || 1) * scale;
      current = 0;
    }
    any = true;
  }
  return any ? total + current : null;
}

/** A number written as one word or in digits ("five", "cinq", "a", "12"), as relative periods and durations write it; NaN otherwise. */
export function numberWord(word: string): number {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  if (/^(?:a|an|one|un|une)$/.test(w)) return 1;
  return wordsValue(w) ?? Number.NaN;
}

const FRACTION_RE = new RegExp(
  `\\b(?:${Object.keys(FRACTIONS)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/\s/g, '\\s+'))
    .join('|')})\\b`,
  'gi',
);
const MULTIPLIER_RE = new RegExp(
  `(?<![a-zà-ÿ-])(?:${Object.keys(MULTIPLIERS)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![a-zà-ÿ])`,
  'gi',
);
const COLLECTIVE_RE = new RegExp(`\\b(?:an?|une?)\\s+(${Object.keys(COLLECTIVE).join('|')})\\b`, 'gi');
const ORDINAL_RE = new RegExp(
  `\\b(the\\s+|la\\s+|le\\s+)?(${Object.keys(ORDINALS)
    .filter((k) => !k.includes('_'))
    .join('|')})\\b`,
  'gi',
);

/** Every number in a text, left to right, ranges joined. */
export function findNumbers(text: string, lang: Lang): NumberMention[] {
  const found: NumberMention[] = [];
  const taken = (s: number, e: number) => found.some((m) => s < m.end && e > m.start);
  const add = (m: NumberMention) => {
    if (!taken(m.start, m.end)) found.push(m);
  };

  for (const m of text.matchAll(DIGITS)) {
    const [all, integer, sep, decimals, suffix, scaleWord] = m;
    let value = parseDigits(integer!, sep, decimals, lang);
    if (Number.isNaN(value)) continue;
    const factor = suffix ? { k: 1e3, m: 1e6, bn: 1e9 }[suffix.toLowerCase()]! : scaleWord ? (SCALES[scaleWord.toLowerCase().replace(/s$/, '')] ?? SCALES[scaleWord.toLowerCase()]!) : 1;
    value = Math.round(value * factor * 1e6) / 1e6;
    const start = m.index!;
    let end = start + all.length;
    let kind: NumberKind = 'count';
    const after = text.slice(end);
    const pct = /^\s?(%|per ?cent\b|pour ?cent\b|percent\b)/i.exec(after);
    if (pct) {
      kind = 'percent';
      end += pct[0].length;
    }
    const ord = /^(st|nd|rd|th|e|ème|er)\b/i.exec(after);
    if (ord && kind === 'count' && !/^e\s/.test(after)) {
      kind = 'ordinal';
      end += ord[0].length;
    }
    const yearLike = !sep && !suffix && !scaleWord && /^(19|20)\d\d$/.test(integer!);
    found.push({ start, end, text: text.slice(start, end), kind, value, digits: true, ...(yearLike ? { yearLike } : {}) });
  }
  for (const m of text.matchAll(FRACTION_RE))
    add({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'fraction', value: FRACTIONS[m[0].toLowerCase().replace(/\s+/g, ' ')]!, digits: false });
  for (const m of text.matchAll(MULTIPLIER_RE)) add({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'ratio', value: MULTIPLIERS[m[0].toLowerCase()]!, digits: false });
  for (const m of text.matchAll(COLLECTIVE_RE)) {
    add({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'count', value: COLLECTIVE[m[1]!.toLowerCase()]!, digits: false });
  }
  for (const m of text.matchAll(WORD_NUMBER)) {
    const trimmed = m[0].replace(/[-\s]+(?:a|and|et)$/i, '');
    const value = wordsValue(trimmed);
    if (value === null) continue;
    // "one" and "un/une" are mostly articles or pronouns ("one of the", "une attaque"): not numbers alone.
    if (/^(one|un|une)$/i.test(trimmed)) continue;
    add({ start: m.index!, end: m.index! + trimmed.length, text: trimmed, kind: 'count', value, digits: false });
  }
  for (const m of text.matchAll(/\b(tens of thousands|des dizaines de milliers|dozens|des dizaines|scores|hundreds|des centaines|thousands|des milliers|millions|des millions)\s+(of|de|d')/gi)) {
    const atLeast = VAGUE.find(([re]) => re.test(m[1]!))![1];
    add({ start: m.index!, end: m.index! + m[1]!.length, text: m[1]!, kind: 'vague', value: null, atLeast, digits: false });
  }
  for (const m of text.matchAll(ORDINAL_RE)) {
    const start = m.index! + (m[1]?.length ?? 0);
    add({ start, end: m.index! + m[0].length, text: m[2]!, kind: 'ordinal', value: ORDINALS[m[2]!.toLowerCase()]!, digits: false });
  }
  found.sort((a, b) => a.start - b.start);
  return joinRanges(text, found);
}

/** "between 350 and 380", "entre 350 et 380", "100 to 400", "350-380": one mention with value and high. */
function joinRanges(text: string, list: NumberMention[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const b = list[i + 1];
    if (b && a.kind === 'count' && (b.kind === 'count' || b.kind === 'percent') && a.value !== null && b.value !== null && !a.yearLike && !b.yearLike) {
      const gap = text.slice(a.end, b.start);
      const before = text.slice(Math.max(0, a.start - 9), a.start);
      const between = /^\s*(and|et)\s*$/i.test(gap) && /\b(between|entre)\s+$/i.test(before);
      const to = /^\s*(to|à|-|–)\s*$/i.test(gap) && b.value > a.value;
      if (between || to) {
        out.push({ ...a, end: b.end, text: text.slice(a.start, b.end), kind: b.kind, high: b.value, digits: a.digits && b.digits });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
