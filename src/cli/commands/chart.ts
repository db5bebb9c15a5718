import { CLI_NAMES } from '../wording.js';
import { CrisisError } from '../../model/errors.js';
import { chart, CHART_KINDS, CHART_PARAMS, chartOptions, parseKind, writeChart } from '../../render/index.js';
import type { Command } from '../command.js';
import { DB_HELP, FILTER_HELP, FILTER_OPTIONS, filterFrom, helpLinesOf, optionsOf, parse, valuesOf } from '../options.js';
import { withStore } from './with-store.js';

const PARAMS = Object.values(CHART_PARAMS);

export const chartCommand: Command = {
  help: `Usage: crisismap chart KIND [filters] [--by FIELD[,FIELD]] [--metric events|fatalities] --out FILE

Draws counts and analyses as figures a newsroom can publish: a title that states the
finding, the filters under it, the source (dataset and version) and notes at the foot,
colour-blind-safe colours, 600 px wide, in the bundled DejaVu Sans. Synthetic demo data
says so on the figure. See docs/charts.md.

Kinds:
  bar                     one bar per group (--by, default year): periods upright, others flat
  stacked-bar             --by A,B: bars of A split by B (default year,event_type)
  line                    a time series: --by PERIOD[,GROUP] (default month)
  pie                     a donut of shares: --by GROUP (default event_type)
  trend                   the trend analysis: bars by period (--by year|quarter|month|week),
                          the compared periods in orange with the change written on them
  victims                 who died, as each source allows (ACLED and UCDP never added up)
  actor                   an actor by year and by admin1: --actor NAME (through the alias table)

${FILTER_HELP}

Chart:
${helpLinesOf(PARAMS)}

Output:
  --out FILE              the format follows the extension: .svg, .png (2× scale),
                          .vl.json (Vega-Lite spec, data inlined), .csv (the data behind it)
${DB_HELP}

Examples:
  crisismap chart bar --country Mali --by year --out mali-by-year.png
  crisismap chart stacked-bar --year 2022 --by country,event_type --out 2022.svg
  crisismap chart trend --country Mali --compare 2021,2022 --out trend.vl.json
  crisismap chart actor --actor Wagner --country Mali --out wagner.png`,

  async run(args, io) {
    const { values, positionals } = parse(
      args,
      {
        ...FILTER_OPTIONS,
        ...optionsOf(PARAMS),
        out: { type: 'string' },
      },
      true,
    );
    const kind = parseKind(positionals[0]);
    if (positionals.length > 1) throw new CrisisError(`chart takes one KIND, not "${positionals.join(' ')}"`, [`kinds: ${CHART_KINDS.join(', ')}; quote names with spaces in flags`]);
    const filter = filterFrom(values);
    const options = chartOptions(valuesOf(PARAMS, values));
    const out = values.out as string | undefined;
    if (!out) throw new CrisisError('where to? give --out FILE', ['e.g. --out chart.png (or .svg, .vl.json, .csv)']);
    await withStore(values.db, async (store) => {
      const drawn = await chart(store, kind, filter, { names: CLI_NAMES, ...options });
      const format = await writeChart(drawn, out);
      io.out(`wrote ${out} (${format}): ${drawn.text.title}\n`);
      for (const note of drawn.text.notes) io.err(`Note: ${note}\n`);
    });
  },
};
