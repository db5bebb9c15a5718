/**
 * A layout says how one kind of file becomes events: which columns identify it, and for each
 * event field the SQL expression (over the file's columns, read as text) that feeds it.
 * Typing and validation are shared by all layouts (normalize.ts), so a layout only names columns.
 */
import type { EventField } from '../model/event.js';

/** Fields a layout can feed, plus `year_check`: the file's own year column, compared with the date. */
export type LayoutField = Exclude<EventField, 'id' | 'dataset' | 'dataset_version' | 'year' | 'country_code' | 'country_source' | 'actors' | 'actor_text' | 'source_file' | 'extra'> | 'year_check';

export interface Layout {
  /** acled, acled-monadic, acled-2016, ucdp-ged, mapping:NAME, acled-deletions */
  name: string;
  /** Dataset the events belong to unless the user names another. */
  dataset: string;
  /** SQL text expressions, per field; a field left out is NULL. */
  fields: Partial<Record<LayoutField, string>>;
  /** One row per actor: rows sharing an id are merged back into one event. */
  monadic?: boolean;
  /** Fields whose cell may not be empty (the file claims to have them). */
  required: LayoutField[];
  /** Version of the dataset, when the file or its name says it. */
  version?: string;
  /** Build ids from the row when the file has none (mapping files without an id column). */
  deriveIds?: boolean;
  /** Event types the layout knows (after its own mapping); any other is listed in the import report. */
  eventTypes?: readonly string[];
  /** Columns a field reads only as a fallback, kept in `extra` as well. */
  keepInExtra?: string[];
}

/** Columns of a file, looked up without regard to case or surrounding space. */
export class Columns {
  private readonly byKey = new Map<string, string>();
  constructor(readonly names: string[]) {
    for (const name of names) {
      const key = name.trim().toLowerCase();
      if (!this.byKey.has(key)) this.byKey.set(key, name);
    }
  }
  has(...names: string[]): boolean {
    return names.every((n) => this.byKey.has(n.toLowerCase()));
  }
  missing(names: string[]): string[] {
    return names.filter((n) => !this.has(n));
  }
  /** The quoted column, or NULL when the file lacks it. */
  ref(name: string): string {
    const actual = this.byKey.get(name.toLowerCase());
    return actual === undefined ? 'NULL' : quoteIdent(actual);
  }
  /** The first column that exists among several spellings. */
  refAny(...names: string[]): string {
    for (const n of names) if (this.has(n)) return this.ref(n);
    return 'NULL';
  }
  /** Columns not consumed by a layout: kept in the event's `extra` JSON so nothing is lost. */
  unused(used: Set<string>): string[] {
    return this.names.filter((n) => !used.has(n.trim().toLowerCase()) && !/^(_line|_reason)$/.test(n));
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
