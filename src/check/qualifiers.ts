/**
 * How precisely a number is claimed, read from the words before it (and a few after):
 * "over", "more than", "plus de" → more_than; "at least", "au moins" → at_least;
 * "nearly", "about", "some", "environ", "près de" → about; "up to", "moins de" → at_most;
 * anything else → exact. Collective words ("a dozen", "une dizaine") are about.
 */
import { fold } from './text.js';

export type Qualifier = 'exact' | 'about' | 'more_than' | 'at_least' | 'at_most';

const BEFORE: Array<[RegExp, Qualifier]> = [
  [/\b(at least|no fewer than|no less than|a minimum of|au moins|au minimum|pas moins de)\s*$/, 'at_least'],
  [/\b(more than|over|above|upwards of|in excess of|exceeding|plus de|plus d'|au-dela de|au dela de|superieur a|more then)\s*$/, 'more_than'],
  [/\b(up to|at most|no more than|fewer than|less than|under|below|jusqu'a|moins de|moins d'|au plus|au maximum)\s*$/, 'at_most'],
  [
    /\b(nearly|almost|about|around|some|roughly|approximately|approx\.?|an estimated|estimated|close to|circa|c\.|near|pres de|pres d'|environ|quelque|quelques|presque|approximativement|autour de|a peu pres|un peu moins de|un peu plus de|just over|just under|slightly more than|slightly less than)\s*$/,
    'about',
  ],
];
// "a more than 7,000% jump": the qualifier sits between article and number.
const FILLER = /(\s+|\b(the|a|an|un|une|le|la|les|of|de|d'|des|by|par|to|a|were|was|be|have|has|been|reportedly|ete|ont|et|its|their|toll|bilan|at)\b)*$/;

export function qualifierOf(text: string, start: number, end: number, collective = false): Qualifier {
  const before = fold(text.slice(Math.max(0, start - 40), start));
  for (const [re, q] of BEFORE) if (re.test(before)) return q;
  // One filler word may sit between: "at least some 50", "more than the 300".
  const trimmed = before.replace(/\s*\b(\w+|d')\s*$/, '');
  if (trimmed !== before) for (const [re, q] of BEFORE) if (re.test(trimmed) && FILLER.test(before.slice(trimmed.length))) return q;
  const after = fold(text.slice(end, end + 20));
  if (/^\s*(or more|and more|plus|ou plus|et plus|at least)\b/.test(after)) return 'at_least';
  if (/^\s*(or so|odd|environ)\b/.test(after)) return 'about';
  return collective ? 'about' : 'exact';
}
