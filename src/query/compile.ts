/**
 * A resolved Filter as a parameterised WHERE clause over `events`. The only place where
 * filter SQL is written: counts, event lists, analyses, charts and the API all call this.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';
import { findCountry } from '../model/countries.js';
import { CATEGORICAL, type CategoricalKey, type Filter } from './filter.js';

export interface Compiled {
  where: string;
  params: DuckDBValue[];
}

/** SQL for "this event is civilian targeting": the column where the source has it, else the event type. */
export const CIVILIAN_TARGETING_SQL = `coalesce(civilian_targeting, event_type = 'Violence against civilians')`;

/** The columns a filter reads, where a table names them differently: aggregates date a row by its period's first day. */
export interface CompileTarget { date: string; year: string }
const EVENTS: CompileTarget = { date: 'event_date', year: 'year' };
export const AGGREGATES: CompileTarget = { date: 'period_start', year: 'year' };

export function compileFilter(filter: Filter, target: CompileTarget = EVENTS): Compiled {
  const clauses: string[] = [];
  const params: DuckDBValue[] = [];
  const inList = (column: string, values: DuckDBValue[]) => {
    if (values.length === 1) { clauses.push(`${column} = ?`); params.push(values[0]!); }
    else { clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`); params.push(...values); }
  };
  for (const key of Object.keys(CATEGORICAL) as CategoricalKey[]) {
    const values = filter[key];
    if (!values?.length) continue;
    if (key === 'country') {
      // One country, whatever each source calls it: matched by its ISO code. A name the
      // country table does not know matches the events stored under that very name.
      const codes = [...new Set(values.map((v) => findCountry(v)?.code).filter((c): c is string => !!c))];
      const names = values.filter((v) => !findCountry(v));
      const parts: string[] = [];
      if (codes.length) { parts.push(`country_code IN (${codes.map(() => '?').join(', ')})`); params.push(...codes); }
      if (names.length) { parts.push(`(country_code IS NULL AND country IN (${names.map(() => '?').join(', ')}))`); params.push(...names); }
      clauses.push(parts.length > 1 ? `(${parts.join(' OR ')})` : parts[0]!);
    } else if (key === 'disorderType') {
      clauses.push(`list_has_any(list_transform(string_split(disorder_type, ';'), d -> trim(d)), ?::VARCHAR[])`);
      params.push(listValue(values));
    } else inList(`"${CATEGORICAL[key]}"`, values);
  }
  if (filter.from) { clauses.push(`${target.date} >= ?::DATE`); params.push(filter.from); }
  if (filter.to) { clauses.push(`${target.date} <= ?::DATE`); params.push(filter.to); }
  if (filter.year?.length) inList(target.year, filter.year);
  if (filter.actor?.length) {
    // actor_text is "\nname one\nname two\n", lower-cased: a part of a name, or a whole one fenced by newlines.
    const one = filter.actorExact ? `contains(actor_text, chr(10) || ? || chr(10))` : 'contains(actor_text, ?)';
    clauses.push(`(${filter.actor.map(() => one).join(' OR ')})`);
    params.push(...filter.actor.map((a) => a.trim().toLowerCase()));
  }
  if (filter.civilianTargeting !== undefined) {
    clauses.push(filter.civilianTargeting ? CIVILIAN_TARGETING_SQL : `NOT ${CIVILIAN_TARGETING_SQL}`);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
