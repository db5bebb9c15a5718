/**
 * One sync of one subscription, in four steps:
 *   1. plan      the exact query: filters, and for ACLED the newest timestamp already held;
 *                a staged run asking the same thing is resumed, anything else is discarded
 *   2. download  page after page into the staging area, skipping pages already there  (staging.ts)
 *                ACLED: events, then deletions since the same timestamp               (acled-pager.ts)
 *                UCDP: the version's events                                           (ucdp-pager.ts)
 *   3. land      one transaction, in the store's write turn (Store.exclusive): merge the events
 *                by id (the import pipeline's merge), apply deletions, drop candidate UCDP
 *                events a final release covers, record the run on the subscription   (import.ts, ucdp-versions.ts)
 *   4. clean     remove the staged pages
 * Killed anywhere, then run again, it leaves the store one uninterrupted run leaves: before
 * step 3 commits nothing has changed and the pages are kept; after it, the subscription names
 * the run, so its leftover pages are recognised as applied and discarded.
 */
import { randomUUID } from 'node:crypto';
import { CrisisError } from '../../model/errors.js';
import type { Store } from '../../store/store.js';
import { takingTurns } from '../../store/turns.js';
import { prepareImport, type ImportReport } from '../import.js';
import { AcledAuth } from './acled-auth.js';
import { ACLED_PAGE_SIZE, acledPager } from './acled-pager.js';
import { Secrets, type Credentials } from './credentials.js';
import { HttpClient, HttpError, type RetryPolicy } from './http.js';
import { Staging, type PageData, type Pager } from './staging.js';
import { listSubscriptions, recordFailure, recordSuccess, type Subscription } from './subscriptions.js';
import { UCDP_PAGE_SIZE, ucdpPager } from './ucdp-pager.js';
import { dropSupersededCandidates, ucdpKind } from './ucdp-versions.js';

/** Pages asked for ahead of the one being written: enough to keep the server busy, few enough to hold in memory. */
const AHEAD = 2;

export interface SyncOptions {
  credentials: Credentials;
  retry?: Partial<RetryPolicy>;
  /** Rows a page (default: the API's largest, ACLED 5,000 and UCDP 1,000). */
  pageSize?: number;
  /** Where staged pages go (default: STORE.sync beside the store file). */
  stagingRoot?: string;
  /** For a progress bar: what is happening and how far (0–1; 0 while the total is unknown). */
  onProgress?: (label: string, fraction: number) => void;
  /** For tests: the random source of retry jitter. */
  random?: () => number;
  /** Stops the run before its next page (a server shutting down); the staged pages are kept. */
  signal?: AbortSignal;
}

export interface SyncReport {
  subscription: string;
  source: string;
  version: string;
  /** The first run of this subscription pulls everything its filters cover. */
  first: boolean;
  /** ACLED: changes pulled from this timestamp on (unix seconds); null on a first run. */
  since: number | null;
  /** Every page, with how many rows it held; `resumed` pages were staged by an earlier, interrupted run. */
  pages: Array<{ kind: string; page: number; rows: number; resumed: boolean }>;
  received: number;
  added: number;
  updated: number;
  unchanged: number;
  stale: number;
  merged: number;
  deleted: number;
  /** UCDP candidate events dropped because a final release covers them. */
  superseded: number;
  retries: number;
  tokenRenewals: number;
  seconds: number;
}

/**
 * Syncs of one subscription into one store take turns in this process: in a server, the scheduled
 * sync and a `crisismap sync` sent to it would otherwise write pages into the same staging folder.
 */
const subscriptionTurns = new Map<string, ReturnType<typeof takingTurns>>();

export function syncSubscription(store: Store, sub: Subscription, options: SyncOptions): Promise<SyncReport> {
  const key = `${store.path}\n${sub.name}`;
  let turn = subscriptionTurns.get(key);
  if (!turn) subscriptionTurns.set(key, (turn = takingTurns()));
  return turn(async () => {
    // What the sync before this one recorded (its newest timestamp, its run) is where this one starts.
    const current = (await listSubscriptions(store)).find((s) => s.name === sub.name);
    return syncOnce(store, current ? { ...current, version: sub.version, baseUrl: sub.baseUrl } : sub, options);
  });
}

async function syncOnce(store: Store, sub: Subscription, options: SyncOptions): Promise<SyncReport> {
  const secrets = new Secrets();
  secrets.add(options.credentials.acledPassword);
  secrets.add(options.credentials.ucdpToken);
  try {
    return await run(store, sub, options, secrets);
  } catch (error) {
    const clean = secrets.redactError(
      error instanceof HttpError ? new CrisisError(error.message, ['the pages received so far are kept beside the store: run the same sync again to continue from there']) : error,
    );
    await store.exclusive(() => recordFailure(store, sub.name, (clean as Error).message)).catch(() => undefined);
    throw clean;
  }
}

async function run(store: Store, sub: Subscription, options: SyncOptions, secrets: Secrets): Promise<SyncReport> {
  if (store.readOnly) throw new CrisisError('the store is open read-only; cannot sync');
  const started = Date.now();
  const report: SyncReport = {
    subscription: sub.name,
    source: sub.source,
    version: sub.version,
    first: !sub.lastSuccessAt,
    since: null,
    pages: [],
    received: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    stale: 0,
    merged: 0,
    deleted: 0,
    superseded: 0,
    retries: 0,
    tokenRenewals: 0,
    seconds: 0,
  };
  const http = new HttpClient({
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.random ? { random: options.random } : {}),
    onRetry: () => {
      report.retries++;
    },
  });

  // 1. plan
  const pagers: Pager[] = [];
  let query: Record<string, unknown>;
  let auth: AcledAuth | undefined;
  if (sub.source === 'acled') {
    const pageSize = options.pageSize ?? ACLED_PAGE_SIZE;
    const since = sub.newestTimestamp ?? null;
    // A first run still applies deletions announced since the newest ACLED event already in the store (from imported files).
    const deletionsSince = since ?? nullable((await store.one(`SELECT max(timestamp) AS t FROM events WHERE dataset = 'acled'`)).t);
    report.since = since;
    query = { source: 'acled', filters: sub.filters, baseUrl: sub.baseUrl, pageSize, since, deletionsSince };
    auth = new AcledAuth(http, sub.baseUrl, options.credentials.acledUsername, options.credentials.acledPassword, secrets);
    pagers.push(acledPager(http, auth, 'events', { baseUrl: sub.baseUrl, filters: sub.filters, pageSize, since }));
    if (deletionsSince !== null) pagers.push(acledPager(http, auth, 'deleted', { baseUrl: sub.baseUrl, filters: {}, pageSize, since: deletionsSince }));
  } else {
    const pageSize = options.pageSize ?? UCDP_PAGE_SIZE;
    query = { source: 'ucdp', version: sub.version, filters: sub.filters, baseUrl: sub.baseUrl, pageSize };
    pagers.push(ucdpPager(http, { baseUrl: sub.baseUrl, version: sub.version, filters: sub.filters, pageSize, token: options.credentials.ucdpToken }));
  }
  const staging = new Staging(options.stagingRoot ?? `${store.path}.sync`, sub.name);
  const queryText = JSON.stringify(query);
  const staged = staging.plan();
  const plan = staged && staged.query === queryText && staged.run !== sub.lastRun ? staged : { run: randomUUID(), name: sub.name, query: queryText, created: new Date().toISOString() };
  if (plan !== staged) staging.start(plan);

  // 2. download
  let newest = sub.newestTimestamp ?? null;
  for (const pager of pagers) {
    let total = staging.done(pager.kind);
    // Pages are asked for ahead of the one being written, so that the server builds them
    // meanwhile: at most AHEAD, each only once it is known to exist (the page before it was
    // full, or the API's total says so), so no page is asked that a one-by-one run would not ask.
    const asked = new Map<number, Promise<PageData>>();
    const ask = (page: number) => {
      let reply = asked.get(page);
      if (!reply) {
        reply = pager.fetch(page);
        // Awaited in its turn; until then a failure must not count as unhandled.
        reply.catch(() => undefined);
        asked.set(page, reply);
      }
      return reply;
    };
    for (let page = pager.first; total === undefined; page++) {
      let meta = staging.has(pager.kind, page);
      const resumed = !!meta;
      if (!meta) {
        if (options.signal?.aborted) throw new CrisisError('the sync was stopped; the pages received so far are kept for the next run');
        const data = await ask(page);
        asked.delete(page);
        for (let next = page + 1; !data.last && next <= page + AHEAD && !options.signal?.aborted; next++) {
          if (next > page + 1 && (pager.total === undefined || next >= pager.first + pager.total)) break;
          ask(next);
        }
        meta = staging.savePage(pager.kind, page, data.encoded, data.last, pager.total);
      }
      if (meta.total !== undefined) pager.total ??= meta.total;
      report.pages.push({ kind: pager.kind, page, rows: meta.rows, resumed });
      if (pager.kind === 'events' && meta.newest !== null && (newest === null || meta.newest > newest)) newest = meta.newest;
      if (meta.last) {
        total = page - pager.first + 1;
        staging.markDone(pager.kind, total);
      }
      progress(options, report, pager, page, started, false);
    }
    if (!report.pages.some((p) => p.kind === pager.kind)) {
      // Every page was staged and counted by an earlier run: read their sidecars for the report.
      for (let page = pager.first; page < pager.first + total; page++) {
        const meta = staging.has(pager.kind, page)!;
        report.pages.push({ kind: pager.kind, page, rows: meta.rows, resumed: true });
        if (pager.kind === 'events' && meta.newest !== null && (newest === null || meta.newest > newest)) newest = meta.newest;
      }
    }
  }
  report.received = report.pages.filter((p) => p.kind === 'events').reduce((n, p) => n + p.rows, 0);
  report.tokenRenewals = auth?.renewals ?? 0;

  // 3. land, in the store's write turn: in a server, an upload waits for it, or it for the upload
  // (the download above waits for nobody, and holds nobody up).
  await store.exclusive(async () => {
    options.onProgress?.(`${sub.name}: storing ${report.received.toLocaleString('en-US')} events`, 0);
    const files: string[] = [];
    const events = staging.combine('events', pagers[0]!.first, sub.source === 'acled' ? 'acled-api.csv' : `ucdp-api-${sub.version}.csv`);
    if (events) files.push(events.path);
    const deleted = sub.source === 'acled' ? staging.combine('deleted', 1, 'acled-deleted.csv') : undefined;
    if (deleted) files.push(deleted.path);
    const finals =
      sub.source === 'ucdp'
        ? (await listSubscriptions(store)).filter((s) => s.source === 'ucdp' && ucdpKind(s.version) === 'final' && (s.lastSuccessAt || s.name === sub.name)).map((s) => (s.name === sub.name ? sub : s))
        : [];
    // The staged files' bytes were scanned as they were written: the import does not read them again for it.
    const scanned = Object.fromEntries([events, deleted].flatMap((f) => (f?.scan ? [[f.path, f.scan]] : [])));
    const prepared = files.length ? await prepareImport(store, files, { scanned, ...(sub.source === 'ucdp' ? { version: sub.version } : {}) }) : undefined;
    try {
      await store.transaction(async () => {
        // Before the merge: a final release's events that share an id with a candidate event replace it.
        report.superseded += await dropSupersededCandidates(store, finals);
        const imports: ImportReport[] = prepared ? await prepared.apply() : [];
        // After it: candidate events just pulled for years a final release covers go too.
        report.superseded += await dropSupersededCandidates(store, finals);
        for (const r of imports) {
          for (const key of ['added', 'updated', 'unchanged', 'stale', 'merged', 'deleted'] as const) report[key] += r[key];
        }
        report.seconds = Math.round((Date.now() - started) / 100) / 10;
        await recordSuccess(store, sub.name, plan.run, sub.source === 'acled' ? newest : null, summary(report));
      });
    } finally {
      await prepared?.dispose();
    }
    options.onProgress?.(`${sub.name}: stored`, 1);
  });

  // 4. clean
  staging.discard();
  return JSON.parse(secrets.redact(JSON.stringify(report))) as SyncReport;
}

/** Refreshes every subscription in turn; one failing does not stop the others. */
export async function syncAll(store: Store, options: SyncOptions): Promise<Array<{ subscription: string; report?: SyncReport; error?: Error }>> {
  const out: Array<{ subscription: string; report?: SyncReport; error?: Error }> = [];
  for (const sub of await listSubscriptions(store)) {
    if (options.signal?.aborted) break;
    try {
      out.push({ subscription: sub.name, report: await syncSubscription(store, sub, options) });
    } catch (error) {
      out.push({ subscription: sub.name, error: error as Error });
    }
  }
  return out;
}

/** What the store keeps of a run: the counts, not every page. */
function summary(r: SyncReport): Record<string, unknown> {
  const { pages, ...rest } = r;
  return { ...rest, pages: pages.length, resumedPages: pages.filter((p) => p.resumed).length };
}

function progress(options: SyncOptions, r: SyncReport, pager: Pager, page: number, started: number, _done: boolean): void {
  if (!options.onProgress) return;
  const rows = r.pages.filter((p) => p.kind === pager.kind).reduce((n, p) => n + p.rows, 0);
  const seconds = Math.max(0.001, (Date.now() - started) / 1000);
  const index = page - pager.first + 1;
  const label = `${r.subscription}: ${pager.label} page ${index}${pager.total ? `/${pager.total}` : ''} · ${rows.toLocaleString('en-US')} rows · ${Math.round(rows / seconds).toLocaleString('en-US')}/s${r.retries ? ` · ${r.retries} ${r.retries === 1 ? 'retry' : 'retries'}` : ''}`;
  // Kept below 1 until the store has the events: the bar ends its line only when all is done.
  options.onProgress(label, pager.total ? Math.min(0.99, index / pager.total) : 0);
}

function nullable(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
