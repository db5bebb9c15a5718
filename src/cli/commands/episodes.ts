import { dateSpan, episodes, placeName } from '../../analysis/episodes.js';
import type { Command } from '../command.js';
import { table } from '../format.js';
import { DB_HELP, FILTER_HELP, FILTER_OPTIONS, filterFrom, parse } from '../options.js';
import { ANSWER_HELP, ANSWER_OPTIONS, maxIdsFlag, numberFlag, printAnswer, withStore } from './answer-output.js';

export const episodesCommand: Command = {
  help: `Usage: crisismap episodes [filters] [--days N] [--km N] [--limit N] [--json]

Groups events into episodes — at the same or nearby places (within --km), on days at most
--days apart — and ranks them by fatalities: each with its dates, place, actors, fatalities
and events. Events with fatalities form the episodes; events without fatalities at the same
places and dates are listed with them. Events without coordinates are left out, and counted.

${FILTER_HELP}

Analysis:
  --days N                join events at most N days apart (default 1: the same or next day)
  --km N                  join places at most N km apart (default 10)
  --limit N               episodes listed (default 10)

Output:
${ANSWER_HELP}
${DB_HELP}

Examples:
  crisismap episodes --country Mali --year 2022
  crisismap episodes --admin1 Mopti --days 3 --km 25 --json`,

  async run(args, io) {
    const { values } = parse(args, { ...FILTER_OPTIONS, ...ANSWER_OPTIONS, days: { type: 'string' }, km: { type: 'string' }, limit: { type: 'string' } });
    const maxIds = maxIdsFlag(values['max-ids']);
    await withStore(values.db, async (store) => {
      const answer = await episodes(store, filterFrom(values), {
        days: numberFlag(values.days, 'days', 1), km: numberFlag(values.km, 'km', 10, true), limit: numberFlag(values.limit, 'limit', 10),
        ...(maxIds !== undefined ? { maxIds } : {}),
      });
      const rows = answer.figures.episodes.map((e) => ({
        rank: e.rank, dates: dateSpan(e.first, e.last), place: placeName(e.place, e.places), fatalities: e.fatalities, events: e.eventCount,
        actors: e.actors.slice(0, 3).map((a) => a.actor).join('; '),
      }));
      const lists = answer.figures.episodes.slice(0, 3).map((e) => `#${e.rank} ${e.eventIds.slice(0, 12).join(', ')}${e.eventIds.length > 12 ? `, … (${e.eventCount} events; --json lists them all)` : ''}`);
      printAnswer(io, answer, values.json, rows.length ? `${table(['rank', 'dates', 'place', 'fatalities', 'events', 'actors'], rows, [], 48)}\n${lists.join('\n')}` : '');
    });
  },
};
