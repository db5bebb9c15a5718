/**
 * UCDP's pages: GET /api/gedevents/{version}?pagesize=N&page=P (pages from 0, pagesize at most
 * 1,000) with the subscription's filters (Country, StartDate, EndDate, TypeOfViolence) and the
 * access token in the x-ucdp-access-token header. The answer is
 * {TotalCount, TotalPages, PreviousPageUrl, NextPageUrl, Result: [...]}. Every page but the last
 * must be full: a short one is a page cut off, not the end of the data.
 */
import { CrisisError } from '../../model/errors.js';
import { BadBody, type HttpClient, type Reply } from './http.js';
import type { Pager } from './staging.js';

/** The API's largest page. */
export const UCDP_PAGE_SIZE = 1000;

export interface UcdpQuery {
  baseUrl: string;
  version: string;
  filters: Record<string, string>;
  pageSize: number;
  token: string | undefined;
}

export function ucdpPager(http: HttpClient, q: UcdpQuery): Pager {
  if (q.pageSize > UCDP_PAGE_SIZE) throw new CrisisError(`UCDP pages hold at most ${UCDP_PAGE_SIZE} events (page size ${q.pageSize} asked)`);
  const pager: Pager = {
    kind: 'events',
    label: `UCDP GED ${q.version} events`,
    first: 0,
    async fetch(page) {
      const url = new URL(`/api/gedevents/${encodeURIComponent(q.version)}`, q.baseUrl);
      url.searchParams.set('pagesize', String(q.pageSize));
      url.searchParams.set('page', String(page));
      for (const [k, v] of Object.entries(q.filters)) url.searchParams.set(k, v);
      const label = `${pager.label} page ${page}`;
      const reply = await http.send({ label, url: url.href, headers: q.token ? { 'x-ucdp-access-token': q.token } : {} }, (r) => parsePage(r, page, q.pageSize));
      if ('status' in reply) throw ucdpStatusError(reply.status, q.version, label);
      pager.total = reply.totalPages;
      return { items: reply.items, last: page >= reply.totalPages - 1 };
    },
  };
  return pager;
}

function parsePage(reply: Reply, page: number, pageSize: number): { items: Array<Record<string, unknown>>; totalPages: number } {
  let body: { Result?: unknown; TotalPages?: unknown; TotalCount?: unknown };
  try {
    body = JSON.parse(reply.text);
  } catch {
    throw new BadBody(`not whole JSON (${reply.text.length.toLocaleString('en-US')} bytes, cut off or malformed)`);
  }
  if (!Array.isArray(body?.Result)) throw new BadBody('no "Result" list in the answer');
  const totalPages = Number(body.TotalPages);
  const totalCount = Number(body.TotalCount);
  if (!Number.isInteger(totalPages) || totalPages < 0) throw new BadBody('no TotalPages in the answer');
  const items = body.Result as Array<Record<string, unknown>>;
  if (items.some((x) => typeof x !== 'object' || x === null || Array.isArray(x))) throw new BadBody('an item of "Result" is not an object');
  // Every page before the last is full; the last holds what remains of TotalCount.
  const expected = page < totalPages - 1 ? pageSize : Number.isInteger(totalCount) ? Math.max(0, totalCount - page * pageSize) : items.length;
  if (page < totalPages && items.length !== expected) throw new BadBody(`${items.length} events where ${expected} were due (cut off?)`);
  return { items, totalPages };
}

function ucdpStatusError(status: number, version: string, label: string): CrisisError {
  if (status === 401) return new CrisisError('UCDP refused the access token (HTTP 401)', ['set UCDP_TOKEN to the token UCDP gave you (it is sent in the x-ucdp-access-token header)']);
  if (status === 403) return new CrisisError('UCDP refused access with this token (HTTP 403)', ['ask UCDP whether the token is still valid for the GED API']);
  if (status === 404) return new CrisisError(`UCDP has no GED version ${version} (HTTP 404)`, ['versions look like 25.1 (final) or 25.0.9 (candidate); see ucdp.uu.se/apidocs']);
  return new CrisisError(`${label}: UCDP answered HTTP ${status}`);
}
