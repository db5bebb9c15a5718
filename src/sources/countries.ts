/**
 * Country codes at import: the country table (model/countries.ts) as a temporary table the
 * import joins a file's country names against, in SQL, as the rows stream into the store.
 * Used by event imports, aggregate imports and the store's migration of older stores.
 */
import { countryKeys, countryKeySql } from '../model/countries.js';
import type { Store } from '../store/store.js';

/** Temporary table (key, code, name); its columns are prefixed so a join never makes a name ambiguous. */
export const COUNTRY_KEYS = '_country_keys';

const created = new WeakSet<Store>();

export async function ensureCountryKeys(store: Store): Promise<void> {
  if (created.has(store)) return;
  await store.run(`CREATE OR REPLACE TEMP TABLE ${COUNTRY_KEYS} (_ck_key VARCHAR, _ck_code VARCHAR, _ck_name VARCHAR)`);
  const rows = countryKeys();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await store.run(`INSERT INTO ${COUNTRY_KEYS} VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`, chunk.flatMap((r) => [r.key, r.code, r.name]));
  }
  created.add(store);
}

/** `FROM rows` joined to the table: adds _ck_code and _ck_name for each row's `column`. */
export function joinCountryKeys(rows: string, column: string): string {
  return `${rows} AS _r LEFT JOIN ${COUNTRY_KEYS} ON _ck_key = ${countryKeySql(`_r.${column}`)}`;
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
