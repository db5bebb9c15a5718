import { parseGroup } from '../../analysis/areas.js';
import { parsePeriodKind } from '../../analysis/periods.js';
import { spread, type SpreadFigures } from '../../analysis/spread.js';
import type { Command } from '../command.js';
import { table } from '../format.js';
import { DB_HELP, FILTER_HELP, FILTER_OPTIONS, filterFrom, parse } from '../options.js';
import { ANSWER_HELP, ANSWER_OPTIONS, maxIdsFlag, printAnswer, withStore } from './answer-output.js';

export const spreadCommand: Command = {
  help: `Usage: crisismap spread [filters] [--by year|quarter] [--group NAME=AREA,AREA] [--json]

Per period: the countries and admin1/admin2 areas with events for the first time in the data
(the first period of the data is its baseline, not "new"); the fatality-weighted centre of
events and how far and which way it moved; and events and fatalities inside named groups of
countries or admin1 areas. Events without coordinates are counted but left out of centres.

${FILTER_HELP}

Analysis:
  --by PERIOD             year (default) or quarter
  --group NAME=A,B        a named group of countries or of admin1 areas (repeatable), e.g.
                          --group coastal=Benin,Togo,Ghana,"Côte d'Ivoire"

Output:
${ANSWER_HELP}
${DB_HELP}

Examples:
  crisismap spread --group coastal=Benin,Togo,Ghana,"Côte d'Ivoire"
  crisismap spread --country "Burkina Faso" --by quarter --json`,

  async run(args, io) {
    const { values } = parse(args, { ...FILTER_OPTIONS, ...ANSWER_OPTIONS, by: { type: 'string' }, group: { type: 'string', multiple: true } });
    const by = parsePeriodKind(values.by as string | undefined, ['year', 'quarter']) as 'year' | 'quarter';
    const groups = ((values.group as string[] | undefined) ?? []).map(parseGroup);
    const maxIds = maxIdsFlag(values['max-ids']);
    await withStore(values.db, async (store) => {
      const answer = await spread(store, filterFrom(values), { by, groups, ...(maxIds !== undefined ? { maxIds } : {}) });
      printAnswer(io, answer, values.json, body(answer.figures));
    });
  },
};

function body(f: SpreadFigures): string {
  const names = f.groups.map((g) => g.name);
  const rows = f.periods.map((p) => ({
    [f.by]: p.period, events: p.events, fatalities: p.fatalities,
    'new countries': p.newCountries.join(', '),
    'new admin1': p.newAdmin1.length, 'new admin2': p.newAdmin2.length,
    centre: p.centre ? `${p.centre.latitude.toFixed(2)}, ${p.centre.longitude.toFixed(2)}` : '',
    moved: p.moved ? `${Math.round(p.moved.km)} km ${p.moved.direction}` : '',
    ...Object.fromEntries(names.map((n) => [`${n} fatalities`, p.groups[n]!.fatalities])),
  }));
  if (!rows.length) return '';
  let text = table([f.by, 'events', 'fatalities', 'new countries', 'new admin1', 'new admin2', 'centre', 'moved', ...names.map((n) => `${n} fatalities`)], rows);
  const fresh = f.periods.filter((p) => p.newAdmin1.length).map((p) => `${p.period}: ${p.newAdmin1.map((a) => `${a.admin1} (${a.country})`).join(', ')}`);
  if (fresh.length) text += `\nNew admin1 areas:\n${fresh.map((l) => `  ${l}`).join('\n')}\n`;
  return text;
}
