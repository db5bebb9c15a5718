/**
 * Issue 13, section 3 (the server and its writers): no string, in a request or in the store,
 * makes a writer produce invalid output or the server answer 500. The fuzz sends control
 * characters and invalid UTF-8 in every query parameter of every route, and through every
 * chart kind and format; each answer is checked for what its type must be: JSON parses, SVG
 * holds no character XML forbids and resvg (a strict XML reader) draws it, HTML holds no
 * control character, PNG is a PNG.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { visibleControls } from '../model/html.js';
import { CHART_FORMATS, CHART_KINDS } from '../render/index.js';
import { svgToPng } from '../render/png.js';
import { importFiles } from '../sources/import.js';
import { Store } from '../store/store.js';
import { scratch } from '../../test/testing.js';
import { startServer, type RunningServer } from './serve.js';
import { smallAcledFile } from '../../test/server.js';
import { type Answered, fuzzParameters } from '../../test/fuzz.js';

// Characters XML 1.0 forbids, as the writers must never emit them.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const HOSTILE_NAME = 'Wagner\u0001 Group\u001b[31m\u0000';

/** Control characters and invalid UTF-8, as they arrive percent-encoded in a URL. */
const FUZZ = ['%00', '%01', '%1B', 'a%0B%0Cb', '%FF', '%C3%28', '%ED%A0%80', '%F4%90%80%80', '%E0%A4%A', '%EF%BF%BF'];

let server: RunningServer;
before(async () => {
  // A store in which one actor's name holds control characters (as an import before issue 13 could leave it).
  const db = join(scratch(), 'hostile.duckdb');
  const store = await Store.open(db);
  try {
    await importFiles(store, [smallAcledFile()]);
    await store.run("UPDATE events SET actor1 = ?, notes = ?, location = ? WHERE source_id = 'MLI2'", [HOSTILE_NAME, 'notes\u0002with\u0007bells', 'Mou\u0008ra']);
  } finally {
    store.close();
  }
  // A generous time budget: this test is about output, on a machine that may be busy.
  server = await startServer({ db, port: 0, cacheMb: 0, queryTimeoutS: 600 });
});
after(() => server?.close());

const get = (path: string) => fetch(new URL(path, server.url));

/** The answer is what its content type promises, whatever went into it. */
async function assertValid(path: string, response: Response): Promise<void> {
  await assertAnswer({ target: path, status: response.status, type: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) });
}

async function assertAnswer({ target: path, status, type, bytes }: Answered): Promise<void> {
  assert.ok(status < 500, `${path}: ${status} ${bytes.toString('utf8', 0, 300)}`);
  if (type.startsWith('image/png')) {
    assert.equal(bytes.toString('latin1', 1, 4), 'PNG', path);
    return;
  }
  const text = bytes.toString('utf8');
  assert.ok(!text.includes('\ufffd') || Buffer.from(text).equals(bytes), `${path}: not UTF-8`);
  if (type.startsWith('application/json') || type.startsWith('application/geo+json')) JSON.parse(text);
  else if (type.startsWith('image/svg+xml')) {
    assert.doesNotMatch(text, NOT_XML, `${path}: a character XML forbids`);
    await svgToPng(text, 0.1); // resvg refuses what is not well-formed XML
  } else if (type.startsWith('text/html')) assert.doesNotMatch(text, NOT_XML, `${path}: a control character in HTML`);
}

/** A few requests at a time, as the server's readers take them. */
async function inParallel(targets: string[], check: (target: string) => Promise<void>, width = 4): Promise<void> {
  const queue = [...targets];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let target = queue.shift(); target !== undefined; target = queue.shift()) await check(target);
    }),
  );
}

test('visibleControls shows what XML cannot hold, and changes nothing else', () => {
  assert.equal(visibleControls('a\u0000b\u0001c\u001bd'), 'a\u2400b\u2401c\u241bd');
  assert.equal(visibleControls('tab\tnew\nline\r'), 'tab\tnew\nline\r');
  assert.equal(visibleControls('lone \ud800 half, \uffff'), 'lone \ufffd half, \ufffd');
  assert.equal(visibleControls('Côte d’Ivoire 😀'), 'Côte d’Ivoire 😀');
});

test('control characters and invalid UTF-8 in every parameter of every route: valid answers, never a 500', async () => {
  const document = await (await get('/api/openapi.json')).json();
  const report = await fuzzParameters(document, {
    // PNGs take a while to draw: every parameter gets the three kinds (a control, invalid UTF-8, a lone surrogate).
    values: (url) => (url.endsWith('.png') ? ['%01', '%FF', '%ED%A0%80'] : FUZZ),
    get,
    check: assertAnswer,
  });
  assert.equal(report.covered, report.pairs, 'every parameter of every route got hostile values');
  assert.ok(report.pairs > 300, `${report.pairs} parameters`);
});

test('every chart kind in every format, and every map, with hostile actor and country values and hostile data', async () => {
  const maps = ['svg', 'png', 'geojson', 'csv'].map((f) => `/api/map.${f}`);
  const charts = CHART_KINDS.flatMap((kind) => CHART_FORMATS.map((format) => `/api/chart/${kind}.${format}`));
  const queries = ['actor=%00', 'country=%FF', `actor=${encodeURIComponent('Wagner\u0001')}`, 'actor=Wagner'];
  await inParallel(
    [...charts, ...maps].flatMap((path) => queries.map((q) => `${path}?${q}`)),
    async (target) => assertValid(target, await get(target)),
  );
  // The stored name with control characters is drawn with their visible symbols.
  const svg = await (await get('/api/chart/bar.svg?by=actor&metric=events')).text();
  assert.ok(svg.includes('Wagner\u2401 Group\u241b[31m\u2400'), "the actor's name, its controls shown");
  const brief = await get('/api/brief.html?actor=Wagner');
  await assertValid('/api/brief.html', brief);
});
