import { parsePeriodKind } from '../../analysis/periods.js';
import { trend, type Metric } from '../../analysis/trend.js';
import { CrisisError } from '../../model/errors.js';
import type { Command } from '../command.js';
import { csv, table } from '../format.js';
import { DB_HELP, FILTER_HELP, FILTER_OPTIONS, filterFrom, parse } from '../options.js';
import { ANSWER_HELP, ANSWER_OPTIONS, maxIdsFlag, printAnswer, withStore } from './answer-output.js';

export const trendCommand: Command = {
  help: `Usage: crisismap trend [filters] [--by year|quarter|month|week] [--metric events|fatalities] [--compare A,B]

The series per period (gaps shown as 0) and the change between two periods as difference,
ratio and percent: by default the last two complete periods. A period the data covers only
in part (the last month of an export, a year that starts mid-way) is flagged; compared with
--compare, it is set against the same days of the other period. Rules: docs/analysis.md.

${FILTER_HELP}

Analysis:
  --by PERIOD             year (default), quarter, month or week (ISO, from Monday)
  --metric WHAT           fatalities (default) or events
  --compare A,B           the two periods to compare, e.g. 2021,2022 or 2022-03,2022-04

Output:
${ANSWER_HELP}
  --csv                   the series as CSV
${DB_HELP}

Examples:
  crisismap trend --country Mali --compare 2021,2022
  crisismap trend --actor Wagner --by month --metric events
  crisismap trend --country "Burkina Faso" --by quarter --json`,

  async run(args, io) {
    const { values } = parse(args, { ...FILTER_OPTIONS, ...ANSWER_OPTIONS, by: { type: 'string' }, metric: { type: 'string' }, compare: { type: 'string' }, csv: { type: 'boolean' } });
    const by = parsePeriodKind(values.by as string | undefined);
    const metric = ((values.metric as string | undefined) ?? 'fatalities').toLowerCase();
    if (metric !== 'events' && metric !== 'fatalities') throw new CrisisError(`--metric "${values.metric}" is not events or fatalities`, ['use --metric events or --metric fatalities']);
    const compare = values.compare === undefined ? undefined : (values.compare as string).split(',').map((p) => p.trim());
    if (compare && compare.length !== 2) throw new CrisisError(`--compare "${values.compare}" needs two periods`, ['e.g. --compare 2021,2022']);
    const maxIds = maxIdsFlag(values['max-ids']);
    await withStore(values.db, async (store) => {
      const answer = await trend(store, filterFrom(values), { by, metric: metric as Metric, ...(compare ? { compare: compare as [string, string] } : {}), ...(maxIds !== undefined ? { maxIds } : {}) });
      const rows = answer.figures.series.map((p) => ({ [by]: p.period, events: p.events, fatalities: p.fatalities, coverage: p.partial ? (p.coveredDays ? `${p.coveredDays} of ${p.days} days` : 'none') : '' }));
      if (values.csv) return io.out(csv([by, 'events', 'fatalities', 'coverage'], rows));
      const c = answer.figures.change;
      const change = c ? `Change ${c.from} → ${c.to}: ${c.difference >= 0 ? '+' : ''}${c.difference.toLocaleString('en-US')}` +
        `${c.ratio !== null ? `, ratio ${c.ratio.toFixed(2)}, ${c.percent! >= 0 ? '+' : ''}${c.percent!.toFixed(1)}%` : ''}${c.basis === 'same-stretch' ? ' (same days of each)' : ''}\n` : '';
      printAnswer(io, answer, values.json, rows.length ? table([by, 'events', 'fatalities', 'coverage'], rows) + change : '');
    });
  },
};
