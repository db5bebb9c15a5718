/**
 * UCDP's pages: GET /api/gedevents/{version}?pagesize=N&page=P (pages from 0, pagesize at most
 * 1,000) with the subscription's filters (Country, StartDate, EndDate, TypeOfViolence) and the
 * access token in the x-ucdp-access-token header. The answer is
 * {TotalCount, TotalPages, PreviousPageUrl, NextPageUrl, Result: [...]}. Every page but the last
 * must be full: a short one is a page cut off, not the end of the data.
 */
import { CrisisError } from '../../model/errors.js';
import { BadBody, type HttpClient, type Reply } from './http.js';
import { readJsonPage } from './json-page.js';
import type { EncodedPage, Pager } from './staging.js';

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
      return { encoded: reply.encoded, last: page >= reply.totalPages - 1 };
    },
  };
  return pager;
}

function parsePage(reply: Reply, page: number, pageSize: number): { encoded: EncodedPage; totalPages: number } {
  const { envelope, rows } = readJsonPage(reply.body, 'Result');
  const body = envelope as { TotalPages?: unknown; TotalCount?: unknown } | null;
  if (rows === 'absent') throw new BadBody('no "Result" list in the answer');
  const totalPages = Number(body?.TotalPages);
  const totalCount = Number(body?.TotalCount);
  if (!Number.isInteger(totalPages) || totalPages < 0) throw new BadBody('no TotalPages in the answer');
  if (rows === 'not objects') throw new BadBody('an item of "Result" is not an object');
  // Every page before the last is full; the last holds what remains of TotalCount.
  const expected = page < totalPages - 1 ? pageSize : Number.isInteger(totalCount) ? Math.max(0, totalCount - page * pageSize) : rows.rows;
  if (page < totalPages && rows.rows !== expected) throw new BadBody(`${rows.rows} events where ${expected} were due (cut off?)`);
  return { encoded: rows, totalPages };
}

function ucdpStatusError(status: number, version: string, label: string): CrisisError {
  if (status === 401) return new CrisisError('UCDP refused the access token (HTTP 401)', ['set UCDP_TOKEN to the token UCDP gave you (it is sent in the x-ucdp-access-token header)']);
  if (status === 403) return new CrisisError('UCDP refused access with this token (HTTP 403)', ['ask UCDP whether the token is still valid for the GED API']);
  if (status === 404) return new CrisisError(`UCDP has no GED version ${version} (HTTP 404)`, ['versions look like 25.1 (final) or 25.0.9 (candidate); see ucdp.uu.se/apidocs']);
  return new CrisisError(`${label}: UCDP answered HTTP ${status}`);
}
