/**
 * Query parameters in ACLED's API conventions, derived from the parameter declarations
 * (src/model/param.ts, src/query/filter.ts, each analysis's options):
 *   country=Mali|Niger                                    alternatives separated by |
 *   event_date=2021-01-01|2022-12-31&event_date_where=BETWEEN
 *   year=2022, actor=Wagner, event_type=Battles, civilian_targeting=1 …
 * A repeated parameter (country=Mali&country=Niger) means the same as the | form.
 * Each zod schema checks a value with the declaration's own reader (readParam), so the API
 * takes exactly what the CLI takes, and describes it in /api/openapi.json with the declared
 * range, default and bounds. The store checks names (resolveFilter: "unknown country").
 */
import { z } from 'zod';
import { helpOf, isDate, isList, ParamError, readParam, wordProblem, type Param } from '../model/param.js';
import { type DATE_WHERE, EVENT_DATE, EVENT_DATE_WHERE, FILTERS, type Filter, type FilterParam } from '../query/filter.js';
import { datesOf } from '../query/dates.js';
import { HTTP_NAMES } from './wording.js';

export { isDate };

/** "Mali|Niger" → ["Mali", "Niger"]. */
export const alternatives = (value: string | undefined): string[] =>
  (value ?? '')
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean);

/** An HTTP value as the values it gives: alternatives of a list, else the value itself. */
const givenOf = (p: Param, value: string): string[] => (isList(p) ? value.split('|') : [value]);

/** The value of a declared parameter over HTTP; undefined when absent. */
export function readHttp(p: Param, value: string | undefined): unknown {
  return value === undefined ? undefined : readParam(p, givenOf(p, value), true);
}

/** The JSON Schema facts of a declaration, for OpenAPI: the type a value reads as, its range, default and bounds. */
function schemaFacts(p: Param): Record<string, unknown> {
  const facts: Record<string, unknown> = { maxLength: isList(p) ? p.maxLength * p.maxValues + p.maxValues : p.maxLength };
  if (isList(p)) facts['x-maxValues'] = p.maxValues;
  if (p.kind === 'whole' || p.kind === 'decimal') {
    Object.assign(facts, { 'x-type': p.kind === 'whole' ? 'integer' : 'number', minimum: p.min ?? 0 });
    if (p.max !== undefined) facts.maximum = p.max;
  }
  if (p.kind === 'year-list') Object.assign(facts, { pattern: '^\\d{4}(\\|\\d{4})*$', minimum: p.min, maximum: p.max });
  if (p.kind === 'one-of') facts.enum = [...p.values!];
  if (p.kind === 'list-of') facts['x-values'] = [...p.values!];
  if (p.kind === 'date') facts.format = 'date';
  if (p.kind === 'boolean') facts.enum = p.onOnly ? ['1', 'true', 'yes', ...(p.yes ?? [])] : ['1', '0', 'true', 'false', 'yes', 'no'];
  if (p.default !== undefined) facts.default = p.kind === 'boolean' ? (p.default ? '1' : '0') : String(p.default);
  return facts;
}

/** The zod schema of a declared parameter: checked by its reader, described by its declaration. */
export function zodOf(p: Param, description = helpOf(p)) {
  const base = p.required ? z.string({ error: () => wordProblem(HTTP_NAMES, p, '', { kind: 'required' }) }) : z.string();
  const schema = base
    .superRefine((value, ctx) => {
      try {
        readHttp(p, value);
      } catch (error) {
        if (!(error instanceof ParamError)) throw error;
        ctx.addIssue({ code: 'custom', message: wordProblem(HTTP_NAMES, error.param, error.value, error.problem) });
      }
    })
    .meta({
      description: `${description}${isList(p) && p.maxValues > 1 ? '; alternatives separated by |' : ''}`,
      example: p.kind === 'boolean' ? '1' : p.example,
      ...schemaFacts(p),
    });
  return p.required ? schema : schema.optional();
}

/** The zod shape of some declared parameters, keyed by their HTTP names. */
export function shapeOf(params: readonly Param[]): Record<string, ReturnType<typeof zodOf>> {
  return Object.fromEntries(params.filter((p) => p.http).map((p) => [p.http!, zodOf(p)]));
}

/** The values of some declared parameters from a validated query, by their library keys; absent ones left out. */
export function valuesOf(params: readonly Param[], query: Record<string, string | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of params) {
    if (!p.http) continue;
    const value = readHttp(p, query[p.http]);
    if (value !== undefined && value !== false) out[p.key] = value;
  }
  return out;
}

/** The zod shape of some filters, keyed by their HTTP names; `from` and `to` are ACLED's event_date and event_date_where. */
export function filterShapeOf(filters: readonly FilterParam[]) {
  const dated = filters.findIndex((p) => p.key === 'from');
  return {
    ...shapeOf(filters.slice(0, dated)),
    event_date: zodOf(EVENT_DATE),
    event_date_where: zodOf(EVENT_DATE_WHERE),
    ...shapeOf(filters.slice(dated).filter((p) => p.key !== 'from' && p.key !== 'to')),
  };
}

/** The filter parameters: every route that reads events takes them. */
export const FILTER_PARAMS = filterShapeOf(FILTERS);

export const FilterQuery = z.object(FILTER_PARAMS);
export type FilterQuery = z.infer<typeof FilterQuery>;

/** The validated parameters as a Filter (of the filters a route takes); throws for combinations one value cannot check alone. */
export function filterOf(q: Record<string, string | undefined>, filters: readonly FilterParam[] = FILTERS): Filter {
  const where = readHttp(EVENT_DATE_WHERE, q.event_date_where) as (typeof DATE_WHERE)[number] | undefined;
  return {
    ...valuesOf(filters, q),
    ...datesOf(readHttp(EVENT_DATE, q.event_date) as string[] | undefined, where),
  } as Filter;
}
