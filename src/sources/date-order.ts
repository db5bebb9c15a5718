/**
 * Dates with slashes: "29/12/2015" (ACLED's 2016 files, day first) or "3/17/2022" (spreadsheet
 * re-exports, month first). The order is decided once per file, from proof in the file, never
 * guessed row by row: a first part above 12 can only be a day, a second part above 12 only a day.
 * A file that proves both orders, or neither, fails; the user may then say the order
 * (--date-order, or "dateOrder" in a mapping file).
 */
import { CrisisError } from '../model/errors.js';
import { ref } from '../model/param.js';
import { IMPORT_PARAMS } from './params.js';
import type { Store } from '../store/store.js';
import { SLASH_DATE, type DateOrder } from './dates.js';
import type { Layout } from './layout.js';

export interface DateOrderProof {
  order: DateOrder;
  /** Data record and value that prove the order; absent when the user said it. */
  record?: number;
  value?: string;
  given: boolean;
}

interface Evidence {
  slashes: number;
  dmy?: { record: number; value: string };
  mdy?: { record: number; value: string };
  example?: { record: number; value: string };
}

/** Looks at every date with slashes of the staged rows (event_date and date_end). */
export async function findDateEvidence(store: Store, layout: Layout, table: string, recordSql: string): Promise<Evidence> {
  const columns = (['event_date', 'date_end'] as const).map((f) => layout.fields[f]).filter((c): c is string => !!c && c !== 'NULL');
  if (!columns.length) return { slashes: 0 };
  const values = columns.map((c) => `SELECT ${recordSql.replace(/_row/g, 'rowid')} AS rec, trim(CAST(${c} AS VARCHAR)) AS v FROM ${table}`).join(' UNION ALL ');
  const row = await store.one(`WITH d AS (SELECT rec, v, regexp_extract(v, '^${SLASH_DATE}$', ['a', 'b']) AS p FROM (${values}) WHERE v LIKE '%/%/%'),
      s AS (SELECT rec, v, try_cast(p.a AS INTEGER) AS a, try_cast(p.b AS INTEGER) AS b FROM d WHERE p.a <> '')
    SELECT count(*) AS n, min(rec) FILTER (WHERE a > 12) AS dmy_rec, arg_min(v, rec) FILTER (WHERE a > 12) AS dmy_v,
      min(rec) FILTER (WHERE b > 12) AS mdy_rec, arg_min(v, rec) FILTER (WHERE b > 12) AS mdy_v, min(rec) AS ex_rec, arg_min(v, rec) AS ex_v FROM s`);
  const at = (rec: unknown, v: unknown) => (rec === null || rec === undefined ? undefined : { record: Number(rec), value: String(v) });
  const evidence: Evidence = { slashes: Number(row.n) };
  const dmy = at(row.dmy_rec, row.dmy_v);
  const mdy = at(row.mdy_rec, row.mdy_v);
  const example = at(row.ex_rec, row.ex_v);
  if (dmy) evidence.dmy = dmy;
  if (mdy) evidence.mdy = mdy;
  if (example) evidence.example = example;
  return evidence;
}

/**
 * The order to read the file's slash dates in, or undefined when it has none.
 * `where` names a data record as the user sees it ("file.csv:12").
 */
export function decideDateOrder(evidence: Evidence, given: DateOrder | undefined, where: (record: number) => string): DateOrderProof | undefined {
  if (!evidence.slashes) return undefined;
  if (given) return { order: given, given: true };
  const { dmy, mdy, example } = evidence;
  if (dmy && mdy) {
    throw new CrisisError('dates with slashes are written both day first and month first in one file', [
      `${where(dmy.record)}: "${dmy.value}" can only be day first`,
      `${where(mdy.record)}: "${mdy.value}" can only be month first`,
      `correct the dates that are in the wrong order, or split the file and import each part with ${ref(IMPORT_PARAMS.dateOrder)}`,
    ]);
  }
  if (dmy) return { order: 'dmy', given: false, ...dmy };
  if (mdy) return { order: 'mdy', given: false, ...mdy };
  throw new CrisisError(`${evidence.slashes} date${evidence.slashes === 1 ? ' is' : 's are'} written with slashes, and none shows whether the day or the month comes first`, [
    `${where(example!.record)}: "${example!.value}" could be either`,
    `say the order with ${ref(IMPORT_PARAMS.dateOrder, 'dmy')} (29/12/2015) or ${ref(IMPORT_PARAMS.dateOrder, 'mdy')} (12/29/2015), or "dateOrder" in a mapping file`,
  ]);
}

/** For the import report. */
export function describeDateOrder(proof: DateOrderProof, where: (record: number) => string): string {
  const order = proof.order === 'dmy' ? 'day first' : 'month first';
  return proof.given ? `dates with slashes read ${order}, as asked` : `dates with slashes read ${order}: ${where(proof.record!)} has "${proof.value}", which can only be ${order}`;
}
