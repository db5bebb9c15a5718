/**
 * Country codes in the store: the country table (model/countries.ts) as a temporary table the
 * import joins a file's country names against, in SQL, as the rows stream into the store.
 * Used by event imports, aggregate imports and the store's migration of older stores.
 */
import { countryNames, countryKeySql } from '../model/countries.js';
import type { Store } from './store.js';

/**
 * Temporary table (raw, key, code, name): every name as the table writes it, and its compared
 * form. Columns are prefixed so that a join never makes a name ambiguous.
 */
export const COUNTRY_KEYS = '_country_keys';

const created = new WeakSet<Store>();

export async function ensureCountryKeys(store: Store): Promise<void> {
  if (created.has(store)) return;
  await store.run(`CREATE OR REPLACE TEMP TABLE ${COUNTRY_KEYS} (_ck_raw VARCHAR, _ck_key VARCHAR, _ck_code VARCHAR, _ck_name VARCHAR)`);
  const rows = countryNames();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await store.run(
      `INSERT INTO ${COUNTRY_KEYS} VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
      chunk.flatMap((r) => [r.raw, r.key, r.code, r.name]),
    );
  }
  created.add(store);
}

/**
 * `FROM rows` joined to the table on the name exactly as written: a hash join, nearly free as
 * rows stream in. Names written otherwise (other case, accents, punctuation) are looked up by
 * their compared form afterwards, once per stored row that needs it (fixCountryCodes).
 */
export function joinCountryKeys(rows: string, column: string): string {
  return `${rows} AS _r LEFT JOIN ${COUNTRY_KEYS} ON _ck_raw = _r.${column}`;
}

/**
 * Runs `work`, whose statements read rows through joinCountryKeys, with the country table as
 * the side the join builds its hash table on. DuckDB estimates a checked file's rows as fewer
 * than the table's few hundred names and otherwise builds on the file's wide rows: at 1,000,000
 * events that join alone took 5 s and the whole import 30.6 s instead of 17.5 s (bench/RESULTS.md).
 * The setting is DuckDB's only way to say so; it is global, so it is put back at once, and it
 * changes only which side of a join is built, never a result.
 */
export async function buildingOnCountryTable<T>(store: Store, work: () => Promise<T>): Promise<T> {
  const [{ before }] = (await store.all("SELECT current_setting('disabled_optimizers') AS before")) as [{ before: string }];
  const off = [...new Set([...String(before).split(',').filter(Boolean), 'build_side_probe_side'])].join(',');
  await store.run(`SET disabled_optimizers = '${off}'`);
  try {
    return await work();
  } finally {
    await store.run(`SET disabled_optimizers = '${String(before).replace(/'/g, "''")}'`);
  }
}

/** Rows of `table` whose country the exact join missed: looked up by the compared form (case, accents, punctuation ignored). */
export async function fixCountryCodes(store: Store, table: string, where = 'true'): Promise<void> {
  await ensureCountryKeys(store);
  await store.run(`UPDATE ${table} SET country_code = k._ck_code, country = k._ck_name
    FROM (SELECT DISTINCT _ck_key, _ck_code, _ck_name FROM ${COUNTRY_KEYS}) AS k
    WHERE ${table}.country_code IS NULL AND ${table}.country_source IS NOT NULL AND (${where})
      AND k._ck_key = ${countryKeySql(`${table}.country_source`)}`);
}

/** The stored columns from the join: one name per code, the code, and the source's spelling. */
export const COUNTRY_COLUMNS = {
  country: 'coalesce(_ck_name, _r.country)',
  country_code: '_ck_code',
  country_source: '_r.country',
} as const;

/** Country names of freshly stored rows that the table does not know, for the import report. */
export async function unknownCountries(store: Store, table: string, where: string): Promise<string[]> {
  const rows = await store.all(`SELECT DISTINCT country_source AS c FROM ${table} WHERE ${where} AND country_code IS NULL AND country_source IS NOT NULL ORDER BY 1 LIMIT 20`);
  return rows.map((r) => String(r.c));
}
