/**
 * Meta routes, apart from the data routes as Datasette keeps /-/ apart: what the store holds
 * (/api/info) and what the API is (/api/openapi.json and its readable page, /api/docs).
 */
import { basename } from 'node:path';
import { z } from 'zod';
import { ANALYSES } from '../../analysis/registry.js';
import type { Param } from '../../model/param.js';
import { COUNT_PARAMS } from '../../query/count.js';
import { EVENTS_PARAMS } from '../../query/events.js';
import { filterModel, modelParam } from '../../query/filter-model.js';
import { CHART_PARAMS, MAP_PARAMS } from '../../render/index.js';
import { IMPORT_PARAMS } from '../../sources/params.js';
import { CHECK_PARAMS } from '../../check/params.js';
import { storeInfo } from '../../query/info.js';
import { docsPage, PAGE_CSP } from '../docs-page.js';
import { openApiDocument } from '../openapi.js';
import { json, parseQuery, type Api, type RouteSpec } from '../route.js';

const None = z.object({});

/** Each command's own options, beside the filters, by command (and route) name. */
export const COMMAND_OPTIONS: Record<string, Param[]> = {
  count: Object.values(COUNT_PARAMS),
  events: Object.values(EVENTS_PARAMS),
  chart: Object.values(CHART_PARAMS),
  map: Object.values(MAP_PARAMS),
  import: Object.values(IMPORT_PARAMS),
  check: Object.values(CHECK_PARAMS),
  ...Object.fromEntries(ANALYSES.map((a) => [a.name, a.params])),
};

export function metaRoutes(api: Api, routes: () => RouteSpec[]): void {
  api.get(
    {
      path: '/api/info',
      tag: 'meta',
      query: None,
      summary: 'What the store holds: datasets, versions, date ranges, counts, latest imports, last syncs',
      description: "As `crisismap info --json`. `store` is the file's name; its full path on the server only with the token (`Authorization: Bearer TOKEN`).",
      responses: { 'application/json': '{store, bytes, events, datasets, imports, sync}' },
    },
    async (_q, store, c) => {
      const info = await storeInfo(store);
      return json(api.trusted(c) ? info : { ...info, store: basename(info.store) });
    },
  );

  const model = JSON.stringify({ ...filterModel(), options: Object.fromEntries(Object.entries(COMMAND_OPTIONS).map(([name, params]) => [name, params.map(modelParam)])) });
  api.raw(
    {
      method: 'get',
      path: '/api/filters.json',
      tag: 'meta',
      query: None,
      summary: 'The filters, as declared once for the CLI, the API and the dashboard',
      description:
        "Every filter: its names (key, HTTP parameter, CLI flag, label), kind, bounds and default; how event_date_where reads event_date (ACLED's semantics: > and < are strict); and each command's own options, declared the same way (`http` null: the command line's only). The dashboard builds its filters from this.",
      responses: {
        'application/json':
          '{filters: [{key, http, flag, label, kind, help, maxValues, maxLength, default?, min?, max?, values?}], eventDate, options: {count: […], events: […], chart: […], map: […], trend: […], …}}',
      },
    },
    (c) => {
      parseQuery(c, None);
      return c.body(model, 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' });
    },
  );

  // Built on first request: by then every route, this one included, is registered.
  let document: string | undefined;
  let page: string | undefined;
  api.raw(
    {
      method: 'get',
      path: '/api/openapi.json',
      tag: 'meta',
      query: None,
      summary: 'This API, described in OpenAPI 3.1',
      responses: { 'application/json': 'the OpenAPI document' },
    },
    (c) => {
      parseQuery(c, None);
      document ??= JSON.stringify(openApiDocument(routes()), null, 2);
      return c.body(document, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    },
  );
  api.raw(
    {
      method: 'get',
      path: '/api/docs',
      tag: 'meta',
      query: None,
      summary: 'This API, as a readable page',
      responses: { 'text/html': 'every route with its parameters, examples and links to try' },
    },
    (c) => {
      parseQuery(c, None);
      page ??= docsPage(routes());
      return c.body(page, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_CSP });
    },
  );
}
