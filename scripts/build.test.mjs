// The build the bin runs (scripts/build.mjs), on a small project of its own: built on first
// use, run as it is while fresh, rebuilt when a source changes or goes, never run stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, ensureBuilt, ROOT, staleReason } from './build.mjs';

/** A small project; `lib` is its standard library (a library's own types may need more than ES5). */
function project(lib = ['ES5']) {
  const root = mkdtempSync(join(tmpdir(), 'crisismap-build-'));
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}\n');
  // The smallest standard library (no DOM, no ES2022 declarations): the compiler then starts in
  // a fifth of the time, and this file runs it five times.
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', lib, module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, types: [] } }));
  writeFileSync(join(root, 'tsconfig.build.json'), readFileSync(join(ROOT, 'tsconfig.build.json')));
  for (const dir of ['cli', 'render/boundaries', 'web/public']) mkdirSync(join(root, 'src', dir), { recursive: true });
  writeFileSync(join(root, 'src/cli/main.ts'), `export const answer: number = 42;\n`);
  writeFileSync(join(root, 'src/cli/main.test.ts'), `export {};\n`);
  writeFileSync(join(root, 'src/render/boundaries/admin1.topo.json'), '{}\n');
  writeFileSync(join(root, 'src/web/public/index.html'), '<!doctype html>\n');
  return root;
}

/** Makes a file look edited after the build (mtimes of a fast build can tie with the stamp). */
function touchLater(file) {
  const later = new Date(Date.now() + 5000);
  utimesSync(file, later, later);
}

test('built on first use, with the assets beside the code, and not rebuilt while fresh', async () => {
  const root = project();
  const logs = [];
  assert.equal(staleReason(root), 'not built yet');
  ensureBuilt(root, (text) => logs.push(text));
  assert.equal(staleReason(root), undefined);
  assert.equal((await import(join(root, 'dist/cli/main.js'))).answer, 42);
  assert.ok(existsSync(join(root, 'dist/render/boundaries/admin1.topo.json')));
  assert.ok(existsSync(join(root, 'dist/web/public/index.html')));
  assert.ok(!existsSync(join(root, 'dist/cli/main.test.js')), 'tests are not built');
  assert.equal(logs.length, 2, logs.join(''));
  ensureBuilt(root, (text) => logs.push(text));
  assert.equal(logs.length, 2, 'a fresh build is run as it is');
  rmSync(root, { recursive: true });
});

test('a file that re-exports a library (BUNDLED) is replaced by the library bundled into one file', async () => {
  // DuckDB's declarations name BigInt64Array and async iterators.
  const root = project(['ES2022']);
  mkdirSync(join(root, 'src/store'));
  writeFileSync(join(root, 'src/store/duckdb.ts'), `export { listValue } from '@duckdb/node-api';\n`);
  build(root, () => {});
  const compiled = readFileSync(join(root, 'dist/store/duckdb.js'), 'utf8');
  assert.doesNotMatch(compiled, /from ['"]@duckdb\/node-api['"]/, 'the library is inside, not imported');
  assert.deepEqual(JSON.parse(readFileSync(join(root, 'dist/bundled.json'), 'utf8')), { 'store/duckdb.js': ['@duckdb/node-api'] });
  const { listValue } = await import(join(root, 'dist/store/duckdb.js'));
  assert.deepEqual(listValue([1, 2]).items, [1, 2]);
  rmSync(root, { recursive: true });
});

test('a changed, added or removed source makes the build stale, and it is rebuilt; one that does not compile leaves no build to run', () => {
  const root = project();
  build(root, () => {});
  touchLater(join(root, 'src/web/public/index.html'));
  assert.equal(staleReason(root), 'src/web/public/index.html changed since the last build');
  // Back to before the build, so that only the next change counts (a quick rebuild starts before a mtime set in the future).
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(root, 'src/web/public/index.html'), past, past);
  writeFileSync(join(root, 'src/cli/extra.ts'), 'export const extra = 1;\n');
  assert.match(staleReason(root), /1 source file\(s\) added or removed/);
  ensureBuilt(root, () => {});
  assert.ok(existsSync(join(root, 'dist/cli/extra.js')));
  rmSync(join(root, 'src/cli/extra.ts'));
  assert.match(staleReason(root), /added or removed/);
  ensureBuilt(root, () => {});
  assert.ok(!existsSync(join(root, 'dist/cli/extra.js')), 'a compiled file without its source is removed');
  touchLater(join(root, 'tsconfig.build.json'));
  assert.equal(staleReason(root), 'tsconfig.build.json changed since the last build');
  // A source that does not compile leaves no runnable build behind.
  writeFileSync(join(root, 'src/cli/main.ts'), `export const answer: number = 'forty-two';\n`);
  assert.throws(() => build(root, () => {}, 'ignore'), /TypeScript compiler failed/);
  assert.equal(staleReason(root), 'not built yet');
  rmSync(root, { recursive: true });
});

test('a PREPARED module makes its files in dist/ once the rest is there; one that fails leaves no build to run', () => {
  const root = project(['ES2022']);
  // Beside itself, in dist/render/boundaries: there only once the assets are copied.
  const prepare = (body) =>
    writeFileSync(join(root, 'src/render/boundaries.ts'), `export async function packBoundaries(): Promise<void> {\n  const fs = await import('node:' + 'fs');\n  ${body}\n}\n`);
  prepare(`fs.writeFileSync((import.meta as unknown as { url: string }).url.replace(/^file:\\/\\//, '').replace(/\\.js$/, '/packed.txt'), 'packed');`);
  build(root, () => {});
  assert.equal(readFileSync(join(root, 'dist/render/boundaries/packed.txt'), 'utf8'), 'packed');
  assert.equal(staleReason(root), undefined);
  prepare(`throw new Error('cannot pack ' + typeof fs);`);
  assert.throws(() => build(root, () => {}, 'ignore'), /render\/boundaries\.js failed to prepare its files/);
  assert.equal(staleReason(root), 'not built yet');
  rmSync(root, { recursive: true });
});
