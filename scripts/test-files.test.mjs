// The order `npm test` runs the test files in (scripts/test-files.mjs): every test file, once,
// the slow ones first; `npm test` runs that list, and its runner (scripts/run-tests.mjs) keeps the order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

test('npm test runs the list through scripts/run-tests.mjs, in UTC', () => {
  const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.test;
  assert.match(script, /TZ=UTC node --import tsx scripts\/run-tests\.mjs$/);
});

test('the runner starts files in the order given (node --test would sort them), two at a time, and fails when a test fails', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crisismap-order-'));
  const log = join(dir, 'log');
  const file = (name, body = '') => {
    const path = join(dir, `${name}.test.mjs`);
    writeFileSync(
      path,
      `import { test } from 'node:test';\nimport { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, '${name}\\n');\ntest('${name}', async () => { await new Promise((r) => setTimeout(r, 200)); ${body} });\n`,
    );
    return path;
  };
  const runner = join(ROOT, 'scripts/run-tests.mjs');
  // As npm runs it: not as a child of this test runner, which would take its output for its own.
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const ran = spawnSync(process.execPath, [runner, file('c'), file('a'), file('b')], { encoding: 'utf8', env });
  assert.equal(ran.status, 0, ran.stdout + ran.stderr);
  assert.match(ran.stdout, /^# pass 3$/m, "the closing lines of node's TAP reporter");
  // Two at a time: c and a start together (in either order), b once one of them is done.
  const started = readFileSync(log, 'utf8').trim().split('\n');
  assert.deepEqual([started.slice(0, 2).sort(), started[2]], [['a', 'c'], 'b']);
  const failing = spawnSync(process.execPath, [runner, file('d', "throw new Error('no');")], { encoding: 'utf8', env });
  assert.equal(failing.status, 1, failing.stdout);
  assert.match(failing.stdout, /^# fail 1$/m);
});
