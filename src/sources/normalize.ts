/**
 * Turns a file's rows (staged as text) into typed event rows, with a reason for each row
 * that cannot be read. Shared by every layout: a layout only says which column feeds which
 * field; the types, the validation and the wording of problems are the same for all.
 */
import { EVENT_FIELDS, SOURCE_FIELDS } from '../model/event.js';
import { quoteIdent, sqlString, type Layout, type LayoutField } from './layout.js';
import { DATE_HINT, parseDateSql } from './dates.js';

export const LAYOUT_FIELDS: LayoutField[] = [...(SOURCE_FIELDS as LayoutField[]), 'year_check'];

const COUNTS = ['fatalities', 'fatalities_low', 'fatalities_high', 'deaths_a', 'deaths_b', 'deaths_civilians', 'deaths_unknown'] as const;
const CODES = ['iso', 'time_precision', 'geo_precision', 'violence_type'] as const;

export interface NormalizeOptions {
  /** Rows as text: a staged table, or a read_csv(…) call read as it streams. */
  from: string;
  /** SQL for the row's position in `from` (rowid of a staged table), or NULL when streaming. */
  row: string;
  /** The first staged row is HXL hashtags, not an event. */
  skipFirstRow: boolean;
  /** Source columns no field holds, kept as JSON in `extra`. */
  extra: string[];
  /** `_row` → data record number, counting back rows the CSV reader rejected. */
  recordSql: string;
}

/** SELECT that reads `staged` and yields one typed row per record, with `_error` for bad ones. */
export function normalizeSql(layout: Layout, o: NormalizeOptions): string {
  const raw = (field: LayoutField) => `r.${quoteIdent(field)}`;
  const rawColumns = LAYOUT_FIELDS.map((field) => {
    const value = `CAST(${layout.fields[field] ?? 'NULL'} AS VARCHAR)`;
    // Trimming copies every string; most cells need none, and checking the ends is cheap.
    const trimmed = `CASE WHEN starts_with(${value}, ' ') OR ends_with(${value}, ' ') THEN trim(${value}) ELSE ${value} END`;
    return `nullif(${trimmed}, '') AS ${quoteIdent(field)}`;
  });
  const typed = SOURCE_FIELDS.map((field) => `${typedSql(field, raw(field as LayoutField))} AS ${quoteIdent(field)}`);
  const id = layout.deriveIds
    // No id column: the row's own content names it, so re-importing the same file is idempotent;
    // identical rows are told apart by their order of appearance.
    ? `md5(concat_ws('\u001f', ${LAYOUT_FIELDS.map((f) => raw(f)).join(', ')})) AS _hash`
    : 'NULL AS _hash';
  const extra = o.extra.length
    ? `json_object(${o.extra.map((c) => `${sqlString(c)}, ${quoteIdent(c)}`).join(', ')})::VARCHAR`
    : 'NULL';
  const record = o.recordSql.replace(/_row/g, 'r._row');
  const rows = `SELECT r._row, ${record} AS _record, ${typed.join(', ')}, r._extra AS extra, ${id}, ${errorSql(layout, raw)} AS _error FROM r`;
  const body = `WITH r AS (SELECT ${o.row} AS _row, ${rawColumns.join(', ')}, ${extra} AS _extra FROM ${o.from} ${o.skipFirstRow ? `WHERE ${o.row} > 0` : ''})`;
  if (!layout.monadic) return `${body} ${rows}`;
  // One row per actor: the rows of one event must agree on its fatalities, or none is taken.
  return `${body}, n AS (${rows})
    SELECT * REPLACE (CASE WHEN _error IS NULL AND min(fatalities) OVER w IS DISTINCT FROM max(fatalities) OVER w
      THEN 'rows of event ' || source_id || ' disagree on fatalities (' || min(fatalities) OVER w || ' vs ' || max(fatalities) OVER w || ')'
      ELSE _error END AS _error)
    FROM n WINDOW w AS (PARTITION BY source_id)`;
}

function typedSql(field: string, x: string): string {
  const type = EVENT_FIELDS[field as keyof typeof EVENT_FIELDS][0];
  if (field === 'timestamp') return timestampSql(x);
  if (field === 'event_date' || field === 'date_end') return parseDateSql(x);
  if (type === 'VARCHAR[]') {
    return `CASE WHEN ${x} IS NULL THEN []::VARCHAR[] ELSE list_filter(list_transform(string_split(${x}, ';'), a -> trim(a)), a -> a <> '') END`;
  }
  if (type === 'VARCHAR') return x;
  if (type === 'BOOLEAN') return `try_cast(${x} AS BOOLEAN)`;
  return `try_cast(${x} AS ${type})`;
}

/** ACLED writes unix seconds; re-exports sometimes write a date-time. */
function timestampSql(x: string): string {
  return `coalesce(try_cast(${x} AS BIGINT), epoch(try_cast(${x} AS TIMESTAMP))::BIGINT)`;
}

/** The first problem of a row, worded for the user, or NULL. */
function errorSql(layout: Layout, raw: (f: LayoutField) => string): string {
  const checks: Array<[string, string]> = [];
  const has = (f: LayoutField) => layout.fields[f] !== undefined && layout.fields[f] !== 'NULL';
  const quoted = (f: LayoutField) => `'"' || ${raw(f)} || '"'`;
  if (layout.required.includes('source_id')) checks.push([`${raw('source_id')} IS NULL`, `'no event id'`]);
  checks.push([`${raw('event_date')} IS NULL`, `'no event date'`]);
  checks.push([`${parseDateSql(raw('event_date'))} IS NULL`, `'unreadable date ' || ${quoted('event_date')} || ' — ${DATE_HINT}'`]);
  if (has('date_end')) {
    checks.push([`${raw('date_end')} IS NOT NULL AND ${parseDateSql(raw('date_end'))} IS NULL`, `'unreadable end date ' || ${quoted('date_end')}`]);
  }
  if (has('year_check')) {
    checks.push([
      `${raw('year_check')} IS NOT NULL AND try_cast(${raw('year_check')} AS INTEGER) IS DISTINCT FROM year(${parseDateSql(raw('event_date'))})`,
      `'date ' || ${quoted('event_date')} || ' is in ' || year(${parseDateSql(raw('event_date'))}) || ' but the year column says ' || ${raw('year_check')} || ' — check which one is wrong'`,
    ]);
  }
  for (const f of COUNTS) {
    if (!has(f)) continue;
    if (layout.required.includes(f)) checks.push([`${raw(f)} IS NULL`, `'no ${f} (empty cell) — write 0 when none were reported'`]);
    checks.push([
      `${raw(f)} IS NOT NULL AND coalesce(try_cast(${raw(f)} AS INTEGER) < 0, true)`,
      `'${f} ' || ${quoted(f)} || ' is not a whole number of 0 or more'`,
    ]);
  }
  for (const [f, limit] of [['latitude', 90], ['longitude', 180]] as const) {
    if (!has(f)) continue;
    checks.push([
      `${raw(f)} IS NOT NULL AND coalesce(abs(try_cast(${raw(f)} AS DOUBLE)) > ${limit}, true)`,
      `'${f} ' || ${quoted(f)} || ' is not a number between -${limit} and ${limit}'`,
    ]);
  }
  for (const f of CODES) {
    if (!has(f)) continue;
    checks.push([`${raw(f)} IS NOT NULL AND try_cast(${raw(f)} AS INTEGER) IS NULL`, `'${f} ' || ${quoted(f)} || ' is not a whole number'`]);
  }
  if (has('timestamp')) {
    checks.push([`${raw('timestamp')} IS NOT NULL AND ${timestampSql(raw('timestamp'))} IS NULL`, `'timestamp ' || ${quoted('timestamp')} || ' is neither unix seconds nor a date-time'`]);
  }
  return `CASE ${checks.map(([when, then]) => `WHEN ${when} THEN ${then}`).join(' ')} END`;
}

