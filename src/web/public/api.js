/**
 * Talking to the crisismap API served by the same process. Every request carries the
 * dashboard's filters as the API's own query parameters (query.js); errors arrive in the
 * API's one shape, `{ok: false, error: {status, message, hints}}`, and are thrown as ApiError.
 */
import { MODEL } from './model.js';
import { filtersToParams } from './query.js';
import { WORDING_HEADER, wordsOf } from './words.js';

export class ApiError extends Error {
  /** @param {string} message @param {number} status @param {string[]} hints */
  constructor(message, status, hints = []) {
    super(message);
    this.status = status;
    this.hints = hints;
  }
}

/**
 * The URL of an API route for some filters plus extra parameters.
 * @param {string} path e.g. '/api/count'
 * @param {import('./query.js').Filters | null} filters
 * @param {Record<string, string | number | undefined>} [extra]
 */
export function apiUrl(path, filters, extra = {}) {
  const q = filters ? filtersToParams(filters) : new URLSearchParams();
  for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== '') q.set(key, String(value));
  const text = q.toString();
  return `${path}${text ? `?${text}` : ''}`;
}

/**
 * GET a JSON route. Aborted requests reject with an AbortError, which callers ignore:
 * a newer state has replaced the one they were for.
 * @param {string} url
 * @param {AbortSignal} [signal]
 * @returns {Promise<unknown>} the answer, as the route gives it: callers say which shape they asked for (the typedefs below)
 */
export async function getJson(url, signal) {
  return readJson(await fetch(url, { signal, headers: { accept: 'application/json', [WORDING_HEADER]: 'tokens' } }), url);
}

/**
 * POST JSON to a route (the checker): answered and worded as a GET is.
 * @param {string} url @param {unknown} body @param {AbortSignal} [signal] @returns {Promise<unknown>}
 */
export async function postJson(url, body, signal) {
  const init = { method: 'POST', signal, headers: { accept: 'application/json', 'content-type': 'application/json', [WORDING_HEADER]: 'tokens' }, body: JSON.stringify(body) };
  return readJson(await fetch(url, init), url);
}

// The API's texts name parameters as tokens (asked for with WORDING_HEADER): worded here with the dashboard's labels.
const words = wordsOf(MODEL);

/**
 * An answer, or its error thrown as an ApiError, with every parameter it names worded as the dashboard names it.
 * @param {Response} response @param {string} url @returns {Promise<unknown>}
 */
async function readJson(response, url) {
  const type = response.headers.get('content-type') ?? '';
  const raw = await response.text();
  /** @type {unknown} */
  const body = words.answer(raw, type.includes('json') ? JSON.parse(raw) : raw);
  /** @type {{ ok?: unknown, error?: { message?: string, status?: number, hints?: string[] } | null } | null} */
  const shaped = body && typeof body === 'object' ? body : null;
  if (!response.ok || shaped?.ok === false) {
    const error = typeof body === 'object' ? shaped?.error : null;
    throw new ApiError(error?.message ?? `${response.status} ${response.statusText}: ${url}`, error?.status ?? response.status, error?.hints ?? []);
  }
  return body;
}

/**
 * The store as /api/info describes it; `first` and `last` are the dates app.js derives from its datasets.
 * @typedef {{ dataset: string, versions: string[], first_date?: string | null, last_date?: string | null, synthetic?: boolean }} StoredDataset
 * @typedef {{ subscription: string, last_success_at?: string | null, last_attempt_at?: string | null, last_error?: string | null }} Subscription
 * @typedef {{ events: number, datasets: StoredDataset[], aggregates?: import('./data.js').Aggregate[], sync?: Subscription[],
 *   first?: string, last?: string }} StoreInfo
 */

/**
 * What the API answers, as the dashboard reads it (src/analysis/answer.ts has the whole shape).
 * A measure that aggregated data does not count is null.
 * @typedef {{ dataset: string, version: string, events?: number, aggregated?: { rows: number } }} DatasetUse
 * @typedef {{ [key: string]: string | number | null | undefined, events: number, fatalities: number }} CountRow
 * @typedef {{ rows: CountRow[], total: { events: number | null, fatalities: number | null, fatalities_low?: number, fatalities_high?: number,
 *   estimated_events?: number, estimated_best?: number }, filters?: Record<string, unknown>, notes?: string[], datasets?: DatasetUse[],
 *   estimates?: { datasets: string[] }, aggregate?: import('./data.js').Aggregate }} CountAnswer /api/count
 * @typedef {{ sentence: string, caveats: string[], filters: Record<string, unknown>, datasets: DatasetUse[] }} AnswerText
 */

/** Cached GETs for what does not change while the page is open (store info, boundaries). */
/** @type {Map<string, Promise<unknown>>} */
const cache = new Map();
/** @param {string} url @returns {Promise<unknown>} the answer, as the route gives it */
export function getOnce(url) {
  let pending = cache.get(url);
  if (!pending) {
    pending = getJson(url).catch((error) => {
      cache.delete(url);
      throw error;
    });
    cache.set(url, pending);
  }
  return pending;
}

/** True for the rejection of a request aborted on purpose. @param {unknown} error */
export const isAbort = (error) => /** @type {Error | null | undefined} */ (error)?.name === 'AbortError';
