import { CrisisError } from '../../model/errors.js';
import { DEFAULT_IMPORT_MEMORY_MB, DEFAULT_MAX_UPLOAD_MB, UNPACKED_PER_IMPORT_MEMORY } from '../../server/app.js';
import { DEFAULT_CACHE_MB } from '../../server/cache.js';
import { DEFAULT_QUERY_TIMEOUT_S, DEFAULT_READERS } from '../../server/pool.js';
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback, startServer } from '../../server/serve.js';
import { parseInterval } from '../../server/sync.js';
import { loadCredentials } from '../../sources/sync/credentials.js';
import { resolveDbPath } from '../../store/store.js';
import type { Command } from '../command.js';
import { DB_HELP, parse } from '../options.js';
import { numberFlag } from './answer-output.js';
import { buildDemo } from './demo.js';

export const serveCommand: Command = {
  help: `Usage: crisismap serve [--db FILE] [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}] [--token T] [--demo] [--sync-every 6h]

Starts one process that serves the dashboard at / and the JSON API under /api/ (every route
is described at /api/docs and /api/openapi.json; see docs/api.md). Filters are query
parameters in ACLED's conventions: /api/count?country=Mali|Niger&by=year.

The server owns the store file while it runs. Other crisismap commands of the same user on
the same file go through the server (it leaves a discovery file, readable by that user
only, beside the store) and print what they print without it; imports too. Other users
import through the API (POST /api/import with the token). Reading is open to anyone who can reach the server, so it
listens on this machine only (127.0.0.1) unless --host says otherwise.

Options:
  --port N                port to listen on (default ${DEFAULT_PORT}; 0: any free port)
  --host ADDRESS          address to listen on (default ${DEFAULT_HOST}: this machine only;
                          0.0.0.0 makes the server reachable from other machines)
  --token T               the token that allows writing (POST /api/import); also
                          $CRISISMAP_TOKEN, which other users of this machine cannot see.
                          Without one, writing is disabled
  --max-upload MB         largest file accepted by POST /api/import (default ${DEFAULT_MAX_UPLOAD_MB})
  --import-memory MB      memory an upload may take while it is read, in a thread apart from
                          the one answering readers (default ${DEFAULT_IMPORT_MEMORY_MB}); past it: 413
  --max-unpacked MB       most an uploaded zip or XLSX may unpack to (default: ${UNPACKED_PER_IMPORT_MEMORY}× --import-memory);
                          larger ones, or ones that lie about their size, get a 413 before being read
  --demo                  build the synthetic demo store first if the store has no events
  --read-only             open the store read-only: other commands may read it meanwhile;
                          importing is disabled
  --cache-mb MB           memory for answers kept until the next import (default ${DEFAULT_CACHE_MB}; 0: off)
  --readers N             store connections answering requests side by side (default ${DEFAULT_READERS});
                          one client holds at most all but one of them
  --query-timeout S       each query's time budget in seconds (default ${DEFAULT_QUERY_TIMEOUT_S}): past it the
                          query is stopped and answered 503, naming the budget
  --sync-every D          refresh the store's subscriptions (crisismap sync) now and then every D
                          (e.g. 6h, 30m, 1d) inside the server; reading goes on meanwhile
  --credentials FILE      API credentials for --sync-every, as for crisismap sync (default: the
                          environment's ACLED_USERNAME, ACLED_PASSWORD, UCDP_TOKEN)
${DB_HELP}

Example:
  crisismap serve --demo --db demo.duckdb --port 8080`,

  async run(args, io) {
    const { values } = parse(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      'max-upload': { type: 'string' },
      'import-memory': { type: 'string' },
      'max-unpacked': { type: 'string' },
      demo: { type: 'boolean' },
      'read-only': { type: 'boolean' },
      'cache-mb': { type: 'string' },
      readers: { type: 'string' },
      'sync-every': { type: 'string' },
      credentials: { type: 'string' },
      'query-timeout': { type: 'string' },
    });
    const db = resolveDbPath(values.db as string | undefined);
    const port = numberFlag(values.port, 'port', DEFAULT_PORT);
    if (port > 65535) throw new CrisisError(`--port ${port} is not a port`, ['give a number from 1 to 65535, or 0 for any free port']);
    const host = (values.host as string | undefined) ?? DEFAULT_HOST;
    const token = (values.token as string | undefined) ?? process.env.CRISISMAP_TOKEN ?? undefined;
    if (values['read-only'] && values.demo) throw new CrisisError('--demo cannot build a store opened --read-only', ['run crisismap demo first, or drop --read-only']);
    const syncEvery = values['sync-every'] === undefined ? undefined : parseInterval(values['sync-every'] as string);
    if (values['sync-every'] !== undefined && !syncEvery) throw new CrisisError(`--sync-every "${values['sync-every']}" is not a duration`, ['e.g. --sync-every 6h (s, m, h or d)']);
    if (syncEvery && values['read-only']) throw new CrisisError('--sync-every cannot write to a store opened --read-only', ['drop --read-only']);
    const importMemoryMb = importMemory(values['import-memory']);
    const server = await startServer({
      db,
      port,
      host,
      readOnly: !!values['read-only'],
      ...(token ? { token } : {}),
      maxUploadMb: numberFlag(values['max-upload'], 'max-upload', DEFAULT_MAX_UPLOAD_MB, true),
      importMemoryMb,
      maxUnpackedMb: numberFlag(values['max-unpacked'], 'max-unpacked', UNPACKED_PER_IMPORT_MEMORY * importMemoryMb, true),
      cacheMb: numberFlag(values['cache-mb'], 'cache-mb', DEFAULT_CACHE_MB, true),
      readers: Math.max(1, numberFlag(values.readers, 'readers', DEFAULT_READERS)),
      queryTimeoutS: queryTimeout(values['query-timeout']),
      ...(syncEvery ? { sync: { everyMs: syncEvery, options: { credentials: loadCredentials(values.credentials as string | undefined) }, log: (line: string) => io.err(`${line}\n`) } } : {}),
      // Commands run in another terminal reach the store through the server (src/cli/via-server.ts).
      commands: async (argv, captured) => (await import('../main.js')).main(argv, captured),
      ...(values.demo
        ? {
            demo: async (store) => {
              io.err('the store has no events: building the synthetic demo data…\n');
              await buildDemo(store);
            },
          }
        : {}),
    });
    io.out(`crisismap serving ${db} at ${server.url}\n`);
    io.out(`API: ${server.url}api/docs · writing ${values['read-only'] ? 'disabled (read-only store)' : token ? 'enabled with the token' : 'disabled (no --token)'} · stop with Ctrl-C\n`);
    if (!isLoopback(host)) io.err(`note: listening on ${host}: anyone who can reach this machine can read the store\n`);
    if (values.token) io.err('note: a token on the command line is visible to other users of this machine (ps); $CRISISMAP_TOKEN is not\n');
    await stopped();
    await server.close();
    io.out('crisismap: server stopped\n');
  },
};

function queryTimeout(value: unknown): number {
  const seconds = numberFlag(value, 'query-timeout', DEFAULT_QUERY_TIMEOUT_S, true);
  if (seconds <= 0)
    throw new CrisisError(`--query-timeout ${seconds} leaves no time for any query`, [`give a number of seconds above 0, e.g. --query-timeout 30 (default ${DEFAULT_QUERY_TIMEOUT_S})`]);
  return seconds;
}

function importMemory(value: unknown): number {
  const mb = numberFlag(value, 'import-memory', DEFAULT_IMPORT_MEMORY_MB, true);
  // Below this the reading thread cannot even load its code.
  if (mb < 16) throw new CrisisError(`--import-memory ${mb} is too little to read any file`, [`give 16 MB or more, e.g. --import-memory 1024 (default ${DEFAULT_IMPORT_MEMORY_MB})`]);
  return mb;
}

/** Resolves on Ctrl-C or a termination signal, so the store is closed cleanly. */
function stopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
