/**
 * --skip-invalid loses nothing: after damage anywhere in a file, reading starts again at the next
 * line that starts a valid record; rows read = added + updated + unchanged + stale + merged +
 * rejected, and every line of the input ends up in exactly one of the store or the rejects file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from './import.js';
import { acledRow, ACLED_HEADER, memoryStore, scratch, writeScratch } from '../../test/testing.js';

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const DAMAGE: Array<(line: string, r: () => number) => string> = [
  (line) => line.replace(/"On 27/, 'On 27'), // opening quote of the notes gone: text after a quote later
  (line) => line.replace(/quotes""\.",/, 'quotes"".,'), // closing quote gone: the quote runs on
  (line) => line.slice(0, Math.floor(line.length / 2)), // cut off
  (line) => line.replace(',Mali,', ',Mali,extra,'), // one field too many
  (line) => line.replace(/,3,(?=[^,]*,\d+$)/, ',three,'), // bad fatalities
  (line, r) => `${line.slice(0, Math.floor(r() * line.length))}"${line.slice(Math.floor(r() * line.length))}`, // a stray quote anywhere
];

for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
  test(`generated damage (seed ${seed}): every line ends in exactly one of the store or the rejects file`, async () => {
    const r = random(seed);
    const lines = Array.from({ length: 120 }, (_, i) => acledRow({ event_id_cnty: `ID${i + 1}X`, fatalities: 3 }));
    const damaged = new Set<number>();
    for (let k = 0; k < 10; k++) {
      const i = Math.floor(r() * lines.length);
      lines[i] = DAMAGE[Math.floor(r() * DAMAGE.length)]!(lines[i]!, r);
      damaged.add(i);
    }
    const file = writeScratch('damaged.csv', [ACLED_HEADER, ...lines].join('\n') + '\n');
    const rejects = join(scratch(), 'rejects.csv');
    const store = await memoryStore();
    const [report] = await importFiles(store, [file], { skipInvalid: true, rejectsPath: rejects });
    const rp = report!;
    assert.equal(rp.rowsRead, rp.added + rp.updated + rp.unchanged + rp.stale + rp.merged + rp.rejected, JSON.stringify(rp));

    const stored = new Set((await store.all('SELECT source_id FROM events')).map((e) => String(e.source_id)));
    const rejected = rp.rejected ? readFileSync(rejects, 'utf8') : '';
    for (const [i, line] of lines.entries()) {
      const id = `ID${i + 1}X`;
      // A line is in the store when its event is, with its own id; it is in the rejects when the file holds it after its line number.
      const inStore = stored.has(id) && line.includes(`${id},`);
      const inRejects = rejected.includes(`\n${i + 2},`) && rejected.includes(line);
      assert.ok(inStore !== inRejects, `line ${i + 2} (${damaged.has(i) ? 'damaged' : 'intact'}) is ${inStore ? 'in both' : 'in neither'}: ${line.slice(0, 60)}`);
    }
    // Nothing in the store that is not a line of the file.
    for (const id of stored) assert.match(id, /^ID\d+X$/);
    assert.equal(stored.size + rp.rejected, lines.length);
  });
}

test('an unbalanced quote on line 51 of 100 rows: line 51 alone is rejected, lines 52–101 are imported', async () => {
  const lines = Array.from({ length: 100 }, (_, i) => acledRow({ event_id_cnty: `R${i + 1}` }));
  lines[49] = lines[49]!.replace(/quotes""\.",/, 'quotes"".,');
  const file = writeScratch('quote.csv', [ACLED_HEADER, ...lines].join('\n') + '\n');
  const store = await memoryStore();
  const [report] = await importFiles(store, [file], { skipInvalid: true });
  assert.deepEqual([report!.rowsRead, report!.added, report!.rejected], [100, 99, 1]);
  const rejects = readFileSync(report!.rejectsFile!, 'utf8').split('\n').filter(Boolean);
  assert.equal(rejects.length, 2);
  assert.equal(rejects[1], `51,a quote opened on this line is not closed on it (the row runs on into the next lines),${lines[49]}`);
});
