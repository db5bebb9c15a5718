/** /api/count and /api/events (JSON, CSV, GeoJSON): the spine's two questions, as the CLI asks them. */
import { z } from 'zod';
import { EVENT_LIST_FIELDS, type EventField } from '../../model/event.js';
import { count, GROUPS, parseGroups } from '../../query/count.js';
import { LISTABLE_FIELDS, listEvents, parseFields } from '../../query/events.js';
import { toGeoJson } from '../../query/geojson.js';
import { csvExportLine } from '../../sources/csv-text.js';
import type { Store } from '../../store/store.js';
import { ApiError } from '../errors.js';
import { FILTER_PARAMS, filterOf, listOf, oneOf, whole } from '../params.js';
import { json, text, type Api } from '../route.js';

/** Events per page unless `limit` says otherwise; `page` walks through the rest. */
export const DEFAULT_LIMIT = 500;
/** A page larger than this is better fetched in several (or with the CLI's --csv). */
export const MAX_LIMIT = 100_000;

const CountQuery = z.object({
  ...FILTER_PARAMS,
  by: listOf('by', Object.keys(GROUPS), 'group by these fields, separated by , or |', 'year,country'),
});

const EventsQuery = z.object({
  ...FILTER_PARAMS,
  fields: z
    .string()
    .meta({ description: `fields to list, separated by , or | (default ${EVENT_LIST_FIELDS.join(',')}); any of ${LISTABLE_FIELDS.join(', ')}`, example: 'id,event_date,location,fatalities' })
    .optional(),
  limit: whole('limit', `events per page (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT.toLocaleString('en-US')})`, 100, MAX_LIMIT, 1),
  page: whole('page', 'which page, from 1', 2, 1_000_000, 1),
  order: oneOf('order', ['date', 'deadliest'], 'date order (the default), or deadliest first'),
});
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
      const result = await count(store, filterOf(q), parseGroups(q.by ? q.by.split(/[,|]/) : []));
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
  const fields = q.fields ? parseFields(q.fields.replace(/\|/g, ',')) : EVENT_LIST_FIELDS;
  if (!fields.length) throw new ApiError(400, `fields "${q.fields}" names no field`, [`e.g. fields=id,event_date,fatalities; any of ${LISTABLE_FIELDS.join(', ')}`]);
  // A map needs the coordinates and the id whatever fields were asked for.
  const wanted: EventField[] = geo ? [...new Set<EventField>([...fields, 'latitude', 'longitude', 'id'])] : fields;
  const limit = q.limit !== undefined ? Number(q.limit) : DEFAULT_LIMIT;
  const number = q.page !== undefined ? Number(q.page) : 1;
  const list = await listEvents(store, filterOf(q), {
    fields: wanted,
    limit,
    offset: (number - 1) * limit,
    order: q.order === 'deadliest' ? 'fatalities' : 'date',
  });
  return { fields, list, limit, number };
}
