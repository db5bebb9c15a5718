/** Long imports show progress on a terminal, and stay silent in pipes and CI logs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressBar } from './progress.js';
import { importFiles } from '../sources/import.js';
import { acledCsv, memoryStore, writeScratch } from '../../test/testing.js';

test('a terminal gets a bar that ends on its own line; a pipe gets nothing', () => {
  let written = '';
  const bar = progressBar({
    isTTY: true,
    write: (t: string) => {
      written += t;
      return true;
    },
  } as unknown as NodeJS.WriteStream)!;
  bar('checking big.csv', 0.5);
  bar('checking big.csv', 1);
  assert.match(written, /\rchecking big\.csv \[#{15} {15}\] 50%/);
  assert.match(written, /\rchecking big\.csv \[#{30}\] 100%\n$/);
  assert.equal(progressBar({ isTTY: false } as NodeJS.WriteStream), undefined);
});

test('an import reports each long step until it is complete', async () => {
  const steps = new Map<string, number>();
  const file = writeScratch('events.csv', acledCsv([{ event_id_cnty: 'MLI1' }, { event_id_cnty: 'MLI2' }]));
  await importFiles(await memoryStore(), [file], { onProgress: (step, f) => steps.set(step, f) });
  assert.deepEqual([...steps.keys()], [`checking ${file}`, `storing ${file}`]);
  assert.ok([...steps.values()].every((f) => f === 1));
});
