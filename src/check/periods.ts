/**
 * Periods in news text, resolved against the day the text was published: dates, months and
 * years ("in March 2022", "on 3 May", "between January and October 2023"), chrono-node's
 * reading of day and month expressions in English and French, and by hand what it does not
 * read: bare years, "since 2012" / "depuis janvier", "last year" / "l'an dernier", "in the
 * past five months", quarters, year to date. A period named after "compared to", "up from"
 * or "par rapport à" is the baseline of a comparison (role 'comparison').
 */
import { fold } from './text.js';
import * as chrono from 'chrono-node';
import { numberWord, type Lang } from './numbers.js';
import { RELATIVE_RULES, type RelativeRule } from './relative.js';

export interface Period {
  from: string;
  to: string;
  text: string;
  /** No words of the text set it: the default for a figure with no period (docs/check.md). */
  assumed?: boolean;
  /**
   * The days are a best guess inside a wider stretch the text allows: a weekday or an undated
   * incident in a text known only to the month. The store's incident is searched for in it.
   */
  within?: { from: string; to: string };
}
export interface PeriodMention extends Period {
  start: number;
  end: number;
  role: 'main' | 'comparison';
  /** "the same period a year earlier": from and to are those of the main period, a year before. */
  yearEarlier?: boolean;
  /** "the year prior", "the previous year": the year before the period the text is talking about (read against publication until the claim binds it). */
  yearBefore?: boolean;
}

/** When the text appeared: "2023-02-08", "2022-06" or "2020" (anything after is a note). */
export interface Published {
  /** The last day the publication could be: the reference for "last year" and "since". */
  day: string;
  precision: 'day' | 'month' | 'year';
  /**
   * The reference for words that count days back ("on Tuesday", "last Thursday", the week
   * before an undated incident): the publication day, or the middle of its month when only the
   * month is known (the guess that is never more than half a month off).
   */
  mid: string;
  /** The first day the publication could be. */
  first: string;
}

export function parsePublished(text: string | undefined, today = new Date().toISOString().slice(0, 10)): Published {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(String(text ?? '').trim());
  if (!m) return { day: today, precision: 'day', mid: today, first: today };
  if (m[3]) {
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    return { day, precision: 'day', mid: day, first: day };
  }
  if (m[2]) return { day: lastDay(Number(m[1]), Number(m[2])), precision: 'month', mid: `${m[1]}-${m[2]}-15`, first: `${m[1]}-${m[2]}-01` };
  return { day: `${m[1]}-12-31`, precision: 'year', mid: `${m[1]}-07-01`, first: `${m[1]}-01-01` };
}

const pad = (n: number) => String(n).padStart(2, '0');
export const lastDay = (y: number, m: number) => `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
const yearOf = (iso: string) => Number(iso.slice(0, 4));
const monthOf = (iso: string) => Number(iso.slice(5, 7));
export function addMonths(y: number, m: number, n: number): [number, number] {
  const k = y * 12 + (m - 1) + n;
  return [Math.floor(k / 12), (k % 12) + 1];
}
export function shiftYears(p: { from: string; to: string }, n: number): { from: string; to: string } {
  const s = (iso: string) => {
    const y = yearOf(iso) + n;
    const md = iso.slice(5);
    return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
  };
  return { from: s(p.from), to: s(p.to) };
}
/** The same length of time just before a period. */
export function previousPeriod(p: { from: string; to: string }): { from: string; to: string } {
  const day = 86400000;
  const a = Date.parse(p.from),
    b = Date.parse(p.to);
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { from: iso(a - (b - a) - day), to: iso(a - day) };
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const YEAR = '((?:19|20)\\d\\d)';

type Rule = RelativeRule;

/**
 * Open-ended periods ("since 2016", "in the last five months") are stated at month resolution:
 * they run to the end of the publication month (the judge never counts past publication).
 */
const monthEnd = (ref: Published) => lastDay(yearOf(ref.day), monthOf(ref.day));
const month = (name: string) => MONTHS[name.replace(/\.$/, '')]!;
/** A month named without its year: the latest such month not after publication. */
const monthYear = (m: number, ref: Published) => (m > monthOf(ref.day) ? yearOf(ref.day) - 1 : yearOf(ref.day));

const RULES: Rule[] = [
  // last week, last month, the weekend, three days ago, the first half of 2023 (relative.ts)
  ...RELATIVE_RULES,
  // between January and October 2023; entre janvier 2022 et décembre 2023; from March to May 2021
  {
    re: new RegExp(`\\b(?:between|from|entre|de|d')\\s*${MONTH}(?:\\s+${YEAR})?\\s+(?:and|to|et|a|au|until|through)\\s+${MONTH}\\s+${YEAR}`, 'g'),
    period: (m) => {
      const y2 = Number(m[4]);
      const y1 = m[2] ? Number(m[2]) : y2;
      return { from: `${y1}-${pad(month(m[1]!))}-01`, to: lastDay(y2, month(m[3]!)) };
    },
  },
  // between 2020 and 2023; from 2013 to 2020; 2013-2020
  {
    re: new RegExp(`\\b(?:(?:between|from|entre|de)\\s+)?${YEAR}\\s*(?:and|to|et|a|-|–|—)\\s*${YEAR}\\b`, 'g'),
    period: (m) => (Number(m[2]) > Number(m[1]) ? { from: `${m[1]}-01-01`, to: `${m[2]}-12-31` } : null),
  },
  // the first quarter of 2022; le premier trimestre 2022; Q1 2022
  {
    re: new RegExp(`\\b(?:(first|second|third|fourth|last)\\s+quarter\\s+(?:of\\s+)?|(premier|deuxieme|second|troisieme|quatrieme|dernier)\\s+trimestre\\s+(?:de\\s+)?|q([1-4])\\s+)${YEAR}`, 'g'),
    period: (m) => {
      const q = m[3]
        ? Number(m[3])
        : ({ first: 1, premier: 1, second: 2, deuxieme: 2, third: 3, troisieme: 3, fourth: 4, quatrieme: 4, last: 4, dernier: 4 } as Record<string, number>)[(m[1] ?? m[2])!]!;
      return { from: `${m[4]}-${pad(q * 3 - 2)}-01`, to: lastDay(Number(m[4]), q * 3) };
    },
  },
  // since January (this year); since the coup in September 2022; depuis janvier; since 2012
  {
    re: new RegExp(
      `\\b(?:since|depuis)\\s+(?:(?:the|le|la|l')?\\s*[\\w'-]+\\s+){0,5}?(?:(?:in|en|of|de)\\s+)?(?:${MONTH}(?:\\s+${YEAR})?|${YEAR})(?:\\s+(this year|cette annee|de cette annee))?\\b`,
      'g',
    ),
    period: (m, ref) => {
      if (m[3]) return { from: `${m[3]}-01-01`, to: monthEnd(ref) };
      const mo = month(m[1]!);
      const y = m[2] ? Number(m[2]) : m[4] ? yearOf(ref.day) : monthYear(mo, ref);
      return { from: `${y}-${pad(mo)}-01`, to: monthEnd(ref) };
    },
  },
  // since last year; depuis l'an dernier
  { re: /\b(?:since|depuis)\s+(?:last year|l'an dernier|l'annee derniere|l'an passe)/g, period: (_m, ref) => ({ from: `${yearOf(ref.day) - 1}-01-01`, to: monthEnd(ref) }) },
  // in the last/past five months; au cours des cinq derniers mois; over the past two years
  {
    re: /\b(?:in|over|during)?\s*(?:the\s+)?(?:last|past|previous)\s+(\w+)\s+(months|years|weeks|days)\b|\b(?:au cours des|ces|les|durant les|pendant les)\s+(\w+)\s+(derniers mois|dernieres annees|dernieres semaines|derniers jours)/g,
    period: (m, ref) => {
      const n = numberWord((m[1] ?? m[3])!);
      const unit = (m[2] ?? m[4])!;
      if (!Number.isFinite(n) || n <= 0 || n > 50) return null;
      const y = yearOf(ref.day),
        mo = monthOf(ref.day);
      if (/month|mois/.test(unit)) {
        const [fy, fm] = addMonths(y, mo, -(n - 1));
        return { from: `${fy}-${pad(fm)}-01`, to: monthEnd(ref) };
      }
      if (/year|annee/.test(unit)) return { from: `${y - n}-01-01`, to: `${y}-12-31` };
      const days = /week|semaine/.test(unit) ? 7 * n : n;
      return { from: new Date(Date.parse(ref.day) - (days - 1) * 86400000).toISOString().slice(0, 10), to: ref.day };
    },
  },
  // Mali's 10-year armed conflict; a decade-long insurgency; la guerre de dix ans: the calendar years up to publication.
  {
    re: /\b(\w+)[- ](?:year|years)[- ](?:old\s+)?(?:armed\s+|jihadist\s+|islamist\s+|civil\s+)?(?:conflict|war|insurgency|crisis|rebellion)\b|\b(?:a\s+)?(decade)[- ]long\s+(?:armed\s+|jihadist\s+|islamist\s+)?(?:conflict|war|insurgency|crisis)\b/g,
    period: (m, ref) => {
      const n = m[2] ? 10 : numberWord(m[1]!);
      return Number.isFinite(n) && n > 0 && n <= 60 ? { from: `${yearOf(ref.day) - n}-01-01`, to: `${yearOf(ref.day)}-12-31` } : null;
    },
  },
  // in the past year; over the last year; au cours de l'annee ecoulee
  {
    re: /\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?:year|twelve months|12 months)\b|\bau cours de l'annee ecoulee|\bces douze derniers mois/g,
    period: (_m, ref) => ({ from: `${yearOf(ref.day) - 1}-${ref.day.slice(5)}`, to: ref.day }),
  },
  // last year; l'an dernier; l'année dernière; the previous year; the year prior
  {
    re: /\b(?:last year|l'an dernier|l'annee derniere|l'an passe|l'annee passee)\b|\b(?:the previous year|the year prior|the prior year|a year earlier|the year before|l'annee precedente)(?:'s)?(?![\w'])/g,
    period: (_m, ref) => ({ from: `${yearOf(ref.day) - 1}-01-01`, to: `${yearOf(ref.day) - 1}-12-31` }),
  },
  // this year; so far this year; year to date; cette année
  { re: /\b(?:so far )?this year\b|\byear[- ]to[- ]date\b|\bcette annee\b|\bdepuis le debut de l'annee\b/g, period: (_m, ref) => ({ from: `${yearOf(ref.day)}-01-01`, to: ref.day }) },
  // in March 2022; en mars 2022
  { re: new RegExp(`\\b${MONTH}\\s+${YEAR}\\b`, 'g'), period: (m) => ({ from: `${m[2]}-${pad(month(m[1]!))}-01`, to: lastDay(Number(m[2]), month(m[1]!)) }) },
  // in 2022; en 2022; 2022's
  { re: new RegExp(`(?<![\\d,.-])${YEAR}(?![\\d-])`, 'g'), period: (m) => ({ from: `${m[1]}-01-01`, to: `${m[1]}-12-31` }) },
];

const DAY_LIKE = new RegExp(
  `\\b${MONTH}(?![a-z])|\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|yesterday|hier)\\b|\\d{1,2}/\\d{1,2}/\\d{2,4}`,
  'g',
);

const COMPARISON_BEFORE =
  /\b(compared (?:to|with)|than|from|par rapport a|contre|up from|down from|versus|vs\.?|relative to|over|what (?:it|they|there) (?:had|was|were|recorded)|qu'en|que l'an)\s+(?:the\s+|in\s+|en\s+|a\s+|l'|le\s+|la\s+)*$/;
/** "the same period a year earlier": the baseline is the main period, a year before. */
const SAME_PERIOD =
  /\b(?:on |over |compared (?:to|with) |than )?the same period (?:a year earlier|the previous year|of the previous year|last year|the year before|in the previous year)\b|\b(?:par rapport a )?la meme periode (?:de )?l'an(?:nee)? (?:dernier|derniere|precedente|passee?)\b/g;

/** Every period in a sentence, resolved against publication. */
export function findPeriods(text: string, lang: Lang, ref: Published): PeriodMention[] {
  const folded = fold(text);
  const found: PeriodMention[] = [];
  const free = (s: number, e: number) => !found.some((m) => s < m.end && e > m.start);
  const push = (s: number, e: number, p: { from: string; to: string; within?: { from: string; to: string } }) => {
    const before = folded.slice(Math.max(0, s - 30), s);
    // "from 1 Nov. 2018 to 23 March 2019" is a stretch, not a baseline after "from".
    const stretch = /\b(?:from|du|de)\s*$/.test(before) && /\b(?:to|until|till|through|au|jusqu'au)\b/.test(folded.slice(s, e));
    const role = COMPARISON_BEFORE.test(before) && !stretch && !/\bsince\b|\bdepuis\b/.test(folded.slice(s, e)) ? 'comparison' : 'main';
    found.push({ start: s, end: e, text: text.slice(s, e), from: p.from, to: p.to, role, ...(p.within ? { within: p.within } : {}) });
  };
  for (const m of folded.matchAll(SAME_PERIOD))
    found.push({ start: m.index!, end: m.index! + m[0].length, text: text.slice(m.index!, m.index! + m[0].length), from: '', to: '', role: 'comparison', yearEarlier: true });
  // Specific days first (chrono-node), so that "3 May 2021" is one day, not May and 2021.
  const parser = lang === 'fr' ? chrono.fr : chrono.en;
  // Days counted back from publication ("on Tuesday") count from its middle when only its month is known.
  const refDay = ref.precision === 'month' ? ref.mid : ref.day;
  const refDate = new Date(`${refDay}T12:00:00Z`);
  // chrono-node is thorough but slow on long sentences: it reads short windows around the
  // words that may start a day (a month, a weekday, a numeric date), merged where they overlap.
  const windows: Array<[number, number]> = [];
  for (const m of folded.matchAll(DAY_LIKE)) {
    const a = Math.max(0, m.index! - 25),
      b = Math.min(text.length, m.index! + m[0].length + 30);
    const last = windows[windows.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  const results = windows.flatMap(([a, b]) => {
    // Widen to word boundaries so no word is cut in two.
    while (a > 0 && /\S/.test(text[a - 1]!)) a--;
    while (b < text.length && /\S/.test(text[b]!)) b++;
    // chrono-node reads "night of Saturday" as tonight: the night is the day's (blanked, offsets kept).
    const window = text.slice(a, b).replace(/\b(?:the )?night of\b/gi, (w) => ' '.repeat(w.length));
    return parser.parse(window, refDate).map((r) => ({ r, offset: a }));
  });
  for (const found0 of results) {
    // "on Friday evening, 14 people": the number after the comma is a count, not the day.
    const cut = /,\s*\d{1,2}$/.exec(found0.r.text);
    const again = cut ? parser.parse(found0.r.text.slice(0, cut.index), refDate)[0] : found0.r;
    if (!again) continue;
    const r = again;
    const offset = found0.offset + (cut ? found0.r.index : 0);
    const certain = (c: 'day' | 'weekday' | 'month' | 'year') => r.start.isCertain(c);
    const known = { day: certain('day') ? 1 : undefined, weekday: certain('weekday') ? 1 : undefined, month: certain('month') ? 1 : undefined, year: certain('year') ? 1 : undefined };
    if (known.day === undefined && known.weekday === undefined) continue;
    // A weekday alone ("on Friday") is a day when the publication day is known; when only its
    // month is, the guess counted from the middle of the month, searched for in the whole month.
    if (known.day === undefined && ref.precision === 'year') continue;
    const guess = known.day === undefined && ref.precision === 'month';
    let from = iso(r.start.date());
    let to = r.end ? iso(r.end.date()) : from;
    if (known.year === undefined && known.month !== undefined && from > ref.day) {
      from = shift(from, -1);
      to = shift(to, -1);
    }
    // "Sunday Tribune", "Sunday Times": a weekday in a name is no day.
    if (
      known.day === undefined &&
      known.weekday !== undefined &&
      /^\s+\p{Lu}/u.test(text.slice(offset + r.index + r.text.length)) &&
      !MONTH_START.test(fold(text.slice(offset + r.index + r.text.length)))
    )
      continue;
    // "on Tuesday" in a text published on a Saturday: the Tuesday before, never after.
    const week = (day: string, n: number) => iso(new Date(Date.parse(day) + n * 7 * 86400000));
    if (known.day === undefined && known.weekday !== undefined && from > refDay) {
      from = week(from, -1);
      to = r.end ? week(to, -1) : from;
    }
    // "de samedi à dimanche": the night that runs into the next week's first day.
    if (known.day === undefined && known.weekday !== undefined && to < from) to = week(to, 1);
    const s = offset + r.index,
      e = s + r.text.length;
    // "since September 4, 2013": from that day to publication.
    if (/\b(?:since|depuis)(?:\s+(?:le|the))?\s*$/.test(folded.slice(Math.max(0, s - 12), s)) && from <= ref.day) to = ref.day;
    if (free(s, e)) push(s, e, { from, to: to < from ? from : to, ...(guess ? { within: { from: ref.first, to: ref.day } } : {}) });
  }
  for (const rule of RULES) {
    for (const m of folded.matchAll(rule.re)) {
      const lead = /^\s+/.exec(m[0])?.[0].length ?? 0;
      const s = m.index! + lead,
        e = m.index! + m[0].length;
      if (!free(s, e)) continue;
      const p = rule.period(m, ref);
      if (p) push(s, e, p);
    }
  }
  // A month alone ("in June"): the latest June not after publication.
  for (const m of folded.matchAll(new RegExp(`\\b(?:in|en|since|depuis|during)\\s+${MONTH}\\b(?!\\s*\\d)`, 'g'))) {
    const s = m.index!,
      e = s + m[0].length;
    if (!free(s, e)) continue;
    const mo = month(m[1]!);
    const y = monthYear(mo, ref);
    push(s, e, /^(since|depuis)/.test(m[0]) ? { from: `${y}-${pad(mo)}-01`, to: monthEnd(ref) } : { from: `${y}-${pad(mo)}-01`, to: lastDay(y, mo) });
  }
  found.sort((a, b) => a.start - b.start);
  for (const p of found) if (YEAR_BEFORE.test(fold(p.text))) p.yearBefore = true;
  // "from 1 Nov. 2018 to 23 March 2019", "du 3 au 5 mai", "de samedi à dimanche": two days joined as one stretch.
  for (let i = found.length - 2; i >= 0; i--) {
    const a = found[i]!,
      b = found[i + 1]!;
    if (!a.from || !b.from || a.from !== a.to || b.from !== b.to || b.from < a.from) continue;
    if (
      !/^\s*(?:to|until|till|through|and|au|a|et|jusqu'au|-|–)\s*$/.test(folded.slice(a.end, b.start)) ||
      !/\b(?:from|between|du|de|entre)\s*$/.test(folded.slice(Math.max(0, a.start - 10), a.start))
    )
      continue;
    found.splice(i, 2, { ...a, end: b.end, text: text.slice(a.start, b.end), to: b.to });
  }
  // "President since September 4, 2013, who was ousted … on August 18, 2020": the stretch ends at the later date.
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i]!,
      b = found[i + 1]!;
    if (!/\b(?:since|depuis)\b/.test(folded.slice(Math.max(0, a.start - 12), a.end)) || !b.from || b.from <= a.from || b.to > a.to) continue;
    if (!ENDED.test(folded.slice(a.end, b.start)) || /\d/.test(folded.slice(a.end, b.start))) continue;
    a.to = b.to;
    b.from = a.from;
  }
  return found;
}
const MONTH_START = new RegExp(`^\\s+${MONTH}(?![a-z])`);
const ENDED = /\b(?:until|till|ousted|overthrown|toppled|deposed|removed|ended|left office|resigned|renverse|destitue|jusqu'au|jusqu'en)\b/;
const YEAR_BEFORE = /^(?:the previous year|the year prior|the prior year|a year earlier|the year before|l'annee precedente)/;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const shift = (day: string, years: number) => `${yearOf(day) + years}${day.slice(4)}`;
