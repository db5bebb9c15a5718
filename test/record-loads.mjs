/**
 * Records every module a process loads, for the tests that check what a command does not
 * load. Run as `node --import ./test/record-loads.mjs …` with CRISISMAP_LOADS=FILE: each ES
 * module's URL is appended to FILE as it is resolved (a loader hook, on the hooks thread),
 * and at exit every CommonJS module in require's cache (those ES imports reach, and those
 * they require in turn).
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const FILE = process.env.CRISISMAP_LOADS;

if (isMainThread && FILE) {
  register(import.meta.url);
  process.on('exit', () => {
    const cache = createRequire(import.meta.url).cache;
    appendFileSync(
      FILE,
      Object.keys(cache)
        .map((path) => pathToFileURL(path).href + '\n')
        .join(''),
    );
  });
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (FILE) appendFileSync(FILE, result.url + '\n');
  return result;
}
