/**
 * The staging area: pages written one after another into the one CSV file that lands, a page
 * cut off by a kill written over by the next run, and pages whose columns change joined onto
 * the union of their headers. Each is compared with the CSV the items make written in one go.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine } from '../csv-text.js';
import { scratch } from '../../../test/testing.js';
import { acledEvent, type Item } from '../../../test/sync-servers.js';
import { scanText } from '../encoding.js';
import { readJsonPage } from './json-page.js';
import { encodePage, Staging, type EncodedPage } from './staging.js';

const scanned = (path: string) => scanText(path, statSync(path).size);

const plan = { run: 'r1', name: 'acled', query: '{}', created: '2026-12-02T00:00:00Z' };

/** The items as one CSV under the union of their keys (in order of first appearance), missing cells empty. */
function oneCsv(items: Item[]): string {
  const columns = [...new Set(items.flatMap((i) => Object.keys(i)))];
  return [csvLine(columns), ...items.map((i) => csvLine(columns.map((c) => i[c] ?? '')))].join('');
}

function stage(staging: Staging, pages: Item[][], from = 1): void {
  for (const [i, items] of pages.entries()) {
    const page = from + i;
    staging.savePage('events', page, encodePage(items), page === pages.length, undefined);
  }
}

test('pages are written one after another into the file that lands, as it is', () => {
  const staging = new Staging(scratch(), 'acled');
  staging.start(plan);
  const pages = [0, 1, 2].map((p) => Array.from({ length: 4 }, (_, i) => acledEvent(p * 4 + i, { timestamp: String(1700000000 + p * 4 + i) })));
  stage(staging, pages);
  staging.markDone('events', 3);
  assert.deepEqual(staging.has('events', 2), { ...staging.has('events', 2), rows: 4, newest: 1700000007, last: false, file: 1 });
  const landed = staging.combine('events', 1, 'acled-api.csv')!;
  assert.equal(landed.rows, 12);
  assert.equal(readFileSync(landed.path, 'utf8'), oneCsv(pages.flat()));
  // The file that lands is the staged file under the name the store records, not a copy of it.
  assert.equal(statSync(landed.path).ino, statSync(join(staging.dir, 'events.1.csv')).ino);
  // And what the pages' sidecars say of its bytes is what the import would read them for.
  assert.deepEqual(landed.scan, scanned(landed.path));
});

test("the landed file's scan, summed from its pages, is the import's own scan of it: line breaks, tabs, control characters and spaces beyond ASCII in values", () => {
  const staging = new Staging(scratch(), 'acled');
  staging.start(plan);
  const pages = [
    [acledEvent(1, { notes: 'two\nlines, and\r\nthree' }), acledEvent(2)],
    [acledEvent(3, { notes: 'a\ttab', longitude: '\u00a027.56061' })],
    [acledEvent(4, { admin1: 'bell\u0007' }), acledEvent(5, { notes: 'x\ny' })],
  ];
  // Read as the API's answers are read (json-page.ts), and the plain way (encodePage).
  for (const [i, items] of pages.entries()) staging.savePage('events', i + 1, readJsonPage(Buffer.from(JSON.stringify({ data: items })), 'data').rows as EncodedPage, i === 2);
  staging.markDone('events', 3);
  const landed = staging.combine('events', 1, 'acled-api.csv')!;
  assert.deepEqual(landed.scan, scanned(landed.path));
  assert.deepEqual(landed.scan, { encoding: 'utf-8', legacyLines: 0, newlines: 1 + 5 + 3, tabs: true, controls: true, unusualSpaces: true });
  const plainly = new Staging(scratch(), 'acled');
  plainly.start(plan);
  stage(plainly, pages);
  plainly.markDone('events', 3);
  assert.deepEqual(plainly.combine('events', 1, 'acled-api.csv')!.scan, landed.scan);
});

test('bytes a killed run left past the last staged page are written over and cut off by the next run', () => {
  const root = scratch();
  const pages = [0, 1, 2].map((p) => Array.from({ length: 3 }, (_, i) => acledEvent(p * 3 + i)));
  const first = new Staging(root, 'acled');
  first.start(plan);
  stage(first, pages.slice(0, 2));
  // Killed while writing page 3: half a page, no sidecar.
  const half = encodePage(pages[2]!).csv;
  appendFileSync(join(first.dir, 'events.1.csv'), half.subarray(0, half.length / 2));
  appendFileSync(join(first.dir, 'events.1.csv'), half);

  const again = new Staging(root, 'acled');
  assert.equal(again.has('events', 3), undefined);
  again.savePage('events', 3, encodePage(pages[2]!), true);
  again.markDone('events', 3);
  assert.equal(readFileSync(again.combine('events', 1, 'acled-api.csv')!.path, 'utf8'), oneCsv(pages.flat()));

  // The same when the page that comes instead is empty: nothing is written, and the leftovers still go.
  const other = new Staging(scratch(), 'acled');
  other.start(plan);
  stage(other, pages.slice(0, 2));
  appendFileSync(join(other.dir, 'events.1.csv'), half);
  other.savePage('events', 3, encodePage([]), true);
  other.markDone('events', 3);
  const landed = other.combine('events', 1, 'acled-api.csv')!;
  assert.equal(landed.rows, 6);
  assert.equal(readFileSync(landed.path, 'utf8'), oneCsv(pages.slice(0, 2).flat()));
});

test('a page with fewer columns, or in another order, joins the file; one with a new column starts another, and they land joined', () => {
  const staging = new Staging(scratch(), 'acled');
  staging.start(plan);
  const full = [acledEvent(1), acledEvent(2)];
  const { notes: _n, tags: _t, ...lessObject } = acledEvent(3);
  const reordered = Object.fromEntries(Object.entries(acledEvent(4)).reverse());
  const extra = { ...acledEvent(5), source_url: 'https://example.org/a,b' };
  const pages: Item[][] = [full, [lessObject], [reordered], [extra], [acledEvent(6)]];
  stage(staging, pages);
  staging.markDone('events', pages.length);
  assert.deepEqual(
    [1, 2, 3, 4, 5].map((p) => staging.has('events', p)!.file),
    [1, 1, 1, 2, 2],
  );
  assert.deepEqual(
    readdirSync(staging.dir)
      .filter((f) => f.endsWith('.csv'))
      .sort(),
    ['events.1.csv', 'events.2.csv'],
  );
  const landed = staging.combine('events', 1, 'acled-api.csv')!;
  assert.equal(landed.rows, 6);
  assert.equal(readFileSync(landed.path, 'utf8'), oneCsv(pages.flat()));
});

test('pages staged by a crisismap that kept them otherwise are not resumed', () => {
  const staging = new Staging(scratch(), 'acled');
  staging.start(plan);
  assert.equal(staging.plan()?.run, 'r1');
  // The plan of a run staged before pages were written into one file: no format.
  writeFileSync(join(staging.dir, 'plan.json'), JSON.stringify(plan));
  assert.equal(staging.plan(), undefined);
});
