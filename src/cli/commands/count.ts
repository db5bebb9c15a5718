import { COUNT_PARAMS, count, type CountResult, type GroupField } from '../../query/count.js';
import { describeFilter } from '../../query/filter.js';
import { describeProvenance } from '../../query/provenance.js';
import { resolveDbPath, Store } from '../../store/store.js';
import type { Command } from '../command.js';
import { csv, json, table } from '../format.js';
import { DB_HELP, FILTER_HELP, FILTER_OPTIONS, filterFrom, helpLinesOf, optionsOf, parse, valuesOf } from '../options.js';

export const countCommand: Command = {
  help: `Usage: crisismap count [filters] [--by FIELD[,FIELD]] [--json|--csv]

Counts events and their fatalities. An event counts once, however many actors it has.
UCDP events add their low and high estimates beside the best one. Grouping by actor lists
an event under each actor involved: those rows overlap, and the total counts each event once.
Rules: docs/counting.md.

${FILTER_HELP}

Output:
${helpLinesOf(Object.values(COUNT_PARAMS))}
  --json                  {"rows":[…],"total":{…},"filters":{…},"datasets":[…],"notes":[…]}
  --csv                   the rows as CSV
${DB_HELP}

Examples:
  crisismap count --country Mali --by year
  crisismap count --actor Wagner --from 2021-12-01 --to 2022-12-31 --by admin1
  crisismap count --year 2022 --by country --json`,

  async run(args, io) {
    const { values } = parse(args, { ...FILTER_OPTIONS, ...optionsOf(Object.values(COUNT_PARAMS)), json: { type: 'boolean' }, csv: { type: 'boolean' } });
    const { by = [] } = valuesOf(Object.values(COUNT_PARAMS), values) as { by?: GroupField[] };
    const store = await Store.open(resolveDbPath(values.db as string | undefined), { readOnly: true });
    try {
      const result = await count(store, filterFrom(values), by);
      if (values.json) io.out(json(result));
      else if (values.csv) io.out(csv(columnsOf(result), result.rows));
      else io.out(describe(result));
    } finally {
      store.close();
    }
  },
};

function columnsOf(result: CountResult): string[] {
  const columns: string[] = [...result.by, ...(result.aggregate?.measures ?? ['events', 'fatalities'])];
  if (result.estimates) columns.push('estimated_events', 'estimated_best');
  if (result.total.fatalities_low !== undefined) columns.push('fatalities_low', 'fatalities_high');
  return columns;
}

/** In a table mixing datasets, the range columns are headed by the dataset they belong to: "ucdp low". */
function labelled(result: CountResult, rows: Array<Record<string, unknown>>): { columns: string[]; rows: Array<Record<string, unknown>> } {
  const columns = columnsOf(result);
  if (!result.estimates) return { columns, rows };
  const who = result.estimates.datasets.join('+');
  const names: Record<string, string> = { estimated_events: `${who} events`, estimated_best: `${who} best`, fatalities_low: `${who} low`, fatalities_high: `${who} high` };
  const rename = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [names[k] ?? k, v]));
  return { columns: columns.map((c) => names[c] ?? c), rows: rows.map(rename) };
}

function describe(result: CountResult): string {
  const overlap = result.by.includes('actor');
  const label = overlap ? 'total (distinct events)' : 'total';
  const footer = result.by.length ? [{ ...Object.fromEntries(result.by.map((b, i) => [b, i === 0 ? label : ''])), ...result.total }] : [];
  const rows: Array<Record<string, unknown>> = result.by.length ? result.rows : [{ ...result.total }];
  const shown = labelled(result, [...rows, ...footer]);
  let text = table(shown.columns, shown.rows.slice(0, rows.length), shown.rows.slice(rows.length));
  for (const note of result.notes) text += `Note: ${note}\n`;
  text += `Data: ${describeProvenance(result.datasets)}\nFilters: ${describeFilter(result.filters)}\n`;
  return text;
}
