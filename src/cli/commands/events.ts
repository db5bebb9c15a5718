import { EVENT_LIST_FIELDS, type EventField } from '../../model/event.js';
import { EVENTS_PARAMS, listEvents, PAGE } from '../../query/events.js';
import { describeFilter } from '../../query/filter.js';
import { describeProvenance } from '../../query/provenance.js';
import { toGeoJson } from '../../query/geojson.js';
import { resolveDbPath, Store } from '../../store/store.js';
import type { Command } from '../command.js';
import { csv, json, table } from '../format.js';
import { DB_HELP, FILTER_HELP, FILTER_OPTIONS, filterFrom, helpLinesOf, optionsOf, parse, valuesOf } from '../options.js';

// A terminal shows a page; files and pipes get everything unless --limit says otherwise.
const PARAMS = [EVENTS_PARAMS.limit, EVENTS_PARAMS.offset, EVENTS_PARAMS.order, EVENTS_PARAMS.fields];

export const eventsCommand: Command = {
  help: `Usage: crisismap events [filters] [--limit N] [--csv|--json|--geojson]

Lists the events that a count with the same filters counts, in date order.

${FILTER_HELP}

Output:
${helpLinesOf(PARAMS)}
  --csv | --json | --geojson
                          GeoJSON leaves out events without coordinates and says how many
${DB_HELP}

Examples:
  crisismap events --actor Wagner --country Mali --year 2022 --deadliest --limit 10
  crisismap events --admin1 Mopti --from 2022-03-23 --to 2022-03-31 --geojson > moura.geojson`,

  async run(args, io) {
    const { values } = parse(args, {
      ...FILTER_OPTIONS,
      ...optionsOf(PARAMS),
      csv: { type: 'boolean' },
      json: { type: 'boolean' },
      geojson: { type: 'boolean' },
    });
    const given = valuesOf(PARAMS, values) as { limit?: number; offset?: number; order?: 'date' | 'deadliest'; fields?: EventField[] };
    const machine = values.csv || values.json || values.geojson;
    const limit = given.limit ?? (machine ? undefined : PAGE.terminal);
    const fields = given.fields ?? EVENT_LIST_FIELDS;
    const store = await Store.open(resolveDbPath(values.db as string | undefined), { readOnly: true });
    try {
      const geo = values.geojson ? [...new Set([...fields, 'latitude', 'longitude', 'id'] as const)] : fields;
      const list = await listEvents(store, filterFrom(values), {
        fields: geo as typeof fields,
        ...(limit !== undefined ? { limit } : {}),
        ...(given.offset ? { offset: given.offset } : {}),
        order: given.order === 'deadliest' ? 'fatalities' : 'date',
      });
      if (values.geojson) {
        const collection = toGeoJson(list);
        io.out(JSON.stringify(collection) + '\n');
        if (collection.crisismap.withoutCoordinates) io.err(`note: ${collection.crisismap.withoutCoordinates} events without coordinates were left out\n`);
      } else if (values.json) io.out(json(list));
      else if (values.csv) io.out(csv(fields, list.events));
      else {
        let text = given.fields
          ? table(
              fields.filter((f) => f !== 'notes' && f !== 'latitude' && f !== 'longitude'),
              list.events,
              [],
              28,
            )
          : table(TERMINAL_COLUMNS, list.events.map(terminalRow));
        if (list.matched > list.events.length) text += `… ${list.events.length} of ${list.matched.toLocaleString('en-US')} events shown; use --limit, --offset or --csv for more\n`;
        text += `Data: ${describeProvenance(list.datasets)}\nFilters: ${describeFilter(list.filters)}\n`;
        io.out(text);
      }
    } finally {
      store.close();
    }
  },
};

// The default fields, folded into columns that fit a terminal: the place in one, each side with its associates.
const TERMINAL_COLUMNS = ['id', 'event_date', 'place', 'sub_event_type', 'side 1', 'side 2', 'fatalities'];

function terminalRow(event: Record<string, unknown>): Record<string, unknown> {
  const join = (...parts: unknown[]) => parts.filter((p) => p !== null && p !== undefined && p !== '').join(', ');
  const side = (actor: unknown, associates: unknown) => {
    const others = (Array.isArray(associates) ? associates : [associates]).filter(Boolean);
    return others.length ? `${actor ?? ''} with ${others.join('; ')}` : actor;
  };
  return {
    ...event,
    place: join(event.location, event.admin1, event.country),
    'side 1': side(event.actor1, event.assoc_actor_1),
    'side 2': side(event.actor2, event.assoc_actor_2),
  };
}
