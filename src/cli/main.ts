/**
 * The crisismap command line: a thin shell over the library.
 *   1. pick the command from argv          (commands/)
 *   2. parse its flags into a Filter       (options.ts → query/filter.ts)
 *   3. run the query or import             (sources/, query/)
 *   4. print a table, CSV, JSON or GeoJSON (format.ts)
 * Errors the user can fix print as one line plus hints, with a non-zero exit code.
 */
import { CrisisError } from '../model/errors.js';
import { StoreLockedError } from '../store/store.js';
import { wordError, wordText } from '../model/param.js';
import { CLI_NAMES } from './wording.js';
import type { Command, IO } from './command.js';
import { chartCommand } from './commands/chart.js';
import { ANALYSES } from '../analysis/registry.js';
import { analysisCommand } from './commands/analysis.js';
import { countCommand } from './commands/count.js';
import { demoCommand } from './commands/demo.js';
import { eventsCommand } from './commands/events.js';
import { importCommand } from './commands/import.js';
import { infoCommand } from './commands/info.js';
import { mapCommand } from './commands/map.js';
import { serveCommand } from './commands/serve.js';
import { syncCommand } from './commands/sync.js';
import { withTableWidth } from './format.js';
import { runViaServer } from './via-server.js';

export const COMMANDS: Command[] = [
  importCommand, countCommand, eventsCommand, infoCommand, demoCommand,
  ...ANALYSES.map(analysisCommand), serveCommand,
  chartCommand, mapCommand, syncCommand,
];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `crisismap — conflict-event analysis with numbers you can trace

Usage: crisismap COMMAND [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Every command takes --help (with an example) and --db FILE (default: $CRISISMAP_DB or ./crisismap.duckdb).

Start with:
  npx crisismap demo
  npx crisismap count --country Mali --by year
`;
}

/** Runs one command line; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], raw: IO): Promise<number> {
  // Parameters named in sentences, caveats and hints, as the command line names them.
  const io: IO = { ...raw, out: (text) => raw.out(wordText(text, CLI_NAMES)), err: (text) => raw.err(wordText(text, CLI_NAMES)) };
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 1;
  }
  if (name === '--version') { io.out('crisismap 0.1.0\n'); return 0; }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`crisismap: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  if (io.inServer && command === serveCommand) {
    io.err('crisismap serve: a server does not start another one; run it in a terminal of its own\n');
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.help + '\n');
    return 0;
  }
  // Whether the command printed anything before it failed: only a clean failure may be re-run by a server.
  let printed = false;
  const watched: IO = { ...io, out: (text) => { printed = true; io.out(text); }, err: (text) => { printed = true; io.err(text); } };
  try {
    await withTableWidth(io.width, () => command.run(args, watched));
    return 0;
  } catch (error) {
    // The store is held by a server: one this user started runs the command and sends back what it printed.
    if (error instanceof StoreLockedError && !printed && !io.inServer && command.name !== 'serve') {
      const code = await runViaServer(error.path, argv, io);
      if (code !== undefined) return code;
    }
    if (error instanceof CrisisError) {
      const { message, hints } = wordError(error, CLI_NAMES);
      io.err(`crisismap ${name}: ${message}\n${hints.map((d) => `  ${d}\n`).join('')}`);
      return error.exitCode;
    }
    io.err(`crisismap ${name}: unexpected error: ${(error as Error).stack ?? error}\nPlease report it with the command you ran.\n`);
    return 70;
  }
}

export const processIO: IO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  interactive: !!process.stderr.isTTY,
  ...(process.stdout.isTTY && process.stdout.columns ? { width: process.stdout.columns } : {}),
};
