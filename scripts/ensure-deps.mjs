// Lets `npm start` and `npm test` work straight after cloning: installs dependencies once.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync(new URL('../node_modules/@duckdb/node-api/package.json', import.meta.url))) {
  process.stderr.write('Installing dependencies (first run)…\n');
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit', cwd: new URL('..', import.meta.url) });
}
