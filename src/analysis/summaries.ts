/**
 * Each analysis's name and one-line summary, apart from its code: the command list (cli/main.ts)
 * shows them without loading any analysis, and each analysis's declaration takes its own from here.
 */
export const ANALYSIS_SUMMARIES = {
  trend: 'events or fatalities per period, and how they changed',
  victims: 'who died: the breakdown behind a "who died" chart, as each source allows',
  actor: 'profile of an actor: where, when, with and against whom, how deadly',
  episodes: 'the deadliest episodes: events grouped in space and time',
  spread: 'is violence spreading? new areas, the moving centre of events, named groups',
  surges: 'where violence is surging now: fatalities at a level not seen in a year or three',
  brief: 'a situation report for a place and period, every paragraph with its events',
} as const;
