// Preloaded into every process bench/start.ts times: at exit, prints the CPU time the whole
// process used (all threads, DuckDB's included) to stderr. CPU time barely moves with the
// machine's load, where wall time does: it says how much work a start does.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeSync(2, `\ncpu-ms ${(user + system) / 1000}\n`);
});
