/**
 * Dates as real exports write them, parsed in SQL so that a million rows parse in DuckDB's
 * vectorised engine. Day comes first, as ACLED writes it. Each written form is recognised by
 * its shape before it is parsed, because strptime's %Y also accepts two digits ("27-03-22"
 * would become the year 27). A shape not listed here is an error, never a guess. Dates with
 * slashes ("03/04/2022": March or April?) are read only in the order the file itself proves.
 */
export const DATE_FORMS = [
  ['2022-03-27', 'ISO (also with a time: 2022-03-27 00:00:00)'],
  ['27 March 2022', 'day, month name, year'],
  ['27-March-2022', 'day-month name-year'],
  ['27-Mar-22', "day-month abbreviation-two-digit year (ACLED's older exports)"],
  ['27-03-22', 'day-month-two-digit year'],
  ['27-03-2022', 'day-month-year'],
  ['27/03/2022 or 3/27/2022', 'with slashes, day or month first: decided once per file (date-order.ts)'],
] as const;

/** Order of day and month in dates written with slashes. */
export type DateOrder = 'dmy' | 'mdy';
export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy'];

/** A date with slashes; day and month are the first two parts, in an order only the file can tell. */
export const SLASH_DATE = '(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})';

export function parseDateSql(x: string, order?: DateOrder): string {
  const [d, m] = order === 'mdy' ? ['%m', '%d'] : ['%d', '%m'];
  // strptime's %Y also takes two digits, so the two year widths are told apart by shape first.
  const slash = order
    ? `WHEN regexp_full_match(${x}, '\\d{1,2}/\\d{1,2}/\\d{4}') THEN try_strptime(${x}, '${d}/${m}/%Y')
    WHEN regexp_full_match(${x}, '\\d{1,2}/\\d{1,2}/\\d{2}') THEN try_strptime(${x}, '${d}/${m}/%y')`
    : '';
  return `(CASE
    WHEN ${x} IS NULL THEN NULL
    WHEN regexp_full_match(${x}, '\\d{4}-\\d{1,2}-\\d{1,2}') THEN try_strptime(${x}, '%Y-%m-%d')
    WHEN regexp_full_match(${x}, '\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?') THEN try_cast(replace(replace(${x}, 'T', ' '), 'Z', '') AS TIMESTAMP)
    WHEN regexp_full_match(${x}, '\\d{1,2}[ -][A-Za-z]{3,9}\\.?[ -]\\d{4}') THEN try_strptime(regexp_replace(${x}, '[ .-]+', '-', 'g'), ['%d-%B-%Y', '%d-%b-%Y'])
    WHEN regexp_full_match(${x}, '\\d{1,2}[ -][A-Za-z]{3,9}\\.?[ -]\\d{2}') THEN try_strptime(regexp_replace(${x}, '[ .-]+', '-', 'g'), ['%d-%b-%y', '%d-%B-%y'])
    WHEN regexp_full_match(${x}, '\\d{1,2}-\\d{1,2}-\\d{2}') THEN try_strptime(${x}, '%d-%m-%y')
    WHEN regexp_full_match(${x}, '\\d{1,2}-\\d{1,2}-\\d{4}') THEN try_strptime(${x}, '%d-%m-%Y')
    ${slash}
  END)::DATE`;
}

export const DATE_HINT = 'write dates as 2022-03-27, 27 March 2022, 27-March-2022, 27-Mar-22, 27-03-22 (day first) or with slashes in one order for the whole file';
