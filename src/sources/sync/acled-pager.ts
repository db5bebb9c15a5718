/**
 * ACLED's pages: GET /api/acled/read?_format=json with the subscription's filters (ACLED's field
 * names, `|` between alternatives, `<field>_where` for operators), `limit` and `page` (from 1),
 * and, after the first run, `timestamp=SINCE&timestamp_where=>=` for what changed since. The
 * answer is {status, success, count, data: [...]}; a page holding fewer than `limit` rows is the
 * last. Deletions come the same way from /api/deleted/read (event_id_cnty, deleted_timestamp).
 */
import { CrisisError } from '../../model/errors.js';
import { AcledAuth } from './acled-auth.js';
import { BadBody, type HttpClient, type Reply } from './http.js';
import { readJsonPage } from './json-page.js';
import type { EncodedPage, PageKind, Pager } from './staging.js';

/** ACLED's own largest page size: 5,000 rows. */
export const ACLED_PAGE_SIZE = 5000;

export interface AcledQuery {
  baseUrl: string;
  filters: Record<string, string>;
  pageSize: number;
  /** Only rows whose `timestamp` (deletions: `deleted_timestamp`) is at least this; none on a first sync. */
  since: number | null;
}

export function acledPager(http: HttpClient, auth: AcledAuth, kind: PageKind, q: AcledQuery): Pager {
  const label = kind === 'events' ? 'ACLED events' : 'ACLED deletions';
  const pager: Pager = {
    kind,
    label,
    first: 1,
    async fetch(page) {
      const url = new URL(kind === 'events' ? '/api/acled/read' : '/api/deleted/read', q.baseUrl);
      url.searchParams.set('_format', 'json');
      // Deletions are not filtered by country or date: an event deleted anywhere is gone.
      if (kind === 'events') for (const [k, v] of Object.entries(q.filters)) url.searchParams.set(k, v);
      // At least (not after) the newest timestamp held: rows stamped in the same second as the
      // last run's newest may have come after it; pulling them again changes nothing.
      const field = kind === 'events' ? 'timestamp' : 'deleted_timestamp';
      if (q.since !== null) {
        url.searchParams.set(field, String(q.since));
        url.searchParams.set(`${field}_where`, '>=');
      }
      url.searchParams.set('limit', String(q.pageSize));
      url.searchParams.set('page', String(page));
      // The total is asked once (it costs ACLED time on every page): it drives the progress bar.
      const askTotal = kind === 'events' && pager.total === undefined;
      if (askTotal) url.searchParams.set('with_total', 'true');
      const request = { label: `${label} page ${page}`, url: url.href };
      const headers = await auth.header();
      let reply = await http.send({ ...request, headers }, (r) => parsePage(r, request.label));
      if ('status' in reply && reply.status === 401) {
        // The token expired (or was revoked) mid-sync: renew it once and ask again.
        await auth.renew(AcledAuth.tokenOf(headers));
        reply = await http.send({ ...request, headers: await auth.header() }, (r) => parsePage(r, request.label));
      }
      if ('status' in reply) throw acledStatusError(reply.status, request.label);
      if (askTotal && reply.total !== undefined) pager.total = Math.max(1, Math.ceil(reply.total / q.pageSize));
      return { encoded: reply.encoded, last: reply.encoded.rows < q.pageSize };
    },
  };
  return pager;
}

function parsePage(reply: Reply, label: string): { encoded: EncodedPage; total?: number } {
  const { envelope, rows } = readJsonPage(reply.body, 'data');
  const body = envelope as { success?: unknown; error?: { message?: unknown } | unknown; message?: unknown; total_count?: unknown } | null;
  if (body?.success === false) {
    const message = (body.error as { message?: unknown })?.message ?? body.message ?? 'no reason given';
    throw new CrisisError(`${label}: ACLED answered with an error: ${String(message)}`);
  }
  if (rows === 'absent') throw new BadBody('no "data" list in the answer');
  if (rows === 'not objects') throw new BadBody('an item of "data" is not an object');
  const total = Number(body?.total_count);
  return { encoded: rows, ...(body?.total_count !== undefined && Number.isFinite(total) ? { total } : {}) };
}

export function acledStatusError(status: number, label: string): CrisisError {
  if (status === 401)
    return new CrisisError(`ACLED refused the access token (HTTP 401) for ${label}, even after logging in again`, ['check that ACLED_USERNAME and ACLED_PASSWORD are those of a myACLED account']);
  if (status === 403) {
    return new CrisisError(`your ACLED account has no access to event data through the API (HTTP 403)`, [
      "accounts without event-level access can download ACLED's aggregated files from acleddata.com;",
      'crisismap imports them: crisismap import FILE',
    ]);
  }
  return new CrisisError(`${label}: ACLED answered HTTP ${status}`);
}
