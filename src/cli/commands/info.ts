import { storeInfo } from '../../query/info.js';
import { resolveDbPath, Store } from '../../store/store.js';
import type { Command } from '../command.js';
import { json, table } from '../format.js';
import { DB_HELP, parse } from '../options.js';

export const infoCommand: Command = {
  help: `Usage: crisismap info [--json] [--db FILE]

Lists the datasets in the store with their versions, date ranges, events and fatalities,
and the latest imports.

  --json                  print it as JSON
${DB_HELP}

Example:
  crisismap info --db newsroom.duckdb`,

  async run(args, io) {
    const { values } = parse(args, { json: { type: 'boolean' } });
    const store = await Store.open(resolveDbPath(values.db as string | undefined), { readOnly: true });
    try {
      const info = await storeInfo(store);
      if (values.json) return io.out(json(info));
      let text = `Store: ${info.store}${info.bytes !== null ? ` (${(info.bytes / 1e6).toFixed(1)} MB)` : ''}\n`;
      text += `Events: ${info.events.toLocaleString('en-US')}\n\n`;
      text += table(['dataset', 'versions', 'events', 'fatalities', 'first_date', 'last_date', 'countries'], info.datasets);
      if (info.aggregates.length) {
        text += '\nAggregated data (counts with no events behind them; never added to events):\n';
        text += table(
          ['dataset', 'versions', 'scope', 'resolution', 'rows', 'first', 'last'],
          info.aggregates.map((a) => ({ ...a, versions: a.versions.join(', ') })),
        );
      }
      if (info.datasets.some((d) => d.synthetic)) text += '\nNote: SYNTHETIC demo data — invented events for trying crisismap out, not real reporting.\n';
      if (info.imports.length) {
        text += '\nLatest imports:\n';
        text += table(['imported_at', 'file', 'layout', 'added', 'updated', 'unchanged', 'rejected', 'deleted'], info.imports);
      }
      io.out(text);
    } finally {
      store.close();
    }
  },
};
