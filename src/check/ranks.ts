/**
 * Superlatives that claim a rank without a number: "the worst single atrocity", "the
 * country's deadliest attack", "the single event with the most killings", "more deaths than
 * any previous year", "plus de décès que n'importe quelle année précédente". Each is rank 1 by
 * deaths. "One of the deadliest" claims no rank and is left alone; an ordinal ("the fourth
 * attack") is read with the numbers (numbers.ts).
 */
import { fold } from './text.js';

export interface RankMention {
  start: number;
  end: number;
  text: string;
  /** What the rank is over: single incidents or years. */
  over: 'incident' | 'year';
}

const SUPERLATIVE = '(?:worst|deadliest|bloodiest|most lethal|most deadly|most murderous|plus meurtri(?:er|ere)|plus sanglante?|pire)';
const INCIDENT = '(?:atrocity|attack|massacre|incident|event|ambush|raid|assault|attentat|attaque|tuerie|embuscade)';

const PATTERNS: Array<[RegExp, RankMention['over']]> = [
  // the worst single atrocity; the country's deadliest attack; Mali's bloodiest massacre
  [
    new RegExp(`(?:\\b(?:the|its|their|this|that|la|le|sa|son)|\\b[\\w-]+'s)\\s+(?:single\\s+)?${SUPERLATIVE}\\s+(?:single\\s+)?(?:jihadist\\s+|terrorist\\s+|militant\\s+)?${INCIDENT}\\b`, 'g'),
    'incident',
  ],
  // l'attaque la plus meurtrière
  [new RegExp(`\\b(?:l'|la\\s+|le\\s+)${INCIDENT}\\s+la\\s+plus\\s+(?:meurtriere|sanglante)\\b`, 'g'), 'incident'],
  // the single event with the most killings; the attack with the highest death toll
  [
    new RegExp(
      `\\b(?:the|its)\\s+(?:single\\s+)?${INCIDENT}\\s+with\\s+the\\s+(?:most|highest number of|largest number of|highest)\\s+(?:killings|deaths|fatalities|casualties|death toll|toll)\\b`,
      'g',
    ),
    'incident',
  ],
  // the deadliest year; more deaths than any previous year; plus de décès que n'importe quelle année précédente
  [new RegExp(`\\b(?:the|its)\\s+${SUPERLATIVE}\\s+year\\b|\\bl'annee la plus meurtriere\\b`, 'g'), 'year'],
  [
    /\bmore (?:deaths|fatalities|killings|people killed) than (?:in )?any (?:other |previous |prior |preceding )?year\b|\bplus de (?:deces|morts|victimes|tues) que (?:n'importe quelle|toute) (?:autre )?annee(?: precedente| anterieure)?/g,
    'year',
  ],
];

/** Rank claims in a sentence, left to right. */
export function findRanks(text: string): RankMention[] {
  const folded = fold(text);
  const out: RankMention[] = [];
  for (const [re, over] of PATTERNS)
    for (const m of folded.matchAll(re)) {
      const start = m.index!,
        end = start + m[0].length;
      // "one of the deadliest attacks" ranks nothing.
      if (/\b(?:one|among|l'une?|parmi)\s+(?:of\s+|des\s+)?$/.test(folded.slice(Math.max(0, start - 12), start))) continue;
      if (out.some((r) => start < r.end && end > r.start)) continue;
      out.push({ start, end, text: text.slice(start, end), over });
    }
  return out.sort((a, b) => a.start - b.start);
}
