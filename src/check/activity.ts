/**
 * Statements about violence without a number, which the events can still answer:
 *   - denials of activity: "Wagner is not taking part in the fighting", "only in an advisory
 *     capacity", "has not operated in Mali for a year" (judged against the events in which
 *     the actor fights or attacks civilians, in that place and period);
 *   - spread: "attacks … have spread to neighbouring Burkina Faso and Niger";
 *   - who died: "civilians died in greater numbers than militants".
 */
import { fold } from './text.js';
import type { ActorMention } from './actors.js';
import type { ActivityFinding } from './claims.js';
import { numberWord, type Lang, type NumberMention } from './numbers.js';
import type { Period, PeriodMention, Published } from './periods.js';
import type { PlaceMention } from './places.js';
import type { Sentence } from './sentences.js';
import type { Source } from './sources.js';

export interface ActivityInput {
  places: PlaceMention[];
  actors: ActorMention[];
  periods: PeriodMention[];
  ref: Published;
  ctx: { actors: ActorMention[]; period?: Period };
  source?: Source;
  lang: Lang;
}

const DENIALS = [
  /\b(?:(?:were|was|is|are|been)\s+)?(?:not|never|no longer)\s+(?:\w+\s+){0,2}?(?:taking part|take part|took part|involved|participating|participate|fighting|engaged|operating|deployed in combat)\b(?:\s+in\s+(?:the\s+)?(?:fighting|combat|hostilities|operations))?/g,
  /\bonly (?:in an? )?(?:advisory|training|support) (?:capacity|role)\b|\bonly as (?:advisers|advisors|instructors|trainers)\b/g,
  /\bne\s+(?:participent|participe|prennent|prend|combattent|combat)\s+pas\b(?:\s+(?:aux|au|a la|part aux)\s+(?:combats?|operations))?|\b(?:uniquement|seulement) (?:en tant que|comme|un role de) (?:conseillers|instructeurs|formateurs)\b/g,
];
const ABSENCE =
  /\b(?:been|depuis)\s+(more than\s+|over\s+|plus d'?\s*)?(a|one|two|three|six|\d+|un|une|deux)\s+(years?|months?|ans?|annees?|mois)\s+since\b[^.;]*?\b(operated|fought|were active|was active|been active|deployed|carried out)\b|\bnot\s+(?:operated|been active|fought|carried out (?:any )?operations)\b[^.;]*?\bfor\s+(more than\s+|over\s+)?(a|one|two|\d+)\s+(years?|months?)\b/g;
const SPREAD = /\b(?:spread|spreading|expanded|extended|spilled over|moved|shifted)\s+(?:\w+\s+){0,2}?(?:in)?to\b|\bs'(?:est|sont)\s+(?:etendue?s?|propagee?s?|deplacee?s?)\s+(?:a|au|aux|vers|jusqu)/g;
const VICTIMS =
  /\bcivilians?\s+(?:died|were killed|dying|being killed)\s+in\s+(?:greater|larger|higher)\s+numbers\s+than\s+(?:militants|fighters|combatants|jihadists|insurgents)\b|\bmore civilians than (?:militants|fighters|combatants|jihadists)\b|\bplus de civils que de (?:combattants|jihadistes|djihadistes|militants)\b/g;

export function findActivity(s: Sentence, input: ActivityInput): ActivityFinding[] {
  const t = fold(s.text);
  const out: ActivityFinding[] = [];
  const mention = (start: number, end: number): NumberMention => ({ start, end, text: s.text.slice(start, end), kind: 'count', value: null, digits: false });
  const main = input.periods.filter((p) => p.role === 'main' && p.from);
  const sentencePeriod = main.length ? { from: main[0]!.from, to: main[0]!.to, text: main[0]!.text } : undefined;
  const yearBefore = (): Period => ({ from: `${Number(input.ref.day.slice(0, 4)) - 1}${input.ref.day.slice(4)}`, to: input.ref.day, text: 'the year before publication' });
  const actors = input.actors.length ? input.actors : input.ctx.actors;
  const armed = actors.filter((a) => !a.anaphor || input.actors.length);
  if (armed.length) {
    for (const re of DENIALS)
      for (const m of t.matchAll(re)) {
        out.push({
          number: mention(m.index!, m.index! + m[0].length),
          reading: { number: mention(m.index!, m.index! + m[0].length), unit: 'events', metric: 'total', noun: '' },
          period: sentencePeriod ?? yearBefore(),
          actors: armed,
          kind: 'activity',
          statement: s.text.slice(m.index!, m.index! + m[0].length),
          negated: true,
        });
      }
    for (const m of t.matchAll(ABSENCE)) {
      const n = numberWord(m[2] ?? m[6] ?? '');
      const months = /month|mois/.test(m[3] ?? m[7] ?? '') ? n : 12 * n;
      const [y, mo] = [Number(input.ref.day.slice(0, 4)), Number(input.ref.day.slice(5, 7))];
      const k = y * 12 + mo - 1 - months;
      const from = `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}${input.ref.day.slice(7)}`;
      out.push({
        number: mention(m.index!, m.index! + m[0].length),
        reading: { number: mention(m.index!, m.index! + m[0].length), unit: 'events', metric: 'total', noun: '' },
        period: { from, to: input.ref.day, text: s.text.slice(m.index!, m.index! + m[0].length) },
        actors: armed,
        kind: 'activity',
        statement: s.text.slice(m.index!, m.index! + m[0].length),
        negated: true,
      });
    }
  }
  for (const m of t.matchAll(SPREAD)) {
    // The places the violence spread to: those of this clause, up to ", while", "; " or the end.
    const from = m.index! + m[0].length;
    const stop = /[;.]|,\s*(?:while|but|and|as|whereas|alors que|tandis que|mais)\b/.exec(t.slice(from));
    const until = stop ? from + stop.index : t.length;
    const after = input.places.filter((p) => p.start >= from && p.end <= until && !p.reference && p.level !== 'demonym');
    if (!after.length) continue;
    const since = Number(input.ref.day.slice(0, 4)) - 10;
    const end = after[after.length - 1]!.end;
    out.push({
      number: mention(m.index!, end),
      reading: { number: mention(m.index!, end), unit: 'events', metric: 'total', noun: '' },
      places: after,
      period: sentencePeriod ?? { from: `${since}-01-01`, to: input.ref.day, text: 'the ten years before publication' },
      actors: input.actors,
      kind: 'spread',
      statement: s.text.slice(m.index!, end),
      negated: false,
    });
  }
  for (const m of t.matchAll(VICTIMS)) {
    out.push({
      number: mention(m.index!, m.index! + m[0].length),
      reading: { number: mention(m.index!, m.index! + m[0].length), unit: 'civilian_deaths', metric: 'total', noun: '' },
      period: sentencePeriod ?? input.ctx.period ?? yearBefore(),
      actors,
      kind: 'victims',
      statement: s.text.slice(m.index!, m.index! + m[0].length),
      negated: false,
    });
  }
  return out;
}
