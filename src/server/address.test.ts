/**
 * Every event id a brief lists is a link that leads to that event and no other: from
 * /api/brief.html and .md relative to the page, from `crisismap brief --html` to the server
 * its --links names. Followed against a real server on loopback, over the real ACLED sample.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { importFiles } from '../sources/import.js';
import { Store } from '../store/store.js';
import { NEEDS_SHARED, scratch, shared } from '../../test/testing.js';
import { testServer, type TestServer } from '../../test/server.js';
import { runCli } from '../../test/cli.js';
import { DEFAULT_BASE_URL } from './address.js';

const skip = NEEDS_SHARED;
const SAMPLE = 'acled/acled_sample_2022h1.csv';
let server: TestServer;
/** A store of the same file for the command line, apart from the server's. */
let cliDb: string;

before(async () => {
  if (skip) return;
  server = await testServer([shared(SAMPLE)]);
  cliDb = join(scratch(), 'cli.duckdb');
  const store = await Store.open(cliDb);
  try {
    await importFiles(store, [shared(SAMPLE)]);
  } finally {
    store.close();
  }
});
after(() => server?.close());

const cli = (...argv: string[]) => runCli(argv);

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The links of the brief's events lines: [address, the id shown]. */
function htmlLinks(page: string): Array<[string, string]> {
  const lines = [...page.matchAll(/<p class="events">(.*?)<\/p>/g)].map((m) => m[1]!);
  return lines.flatMap((line) => [...line.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m): [string, string] => [unescapeHtml(m[1]!), unescapeHtml(m[2]!)]));
}

/** Follows a link as a browser would from `page`, and expects exactly the event it names. */
async function expectEvent(href: string, id: string, page: string) {
  const url = new URL(href, page);
  assert.equal(url.origin, new URL(server.url).origin, `${href} leads to this server`);
  const { status, body } = await server.json(url.pathname + url.search);
  assert.equal(status, 200, `${href}: ${JSON.stringify(body).slice(0, 200)}`);
  assert.equal(body.matched, 1, `${href}: one event`);
  assert.deepEqual(
    body.events.map((e: { id: string }) => e.id),
    [id],
    `${href} leads to ${id}`,
  );
}

test('/api/events?event_id_cnty= answers that event alone, by either id; the dashboard opens on it', { skip }, async () => {
  const some = (await server.json('/api/events?country=Mali&limit=2')).body.events.map((e: { id: string }) => e.id);
  const id: string = some[0];
  assert.match(id, /^acled:MLI\d+$/);
  await expectEvent(`/api/events?event_id_cnty=${id}`, id, server.url);
  await expectEvent(`/api/events?event_id_cnty=${id.replace('acled:', '')}`, id, server.url);
  const both = await server.json(`/api/count?event_id_cnty=${some.join('|')}`);
  assert.equal(both.body.total.events, 2);
  assert.deepEqual(both.body.filters, { eventId: [...some].sort() });
  const unknown = await server.json('/api/events?event_id_cnty=acled:NOPE1');
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.error.message, 'unknown event_id_cnty "acled:NOPE1"');
  // The dashboard's query is the API's: opened with it, it shows that one event (src/web/dashboard.test.ts).
  const dashboard = await server.get(`/?event_id_cnty=${id}`);
  assert.equal(dashboard.status, 200);
  assert.match(dashboard.headers.get('content-type')!, /^text\/html/);
  const model = (await server.json('/api/filters.json')).body.filters.find((f: { key: string }) => f.key === 'eventId');
  assert.deepEqual([model.http, model.flag, model.label], ['event_id_cnty', 'event-id', 'Event id']);
});

test('/api/brief.html and .md link each event id to its event, relative to the page', { skip }, async () => {
  const pageUrl = new URL('/api/brief.html?country=Mali&actor=Wagner', server.url).href;
  const page = await (await fetch(pageUrl)).text();
  const links = htmlLinks(page);
  const shown = [...page.matchAll(/<p class="events">Events behind it: /g)].length;
  assert.ok(shown >= 4, `${shown} sections list events`);
  assert.ok(links.length >= shown, `${links.length} links`);
  assert.ok(
    links.every(([href]) => href.startsWith('events?event_id_cnty=acled:')),
    'relative to /api/: they hold behind a proxy',
  );
  for (const [href, id] of new Map(links)) await expectEvent(href, id, pageUrl);

  const mdUrl = new URL('/api/brief.md?country=Mali', server.url).href;
  const md = await (await fetch(mdUrl)).text();
  const mdLinks = [...md.matchAll(/\[([^\]]+)\]\(<([^>]+)>\)/g)].map((m) => [m[2]!, m[1]!] as const);
  assert.ok(mdLinks.length >= 8, `${mdLinks.length} Markdown links`);
  for (const [href, id] of mdLinks.slice(0, 8)) await expectEvent(href, id, mdUrl);
});

test("crisismap brief links to the server --links names; HTML to serve's own address by default; none: plain ids", { skip }, async () => {
  const given = await cli('brief', '--db', cliDb, '--country', 'Mali', '--actor', 'Wagner', '--html', '--links', server.url);
  assert.equal(given.code, 0, given.err);
  const links = htmlLinks(given.out);
  assert.ok(links.length >= 4, `${links.length} links`);
  for (const [href, id] of links.slice(0, 12)) {
    assert.ok(href.startsWith(`${server.url}api/events?event_id_cnty=`), href);
    await expectEvent(href, id, server.url);
  }
  const plain = await cli('brief', '--db', cliDb, '--country', 'Mali', '--html');
  assert.ok(
    htmlLinks(plain.out).every(([href]) => href.startsWith(`${DEFAULT_BASE_URL}/api/events?event_id_cnty=acled:MLI`)),
    'serve --port 8080 on this machine',
  );
  assert.equal(DEFAULT_BASE_URL, 'http://127.0.0.1:8080');
  const md = await cli('brief', '--db', cliDb, '--country', 'Mali');
  assert.doesNotMatch(md.out, /\]\(</, 'Markdown in a terminal shows plain ids unless --links is given');
  const mdLinked = await cli('brief', '--db', cliDb, '--country', 'Mali', '--links', server.url);
  const [href, id] = /\[([^\]]+)\]\(<([^>]+)>\)/.exec(mdLinked.out)!.slice(1).reverse() as [string, string];
  await expectEvent(href, id, server.url);
  const none = await cli('brief', '--db', cliDb, '--country', 'Mali', '--html', '--links', 'none');
  assert.doesNotMatch(none.out, /<a /);
  assert.match(none.out, /Events behind it: acled:MLI\d+, /);
  const bad = await cli('brief', '--db', cliDb, '--links', 'javascript:alert(1)');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--links "javascript:alert\(1\)": is not an http:\/\/ or https:\/\/ address, or none/);
});
