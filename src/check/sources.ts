/**
 * Who a text says a number comes from ("according to ACLED", "Lavrov said", "selon le
 * gouvernement"), and what the store can do with it: a dataset it holds is judged first;
 * a source that measures something else (the Global Terrorism Index counts terrorism deaths,
 * a narrower measure than ACLED's fatalities) is never contradicted by another dataset.
 */
export interface Source {
  /** As the text names it. */
  text: string;
  /** A known source's short name: ACLED, UCDP, GTI, ACSS… */
  name: string;
  /** Datasets of the store that are this source. */
  datasets?: string[];
  /** What the source counts when it is not what event datasets count. */
  measure?: string;
}

const KNOWN: Array<[RegExp, Omit<Source, 'text'>]> = [
  [/\bacled\b|armed conflict location (?:&|and) event data|crisis mapping organi[sz]ation/i, { name: 'ACLED', datasets: ['acled'] }],
  [/\bucdp\b|uppsala conflict data/i, { name: 'UCDP', datasets: ['ucdp', 'ucdp-ged'] }],
  [
    /global terrorism index|\bgti\b|institute for economics (?:and|&) peace|\bthe index\b|\bthe institute\b/i,
    { name: 'Global Terrorism Index', measure: "terrorism deaths (Global Terrorism Index): a narrower measure than event datasets' fatalities" },
  ],
  [
    /africa cent(?:er|re) for strategic studies|\bacss\b/i,
    { name: 'ACSS', measure: 'fatalities linked to militant Islamist groups (Africa Center for Strategic Studies), compiled from ACLED with its own selection of groups' },
  ],
  [/human rights watch|\bhrw\b/i, { name: 'Human Rights Watch' }],
  [/\bminusma\b|\bunited nations\b|\bthe un\b|\bu\.n\.?\b|ohchr|high commissioner for human rights/i, { name: 'United Nations' }],
  [/\bamnesty\b/i, { name: 'Amnesty International' }],
];

const PATTERNS = [
  /\b(?:according to|as reported by|cited by|data (?:collated|collected|compiled) by|figures (?:released|published) by|selon|d'apres|d’après)\s+((?:the\s+|l['’]|le\s+|la\s+|les\s+)?[A-Za-zÀ-ÿ&.'’ -]{2,80}?)(?=[,.;:)"”]|\s+(?:data|figures|cited|in|on|for|which|who|shows?)\b|$)/gi,
  /\b((?:the\s+)?(?:ACLED|UCDP|Acled|GTI|MINUSMA|Minusma|the (?:UN|U\.N|institute|index|report|government|army|ministry)|[\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+){0,3}))\s+(?:said|says|stated|reported|recorded|documented|estimated|counted|found|announced|claimed|noted)\b/gu,
  /\b([\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+){0,3}),?\s+(?:a déclaré|a indiqué|a annoncé|a affirmé)\b/gu,
];

export function findSource(sentence: string): Source | undefined {
  for (const re of PATTERNS) {
    for (const m of sentence.matchAll(re)) {
      const text = m[1]!.trim();
      if (/^(it|this|that|he|she|they|there|which)$/i.test(text)) continue;
      const known = KNOWN.find(([k]) => k.test(text));
      return known ? { text, ...known[1] } : { text, name: text.replace(/^(the|le|la|les|l['’])\s*/i, '') };
    }
  }
  // "the index, compiled by the Institute for Economics and Peace": a known source named anywhere.
  for (const [k, v] of KNOWN.slice(0, 4)) {
    const m = k.exec(sentence);
    if (m) return { text: m[0], ...v };
  }
  return undefined;
}
