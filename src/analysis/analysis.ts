/**
 * What an analysis declares about itself: its name, its options (declared parameters, as the
 * filters are), the function, and the layout of its tables. One generic command
 * (src/cli/commands/analysis.ts) and one generic route (src/server/routes/analysis.ts) serve
 * every analysis listed in registry.ts: adding an analysis is adding its file and one line there.
 */
import { param, type Param } from '../model/param.js';
import type { FilterKey, Filter } from '../query/filter.js';
import type { Store } from '../store/store.js';
import { DEFAULT_MAX_IDS, type Answer } from './answer.js';

/** A table of an answer's figures, as a terminal shows it. */
export interface Table {
  title?: string;
  columns: string[];
  rows: Array<Record<string, unknown>>;
  footer?: Array<Record<string, unknown>>;
  /** Widest cell before it is clipped. */
  width?: number;
}

/** What a terminal shows of the figures, in order: tables and lines of text. */
export type Layout = Array<Table | string>;

export interface Analysis<F = unknown> {
  name: string;
  /** One line: what it answers. */
  summary: string;
  /** A paragraph on what it does and its rules; parameters named with ref(), so each interface names them its way. */
  about: string;
  /** Its options, beside the filters. */
  params: Param[];
  /** Filters it does not take (the actor profile's actor is its NAME, not a filter). */
  without?: FilterKey[];
  /** The analysis, given the filter and its options read as declared (by key; absent ones left out). */
  run(store: Store, filter: Filter, options: Record<string, unknown>): Promise<Answer<F>>;
  /** Its figures as tables and lines, for a terminal. */
  layout(answer: Answer<F>): Layout;
  /** The table --csv writes, when it has one. */
  csv?(answer: Answer<F>): Table;
  /** Also written as a document (Markdown, HTML): the brief. */
  document?: boolean;
  /** Command lines that show it at work. */
  examples: string[];
}

/** How many event ids an answer lists: every analysis takes it. */
export const MAX_IDS = param('whole', {
  key: 'maxIds',
  min: 0,
  max: 100_000_000,
  all: true,
  default: DEFAULT_MAX_IDS,
  placeholder: 'N|all',
  example: '100',
  help: 'event ids listed in the answer (eventCount and eventFilter always cover them all); all lists every one',
});

/** An analysis declared, with its type kept. */
export const analysis = <F>(spec: Analysis<F>): Analysis<F> => spec;
