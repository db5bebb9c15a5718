/**
 * Periods that news texts count back from the day they appeared, in English and French, which
 * chrono-node leaves without a day: "last week", "last month", "earlier this month", "the
 * weekend", "three days ago", and the parts of a year ("the first half of 2023", "les neuf
 * premiers mois de l'année"). Read on folded text (lower case, no accents) by periods.ts.
 * Days are counted from the publication day, or from the middle of its month when only the
 * month is known; such a guess carries the month as the stretch to search (`within`).
 */
import { numberWord } from './numbers.js';
import { lastDay, type Published } from './periods.js';

export interface RelativeRule {
  re: RegExp;
  period: (m: RegExpMatchArray, ref: Published) => { from: string; to: string; within?: { from: string; to: string } } | null;
}

const DAY = 86400000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(Date.parse(day) + n * DAY);
/** 0 = Monday … 6 = Sunday. */
const weekday = (day: string) => (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
const pad = (n: number) => String(n).padStart(2, '0');

/** The day counted from, and the stretch to search when it is a guess. */
function reference(ref: Published): { day: string; within?: { from: string; to: string } } {
  return ref.precision === 'month' ? { day: ref.mid, within: { from: ref.first, to: ref.day } } : { day: ref.day };
}
const days = (from: string, to: string, ref: Published) => {
  const { within } = reference(ref);
  return { from, to, ...(within ? { within } : {}) };
};
/** "the year", "this year", "cette année", or a year written out. */
const yearOf = (word: string | undefined, ref: Published) => (word && /^\d{4}$/.test(word) ? Number(word) : Number(ref.day.slice(0, 4)));
const YEAR_WORDS = "((?:19|20)\\d\\d|the year|this year|l'annee|cette annee)";

export const RELATIVE_RULES: RelativeRule[] = [
  // last week; la semaine dernière: Monday to Sunday of the week before.
  {
    re: /\blast week\b|\bla semaine (?:derniere|passee)\b/g,
    period: (_m, ref) => {
      const monday = addDays(reference(ref).day, -weekday(reference(ref).day) - 7);
      return days(monday, addDays(monday, 6), ref);
    },
  },
  // this week; cette semaine: from its Monday.
  {
    re: /\b(?:earlier )?this week\b|\bcette semaine\b|\ben debut de semaine\b/g,
    period: (_m, ref) => days(addDays(reference(ref).day, -weekday(reference(ref).day)), reference(ref).day, ref),
  },
  // last weekend, at the weekend; le week-end dernier, ce week-end: the Saturday and Sunday just before.
  {
    re: /\b(?:last|this|over the|at the|during the|on the) weekend\b|\b(?:le|ce) week-?end(?: dernier| passe)?\b/g,
    period: (_m, ref) => {
      const day = reference(ref).day;
      const saturday = addDays(day, -((weekday(day) - 5 + 7) % 7 || 7));
      const sunday = addDays(saturday, 1);
      return days(saturday, sunday > day ? day : sunday, ref);
    },
  },
  // three days ago, two weeks ago; il y a trois jours, il y a deux semaines.
  {
    re: /\b(\w+) (days|weeks) ago\b|\bil y a (\w+) (jours|semaines)\b/g,
    period: (m, ref) => {
      const n = numberWord((m[1] ?? m[3])!);
      if (!Number.isFinite(n) || n <= 0 || n > 20) return null;
      const day = reference(ref).day;
      if (/^(days|jours)$/.test((m[2] ?? m[4])!)) return days(addDays(day, -n), addDays(day, -n), ref);
      const back = addDays(day, -7 * n);
      return days(addDays(back, -3), addDays(back, 3), ref);
    },
  },
  // last month; le mois dernier: the calendar month before publication.
  {
    re: /\blast month\b|\ble mois (?:dernier|passe)\b/g,
    period: (_m, ref) => {
      const y = Number(ref.day.slice(0, 4)),
        mo = Number(ref.day.slice(5, 7));
      const [py, pm] = mo === 1 ? [y - 1, 12] : [y, mo - 1];
      return { from: `${py}-${pad(pm)}-01`, to: lastDay(py, pm) };
    },
  },
  // earlier this month, so far this month; ce mois-ci, depuis le début du mois: the month of publication, up to it.
  {
    re: /\b(?:earlier |so far |since the (?:start|beginning) of )?this month\b|\bce mois-ci\b|\bdepuis le debut du mois\b|\bplus tot (?:ce|dans le) mois\b/g,
    period: (_m, ref) => ({ from: `${ref.day.slice(0, 7)}-01`, to: ref.day }),
  },
  // since the start of the year; since the beginning of this year: year to date.
  {
    re: /\bsince the (?:start|beginning) of (?:the|this) year\b/g,
    period: (_m, ref) => ({ from: `${ref.day.slice(0, 4)}-01-01`, to: ref.day }),
  },
  // the first half of 2023, H1 2023; le premier semestre 2023, le second semestre de l'année.
  {
    re: new RegExp(`\\b(first|second)\\s+half\\s+(?:of\\s+)?${YEAR_WORDS}|\\b(premier|second|deuxieme)\\s+semestre\\s+(?:de\\s+|d')?${YEAR_WORDS}?|\\bh([12])\\s+((?:19|20)\\d\\d)\\b`, 'g'),
    period: (m, ref) => {
      const second = m[1] ? m[1] === 'second' : m[3] ? m[3] !== 'premier' : m[5] === '2';
      const y = yearOf(m[2] ?? m[4] ?? m[6], ref);
      return second ? { from: `${y}-07-01`, to: `${y}-12-31` } : { from: `${y}-01-01`, to: `${y}-06-30` };
    },
  },
  // the first nine months of 2023, of the year; les neuf premiers mois de 2023, de l'année.
  {
    re: new RegExp(`\\b(?:the\\s+)?first\\s+(\\w+)\\s+months\\s+(?:of\\s+)?${YEAR_WORDS}|\\b(?:les\\s+)?(\\w+)\\s+premiers\\s+mois\\s+(?:de\\s+|d')?${YEAR_WORDS}`, 'g'),
    period: (m, ref) => {
      const n = numberWord((m[1] ?? m[3])!);
      if (!Number.isFinite(n) || n < 1 || n > 12) return null;
      const y = yearOf(m[2] ?? m[4], ref);
      return { from: `${y}-01-01`, to: lastDay(y, n) };
    },
  },
];
