/** /api/count and /api/events (JSON, CSV, GeoJSON): the spine's two questions, as the CLI asks them. */
import { z } from 'zod';
import { EVENT_LIST_FIELDS, type EventField } from '../../model/event.js';
import { COUNT_PARAMS, count, type GroupField } from '../../query/count.js';
import { EVENTS_PARAMS, listEvents, PAGE } from '../../query/events.js';
import { toGeoJson } from '../../query/geojson.js';
import { csvExportLine } from '../../sources/csv-text.js';
import type { Store } from '../../store/store.js';
import { FILTER_PARAMS, filterOf, shapeOf, valuesOf } from '../params.js';
import { json, text, type Api } from '../route.js';

const CountQuery = z.object({ ...FILTER_PARAMS, ...shapeOf(Object.values(COUNT_PARAMS)) });

/** The event list's options over HTTP: a page at a time (`page`, not the command line's `offset`). */
const LIST_PARAMS = [EVENTS_PARAMS.fields, EVENTS_PARAMS.limit, EVENTS_PARAMS.page, EVENTS_PARAMS.order];
const EventsQuery = z.object({ ...FILTER_PARAMS, ...shapeOf(LIST_PARAMS) });
type EventsQuery = z.infer<typeof EventsQuery>;

export function eventRoutes(api: Api): void {
  api.get(
    {
      path: '/api/count',
      tag: 'events',
      query: CountQuery,
      summary: 'Count events and fatalities, grouped as you ask',
      description:
        'The same answer as `crisismap count --json`: an event counts once however many actors it has; grouping by actor lists an event under each actor involved (the rows overlap; the total counts each event once).',
      responses: { 'application/json': '{by, rows, total, filters, datasets, notes}' },
    },
    async (q, store) => {
      const { by = [] } = valuesOf(Object.values(COUNT_PARAMS), q) as { by?: GroupField[] };
      const result = await count(store, filterOf(q), by);
      return json(result);
    },
  );

  const variants = [
    ['', 'application/json', 'List the events behind any count', '{events, matched, filters, datasets, page, limit, pages}: `crisismap events --json`, one page of it'],
    ['.csv', 'text/csv', 'The events behind any count, as CSV', 'one row per event, the fields asked for; filters and datasets in the X-Crisismap-Filters and X-Crisismap-Datasets headers'],
    [
      '.geojson',
      'application/geo+json',
      'The events behind any count, as GeoJSON points',
      'a FeatureCollection; events without coordinates are left out and counted in its "crisismap" member, with filters and datasets',
    ],
  ] as const;
  for (const [suffix, type, summary, holds] of variants) {
    api.get(
      {
        path: `/api/events${suffix}`,
        tag: 'events',
        query: EventsQuery,
        summary,
        description: 'Lists the events that /api/count counts with the same filters, in date order (or deadliest first), one page at a time.',
        responses: { [type]: holds },
      },
      async (q, store) => {
        const page = await eventPage(store, q, suffix === '.geojson');
        const echo = { filters: page.list.filters, datasets: page.list.datasets };
        if (suffix === '.csv') return text(csvExportLine(page.fields) + page.list.events.map((e) => csvExportLine(page.fields.map((f) => e[f]))).join(''), 'text/csv', echo);
        const paging = { page: page.number, limit: page.limit, pages: Math.ceil(page.list.matched / page.limit) };
        if (suffix === '.geojson') {
          const collection = toGeoJson(page.list);
          return { ...json({ ...collection, crisismap: { ...collection.crisismap, ...paging } }, echo), type: 'application/geo+json; charset=utf-8' };
        }
        return json({ ...page.list, ...paging });
      },
    );
  }
}

async function eventPage(store: Store, q: EventsQuery, geo: boolean) {
  const given = valuesOf(LIST_PARAMS, q) as { fields?: EventField[]; limit?: number; page?: number; order?: 'date' | 'deadliest' };
  const fields = given.fields ?? EVENT_LIST_FIELDS;
  // A map needs the coordinates and the id whatever fields were asked for.
  const wanted: EventField[] = geo ? [...new Set<EventField>([...fields, 'latitude', 'longitude', 'id'])] : fields;
  const limit = given.limit ?? PAGE.http;
  const number = given.page ?? 1;
  const list = await listEvents(store, filterOf(q), {
    fields: wanted,
    limit,
    offset: (number - 1) * limit,
    order: given.order === 'deadliest' ? 'fatalities' : 'date',
  });
  return { fields, list, limit, number };
}
