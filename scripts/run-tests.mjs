// `npm test`'s runner: node's test runner on the files of scripts/test-files.mjs, two at a time,
// started in that order (the slowest first). `node --test FILES` would not do: Node 20 sorts
// the files it is given by path. Run it as `node --import tsx scripts/run-tests.mjs [FILES]`:
// each file runs in a process of its own that inherits --import tsx. Given files, it runs those,
// in the order given. The reporter is node's own: spec on a terminal, TAP otherwise, as `node --test`.
import { resolve } from 'node:path';
import { run } from 'node:test';
import { spec, tap } from 'node:test/reporters';
import { ROOT, testFiles } from './test-files.mjs';

const given = process.argv.slice(2);
const files = given.length ? given.map((f) => resolve(f)) : testFiles().map((f) => resolve(ROOT, f));

run({ files, concurrency: 2 })
  .on('test:fail', (event) => {
    // As node --test: a failing test marked todo does not fail the run.
    if (event.todo !== undefined && event.todo !== false) return;
    process.exitCode = 1;
  })
  .compose(process.stdout.isTTY ? new spec() : tap)
  .pipe(process.stdout);
