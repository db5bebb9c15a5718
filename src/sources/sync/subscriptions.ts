/**
 * Subscriptions, kept in the store's `subscriptions` table: a source plus its filters (in the
 * source's own parameter names), the base URL it is read from, and how its last run went.
 * A subscription is named by what it asks for ("acled country=Mali", "ucdp-final Country=432"),
 * so asking for the same thing again refreshes it instead of adding a twin.
 */
import { CrisisError } from '../../model/errors.js';
import type { Store } from '../../store/store.js';
import { checkUcdpFilters, ucdpKind } from './ucdp-versions.js';

export type Source = 'acled' | 'ucdp';

export const SOURCES: Record<Source, { baseUrl: string; reserved: RegExp; key: RegExp }> = {
  // Paging and the incremental timestamp are the sync's to set; _format is always JSON.
  acled: { baseUrl: 'https://acleddata.com', reserved: /^(limit|page|_format|timestamp|timestamp_where|with_total|fields)$/i, key: /^[a-z][a-z0-9_]*$/ },
  ucdp: { baseUrl: 'https://ucdpapi.pcr.uu.se', reserved: /^(pagesize|page)$/i, key: /^[A-Za-z][A-Za-z0-9_]*$/ },
};

export interface Subscription {
  name: string;
  source: Source;
  /** UCDP GED version (25.1, 25.0.9); empty for ACLED. */
  version: string;
  /** Filters in the source's parameter names; values as the API takes them (`|` between alternatives). */
  filters: Record<string, string>;
  baseUrl: string;
  createdAt?: string | null;
  lastAttemptAt?: string | null;
  lastSuccessAt?: string | null;
  lastError?: string | null;
  /** ACLED: the newest `timestamp` pulled so far; the next run asks for changes from there. */
  newestTimestamp?: number | null;
  /** Id of the last run that reached the store (a staged run with this id is already applied). */
  lastRun?: string | null;
  lastReport?: Record<string, unknown> | null;
}

export function subscriptionName(source: Source, version: string, filters: Record<string, string>): string {
  const head = source === 'ucdp' ? `ucdp-${ucdpKind(version)}` : source;
  const parts = Object.keys(filters)
    .sort()
    .map((k) => `${k}=${filters[k]}`);
  return [head, ...parts].join(' ');
}

/** A subscription as asked for: its filters checked, its name derived. */
export function describeSubscription(source: Source, version: string, filters: Record<string, string>, baseUrl?: string): Subscription {
  const spec = SOURCES[source];
  for (const [key, value] of Object.entries(filters)) {
    if (!spec.key.test(key))
      throw new CrisisError(`filter "${key}" is not a ${source.toUpperCase()} parameter name`, [
        source === 'acled' ? "use ACLED's field names: country=Mali event_date=2024-01-01|2024-12-31 event_date_where=BETWEEN" : "use UCDP's parameter names: Country=432 StartDate=2024-01-01",
      ]);
    if (spec.reserved.test(key)) throw new CrisisError(`filter "${key}" is set by the sync itself`, ['leave it out: paging and the incremental timestamp are chosen for you']);
    if (value === '') throw new CrisisError(`filter "${key}" has no value`);
  }
  if (source === 'ucdp') {
    ucdpKind(version);
    checkUcdpFilters(filters);
  }
  const url = baseUrl ?? spec.baseUrl;
  try {
    const parsed = new URL(url);
    if (!/^https?:$/.test(parsed.protocol)) throw new Error();
  } catch {
    throw new CrisisError(`--base-url "${url}" is not an http(s) address`);
  }
  return { name: subscriptionName(source, version, filters), source, version, filters, baseUrl: url.replace(/\/+$/, '') };
}

/**
 * Adds the subscription, or points an existing one of the same name at this version (and at
 * this base URL, unless `keepBaseUrl`: the user named none, so the one it was made with stays).
 */
export function saveSubscription(store: Store, sub: Subscription, keepBaseUrl = false): Promise<Subscription> {
  // A write like any other: in a server, it waits for a sync landing (which records on this row).
  return store.exclusive(() => save(store, sub, keepBaseUrl));
}

async function save(store: Store, sub: Subscription, keepBaseUrl: boolean): Promise<Subscription> {
  const existing = (await listSubscriptions(store)).find((s) => s.name === sub.name);
  if (existing) {
    const baseUrl = keepBaseUrl ? existing.baseUrl : sub.baseUrl;
    await store.run('UPDATE subscriptions SET version = ?, base_url = ? WHERE name = ?', [sub.version, baseUrl, sub.name]);
    return { ...existing, version: sub.version, baseUrl };
  }
  await store.run('INSERT INTO subscriptions (name, source, version, filters, base_url, created_at) VALUES (?, ?, ?, ?, ?, now()::TIMESTAMP)', [
    sub.name,
    sub.source,
    sub.version,
    JSON.stringify(sub.filters),
    sub.baseUrl,
  ]);
  return (await listSubscriptions(store)).find((s) => s.name === sub.name)!;
}

export async function listSubscriptions(store: Store): Promise<Subscription[]> {
  // A store written before syncing existed, opened read-only, has no table yet.
  const { n } = await store.one(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'subscriptions' AND NOT temporary`);
  if (!Number(n)) return [];
  const rows = await store.all('SELECT * FROM subscriptions ORDER BY name');
  return rows.map((r) => ({
    name: String(r.name),
    source: r.source as Source,
    version: String(r.version ?? ''),
    filters: JSON.parse(String(r.filters ?? '{}')) as Record<string, string>,
    baseUrl: String(r.base_url),
    createdAt: time(r.created_at),
    lastAttemptAt: time(r.last_attempt_at),
    lastSuccessAt: time(r.last_success_at),
    lastError: (r.last_error as string | null) ?? null,
    newestTimestamp: r.newest_timestamp === null ? null : Number(r.newest_timestamp),
    lastRun: (r.last_run as string | null) ?? null,
    lastReport: r.last_report ? (JSON.parse(String(r.last_report)) as Record<string, unknown>) : null,
  }));
}

/** Inside the sync's transaction: the run reached the store. */
export async function recordSuccess(store: Store, name: string, run: string, newestTimestamp: number | null, report: object): Promise<void> {
  await store.run(
    `UPDATE subscriptions SET last_attempt_at = now()::TIMESTAMP, last_success_at = now()::TIMESTAMP, last_error = NULL,
      newest_timestamp = ?, last_run = ?, last_report = ? WHERE name = ?`,
    [newestTimestamp, run, JSON.stringify(report), name],
  );
}

/** After a failed run (its own small write: the events are untouched). The text is already scrubbed of secrets. */
export async function recordFailure(store: Store, name: string, error: string): Promise<void> {
  await store.run('UPDATE subscriptions SET last_attempt_at = now()::TIMESTAMP, last_error = ? WHERE name = ?', [error, name]);
}

function time(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}
