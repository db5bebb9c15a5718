/**
 * The crisismap command line: a thin shell over the library.
 *   1. pick the command from argv          (commands/)
 *   2. parse its flags into a Filter       (options.ts → query/filter.ts)
 *   3. run the query or import             (sources/, query/)
 *   4. print a table, CSV, JSON or GeoJSON (format.ts)
 * Errors the user can fix print as one line plus hints, with a non-zero exit code.
 */
import { CrisisError } from '../model/errors.js';
import type { CommandEntry, IO } from './command.js';

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
  { name: 'trend', summary: 'events or fatalities per period, and how they changed', load: async () => (await import('./commands/trend.js')).trendCommand },
  { name: 'victims', summary: 'who died: the breakdown behind a "who died" chart, as each source allows', load: async () => (await import('./commands/victims.js')).victimsCommand },
  { name: 'actor', summary: 'profile of an actor: where, when, with and against whom, how deadly', load: async () => (await import('./commands/actor.js')).actorCommand },
  { name: 'episodes', summary: 'the deadliest episodes: events grouped in space and time', load: async () => (await import('./commands/episodes.js')).episodesCommand },
  { name: 'spread', summary: 'is violence spreading? new areas, the moving centre of events, named groups', load: async () => (await import('./commands/spread.js')).spreadCommand },
  { name: 'surges', summary: 'where violence is surging now: fatalities at a level not seen in a year or three', load: async () => (await import('./commands/surges.js')).surgesCommand },
  { name: 'brief', summary: 'a situation report for a place and period, every paragraph with its events', load: async () => (await import('./commands/brief.js')).briefCommand },
  { name: 'serve', summary: 'serve the JSON API and the dashboard', load: async () => (await import('./commands/serve.js')).serveCommand },
  { name: 'chart', summary: 'a chart to publish (SVG, PNG) or restyle (Vega-Lite), with the data behind it (CSV)', load: async () => (await import('./commands/chart.js')).chartCommand },
  { name: 'map', summary: 'a map of events or fatalities by country, admin1 area or place, to publish', load: async () => (await import('./commands/map.js')).mapCommand },
];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `crisismap — conflict-event analysis with numbers you can trace

Usage: crisismap COMMAND [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Every command takes --help (with an example) and --db FILE (default: $CRISISMAP_DB or ./crisismap.duckdb).

Start with:
  crisismap demo
  crisismap count --country Mali --by year
`;
}

/** Runs one command line; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: IO): Promise<number> {
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
  try {
    const { help, run } = await command.load();
    if (args.includes('--help') || args.includes('-h')) {
      io.out(help + '\n');
      return 0;
    }
    await run(args, io);
    return 0;
  } catch (error) {
    if (error instanceof CrisisError) {
      io.err(`crisismap ${name}: ${error.message}\n${error.details.map((d) => `  ${d}\n`).join('')}`);
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
};
