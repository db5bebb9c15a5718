/**
 * A filter resolved and compiled once, for analyses that run their own aggregates
 * (windows, grouping sets, joins) over the events a filter selects. The WHERE clause
 * still comes only from compileFilter; analyses AND their own conditions onto it.
 */
import type { DuckDBValue } from '../store/duckdb.js';
import type { Store } from '../store/store.js';
import { compileFilter, type Compiled } from './compile.js';
import { normalizeFilter, type Filter } from './filter.js';
import { resolveFilter } from './resolve.js';
import { requireEvents } from './aggregates.js';

export interface Scope extends Compiled {
  /** The filter with names resolved to the stored ones, normalised: what outputs echo. */
  filter: Filter;
}

export async function scopeOf(store: Store, filter: Filter): Promise<Scope> {
  await requireEvents(store, filter);
  const resolved = await resolveFilter(store, filter);
  return { filter: normalizeFilter(resolved), ...compileFilter(resolved) };
}

/**
 * The scope's WHERE clause with further conditions ANDed on; their `?` parameters come
 * after the filter's, in order.
 */
export function whereAnd(scope: Compiled, conditions: string[], params: DuckDBValue[] = []): Compiled {
  const parts = [scope.where.replace(/^WHERE /, ''), ...conditions].filter(Boolean);
  return { where: parts.length ? `WHERE ${parts.map((p) => `(${p})`).join(' AND ')}` : '', params: [...scope.params, ...params] };
}
