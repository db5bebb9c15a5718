import { CrisisError } from '../../model/errors.js';
import { loadCredentials } from '../../sources/sync/credentials.js';
import { DEFAULT_RETRY } from '../../sources/sync/http.js';
import { syncAll, syncSubscription, type SyncOptions, type SyncReport } from '../../sources/sync/run.js';
import { describeSubscription, listSubscriptions, saveSubscription, type Source, type Subscription } from '../../sources/sync/subscriptions.js';
import { resolveDbPath, Store } from '../../store/store.js';
import type { Command, IO } from '../command.js';
import { json, table } from '../format.js';
import { DB_HELP, parse } from '../options.js';
import { progressBar } from '../progress.js';
import { numberFlag } from './answer-output.js';

export const syncCommand: Command = {
  help: `Usage: crisismap sync                                  refresh every subscription
       crisismap sync acled [FIELD=VALUE...]            subscribe to ACLED events, and sync them
       crisismap sync ucdp --version V [PARAM=VALUE...] subscribe to a UCDP GED version, and sync it
       crisismap sync status                           list subscriptions: last sync, versions, counts

A subscription is a source plus filters in the source's own names (ACLED: country=Mali|Niger
event_date=2024-01-01|2024-12-31 event_date_where=BETWEEN; UCDP: Country=432 StartDate=2024-01-01).
Its first sync pulls everything the filters cover; later ones pull only what changed (ACLED:
by timestamp, with deletions applied; UCDP: the version, with candidate events replaced by a
final release for the years it covers). See docs/sync.md.

Pages are kept beside the store (STORE.sync/) until the sync lands: a sync stopped by a crash
or a network failure continues from the last good page when run again. The store changes in
one transaction at the end.

Credentials come from ACLED_USERNAME, ACLED_PASSWORD and UCDP_TOKEN, or --credentials FILE
(the same KEY=value lines; refused when other users can read it). They are never printed,
logged or stored.

Options:
  --version V             UCDP GED version: 25.1 (final) or 25.0.9 (monthly candidate)
  --credentials FILE      credentials file, readable only by you (chmod 600)
  --base-url URL          the API's address, for a mirror (default https://acleddata.com,
                          https://ucdpapi.pcr.uu.se); kept with the subscription
  --page-size N           rows a page (default: ACLED 5000, UCDP 1000)
  --attempts N            tries per request through timeouts, resets, 429 and 5xx (default ${DEFAULT_RETRY.attempts})
  --backoff MS            first wait between tries, doubled each time, with jitter (default ${DEFAULT_RETRY.baseDelayMs})
  --timeout S             one request, in seconds (default ${DEFAULT_RETRY.timeoutMs / 1000})
  --json                  print the reports as JSON
${DB_HELP}

Example:
  crisismap sync acled country=Mali|Burkina\\ Faso|Niger
  crisismap sync ucdp --version 25.1 Country=432
  crisismap sync`,

  async run(args, io) {
    const { values, positionals } = parse(
      args,
      {
        version: { type: 'string' },
        credentials: { type: 'string' },
        'base-url': { type: 'string' },
        'page-size': { type: 'string' },
        attempts: { type: 'string' },
        backoff: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
      },
      true,
    );
    const [what, ...pairs] = positionals;
    if (what && !['acled', 'ucdp', 'status'].includes(what))
      throw new CrisisError(`unknown source "${what}"`, ['crisismap sync acled …, crisismap sync ucdp --version V …, crisismap sync status, or crisismap sync alone']);
    const store = await Store.open(resolveDbPath(values.db as string | undefined), what === 'status' ? { mustExist: true } : {});
    try {
      if (what === 'status') return status(await listSubscriptions(store), io, !!values.json);
      const options: SyncOptions = {
        credentials: loadCredentials(values.credentials as string | undefined),
        retry: {
          ...(values.attempts ? { attempts: Math.max(1, numberFlag(values.attempts, 'attempts', DEFAULT_RETRY.attempts)) } : {}),
          ...(values.backoff ? { baseDelayMs: numberFlag(values.backoff, 'backoff', DEFAULT_RETRY.baseDelayMs, true) } : {}),
          ...(values.timeout ? { timeoutMs: numberFlag(values.timeout, 'timeout', DEFAULT_RETRY.timeoutMs / 1000) * 1000 } : {}),
        },
        ...(values['page-size'] ? { pageSize: Math.max(1, numberFlag(values['page-size'], 'page-size', 1)) } : {}),
      };
      const bar = io.interactive ? progressBar() : undefined;
      if (bar) options.onProgress = bar;
      if (!what) {
        if (pairs.length || values.version) throw new CrisisError('filters need a source', ['crisismap sync acled FIELD=VALUE… or crisismap sync ucdp --version V PARAM=VALUE…']);
        const results = await syncAll(store, options);
        if (!results.length) throw new CrisisError('no subscriptions yet', ['add one: crisismap sync acled country=Mali, or crisismap sync ucdp --version 25.1']);
        const reports = results.flatMap((r) => (r.report ? [r.report] : []));
        io.out(
          values.json
            ? json({ store: store.path, reports, failed: results.filter((r) => r.error).map((r) => ({ subscription: r.subscription, error: r.error!.message })) })
            : describe(reports, store.path),
        );
        const failed = results.filter((r) => r.error);
        for (const f of failed) io.err(`crisismap sync: ${f.subscription}: ${f.error!.message}\n`);
        if (failed.length) throw new CrisisError(`${failed.length} of ${results.length} subscriptions failed; the others are current`);
        return;
      }
      if (what === 'acled' && values.version) throw new CrisisError('--version is for UCDP; ACLED has one current dataset');
      const sub = await saveSubscription(
        store,
        describeSubscription(what as Source, (values.version as string | undefined) ?? '', filters(pairs), values['base-url'] as string | undefined),
        values['base-url'] === undefined,
      );
      const report = await syncSubscription(store, sub, options);
      io.out(values.json ? json({ store: store.path, reports: [report] }) : describe([report], store.path));
    } finally {
      store.close();
    }
  },
};

function filters(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const m = /^([^=]+)=(.*)$/s.exec(pair);
    if (!m) throw new CrisisError(`"${pair}" is not FIELD=VALUE`, ['e.g. country=Mali, or country=Mali|Niger for either']);
    out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

function describe(reports: SyncReport[], path: string): string {
  const rows = reports.map((r) => ({
    subscription: r.subscription,
    version: r.version || (r.since === null ? 'first sync' : `since ${new Date(r.since * 1000).toISOString().slice(0, 10)}`),
    pages: r.pages.length,
    received: r.received,
    added: r.added,
    updated: r.updated,
    unchanged: r.unchanged,
    deleted: r.deleted + r.superseded,
    retries: r.retries,
  }));
  let text = table(['subscription', 'version', 'pages', 'received', 'added', 'updated', 'unchanged', 'deleted', 'retries'], rows);
  for (const r of reports) {
    const resumed = r.pages.filter((p) => p.resumed).length;
    const byPage = r.pages.map((p) => `${p.kind === 'deleted' ? 'd' : ''}${p.page}:${p.rows}${p.resumed ? '*' : ''}`).join(' ');
    text += `${r.subscription}: ${r.seconds} s; rows per page ${byPage}${resumed ? ` (* ${resumed} staged by an interrupted run)` : ''}\n`;
    if (r.superseded) text += `  ${r.superseded} candidate events replaced by the final release\n`;
    if (r.stale) text += `  ${r.stale} events older than those stored: the store kept the newer ones\n`;
    if (r.tokenRenewals) text += `  the access token was renewed ${r.tokenRenewals} time${r.tokenRenewals === 1 ? '' : 's'}\n`;
  }
  return text + `Store: ${path}\n`;
}

function status(subs: Subscription[], io: IO, asJson: boolean): void {
  if (asJson) {
    io.out(json({ subscriptions: subs.map(({ lastRun: _run, ...s }) => s) }));
    return;
  }
  if (!subs.length) {
    io.out('no subscriptions: add one with crisismap sync acled … or crisismap sync ucdp --version V …\n');
    return;
  }
  io.out(
    table(
      ['subscription', 'version', 'last synced', 'received', 'added', 'updated', 'deleted', 'status'],
      subs.map((s) => ({
        subscription: s.name,
        version: s.version,
        'last synced': s.lastSuccessAt?.slice(0, 19).replace('T', ' ') ?? 'never',
        received: s.lastReport?.received ?? null,
        added: s.lastReport?.added ?? null,
        updated: s.lastReport?.updated ?? null,
        deleted: s.lastReport ? Number(s.lastReport.deleted) + Number(s.lastReport.superseded) : null,
        status: s.lastError ? `failed ${s.lastAttemptAt?.slice(0, 16).replace('T', ' ')}: ${s.lastError}` : 'ok',
      })),
      [],
      100,
    ),
  );
}
