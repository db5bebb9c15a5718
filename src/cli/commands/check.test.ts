/** crisismap check from the command line: a text, --json, --batch (one line out per line in) and its errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { importFiles } from '../../sources/import.js';
import { Store } from '../../store/store.js';
import { scratch, writeScratch } from '../../../test/testing.js';
import { smallAcledFile } from '../../../test/server.js';
import { runCli } from '../../../test/cli.js';

const run = (args: string[]) => runCli(args);

async function db(): Promise<string> {
  const path = join(scratch(), 'check.duckdb');
  const store = await Store.open(path);
  await importFiles(store, [smallAcledFile()]);
  store.close();
  return path;
}

test('a text file: claims, verdicts and the events behind each', async () => {
  const file = writeScratch('article.txt', 'At least 40 people were killed in Moura, Mali in March 2022.');
  const { code, out } = await run(['check', file, '--published', '2023-02-08', '--db', await db()]);
  assert.equal(code, 0);
  assert.match(out, /1\. \[supported\] "40" — at_least 40 deaths/);
  assert.match(out, /Events: 2 — crisismap events --country Mali --location Moura --from 2022-03-01 --to 2022-03-31/);
  const json = JSON.parse((await run(['check', file, '--published', '2023-02-08', '--json', '--db', await db()])).out);
  assert.deepEqual(
    Object.keys(json.claims[0]).filter((k) =>
      ['span', 'start', 'end', 'sentence', 'quantity', 'qualifier', 'unit', 'metric', 'place', 'period', 'actors', 'checkable', 'verdict', 'data', 'explanation'].includes(k),
    ).length,
    15,
  );
});

test('--batch: one {"id", "claims"} line per input line; a bad line is named by file and line', async () => {
  const path = await db();
  const batch = writeScratch(
    'batch.jsonl',
    [
      JSON.stringify({ id: 'a', sentence: 'At least 40 people were killed in Moura, Mali in March 2022.', published: '2023-02-08', lang: 'en', note: 'ignored' }),
      JSON.stringify({ id: 'b', text: 'Nothing to see in 2022.', published: '2023' }),
    ].join('\n'),
  );
  const { code, out } = await run(['check', '--batch', batch, '--db', path]);
  assert.equal(code, 0);
  const lines = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => [l.id, l.claims.length]),
    [
      ['a', 1],
      ['b', 0],
    ],
  );
  const bad = writeScratch('bad.jsonl', '{"id": 1, "sentence": "x"}\n{"id": 2}\n');
  const failed = await run(['check', '--batch', bad, '--db', path]);
  assert.equal(failed.code, 2);
  assert.match(failed.err, /bad\.jsonl:2: needs "sentence" or "text"/);
});

test('--batch reads source_title as the headline and carries context across consecutive lines of one source_url', async () => {
  const path = await db();
  const url = 'https://example.org/moura';
  const batch = writeScratch(
    'article.jsonl',
    [
      JSON.stringify({ id: 'h', source_url: url, source_title: 'Massacre in Moura, Mali in March 2022 (Wire)', sentence: 'At least 40 people were killed.', published: '2023-02-08' }),
      JSON.stringify({ id: 'n', source_url: url, source_title: 'Massacre in Moura, Mali in March 2022 (Wire)', sentence: 'Another 12 people died.', published: '2023-02-08' }),
      JSON.stringify({ id: 'o', source_url: 'https://example.org/other', source_title: 'Elsewhere', sentence: 'Another 12 people died.', published: '2023-02-08' }),
    ].join('\n'),
  );
  const { code, out } = await run(['check', '--batch', batch, '--db', path]);
  assert.equal(code, 0);
  const [h, n, o] = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  for (const line of [h, n]) {
    const c = line.claims[0];
    assert.deepEqual([c.place?.countries, c.place?.locations, c.period?.from, c.period?.to], [['MLI'], ['Moura'], '2022-03-01', '2022-03-31'], line.id);
  }
  // Another article starts afresh: no place, and the headline's numbers are never claims.
  assert.equal(o.claims[0].place, null);
  assert.deepEqual(
    h.claims.map((c: { quantity: number }) => c.quantity),
    [40],
  );
});
