// The order `npm test` runs the test files in (scripts/test-files.mjs): every test file, once,
// the slow ones first; and `npm test` runs that list, not one of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allTestFiles, ROOT, SLOW_FIRST, testFiles } from './test-files.mjs';

test('every test file runs exactly once, the slow ones first', () => {
  const all = allTestFiles();
  const ordered = testFiles();
  assert.deepEqual([...ordered].sort(), all, 'the same files, none lost, none twice');
  assert.equal(new Set(ordered).size, ordered.length);
  // Each slow one named is a test file that exists (a renamed file must be renamed here too).
  for (const f of SLOW_FIRST) assert.ok(existsSync(join(ROOT, f)) && all.includes(f), `${f} is listed as slow but is not a test file`);
  assert.deepEqual(ordered.slice(0, SLOW_FIRST.length), SLOW_FIRST);
  // A file at each depth: the listing reaches into every folder.
  for (const f of ['scripts/test-files.test.mjs', 'src/web/dashboard.test.ts', 'src/cli/main.test.ts', 'src/sources/layouts/mapping.test.ts']) assert.ok(all.includes(f), f);
  // The command-line form prints the same list.
  assert.deepEqual(
    execFileSync(process.execPath, [join(ROOT, 'scripts/test-files.mjs')], { encoding: 'utf8' })
      .trim()
      .split('\n'),
    ordered,
  );
});

test('npm test runs the list, two files at a time, in UTC', () => {
  const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.test;
  assert.match(script, /TZ=UTC node --import tsx --test --test-concurrency=2 \$\(node scripts\/test-files\.mjs\)$/);
});
