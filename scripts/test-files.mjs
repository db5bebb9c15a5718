// The test files `npm test` runs, in the order it starts them: the slowest first, then every
// other one alphabetically. `node --test --test-concurrency=2` starts files in the order given,
// two at a time; started last, a file of a minute or more would run alone at the end while the
// other core idles. The slow ones are named here, as measured on a 2-core machine (seconds of
// wall time, run alone); any file not named still runs, and scripts/test-files.test.mjs checks
// that every test file is listed exactly once and that each slow one named exists.
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Slowest first. Re-measure when a file becomes slow: `/usr/bin/time node --import tsx --test FILE`. */
export const SLOW_FIRST = [
  'src/web/dashboard.test.ts', // ~95 s, Chromium
  'src/web/aggregates.test.ts', // ~45 s, Chromium
  'src/cli/commands/sync.test.ts', // ~45 s, 20 processes killed
  'src/sources/read-off-thread.test.ts', // ~40 s
  'src/server/security-uploads.test.ts',
  'src/server/security-writers.test.ts',
  'src/sources/import.test.ts',
  'src/server/soak.test.ts', // 15 s of load, by design
  'src/cli/tour.test.ts',
  'src/server/openapi.test.ts',
  'src/server/errors.test.ts',
  'src/sources/formats.test.ts',
  'src/server/concurrency.test.ts',
  'scripts/build.test.mjs',
  'src/sources/recover.test.ts',
  'src/sources/bad-input.test.ts',
  'src/sources/demo/generate.test.ts',
];

/** Every *.test.ts and *.test.mjs under src, test and scripts, relative to `root`. */
export function allTestFiles(root = ROOT) {
  return ['src', 'test', 'scripts']
    .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
    .filter((f) => /\.test\.(ts|mjs)$/.test(f) && !f.split('/').includes('node_modules'))
    .map((f) => relative(root, join(root, f)))
    .sort();
}

/** The order `npm test` runs them in. */
export function testFiles(root = ROOT) {
  const all = allTestFiles(root);
  const first = SLOW_FIRST.filter((f) => all.includes(f));
  return [...first, ...all.filter((f) => !first.includes(f))];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${testFiles().join('\n')}\n`);
}
