/**
 * For the sync tests: fake ACLED and UCDP servers on loopback that follow the providers'
 * documented contracts, serving events the tests generate, with faults the tests inject.
 *
 * ACLED: POST /oauth/token (password and refresh_token grants, client_id=acled, tokens that
 * expire), GET /api/acled/read and /api/deleted/read (_format=json, Bearer token, filters by
 * field name with `|` alternatives and `<field>_where` operators, limit/page from 1,
 * with_total), answering {status, success, count, data}.
 * UCDP: GET /api/gedevents/{version} (x-ucdp-access-token, pagesize ≤ 1000, page from 0,
 * Country/StartDate/EndDate/TypeOfViolence), answering {TotalCount, TotalPages,
 * PreviousPageUrl, NextPageUrl, Result}.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes } from 'node:crypto';

export type Item = Record<string, string | number | boolean | null>;

/** What a request meets: a reset socket, a page cut off mid-body, a status (with Retry-After), or a delay. */
export type Fault = { reset: true } | { truncate: true } | { status: number; retryAfter?: string } | { delayMs: number };

export interface Seen {
  path: string;
  params: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export interface FakeServer {
  url: string;
  /** Every request, in order. */
  seen: Seen[];
  /** Decides a fault for a request (n: how many times this same path and query were asked before). */
  fault?: (req: Seen, n: number) => Fault | undefined;
  /** Sleep this long before every answer (a slow server). */
  delayMs: number;
  close(): Promise<void>;
}

async function start(handle: (req: Seen, res: ServerResponse) => void | Promise<void>): Promise<FakeServer> {
  const sockets = new Set<Socket>();
  const counts = new Map<string, number>();
  const fake: FakeServer = { url: '', seen: [], delayMs: 0, close: async () => undefined };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const seen: Seen = { path: url.pathname, params: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString(), at: Date.now() };
    fake.seen.push(seen);
    const key = `${req.method} ${req.url}`;
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    if (fake.delayMs) await new Promise((r) => setTimeout(r, fake.delayMs));
    const fault = fake.fault?.(seen, n);
    if (fault && 'reset' in fault) {
      req.socket.destroy();
      return;
    }
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault && 'status' in fault) {
      res.writeHead(fault.status, { 'Content-Type': 'application/json', ...(fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {}) });
      res.end(JSON.stringify({ status: fault.status, success: false, message: 'injected fault' }));
      return;
    }
    if (fault && 'truncate' in fault) {
      // A 200 whose JSON stops half-way yet ends cleanly (chunked): the body parses as cut off, not as a reset.
      const original = res.end.bind(res);
      res.end = ((body: string) => original(body.slice(0, Math.floor(body.length / 2)))) as typeof res.end;
    }
    await handle(seen, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return fake;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(text);
}

export interface FakeAcled extends FakeServer {
  events: Item[];
  deletions: Item[];
  users: Map<string, { password: string; eventAccess: boolean }>;
  /** Seconds an access token lives (expires_in). */
  tokenLifetime: number;
  /** Access tokens handed out, with their expiry (ms). */
  tokens: Map<string, number>;
  refreshTokens: Set<string>;
  /** Expires every access token now (a sync running past its token's lifetime). */
  expireTokens(): void;
  /**
   * For the benchmark: answers of the data routes kept, rendered, by route and query (the
   * token aside), so that asking a page again costs the server no JSON.stringify. Absent: every
   * answer is rendered when asked.
   */
  rendered?: Map<string, string>;
}

export async function fakeAcled(data: { events?: Item[]; deletions?: Item[] } = {}): Promise<FakeAcled> {
  let fake!: FakeAcled;
  const expireTokens = () => {
    for (const t of fake.tokens.keys()) fake.tokens.set(t, 0);
  };
  const issue = () => {
    const access = `at-${randomBytes(12).toString('hex')}`;
    const refresh = `rt-${randomBytes(12).toString('hex')}`;
    fake.tokens.set(access, Date.now() + fake.tokenLifetime * 1000);
    fake.refreshTokens.add(refresh);
    tokenOwner.set(access, currentUser);
    refreshOwner.set(refresh, currentUser);
    return { token_type: 'Bearer', expires_in: fake.tokenLifetime, access_token: access, refresh_token: refresh };
  };
  const tokenOwner = new Map<string, string>();
  const results = new Map<string, Item[]>();
  const refreshOwner = new Map<string, string>();
  let currentUser = '';
  const server = await start((req, res) => {
    if (req.path === '/oauth/token') {
      const form = new URLSearchParams(req.body);
      if (form.get('client_id') !== 'acled') return send(res, 400, { error: 'invalid_client' });
      if (form.get('grant_type') === 'password') {
        const user = fake.users.get(form.get('username') ?? '');
        if (!user || user.password !== form.get('password')) return send(res, 400, { error: 'invalid_grant', error_description: 'The user credentials were incorrect.' });
        currentUser = form.get('username')!;
        return send(res, 200, issue());
      }
      if (form.get('grant_type') === 'refresh_token') {
        const refresh = form.get('refresh_token') ?? '';
        if (!fake.refreshTokens.delete(refresh)) return send(res, 401, { error: 'invalid_grant', error_description: 'The refresh token is invalid.' });
        currentUser = refreshOwner.get(refresh)!;
        return send(res, 200, issue());
      }
      return send(res, 400, { error: 'unsupported_grant_type' });
    }
    const rows = req.path === '/api/acled/read' ? fake.events : req.path === '/api/deleted/read' ? fake.deletions : undefined;
    if (!rows) return send(res, 404, { status: 404, success: false, error: { message: 'Not found' } });
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const expiry = fake.tokens.get(token);
    if (expiry === undefined || expiry < Date.now()) return send(res, 401, { status: 401, success: false, error: { message: 'Access token is invalid or has expired' } });
    if (!fake.users.get(tokenOwner.get(token)!)?.eventAccess) return send(res, 403, { status: 403, success: false, error: { message: 'Access denied: your access level does not include this data' } });
    const limit = Number(req.params.get('limit') ?? 5000);
    const page = Number(req.params.get('page') ?? 1);
    const renderedKey = `${req.path}?${new URLSearchParams([...req.params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`;
    const ready = fake.rendered?.get(renderedKey);
    if (ready !== undefined) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(ready);
      return;
    }
    // One sync logs in once: its pages are cut from one sorted result (as a database would), not re-sorted per page.
    const query = new URLSearchParams([...req.params].filter(([k]) => !['page', 'limit', 'with_total'].includes(k))).toString();
    const key = `${token} ${req.path}?${query}`;
    let matched = results.get(key);
    if (!matched) {
      matched = rows.filter((row) => matches(row, req.params)).sort(acledOrder);
      results.set(key, matched);
    }
    const data = matched.slice((page - 1) * limit, page * limit);
    const body = { status: 200, success: true, count: data.length, ...(req.params.get('with_total') === 'true' ? { total_count: matched.length } : {}), data };
    if (!fake.rendered) return send(res, 200, body);
    fake.rendered.set(renderedKey, JSON.stringify(body));
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(fake.rendered.get(renderedKey));
  });
  fake = Object.assign(server, {
    events: data.events ?? [],
    deletions: data.deletions ?? [],
    users: new Map(),
    tokenLifetime: 86_400,
    tokens: new Map<string, number>(),
    refreshTokens: new Set<string>(),
    expireTokens,
  });
  return fake;
}

const RESERVED = new Set(['_format', 'limit', 'page', 'with_total']);

/** ACLED's query semantics: `field=a|b` is any of them; `field_where=OP` compares instead (BETWEEN takes `lo|hi`). */
function matches(row: Item, params: URLSearchParams): boolean {
  for (const [key, value] of params) {
    if (RESERVED.has(key) || key.endsWith('_where')) continue;
    const op = (params.get(`${key}_where`) ?? '=').toUpperCase();
    const cell = row[key];
    const cmp = (a: unknown, b: string) => {
      const x = Number(a);
      const y = Number(b);
      return Number.isFinite(x) && Number.isFinite(y) && String(a).trim() !== '' && b.trim() !== '' ? x - y : String(a).localeCompare(b);
    };
    const list = value.split('|');
    const ok =
      op === '='
        ? list.some((v) => String(cell) === v)
        : op === 'BETWEEN'
          ? cmp(cell, list[0]!) >= 0 && cmp(cell, list[1]!) <= 0
          : op === '>'
            ? cmp(cell, value) > 0
            : op === '>='
              ? cmp(cell, value) >= 0
              : op === '<'
                ? cmp(cell, value) < 0
                : op === '<='
                  ? cmp(cell, value) <= 0
                  : op === 'LIKE'
                    ? new RegExp(`^${value.replace(/[.*+?^${}()[\]\\]/g, '\\$&').replace(/%/g, '.*')}$`, 'i').test(String(cell))
                    : false;
    if (!ok) return false;
  }
  return true;
}

/** Newest events first, as ACLED serves them; ties in a fixed order so pages do not overlap. */
function acledOrder(a: Item, b: Item): number {
  const da = String(a.event_date ?? '');
  const db = String(b.event_date ?? '');
  if (da !== db) return da < db ? 1 : -1;
  const ia = String(a.event_id_cnty);
  const ib = String(b.event_id_cnty);
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

export interface FakeUcdp extends FakeServer {
  versions: Map<string, Item[]>;
  /** The token the server accepts; undefined: none needed. */
  token?: string;
}

export async function fakeUcdp(versions: Record<string, Item[]> = {}, token?: string): Promise<FakeUcdp> {
  let fake!: FakeUcdp;
  const server = await start((req, res) => {
    const m = /^\/api\/gedevents\/([^/]+)$/.exec(req.path);
    if (!m) return send(res, 404, { message: 'not found' });
    if (fake.token !== undefined && req.headers['x-ucdp-access-token'] !== fake.token) return send(res, 401, { message: 'missing or invalid access token' });
    const events = fake.versions.get(decodeURIComponent(m[1]!));
    if (!events) return send(res, 404, { message: `no such version ${m[1]}` });
    const size = Number(req.params.get('pagesize') ?? 1);
    const page = Number(req.params.get('page') ?? 0);
    if (size > 1000) return send(res, 400, { message: 'pagesize may not exceed 1000' });
    const countries = req.params.get('Country')?.split(',');
    const types = req.params.get('TypeOfViolence')?.split(',');
    const from = req.params.get('StartDate');
    const to = req.params.get('EndDate');
    const matched = events.filter(
      (e) =>
        (!countries || countries.includes(String(e.country_id))) &&
        (!types || types.includes(String(e.type_of_violence))) &&
        (!from || String(e.date_end) >= from) &&
        (!to || String(e.date_start) <= to),
    );
    const totalPages = Math.ceil(matched.length / size);
    const link = (p: number) => (p >= 0 && p < totalPages ? `${server.url}${req.path}?pagesize=${size}&page=${p}` : '');
    send(res, 200, { TotalCount: matched.length, TotalPages: totalPages, PreviousPageUrl: link(page - 1), NextPageUrl: link(page + 1), Result: matched.slice(page * size, (page + 1) * size) });
  });
  fake = Object.assign(server, { versions: new Map(Object.entries(versions)), token });
  return fake;
}

const ACLED_FIELDS =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp'.split(
    ',',
  );

/** An ACLED API event (every value a string, as the API sends them), seeded by its number. */
export function acledEvent(i: number, overrides: Item = {}): Item {
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const country = ['Mali', 'Niger', 'Burkina Faso'][i % 3]!;
  const base: Item = {
    event_id_cnty: `${country.slice(0, 3).toUpperCase()}${i}`,
    event_date: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    year: '2024',
    time_precision: '1',
    disorder_type: 'Political violence',
    event_type: i % 4 === 0 ? 'Violence against civilians' : 'Battles',
    sub_event_type: i % 4 === 0 ? 'Attack' : 'Armed clash',
    actor1: `Armed group ${i % 7}`,
    assoc_actor_1: i % 5 === 0 ? 'Militia A; Militia B' : '',
    inter1: '2',
    actor2: i % 4 === 0 ? `Civilians (${country})` : 'Military Forces',
    assoc_actor_2: '',
    inter2: i % 4 === 0 ? '7' : '1',
    interaction: i % 4 === 0 ? '27' : '12',
    civilian_targeting: i % 4 === 0 ? 'Civilian targeting' : '',
    iso: String([466, 562, 854][i % 3]),
    region: 'Western Africa',
    country,
    admin1: `Region ${i % 6}`,
    admin2: `District ${i % 11}`,
    admin3: '',
    location: `Place ${i % 37}`,
    latitude: String(12 + (i % 100) / 50),
    longitude: String(-2 + (i % 90) / 45),
    geo_precision: '1',
    source: 'Test wire',
    source_scale: 'National',
    notes: `Event ${i}: a generated test event, with a comma, "quotes" and ünïcode.`,
    fatalities: String(i % 9),
    tags: '',
    timestamp: '1700000000',
  };
  const out: Item = {};
  for (const f of ACLED_FIELDS) out[f] = overrides[f] !== undefined ? overrides[f]! : base[f]!;
  return out;
}

/** A UCDP GED API event (numbers as numbers, as the API sends them). */
export function gedEvent(id: number, year: number, overrides: Item = {}): Item {
  const day = 1 + (id % 28);
  const date = `${year}-${String(1 + (id % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const type = 1 + (id % 3);
  return {
    id,
    relid: `MLI-${year}-${type}-${id}`,
    year,
    active_year: true,
    code_status: 'Clear',
    type_of_violence: type,
    conflict_dset_id: '11342',
    conflict_new_id: 11342,
    conflict_name: 'Mali: Government',
    dyad_dset_id: '15',
    dyad_new_id: 15,
    dyad_name: 'Government of Mali - JNIM',
    side_a_dset_id: '94',
    side_a_new_id: 94,
    side_a: 'Government of Mali',
    side_b_dset_id: '1234',
    side_b_new_id: 1234,
    side_b: type === 3 ? 'Civilians' : 'JNIM',
    number_of_sources: 1,
    source_article: 'Wire',
    source_office: 'AFP',
    source_date: date,
    source_headline: `Clash ${id}`,
    source_original: '',
    where_prec: 1,
    where_coordinates: `Place ${id % 13}`,
    where_description: '',
    adm_1: `Region ${id % 5}`,
    adm_2: '',
    latitude: 14 + (id % 10) / 10,
    longitude: -4 + (id % 10) / 10,
    geom_wkt: '',
    priogrid_gid: 150000 + id,
    country: id % 2 ? 'Mali' : 'Niger',
    country_id: id % 2 ? 432 : 436,
    region: 'Africa',
    event_clarity: 1,
    date_prec: 1,
    date_start: date,
    date_end: date,
    deaths_a: id % 3,
    deaths_b: id % 2,
    deaths_civilians: type === 3 ? 2 : 0,
    deaths_unknown: 0,
    best: (id % 3) + (id % 2) + (type === 3 ? 2 : 0),
    high: 10,
    low: 0,
    gwnoa: '432',
    gwnob: '',
    ...overrides,
  };
}
