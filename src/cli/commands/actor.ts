import { actorProfile, type ActorFigures } from '../../analysis/actor.js';
import { loadAliases } from '../../analysis/aliases.js';
import { percent } from '../../analysis/answer.js';
import { CrisisError } from '../../model/errors.js';
import type { Command } from '../command.js';
import { table } from '../format.js';
import { DB_HELP, FILTER_HELP, FILTER_OPTIONS, filterFrom, parse } from '../options.js';
import { ANSWER_HELP, ANSWER_OPTIONS, maxIdsFlag, numberFlag, printAnswer, withStore } from './answer-output.js';

export const actorCommand: Command = {
  help: `Usage: crisismap actor NAME [filters] [--successors] [--aliases FILE] [--json]

Events and fatalities in incidents involving the actor (as actor1, actor2 or an associated
actor) by year, month and admin1; its partners (the other actors on its side) and opponents
(the other side); interaction types; the share that targets civilians; its deadliest events.
ACLED does not attribute deaths: these are people killed in incidents involving the actor.

NAME goes through the alias table ("Wagner" → "Wagner Group"; see docs/analysis.md), which
a JSON file extends: --aliases FILE or $CRISISMAP_ALIASES. A name not in the table matches
as --actor does: a part of the stored name, any case.

${FILTER_HELP}
  (--actor is not taken here: NAME is the actor)

Analysis:
  --successors            also the names the actor took later (Wagner Group → Africa Corps)
  --aliases FILE          your alias table, JSON: {"fama": ["Military Forces of Mali"]}
  --top N                 deadliest events, partners and opponents listed (default 10)

Output:
${ANSWER_HELP}
${DB_HELP}

Examples:
  crisismap actor Wagner --country Mali --to 2022-12-31
  crisismap actor Wagner --successors --json
  crisismap actor "Katiba Macina" --year 2022`,

  async run(args, io) {
    const { values, positionals } = parse(args, { ...FILTER_OPTIONS, ...ANSWER_OPTIONS, successors: { type: 'boolean' }, aliases: { type: 'string' }, top: { type: 'string' } }, true);
    const name = positionals.join(' ').trim();
    if (!name) throw new CrisisError('which actor? give its name', ['e.g. crisismap actor Wagner --country Mali']);
    const maxIds = maxIdsFlag(values['max-ids']);
    const aliases = loadAliases(values.aliases as string | undefined);
    await withStore(values.db, async (store) => {
      const answer = await actorProfile(store, name, filterFrom(values), {
        aliases, successors: !!values.successors, top: numberFlag(values.top, 'top', 10), ...(maxIds !== undefined ? { maxIds } : {}),
      });
      printAnswer(io, answer, values.json, answer.eventCount ? body(answer.figures) : '');
    });
  },
};

function body(f: ActorFigures): string {
  const parties = (list: ActorFigures['partners']) => list.map((p) => ({ actor: p.actor, events: p.events, fatalities: p.fatalities }));
  const c = f.civilianTargeting;
  return [
    table(['year', 'events', 'fatalities'], f.byYear, [{ year: 'total', ...f.total }]),
    table(['country', 'admin1', 'events', 'fatalities'], f.byAdmin1.slice(0, 10)),
    `Partners (same side):\n${table(['actor', 'events', 'fatalities'], parties(f.partners))}`,
    `Opponents (other side):\n${table(['actor', 'events', 'fatalities'], parties(f.opponents))}`,
    table(['interaction', 'label', 'events', 'fatalities'], f.interactions),
    `Targeting civilians: ${c.events.toLocaleString('en-US')} events (${percent(c.events, f.total.events)}), ${c.fatalities.toLocaleString('en-US')} fatalities (${percent(c.fatalities, f.total.fatalities)})\n`,
    `Deadliest events:\n${table(['id', 'event_date', 'admin1', 'location', 'sub_event_type', 'fatalities'], f.deadliest, [], 32)}`,
  ].join('\n');
}
