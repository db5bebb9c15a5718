/**
 * Turns a file's rows (staged as text) into typed event rows, with a reason for each row
 * that cannot be read. Shared by every layout: a layout only says which column feeds which
 * field; the types, the validation and the wording of problems are the same for all.
 */
import { EVENT_FIELDS, SOURCE_FIELDS } from '../model/event.js';
import { quoteIdent, sqlString, type Layout, type LayoutField } from './layout.js';
import { DATE_HINT, parseDateSql, type DateOrder } from './dates.js';
import { SPACES } from './spaces.js';

export const LAYOUT_FIELDS: LayoutField[] = [...(SOURCE_FIELDS as LayoutField[]), 'year_check'];

const COUNTS = ['fatalities', 'fatalities_low', 'fatalities_high', 'deaths_a', 'deaths_b', 'deaths_civilians', 'deaths_unknown'] as const;
const CODES = ['iso', 'time_precision', 'geo_precision', 'violence_type'] as const;
/** The largest value each integer type holds: a bigger one is "too large", never cut or wrapped. */
const INTEGER_MAX: Record<string, number> = { TINYINT: 127, SMALLINT: 32767, INTEGER: 2147483647, BIGINT: Number.MAX_SAFE_INTEGER };

/** C0 control characters, never text; notes keep tab and line breaks, other fields get a space for them. */
// RE2 classes, as SQL text (DuckDB strings keep backslashes).
const CONTROLS = '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]';
const BREAKS = '[\\t\\r\\n]';

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
  /** How the file writes dates with slashes, when it does (date-order.ts). */
  dateOrder?: DateOrder;
  /**
   * Remove control characters (tabs and line breaks too, outside notes), and say in `_controls`
   * which fields had them. The fast path leaves it off: only files without any take it.
   */
  controls?: boolean;
  /**
   * Trim ASCII spaces only: the file's bytes hold no other space, tab, stray carriage return or
   * control character (encoding.ts), and a value spanning lines sends it to the staged path.
   * Testing both ends of every value for the other spaces took a third of a clean import's work.
   */
  asciiSpaces?: boolean;
}

/** SELECT that reads `staged` and yields one typed row per record, with `_error` for bad ones. */
export function normalizeSql(layout: Layout, o: NormalizeOptions): string {
  const raw = (field: LayoutField) => `r.${quoteIdent(field)}`;
  const rawColumns = LAYOUT_FIELDS.map((field) => {
    let value = `CAST(${layout.fields[field] ?? 'NULL'} AS VARCHAR)`;
    if (o.controls) value = cleanSql(field, value);
    // Trimming copies every string; most cells need none, and checking the ends is cheaper,
    // by far for ASCII's space (bytes compared) than for all of SPACES (characters counted).
    const trimmed = o.asciiSpaces
      ? `CASE WHEN starts_with(${value}, ' ') OR ends_with(${value}, ' ') THEN trim(${value}) ELSE ${value} END`
      : `CASE WHEN contains(${sqlString(SPACES)}, left(${value}, 1)) OR contains(${sqlString(SPACES)}, right(${value}, 1)) THEN trim(${value}, ${sqlString(SPACES)}) ELSE ${value} END`;
    return `nullif(${trimmed}, '') AS ${quoteIdent(field)}`;
  });
  // Which fields had control characters removed, for the import report.
  const fed = LAYOUT_FIELDS.filter((f) => layout.fields[f] && layout.fields[f] !== 'NULL');
  const text = (f: LayoutField) => `CAST(${layout.fields[f]} AS VARCHAR)`;
  const controlled = o.controls
    ? `nullif(concat_ws(', ', ${fed.map((f) => `CASE WHEN regexp_matches(${text(f)}, '${f === 'notes' ? CONTROLS : `${CONTROLS}|${BREAKS}`}') THEN '${f}' END`).join(', ')}), '')`
    : 'NULL';
  const typed = SOURCE_FIELDS.map((field) => `${typedSql(field, raw(field as LayoutField), o.dateOrder)} AS ${quoteIdent(field)}`);
  const id = layout.deriveIds
    ? // No id column: the row's own content names it, so re-importing the same file is idempotent;
      // identical rows are told apart by their order of appearance.
      `md5(concat_ws('\u001f', ${LAYOUT_FIELDS.map((f) => raw(f)).join(', ')})) AS _hash`
    : 'NULL AS _hash';
  const extra = o.extra.length ? `json_object(${o.extra.map((c) => `${sqlString(c)}, ${quoteIdent(c)}`).join(', ')})::VARCHAR` : 'NULL';
  const record = o.recordSql.replace(/_row/g, 'r._row');
  const rows = `SELECT r._row, ${record} AS _record, ${typed.join(', ')}, r._extra AS extra, ${id}, ${errorSql(layout, raw, o.dateOrder)} AS _error, r._controls, ${yearNoteSql(layout, raw, o.dateOrder)} AS _year FROM r`;
  const body = `WITH r AS (SELECT ${o.row} AS _row, ${rawColumns.join(', ')}, ${extra} AS _extra, ${controlled} AS _controls FROM ${o.from} ${o.skipFirstRow ? `WHERE ${o.row} > 0` : ''})`;
  if (!layout.monadic) return `${body} ${rows}`;
  // One row per actor: the rows of one event must agree on its fatalities, or none is taken.
  return `${body}, n AS (${rows})
    SELECT * REPLACE (CASE WHEN _error IS NULL AND min(fatalities) OVER w IS DISTINCT FROM max(fatalities) OVER w
      THEN 'rows of event ' || source_id || ' disagree on fatalities (' || min(fatalities) OVER w || ' vs ' || max(fatalities) OVER w || ')'
      ELSE _error END AS _error)
    FROM n WINDOW w AS (PARTITION BY source_id)`;
}

/** A field's text without control characters: removed, or (outside notes) tab and line breaks made spaces. */
function cleanSql(field: LayoutField, value: string): string {
  const removed = `regexp_replace(${value}, '${CONTROLS}', '', 'g')`;
  return field === 'notes' ? removed : `regexp_replace(${removed}, '${BREAKS}', ' ', 'g')`;
}

function typedSql(field: string, x: string, order?: DateOrder): string {
  const type = EVENT_FIELDS[field as keyof typeof EVENT_FIELDS][0];
  if (field === 'timestamp') return timestampSql(x);
  if (field === 'event_date' || field === 'date_end') return parseDateSql(x, order);
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

/**
 * The file's own year column, when it disagrees with the date: the date is kept (it is the
 * event's), and the import report names the rows. ACLED's 2016 file dates one event
 * 28/12/2015 in the year 2016.
 */
function yearNoteSql(layout: Layout, raw: (f: LayoutField) => string, order?: DateOrder): string {
  if (!layout.fields.year_check || layout.fields.year_check === 'NULL') return 'NULL';
  const [date, written] = [raw('event_date'), raw('year_check')];
  const year = `year(${parseDateSql(date, order)})`;
  // Most rows show that they agree without the date being parsed again (an eighth of the check
  // pass): a readable date that starts with four characters and a hyphen is ISO, and its year
  // is those four; one that ends with a space and four characters ends with its year.
  const agrees = `strlen(${written}) = 4 AND (starts_with(${date}, ${written} || '-') OR ends_with(${date}, ' ' || ${written}))`;
  return `CASE WHEN ${written} IS NULL OR ${agrees} THEN NULL WHEN try_cast(${written} AS INTEGER) IS DISTINCT FROM ${year}
    THEN 'date ' || ${date} || ' is in ' || ${year} || ' but the year column says ' || ${written} END`;
}

/** The first problem of a row, worded for the user, or NULL. */
function errorSql(layout: Layout, raw: (f: LayoutField) => string, order?: DateOrder): string {
  const parseDate = (x: string) => parseDateSql(x, order);
  const checks: Array<[string, string]> = [];
  const has = (f: LayoutField) => layout.fields[f] !== undefined && layout.fields[f] !== 'NULL';
  const quoted = (f: LayoutField) => `'"' || ${raw(f)} || '"'`;
  if (layout.required.includes('source_id')) checks.push([`${raw('source_id')} IS NULL`, `'no event id'`]);
  checks.push([`${raw('event_date')} IS NULL`, `'no event date'`]);
  checks.push([`${parseDate(raw('event_date'))} IS NULL`, `'unreadable date ' || ${quoted('event_date')} || ' — ${DATE_HINT}'`]);
  if (has('date_end')) {
    checks.push([`${raw('date_end')} IS NOT NULL AND ${parseDate(raw('date_end'))} IS NULL`, `'unreadable end date ' || ${quoted('date_end')}`]);
  }
  for (const f of COUNTS) {
    if (!has(f)) continue;
    if (layout.required.includes(f)) checks.push([`${raw(f)} IS NULL`, `'no ${f} (empty cell) — write 0 when none were reported'`]);
    checks.push(...wholeNumberChecks(f, raw(f), quoted(f), true));
  }
  for (const [f, limit] of [
    ['latitude', 90],
    ['longitude', 180],
  ] as const) {
    if (!has(f)) continue;
    checks.push([`${raw(f)} IS NOT NULL AND coalesce(abs(try_cast(${raw(f)} AS DOUBLE)) > ${limit}, true)`, `'${f} ' || ${quoted(f)} || ' is not a number between -${limit} and ${limit}'`]);
  }
  for (const f of CODES) {
    if (!has(f)) continue;
    checks.push(...wholeNumberChecks(f, raw(f), quoted(f), false));
  }
  if (has('timestamp')) {
    checks.push([`${raw('timestamp')} IS NOT NULL AND ${timestampSql(raw('timestamp'))} IS NULL`, `'timestamp ' || ${quoted('timestamp')} || ' is neither unix seconds nor a date-time'`]);
  }
  return `CASE ${checks.map(([when, then]) => `WHEN ${when} THEN ${then}`).join(' ')} END`;
}

/**
 * A whole number, as written: "2.5" and "1e3" are errors (a cast would round them to 3 and
 * 1000), "7.0" is 7. A number the stored type cannot hold is "too large", not wrapped or cut.
 */
function wholeNumberChecks(f: LayoutField, x: string, quoted: string, counts: boolean): Array<[string, string]> {
  const max = INTEGER_MAX[EVENT_FIELDS[f as keyof typeof EVENT_FIELDS][0]] ?? INTEGER_MAX.INTEGER!;
  const what = counts ? 'a whole number of 0 or more' : 'a whole number';
  return [
    // The cheap test first: most cells are plain digits that read back the same.
    [`${x} IS NOT NULL AND try_cast(${x} AS BIGINT)::VARCHAR IS DISTINCT FROM ${x} AND NOT regexp_full_match(${x}, '[+-]?\\d+(\\.0+)?')`, `'${f} ' || ${quoted} || ' is not ${what}'`],
    ...(counts ? [[`${x} IS NOT NULL AND try_cast(${x} AS DOUBLE) < 0`, `'${f} ' || ${quoted} || ' is not ${what}'`] as [string, string]] : []),
    [`${x} IS NOT NULL AND abs(try_cast(${x} AS DOUBLE)) > ${max}`, `'${f} ' || ${quoted} || ' is too large (the most it can be is ${max})'`],
  ];
}
