/**
 * The test run of `npm test`: the TypeScript of src/ and test/ compiled to JavaScript (esbuild,
 * one file at a time, types stripped), then `node --test` over the compiled test files and the
 * scripts' own tests, two files at a time (the machine's two cores).
 *
 * Why not tsx, as `node --import tsx --test file.ts` (still the way to run one file by hand):
 * under a loader every module a test process loads is a round trip to the loader's thread, and
 * each process registers the loader first. Over the suite's 76 processes that was a tenth of its
 * CPU. Compiled beforehand (0.3 s for the whole tree), the tests load as plain JavaScript.
 *
 * The compiled files go to node_modules/.cache/crisismap-test/, in the tree's own layout, made
 * afresh at every run (a deleted test must not run), so one run at a time in a checkout. Each
 * keeps its source's `import.meta.url` (and dirname, filename): paths the code finds from its
 * own place (fixtures, the shipped boundaries, the dashboard, ../shared) are those of the
 * source tree. Source maps are inline, so
 * a failure's stack names the .ts line. The files that only re-export a library (build.mjs's
 * BUNDLED: DuckDB's client, Vega) re-export dist/'s bundle of it instead, as the program does:
 * 181 files of DuckDB's client cost each test process 0.2 s of CPU to load one by one.
 *
 *   node scripts/test.mjs                      every test
 *   node scripts/test.mjs src/server/api.test.ts ...   those files
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { BUNDLED, ensureBuilt, ROOT } from './build.mjs';

const OUT = join(ROOT, 'node_modules/.cache/crisismap-test');
/** Compiled from TypeScript; scripts/ holds plain JavaScript, run as it is. */
const COMPILED = ['src', 'test'];

/** Files below `dir` whose path (relative to it) `keep` accepts. */
const filesUnder = (dir, keep) =>
  readdirSync(dir, { recursive: true })
    .filter(keep)
    .map((name) => join(dir, name));

const isTypeScript = (name) => name.endsWith('.ts') && !name.endsWith('.d.ts');
const compiledPath = (file) => join(OUT, relative(ROOT, file)).replace(/\.ts$/, '.js');

async function compile(file) {
  const out = compiledPath(file);
  mkdirSync(dirname(out), { recursive: true });
  const bundled = relative(join(ROOT, 'src'), file).split(sep).join('/');
  if (bundled in BUNDLED) {
    writeFileSync(out, `export * from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', bundled.replace(/\.ts$/, '.js'))).href)};\n`);
    return;
  }
  const { code } = await transform(readFileSync(file, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: file,
    define: {
      'import.meta.url': JSON.stringify(pathToFileURL(file).href),
      'import.meta.dirname': JSON.stringify(dirname(file)),
      'import.meta.filename': JSON.stringify(file),
    },
  });
  writeFileSync(out, code);
}

const sources = COMPILED.flatMap((dir) => filesUnder(join(ROOT, dir), isTypeScript));
const requested = process.argv.slice(2).map((file) => resolve(file));
const tests = requested.length ? requested : [...sources.filter((file) => file.endsWith('.test.ts')), ...filesUnder(join(ROOT, 'scripts'), (name) => name.endsWith('.test.mjs'))].sort();

ensureBuilt();
rmSync(OUT, { recursive: true, force: true });
await Promise.all(sources.map(compile));

const run = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=2', ...tests.map((file) => (isTypeScript(file) ? compiledPath(file) : file))], {
  stdio: 'inherit',
  cwd: ROOT,
});
process.exit(run.status ?? 1);
