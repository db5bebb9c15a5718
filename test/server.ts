/**
 * For the API tests: a real server on a free loopback port, over a store file built from
 * real or inline files, and small helpers to ask it things the way a client would.
 */
import { join } from 'node:path';
import { importFiles } from '../src/sources/import.js';
import { Store } from '../src/store/store.js';
import { acledCsv, scratch, writeScratch } from './testing.js';
import { startServer, type RunningServer, type ServeOptions } from '../src/server/serve.js';

export interface TestServer extends RunningServer {
  get(path: string, init?: RequestInit): Promise<Response>;
  /** GET, expecting JSON; the status comes back beside the body. */
  // biome-ignore lint/suspicious/noExplicitAny: a test reads the body as the JSON it expects
  json<T = any>(path: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }>;
}

/** A store file holding these files' events, then a server on it (port 0: a free one). */
export async function testServer(files: string[], options: Partial<ServeOptions> = {}): Promise<TestServer> {
  const db = join(scratch(), 'api.duckdb');
  const store = await Store.open(db);
  try {
    if (files.length) await importFiles(store, files);
  } finally {
    store.close();
  }
  const server = await startServer({ db, port: 0, ...options });
  const get = (path: string, init?: RequestInit) => fetch(new URL(path, server.url), init);
  return {
    ...server,
    get,
    async json(path, init) {
      const response = await get(path, init);
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`${path}: not JSON (${response.status} ${response.headers.get('content-type')}): ${text.slice(0, 200)}`);
      }
      return { status: response.status, body: body as never, headers: response.headers };
    },
  };
}

/** A few events in ACLED's layout (see acledRow in src/testing.ts for the other columns). */
export function smallAcledFile(): string {
  return writeScratch(
    'small.csv',
    acledCsv([
      { event_id_cnty: 'MLI1', event_date: '2021-03-01', year: 2021, assoc_actor_1: '', fatalities: 4 },
      { event_id_cnty: 'MLI2', event_date: '2022-03-27', actor1: 'Wagner Group', assoc_actor_1: 'Military Forces of Mali (2021-)', fatalities: 30 },
      {
        event_id_cnty: 'MLI3',
        event_date: '2022-03-28',
        actor1: 'Wagner Group',
        assoc_actor_1: '',
        event_type: 'Violence against civilians',
        sub_event_type: 'Attack',
        actor2: 'Civilians (Mali)',
        inter2: 7,
        interaction: 17,
        fatalities: 12,
        notes: '<script>alert("x")</script> & more',
      },
      { event_id_cnty: 'NIR1', event_date: '2022-04-01', country: 'Niger', admin1: 'Tillaberi', fatalities: 2, actor1: 'Islamic State (Sahel)', assoc_actor_1: '', latitude: '', longitude: '' },
    ]),
  );
}
