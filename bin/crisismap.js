#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no build step between a clone and a run.
import { register } from 'tsx/esm/api';

register();
const { main, processIO } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2), processIO);
// Let stdout drain before exiting, so piped output is never cut short.
process.stdout.write('', () => process.exit(code));
