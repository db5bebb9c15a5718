/**
 * The HTTP application: the JSON API and the dashboard, as one Hono app.
 *   1. a request's query is checked against its route's zod schema        route.ts, params.ts
 *   2. the answer comes from the cache, or from the library on a pooled
 *      connection (count, listEvents, the analyses, the renderers)        cache.ts, pool.ts, routes/
 *   3. it goes out with its content type and, where the body cannot say
 *      it, the filters and datasets it covers in X-Crisismap-* headers
 *   4. anything thrown becomes the one error shape                         errors.ts
 * createApp() needs no listening socket: serve.ts gives it one.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import type { Store } from '../store/store.js';
import { closest } from '../query/similar.js';
import { ResponseCache } from './cache.js';
import { PAGE_CSP } from './docs-page.js';
import { ApiError, errorResponse, notAllowed } from './errors.js';
import { isHeavy, MAX_URL_LENGTH } from './limits.js';
import type { ReaderPool } from './pool.js';
import { holdsToken } from './token.js';
import { asciiJson, canonical, parseQuery, type Api, type Reply, type RouteSpec } from './route.js';
import { WORDING_HEADER, wantsTokens } from './wording.js';
import { analysisRoutes } from './routes/analysis.js';
import { checkRoutes } from './routes/check.js';
import { eventRoutes } from './routes/events.js';
import { importRoutes } from './routes/import.js';
import { metaRoutes } from './routes/meta.js';
import { renderRoutes } from './routes/render.js';
import { staticRoutes } from './routes/static.js';

/** Upload size limit unless --max-upload says otherwise: a few years of ACLED for a region. */
export const DEFAULT_MAX_UPLOAD_MB = 200;
/**
 * Heap of the worker thread that reads an upload unless --import-memory says otherwise: a
 * workbook streams (only its shared strings and a row number per row are held); a JSON page is
 * read whole, two to three times its size.
 */
export const DEFAULT_IMPORT_MEMORY_MB = 512;
/**
 * What an uploaded zip or workbook may unpack to unless --max-unpacked says, as a multiple of
 * --import-memory: a server that gives an upload little memory wants small uploads; the
 * unpacked files go to disk and through DuckDB, and only a workbook's shared strings are held.
 */
export const UNPACKED_PER_IMPORT_MEMORY = 2;

export interface AppOptions {
  /** The store, opened by serve.ts; its own connection is the one that writes (imports). */
  store: Store;
  /** Connections to the same store for answering reads side by side. */
  readers: ReaderPool;
  /** Default: 128 MB; `new ResponseCache(0)` turns caching off. */
  cache?: ResponseCache;
  /** Writing (POST /api/import) is disabled without one. */
  token?: string;
  maxUploadMb?: number;
  /** The most memory (MB of heap) the thread that reads an upload may use. */
  importMemoryMb?: number;
  /** The most an uploaded zip or workbook may unpack to, in MB (default: UNPACKED_PER_IMPORT_MEMORY × importMemoryMb). */
  maxUnpackedMb?: number;
  /** The dashboard's folder (default src/web/public). */
  publicDir?: string;
  /**
   * Answer only requests addressed to a loopback name (localhost, 127.0.0.1, [::1]): set when
   * the server listens on loopback, so that a web page whose name resolves to this machine
   * (DNS rebinding) cannot read it through the visitor's browser.
   */
  loopbackOnly?: boolean;
}

/** Methods a route answers, for Allow headers: HEAD goes with GET. */
const allowOf = (method: string) => (method.toUpperCase() === 'GET' ? 'GET, HEAD' : method.toUpperCase());

/** Host header names that are this machine; anything else on a loopback server is a rebinding. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .replace(/:\d+$/, '')
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** Who asks, for the per-client share of the readers: the remote address. */
function clientOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? '';
  } catch {
    return ''; // app.request() in a test: no socket
  }
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const routes: RouteSpec[] = [];
  const cache = options.cache ?? new ResponseCache();

  // Set before the answer is made: a header added to a finished answer makes Hono copy its body.
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    if (options.loopbackOnly) {
      const host = c.req.header('host');
      if (host !== undefined && !isLoopbackHost(host)) {
        throw new ApiError(403, `this server answers only requests addressed to this machine, not to "${host}"`, [
          'open it as http://127.0.0.1:PORT/ or http://localhost:PORT/',
          'to serve other machines, start it with --host 0.0.0.0',
        ]);
      }
    }
    // Node's own limit (16 KB of headers) answers longer ones, in the same shape (serve.ts).
    const target = c.req.url.length - new URL(c.req.url).origin.length;
    if (target > MAX_URL_LENGTH) {
      throw new ApiError(414, `the URL is ${target.toLocaleString('en-US')} characters long: at most ${MAX_URL_LENGTH.toLocaleString('en-US')} are answered`, [
        'ask for fewer values at a time, and combine the answers',
      ]);
    }
    await next();
  });
  app.onError((error, c) => errorResponse(c, error));
  app.notFound((c) => errorResponse(c, notFound(c, routes)));

  const api: Api = {
    get(spec, handler) {
      routes.push({ ...spec, method: 'get' } as RouteSpec);
      app.get(spec.path, async (c) => {
        const query = parseQuery(c, spec.query);
        // Token holders may get more (full paths): their answers are kept apart.
        const key = `${c.req.path}?${canonical(query)}${api.trusted(c) ? '#token' : ''}`;
        const heavy = isHeavy(c.req.queries() ?? {}) || (typeof spec.heavy === 'function' ? spec.heavy(c.req.path) : !!spec.heavy);
        const work = () => options.readers.use((store) => handler(query, store, c), { client: clientOf(c), heavy });
        const { reply, hit } = await cache.get(key, options.store.generation, work);
        return respond(c, reply, hit);
      });
      app.all(spec.path, (c) => {
        throw notAllowed(c.req.method, c.req.path, allowOf('get'));
      });
    },
    trusted: (c) => holdsToken(c, options.token),
    raw(spec, ...handlers) {
      routes.push(spec as RouteSpec);
      app.on(spec.method.toUpperCase(), spec.path, ...(handlers as [never]));
      app.all(spec.path, (c) => {
        throw notAllowed(c.req.method, c.req.path, allowOf(spec.method));
      });
    },
  };

  eventRoutes(api);
  analysisRoutes(api);
  renderRoutes(api);
  checkRoutes(api, options.readers);
  importRoutes(api, {
    store: options.store,
    ...(options.token ? { token: options.token } : {}),
    maxUploadBytes: (options.maxUploadMb ?? DEFAULT_MAX_UPLOAD_MB) * 2 ** 20,
    importMemoryMb: options.importMemoryMb ?? DEFAULT_IMPORT_MEMORY_MB,
    maxUnpackedMb: options.maxUnpackedMb ?? UNPACKED_PER_IMPORT_MEMORY * (options.importMemoryMb ?? DEFAULT_IMPORT_MEMORY_MB),
    reserve: (c, work) => options.readers.reserve(work, clientOf(c)),
  });
  metaRoutes(api, () => routes);
  staticRoutes(app, options.publicDir);
  return app;
}

function respond(c: Context, reply: Reply, hit: boolean): Response {
  const headers: Record<string, string> = { 'Content-Type': reply.type, 'X-Cache': hit ? 'hit' : 'miss', ...reply.headers };
  // Answers that name parameters differ by who words them: caches must keep both.
  if (reply.tokens) headers.Vary = WORDING_HEADER;
  const body = reply.tokens && wantsTokens(c.req.header(WORDING_HEADER)) ? reply.tokens : reply.body;
  if (reply.echo) {
    headers['X-Crisismap-Filters'] = asciiJson(reply.echo.filters);
    headers['X-Crisismap-Datasets'] = asciiJson(reply.echo.datasets);
  }
  // Pages made from the data (a brief) run no script: text from the data cannot become one.
  if (reply.type.startsWith('text/html')) headers['Content-Security-Policy'] = PAGE_CSP;
  return c.body(body as Uint8Array<ArrayBuffer>, reply.status ?? 200, headers);
}

/** 404 that says where to look: the same path under another method, or the nearest route. */
function notFound(c: Context, routes: RouteSpec[]): ApiError {
  const path = c.req.path;
  const other = routes.find((r) => r.path === path);
  if (other) return notAllowed(c.req.method, path, allowOf(other.method));
  const near = closest(
    path,
    routes.map((r) => r.doc ?? r.path),
    2,
  );
  return new ApiError(404, `no route ${c.req.method} ${path}`, [...(near.length ? [`closest: ${near.join(', ')}`] : []), 'every route is listed at /api/docs (machine-readable: /api/openapi.json)']);
}
