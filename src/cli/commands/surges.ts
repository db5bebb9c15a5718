import { surgeArea, surges } from '../../analysis/surges.js';
import { CrisisError } from '../../model/errors.js';
import type { Command } from '../command.js';
import { table } from '../format.js';
import { DB_HELP, FILTER_HELP, FILTER_OPTIONS, filterFrom, parse } from '../options.js';
import { ANSWER_HELP, ANSWER_OPTIONS, maxIdsFlag, numberFlag, printAnswer, withStore } from './answer-output.js';

export const surgesCommand: Command = {
  help: `Usage: crisismap surges [filters] [--window 30] [--min 100] [--min-admin1 25] [--at DATE]

Countries and admin1 areas whose fatalities over the last --window days are higher than in
any window of the year before it began (and at least --min for a country, --min-admin1 for
an admin1 area), in the manner of HDX Signals; each with the figures that triggered it and
whether it is also the highest in three years. The window ends at --at, else --to, else the
last day of the data; --from and --year do not cut the history it is compared with.

${FILTER_HELP}

Analysis:
  --window N              days in the rolling window (default 30)
  --min N                 least fatalities in the window for a country (default 100)
  --min-admin1 N          least fatalities in the window for an admin1 area (default 25)
  --at YYYY-MM-DD         the window's last day

Output:
${ANSWER_HELP}
${DB_HELP}

Examples:
  crisismap surges
  crisismap surges --country Mali --at 2022-04-15 --json`,

  async run(args, io) {
    const { values } = parse(args, { ...FILTER_OPTIONS, ...ANSWER_OPTIONS, window: { type: 'string' }, min: { type: 'string' }, 'min-admin1': { type: 'string' }, at: { type: 'string' } });
    const at = values.at as string | undefined;
    if (at !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(at)) throw new CrisisError(`--at "${at}" is not a date`, ['write it as YYYY-MM-DD, e.g. --at 2022-04-15']);
    const maxIds = maxIdsFlag(values['max-ids']);
    await withStore(values.db, async (store) => {
      const answer = await surges(store, filterFrom(values), {
        window: numberFlag(values.window, 'window', 30), min: numberFlag(values.min, 'min', 100), minAdmin1: numberFlag(values['min-admin1'], 'min-admin1', 25),
        ...(at ? { at } : {}), ...(maxIds !== undefined ? { maxIds } : {}),
      });
      const rows = answer.figures.surges.map((s) => ({
        area: surgeArea(s), level: s.level, fatalities: s.fatalities, events: s.events,
        'high 1y': s.previous1y.fatalities, 'high 1y to': s.previous1y.windowEnd ?? '', 'high 3y': s.previous3y.fatalities, 'highest in': `${s.highestIn} year${s.highestIn === 1 ? '' : 's'}`,
      }));
      printAnswer(io, answer, values.json, rows.length ? table(['area', 'level', 'fatalities', 'events', 'high 1y', 'high 1y to', 'high 3y', 'highest in'], rows) : '');
    });
  },
};
