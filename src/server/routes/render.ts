/**
 * What src/render draws, over HTTP: charts and maps in every format the `chart` and `map`
 * commands write, and the boundaries shipped with crisismap as GeoJSON for the dashboard's
 * maps (read from node_modules and src/render/boundaries: no network).
 */
import { HTTP_NAMES } from '../wording.js';
import { z } from 'zod';
import { count } from '../../query/count.js';
import {
  boundaries,
  chart,
  chartOptions,
  chartOutput,
  CHART_FORMATS,
  CHART_KINDS,
  CHART_PARAMS,
  map,
  MAP_FORMATS,
  MAP_PARAMS,
  mapOutput,
  type ChartKind,
  type Format,
  type MapFigureOptions,
  type Shape,
} from '../../render/index.js';
import { PAGE_CSP } from '../docs-page.js';
import { ApiError } from '../errors.js';
import { alternatives, FILTER_PARAMS, filterOf, shapeOf, valuesOf } from '../params.js';
import { parseQuery, type Api, type Reply } from '../route.js';

const TYPES: Record<Format, string> = {
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  'vl.json': 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};
const HOLDS: Record<Format, string> = {
  svg: 'the figure, 600 px wide: title, filters, source and notes on it',
  png: 'the figure at 2× (1,200 px)',
  'vl.json': 'the Vega-Lite spec with its data inlined, to restyle',
  csv: 'the data behind the figure',
  geojson: 'the areas and places with their values, and the names that matched no boundary',
};
const ChartQuery = z.object({ ...FILTER_PARAMS, ...shapeOf(Object.values(CHART_PARAMS)) });
const MapQuery = z.object({ ...FILTER_PARAMS, ...shapeOf(Object.values(MAP_PARAMS)) });
const Admin1Query = z.object({
  country: z.string().meta({ description: 'only the areas of these countries (as the data names them, or ISO alpha-3 codes); alternatives separated by |', example: 'Mali|Niger' }).optional(),
});

/** A figure's bytes as a reply; SVG pages may run no script, whatever text the data holds. */
function figure(body: string | Buffer, format: Format, echo: Reply['echo']): Reply {
  return { body: Buffer.from(body), type: TYPES[format], ...(echo ? { echo } : {}), ...(format === 'svg' ? { headers: { 'Content-Security-Policy': PAGE_CSP } } : {}) };
}

/** "stacked-bar.vl.json" → its kind and format, or a 404 that lists them. */
function chartFile(file: string): { kind: ChartKind; format: Format } {
  for (const format of [...CHART_FORMATS].sort((a, b) => b.length - a.length)) {
    const kind = file.endsWith(`.${format}`) ? file.slice(0, -format.length - 1) : undefined;
    if (kind && CHART_KINDS.includes(kind as ChartKind)) return { kind: kind as ChartKind, format };
  }
  throw new ApiError(404, `no chart "${file}"`, [`kinds: ${CHART_KINDS.join(', ')}`, `formats: ${CHART_FORMATS.join(', ')}`, 'e.g. /api/chart/bar.svg?country=Mali&by=year']);
}

// The shapes never change while the server runs: the whole-world collections are written out once.
const written = new Map<string, string>();
function collection(key: string, shapes: () => Shape[]): string {
  let text = written.get(key);
  if (text === undefined) written.set(key, (text = JSON.stringify({ type: 'FeatureCollection', features: shapes() })));
  return text;
}

export function renderRoutes(api: Api): void {
  api.get(
    {
      path: '/api/chart/:file',
      doc: '/api/chart/{kind}.{format}',
      tag: 'charts and maps',
      query: ChartQuery,
      pathParams: [
        { name: 'kind', description: 'bar, stacked-bar, line, pie (counts), trend, victims, actor (analyses; actor needs actor=NAME)', values: CHART_KINDS },
        { name: 'format', description: 'svg, png, vl.json or csv', values: CHART_FORMATS },
      ],
      summary: 'A chart to publish (SVG, PNG) or restyle (Vega-Lite), or the data behind it (CSV)',
      description: 'As `crisismap chart KIND --out FILE.FORMAT`; see docs/charts.md. The filters and datasets are in the X-Crisismap-* headers.',
      responses: Object.fromEntries(CHART_FORMATS.map((f) => [TYPES[f].split(';')[0]!, `.${f}: ${HOLDS[f]}`])),
      errors: { 404: 'no such chart kind or format' },
      heavy: (path) => path.endsWith('.png'),
    },
    async (q, store, c) => {
      const { kind, format } = chartFile(c.req.param('file') ?? '');
      const filter = filterOf(q);
      const drawn = await chart(store, kind, filter, { names: HTTP_NAMES, ...chartOptions(valuesOf(Object.values(CHART_PARAMS), q)) });
      // The chart states its filters and source in words; the headers say them as data, as count() resolves them.
      const { filters, datasets } = await count(store, kind === 'actor' ? { ...filter, actorExact: undefined } : filter);
      return figure(await chartOutput(drawn, format), format, { filters, datasets });
    },
  );

  for (const format of MAP_FORMATS) {
    api.get(
      {
        path: `/api/map.${format}`,
        tag: 'charts and maps',
        query: MapQuery,
        summary: `A map of events or fatalities by country, admin1 area or place, as ${format === 'geojson' ? 'GeoJSON' : format.toUpperCase()}`,
        description: 'As `crisismap map --out FILE`; see docs/maps.md. Names that match no boundary are listed, and their events drawn as points.',
        responses: { [TYPES[format].split(';')[0]!]: HOLDS[format] },
        heavy: true,
      },
      async (q, store) => {
        const drawn = await map(store, filterOf(q), valuesOf(Object.values(MAP_PARAMS), q) as MapFigureOptions);
        return figure(await mapOutput(drawn, format), format, { filters: drawn.data.filters, datasets: drawn.data.datasets });
      },
    );
  }

  api.raw(
    {
      method: 'get',
      path: '/api/boundaries/countries.geojson',
      tag: 'charts and maps',
      query: z.object({}),
      summary: 'Country boundaries as GeoJSON',
      description: 'Natural Earth 1:50m countries (world-atlas), as shipped with crisismap. Each feature has properties {name, country: ISO numeric code} and a bbox.',
      responses: { 'application/geo+json': 'a FeatureCollection of (multi)polygons' },
    },
    (c) => {
      parseQuery(c, z.object({}));
      return c.body(
        collection('countries', () => boundaries().countries),
        200,
        { 'Content-Type': TYPES.geojson, 'Cache-Control': 'public, max-age=86400' },
      );
    },
  );

  api.raw(
    {
      method: 'get',
      path: '/api/boundaries/admin1.geojson',
      tag: 'charts and maps',
      query: Admin1Query,
      summary: 'First-level administrative boundaries as GeoJSON',
      description:
        'Natural Earth 1:10m admin1 areas, as shipped with crisismap. Each feature has properties {name, country: ISO alpha-3 code} and a bbox. The whole world is large: ask for the countries you map.',
      responses: { 'application/geo+json': 'a FeatureCollection of (multi)polygons' },
    },
    (c) => {
      const query = parseQuery(c, Admin1Query);
      const all = boundaries();
      const codes = alternatives(query.country).map((name) => {
        const code = /^[A-Z]{3}$/.test(name) ? name : all.countryCode(name);
        if (!code || !all.admin1.some((s) => s.properties.country === code)) {
          throw new ApiError(400, `no admin1 boundaries for country "${name}"`, ['give the country as the data names it (Mali) or its ISO alpha-3 code (MLI)']);
        }
        return code;
      });
      // A few countries are quick to write out; only the whole world is kept (one copy, however asked).
      const body = codes.length ? JSON.stringify({ type: 'FeatureCollection', features: all.admin1.filter((s) => codes.includes(s.properties.country)) }) : collection('admin1', () => all.admin1);
      return c.body(body, 200, { 'Content-Type': TYPES.geojson, 'Cache-Control': 'public, max-age=86400' });
    },
  );
}
