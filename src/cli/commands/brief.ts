import { writeFileSync } from 'node:fs';
import { loadAliases } from '../../analysis/aliases.js';
import { parseGroup } from '../../analysis/areas.js';
import { brief } from '../../analysis/brief.js';
import { briefHtml, briefMarkdown } from '../../analysis/report.js';
import { CrisisError } from '../../model/errors.js';
import { embedFigures, renderBriefFigures } from '../../render/index.js';
import type { Command } from '../command.js';
import { json } from '../format.js';
import { DB_HELP, FILTER_HELP, FILTER_OPTIONS, filterFrom, parse } from '../options.js';
import { ANSWER_OPTIONS, maxIdsFlag, withStore } from './answer-output.js';

export const briefCommand: Command = {
  help: `Usage: crisismap brief [filters] [--actor NAME] [--md|--html|--json] [--out FILE]

A situation report that chains the analyses: headline numbers and change (trend), who died
(victims), the involvement of an actor (actor), the deadliest episodes, spread, and current
surges. Every paragraph comes with the events behind it and a data note: dataset, version,
filters, caveats. A period of a year or less is shown by month and quarter, else by year.

${FILTER_HELP}
  (here --actor names the actor whose involvement gets a section; it does not filter the rest)

Analysis:
  --actor NAME            through the alias table (see crisismap actor --help)
  --successors, --aliases FILE   as for crisismap actor
  --group NAME=A,B        a named group of areas for the spread section (repeatable)

Output:
  --md                    Markdown (the default)
  --html                  a standalone HTML page, with the charts and a map inline
  --json                  every section's full answer
  --out FILE              write to FILE instead of the terminal (.html implies --html)
  --max-ids N|all         event ids per section in --json (default 1000)
${DB_HELP}

Examples:
  crisismap brief --country Mali --from 2021-01-01 --to 2022-12-31 --actor Wagner
  crisismap brief --country "Burkina Faso" --year 2023 --html --out burkina-2023.html`,

  async run(args, io) {
    const { values } = parse(args, {
      ...FILTER_OPTIONS, ...ANSWER_OPTIONS, md: { type: 'boolean' }, html: { type: 'boolean' }, out: { type: 'string' },
      successors: { type: 'boolean' }, aliases: { type: 'string' }, group: { type: 'string', multiple: true },
    });
    const actors = (values.actor as string[] | undefined) ?? [];
    if (actors.length > 1) throw new CrisisError('brief takes one --actor', [`give one of: ${actors.join(', ')}`]);
    const { actor: _actor, ...filter } = filterFrom(values);
    const out = values.out as string | undefined;
    const html = values.html || (!values.md && !values.json && /\.html?$/i.test(out ?? ''));
    const maxIds = maxIdsFlag(values['max-ids']);
    await withStore(values.db, async (store) => {
      const answer = await brief(store, filter, {
        ...(actors[0] ? { actor: actors[0] } : {}), aliases: loadAliases(values.aliases as string | undefined), successors: !!values.successors,
        groups: ((values.group as string[] | undefined) ?? []).map(parseGroup), ...(maxIds !== undefined ? { maxIds } : {}),
      });
      // The HTML brief carries its charts and a map inline: one self-contained file.
      const text = values.json ? json(answer) : html ? embedFigures(briefHtml(answer), await renderBriefFigures(store, answer)) : briefMarkdown(answer);
      if (!out) return io.out(text);
      writeFileSync(out, text);
      io.out(`wrote ${out}: ${answer.figures.sections.length} sections, ${answer.eventCount.toLocaleString('en-US')} events\n`);
    });
  },
};
