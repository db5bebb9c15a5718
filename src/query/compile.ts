/**
 * A resolved Filter as a parameterised WHERE clause over `events`. Each filter's SQL is
 * declared with the filter (filter.ts); this joins the clauses: counts, event lists,
 * analyses, charts and the API all call it.
 */
import type { DuckDBValue } from '../store/duckdb.js';
import { listValue } from '../store/duckdb.js';
import { EVENT_COLUMNS, FILTERS, type FilterColumns, type Filter } from './filter.js';

export { CIVILIAN_TARGETING_SQL, AGGREGATE_COLUMNS } from './filter.js';

export interface Compiled {
  where: string;
  params: DuckDBValue[];
}

/** `on`: the columns of the table filtered (events by default; aggregates are dated by their period). */
export function compileFilter(filter: Filter, on: FilterColumns = EVENT_COLUMNS): Compiled {
  const clauses: string[] = [];
  const params: DuckDBValue[] = [];
  for (const p of FILTERS) {
    const value = (filter as Record<string, unknown>)[p.key];
    if (value === undefined || (Array.isArray(value) && !value.length) || !p.sql) continue;
    const sql = (p.sql as (v: unknown, f: Filter, on: FilterColumns) => ReturnType<NonNullable<typeof p.sql>>)(value, filter as Record<string, unknown>, on);
    if (!sql) continue;
    clauses.push(sql.clause);
    params.push(...sql.params.map((v) => (typeof v === 'object' ? listValue(v.list) : v)));
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
