/**
 * npm run bench: every benchmark, each printing ratios against a baseline measured in the
 * same process. Results are printed as Markdown; copy them into bench/RESULTS.md with the
 * date and machine (the script prints both).
 */
import { cpus, totalmem } from 'node:os';
import { benchSpine } from './spine.js';
import { benchAnalysis } from './analysis.js';
import { benchRender } from './render.js';
import { benchServer } from './server.js';
import { benchSync } from './sync.js';
import { benchCheck } from './check.js';
import { benchStart } from './start.js';

const header = [
  `# crisismap benchmark — ${new Date().toISOString().slice(0, 10)}`,
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
];
console.log(header.join('\n'));
console.log('\n## Whole processes: start-up, count, chart and map (issue 9)\n');
console.log((await benchStart()).join('\n'));
console.log('\n## Import and counting (issue 2)\n');
const spine = await benchSpine();
console.log(spine.lines.join('\n'));

console.log('\n## Analyses (issue 3)\n');
console.log((await benchAnalysis(spine.storePath)).lines.join('\n'));

console.log('\n## Charts and maps (issue 4)\n');
console.log((await benchRender()).join('\n'));

console.log('\n## Server under load (issue 5)\n');
console.log((await benchServer(spine.storePath)).join('\n'));

console.log('\n## Sync from the ACLED API (issue 12)\n');
console.log((await benchSync()).join('\n'));
console.log('');
console.log(await benchCheck());
