/**
 * The crisismap command line: a thin shell over the library.
 *   1. pick the command from argv          (commands/)
 *   2. parse its flags into a Filter       (options.ts → query/filter.ts)
 *   3. run the query or import             (sources/, query/)
 *   4. print a table, CSV, JSON or GeoJSON (format.ts)
 * Errors the user can fix print as one line plus hints, with a non-zero exit code.
 */
import { CrisisError } from '../model/errors.js';
import { wordError, wordText } from '../model/param.js';
import { ANALYSIS_SUMMARIES } from '../analysis/summaries.js';
import { CLI_NAMES } from './wording.js';
import type { Command, CommandEntry, IO } from './command.js';

/**
 * Every command, in the order --help lists them. A command's module (and the libraries it
 * needs: DuckDB, vega, exceljs, hono…) is imported only when that command runs, so
 * `crisismap --help` loads none of them and `count` loads no charting or server code.
 */
export const COMMANDS: CommandEntry[] = [
  { name: 'import', summary: 'import ACLED, UCDP GED or mapped files into the store', load: async () => (await import('./commands/import.js')).importCommand },
  { name: 'count', summary: 'count events and fatalities, grouped as you ask', load: async () => (await import('./commands/count.js')).countCommand },
  { name: 'events', summary: 'list the events behind any count', load: async () => (await import('./commands/events.js')).eventsCommand },
  { name: 'info', summary: 'what the store holds: datasets, versions, date ranges, counts', load: async () => (await import('./commands/info.js')).infoCommand },
  { name: 'demo', summary: 'build the synthetic Sahel demo store and show what to try', load: async () => (await import('./commands/demo.js')).demoCommand },
  ...Object.entries(ANALYSIS_SUMMARIES).map(([name, summary]) => ({ name, summary, load: () => loadAnalysis(name) })),
  { name: 'serve', summary: 'serve the JSON API and the dashboard', load: async () => (await import('./commands/serve.js')).serveCommand },
  { name: 'chart', summary: 'a chart to publish (SVG, PNG) or restyle (Vega-Lite), with the data behind it (CSV)', load: async () => (await import('./commands/chart.js')).chartCommand },
  { name: 'map', summary: 'a map of events or fatalities by country, admin1 area or place, to publish', load: async () => (await import('./commands/map.js')).mapCommand },
  { name: 'sync', summary: 'keep the store current from the ACLED and UCDP APIs', load: async () => (await import('./commands/sync.js')).syncCommand },
  { name: 'check', summary: 'find the numbers a news text claims about political violence and check each against the data', load: async () => (await import('./commands/check.js')).checkCommand },
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

/** An analysis's command, derived from its declaration (commands/analysis.ts). */
async function loadAnalysis(name: string): Promise<Command> {
  const [{ ANALYSES }, { analysisCommand }] = await Promise.all([import('../analysis/registry.js'), import('./commands/analysis.js')]);
  return analysisCommand(ANALYSES.find((a) => a.name === name)!);
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
  if (name === '--version') {
    io.out('crisismap 0.1.0\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`crisismap: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  if (io.inServer && command.name === 'serve') {
    io.err('crisismap serve: a server does not start another one; run it in a terminal of its own\n');
    return 2;
  }
  // Whether the command printed anything before it failed: only a clean failure may be re-run by a server.
  let printed = false;
  const watched: IO = {
    ...io,
    out: (text) => {
      printed = true;
      io.out(text);
    },
    err: (text) => {
      printed = true;
      io.err(text);
    },
  };
  try {
    const { help, run } = await command.load();
    if (args.includes('--help') || args.includes('-h')) {
      io.out(help + '\n');
      return 0;
    }
    const { withTableWidth } = await import('./format.js');
    await withTableWidth(io.width, () => run(args, watched));
    return 0;
  } catch (error) {
    // The store is held by a server: one this user started runs the command and sends back what it printed.
    const { StoreLockedError } = await import('../store/store.js');
    if (error instanceof StoreLockedError && !printed && !io.inServer && command.name !== 'serve') {
      const { runViaServer } = await import('./via-server.js');
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
