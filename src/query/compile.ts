/**
 * A resolved Filter as a parameterised WHERE clause over `events`. Each filter's SQL is
 * declared with the filter (filter.ts); this joins the clauses: counts, event lists,
 * analyses, charts and the API all call it.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';
import { FILTERS, type Filter } from './filter.js';

export { CIVILIAN_TARGETING_SQL } from './filter.js';

export interface Compiled {
  where: string;
  params: DuckDBValue[];
}

export function compileFilter(filter: Filter): Compiled {
  const clauses: string[] = [];
  const params: DuckDBValue[] = [];
  for (const p of FILTERS) {
    const value = (filter as Record<string, unknown>)[p.key];
    if (value === undefined || (Array.isArray(value) && !value.length) || !p.sql) continue;
    const sql = (p.sql as (v: unknown, f: Filter) => ReturnType<NonNullable<typeof p.sql>>)(value, filter as Record<string, unknown>);
    if (!sql) continue;
    clauses.push(sql.clause);
    params.push(...sql.params.map((v) => (typeof v === 'object' ? listValue(v.list) : v)));
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
