#!/usr/bin/env node
// Runs the compiled JavaScript in dist/: no TypeScript compiler at run time, so it starts fast.
// dist/ is built at install, or here on first use and whenever a source is newer than it
// (after a `git pull` or an edit): a stale build is rebuilt, never run. See scripts/build.mjs.
import { ensureBuilt } from '../scripts/build.mjs';

try {
  ensureBuilt();
} catch (error) {
  process.stderr.write(`crisismap: ${error.message}\n`);
  process.exit(1);
}
const { main, processIO } = await import('../dist/cli/main.js');
const code = await main(process.argv.slice(2), processIO);
// Let stdout drain before exiting, so piped output is never cut short.
process.stdout.write('', () => process.exit(code));
