import { percent } from '../../analysis/answer.js';
import { victims, type VictimsFigures } from '../../analysis/victims.js';
import type { Command } from '../command.js';
import { table } from '../format.js';
import { DB_HELP, FILTER_HELP, FILTER_OPTIONS, filterFrom, parse } from '../options.js';
import { ANSWER_HELP, ANSWER_OPTIONS, maxIdsFlag, printAnswer, withStore } from './answer-output.js';

export const victimsCommand: Command = {
  help: `Usage: crisismap victims [filters] [--json]

UCDP attributes deaths: side A, side B, civilians and unknown, with the sides named.
ACLED does not: its fatalities are split by the kind of event they happened in — events
that target civilians (the civilian_targeting column, or the Violence against civilians
type where that column is absent), battles and remote violence by the actor types of the
parties, and the rest — and the answer says so. Rules: docs/counting.md ("Who died").

${FILTER_HELP}

Output:
${ANSWER_HELP}
${DB_HELP}

Examples:
  crisismap victims --country Mali --year 2022
  crisismap victims --dataset ucdp --json`,

  async run(args, io) {
    const { values } = parse(args, { ...FILTER_OPTIONS, ...ANSWER_OPTIONS });
    const maxIds = maxIdsFlag(values['max-ids']);
    await withStore(values.db, async (store) => {
      const answer = await victims(store, filterFrom(values), maxIds !== undefined ? { maxIds } : {});
      printAnswer(io, answer, values.json, body(answer.figures));
    });
  },
};

function body(f: VictimsFigures): string {
  let text = '';
  const u = f.unattributed;
  if (u) {
    const row = (part: string, p: { events: number; fatalities: number }) => ({ part, events: p.events, fatalities: p.fatalities, share: percent(p.fatalities, u.fatalities) });
    text += table(['part', 'events', 'fatalities', 'share'], [
      row('events targeting civilians', u.civilianTargeting),
      row('battles', u.battles), ...u.battles.byParties.map((p) => row(`- ${p.parties}`, p)),
      row('explosions/remote violence', u.remoteViolence), ...u.remoteViolence.byParties.map((p) => row(`- ${p.parties}`, p)),
      row('other events', u.other),
    ], [row('total (events without attributed deaths)', u)]);
  }
  const a = f.attributed;
  if (a) {
    const row = (part: string, deaths: number) => ({ part, deaths, share: percent(deaths, a.best) });
    text += `${text ? '\n' : ''}${table(['part', 'deaths', 'share'], [
      row('civilians', a.civilians), row('side A', a.sideA), ...a.sideAActors.slice(0, 5).map((s) => row(`- ${s.actor}`, s.deaths)),
      row('side B', a.sideB), ...a.sideBActors.slice(0, 5).map((s) => row(`- ${s.actor}`, s.deaths)), row('unknown', a.unknown),
    ], [row('total (UCDP best estimate)', a.best)])}`;
  }
  return text;
}
