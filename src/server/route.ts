/**
 * What a route is: its path, the zod schema of its query parameters, what it answers — one
 * declaration that app.ts registers (validating every request against the schema) and
 * openapi.ts describes. A handler gets the validated parameters and a store connection and
 * returns a Reply; app.ts adds caching, the filter headers and the error shape.
 */
import type { Context, Next } from 'hono';
import { z } from 'zod';
import type { DatasetVersion } from '../query/provenance.js';
import type { Filter } from '../query/filter.js';
import type { Store } from '../store/store.js';
import { invalidParameters, unknownParameters } from './errors.js';
import { wordDeep, wordText } from '../model/param.js';
import { HTTP_NAMES } from './wording.js';

export type Tag = 'events' | 'analyses' | 'charts and maps' | 'import' | 'meta';

export interface RouteSpec<Q extends z.ZodObject = z.ZodObject> {
  method: 'get' | 'post';
  /** Hono's path, e.g. '/api/events.csv' or '/api/chart/:file'. */
  path: string;
  /** The path as OpenAPI writes it, when it has parameters: '/api/chart/{kind}.{format}'. */
  doc?: string;
  tag: Tag;
  summary: string;
  description?: string;
  query: Q;
  pathParams?: Array<{ name: string; description: string; values: string[] }>;
  /** Content type of a successful answer → what it holds. */
  responses: Record<string, string>;
  /** Needs `Authorization: Bearer TOKEN`. */
  token?: boolean;
  /** Statuses beyond 200 and 400 that the route may answer, with why. */
  errors?: Record<number, string>;
  /**
   * The route's work is expensive whatever is asked (a document chaining analyses, a map, a PNG),
   * by path when only some of its forms are: it shares the heavy part of the readers (pool.ts).
   */
  heavy?: boolean | ((path: string) => boolean);
}

export interface Reply {
  /** UTF-8 for text: encoded once, when answered, and sent as is from the cache however often. */
  body: Uint8Array;
  type: string;
  status?: 200 | 201;
  /** What the answer covers, echoed in headers when the body cannot say it (CSV, SVG, PNG…). */
  echo?: { filters: Filter; datasets: DatasetVersion[] };
  headers?: Record<string, string>;
  /** The body with parameters left as tokens, when it names any: for a client that words them itself (wording.ts). */
  tokens?: Uint8Array;
}

export type Handler<Q extends z.ZodObject> = (query: z.infer<Q>, store: Store, c: Context) => Promise<Reply>;

/** What route modules register through; app.ts implements it. */
export interface Api {
  /** A read-only data route: validated, answered on a pooled connection, cached per store generation. */
  get<Q extends z.ZodObject>(spec: Omit<RouteSpec<Q>, 'method'>, handler: Handler<Q>): void;
  /** Does the request carry the server's token? (Token holders may see the store's full path.) */
  trusted(c: Context): boolean;
  /** Any other route, registered as is: middleware, then the handler, which validates with parseQuery. */
  // biome-ignore lint/suspicious/noConfusingVoidType: Hono's middleware returns void when it passes on to next()
  raw<Q extends z.ZodObject>(spec: RouteSpec<Q>, ...handlers: Array<(c: Context, next: Next) => Promise<Response | void> | Response>): void;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

// Parameters named in caveats, notes and hints are worded as the API names them (wording.ts);
// the tokens are kept beside, for the dashboard, which words them with its labels.
export function json(value: unknown, echo?: Reply['echo']): Reply {
  const tokens = JSON.stringify(value);
  const body = tokens.includes('⟦') ? JSON.stringify(wordDeep(value, HTTP_NAMES)) : tokens;
  return { body: Buffer.from(body), type: JSON_TYPE, ...(echo ? { echo } : {}), ...(body !== tokens ? { tokens: Buffer.from(tokens) } : {}) };
}

export function text(body: string, type: string, echo?: Reply['echo']): Reply {
  return { body: Buffer.from(wordText(body, HTTP_NAMES)), type: `${type}; charset=utf-8`, ...(echo ? { echo } : {}) };
}

const examplesOf = new WeakMap<z.ZodObject, Record<string, string | undefined>>();

/** The example of each parameter, as the schema's metadata gives it (for error hints). */
export function examples(schema: z.ZodObject): Record<string, string | undefined> {
  let found = examplesOf.get(schema);
  if (!found) {
    const properties = (z.toJSONSchema(schema, { io: 'input' }).properties ?? {}) as Record<string, { example?: string }>;
    found = Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, p.example]));
    examplesOf.set(schema, found);
  }
  return found;
}

/**
 * The request's query against the route's schema: an unknown parameter, or a value of the
 * wrong form, is a 400 that says what to write instead. Repeated parameters join with |.
 */
export function parseQuery<Q extends z.ZodObject>(c: Context, schema: Q): z.infer<Q> {
  const raw = c.req.queries() ?? {};
  const known = Object.keys(schema.shape);
  const unknown = Object.keys(raw).filter((k) => !known.includes(k));
  if (unknown.length) throw unknownParameters(unknown, known);
  const joined = Object.fromEntries(Object.entries(raw).map(([k, values]) => [k, values.join('|')]));
  const result = schema.safeParse(joined);
  if (!result.success) throw invalidParameters(result.error, examples(schema));
  return result.data;
}

/** The parameters in one order, for cache keys: the same question asked twice is one key. */
export function canonical(query: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(query)
      .sort()
      .filter((k) => query[k] !== undefined)
      .map((k) => [k, query[k]]),
  );
}

/** Header values must be ASCII: JSON with every other character escaped is still the same JSON. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
