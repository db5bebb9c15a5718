/**
 * From valid normalized rows to stored events: fold rows that describe the same event
 * (monadic exports; an id repeated in one file), derive ids and actor lists, then merge
 * into `events` by id. The newer `timestamp` wins; the same content is left alone, so
 * importing a file twice changes nothing.
 *
 * Everything up to the merge is a view, not a table: DuckDB computes the conversions as
 * the rows stream into `events`, so a file is materialised twice (staged, stored), not four times.
 */
import { SOURCE_FIELDS, STORED_FIELDS } from '../model/event.js';
import type { Store } from '../store/store.js';
import { quoteIdent, sqlString, type Layout } from './layout.js';
import { buildingOnCountryTable, COUNTRY_COLUMNS, ensureCountryKeys, fixCountryCodes, joinCountryKeys } from '../store/countries.js';

export interface PrepareOptions {
  dataset: string;
  version: string;
  file: string;
  /** civilian_targeting said nothing in this file: store NULL so the event-type rule applies. */
  dropCivilianTargeting: boolean;
  /**
   * Rows and distinct ids, when a check pass already counted them and found every row valid:
   * the rows are then not tested again (a sixth of the insert's work) as they stream in.
   */
  checked?: { rows: number; ids: number };
}

const ACTOR_FIELDS = ['actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2'];

/** Creates the view `ready` over the view `normalized`; returns how many rows were folded into others. */
export async function prepareEvents(store: Store, layout: Layout, normalized: string, ready: string, o: PrepareOptions): Promise<{ merged: number }> {
  const idSql = layout.deriveIds
    ? // No id column: the row's content names it; identical rows are told apart by their order.
      `_hash || '-' || row_number() OVER (PARTITION BY _hash ORDER BY _row)`
    : 'source_id';
  const valid = `(SELECT * EXCLUDE (source_id, _hash, _error, _controls, _year), ${idSql} AS source_id FROM ${normalized}${o.checked ? '' : ' WHERE _error IS NULL'})`;
  const { rows, ids } = o.checked ?? (await store.one(`SELECT count(*) AS rows, count(DISTINCT source_id) AS ids FROM ${valid}`));
  const merged = Number(rows) - Number(ids);
  const folded = layout.monadic ? foldMonadic(valid) : merged > 0 ? keepNewest(valid) : valid;

  const derived: Record<string, string> = {
    id: `${sqlString(o.dataset + ':')} || source_id`,
    dataset: sqlString(o.dataset),
    dataset_version: sqlString(o.version),
    date_end: 'coalesce(date_end, event_date)',
    year: 'year(event_date)',
    civilian_targeting: o.dropCivilianTargeting ? 'NULL::BOOLEAN' : 'civilian_targeting',
    // Newlines fence each name, so "contains" matches within one name and "\nname\n" a whole one.
    actor_text: `chr(10) || lower(concat_ws(chr(10), actor1, actor2, array_to_string(assoc_actor_1, chr(10)), array_to_string(assoc_actor_2, chr(10)))) || chr(10)`,
    source_file: sqlString(o.file),
    ...COUNTRY_COLUMNS,
  };
  const select = STORED_FIELDS.map((f) => `${derived[f] ?? `_r.${quoteIdent(f)}`} AS ${quoteIdent(f)}`).join(', ');
  await ensureCountryKeys(store);
  await store.run(`CREATE OR REPLACE TEMP VIEW ${ready} AS SELECT ${select} FROM ${joinCountryKeys(folded, 'country')}`);
  return { merged };
}

/**
 * One row per actor back to one event. The row whose actor type (inter1) matches the first
 * digit of the interaction code is side 1; the next is side 2; any further actors join side 2's
 * associated actors rather than being lost.
 */
function foldMonadic(valid: string): string {
  const others = SOURCE_FIELDS.filter((f) => !ACTOR_FIELDS.includes(f) && f !== 'source_id').map((f) => `first(${quoteIdent(f)} ORDER BY _row) AS ${quoteIdent(f)}`);
  const order = `ORDER BY CASE WHEN inter1 = left(interaction, 1) THEN 0 ELSE 1 END, _row`;
  return `(SELECT source_id, ${others.join(', ')}, min(_record) AS _record, first(extra ORDER BY _row) AS extra,
        a[1] AS actor1, aa[1] AS assoc_actor_1, i[1] AS inter1, a[2] AS actor2, i[2] AS inter2,
        list_concat(coalesce(aa[2], []), list_filter(a[3:], x -> x IS NOT NULL), flatten(aa[3:])) AS assoc_actor_2
      FROM (SELECT *, list(actor1 ${order}) OVER w AS a, list(assoc_actor_1 ${order}) OVER w AS aa, list(inter1 ${order}) OVER w AS i
            FROM ${valid} WINDOW w AS (PARTITION BY source_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
      GROUP BY source_id, a, aa, i)`;
}

/** An id repeated within one file (ACLED re-exports do this): the newest row is the event. */
function keepNewest(valid: string): string {
  return `(SELECT * FROM ${valid} QUALIFY row_number() OVER (PARTITION BY source_id ORDER BY timestamp DESC NULLS LAST, _row DESC) = 1)`;
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  stale: number;
}

// Where an event came from and which export it was in are not part of what it says.
const NOT_CONTENT = new Set(['id', 'dataset_version', 'source_file']);
const COLUMNS = STORED_FIELDS.map((f) => quoteIdent(f)).join(', ');

export async function mergeEvents(store: Store, dataset: string, ready: string): Promise<MergeCounts> {
  const { existing } = await store.one('SELECT count(*) AS existing FROM events WHERE dataset = ?', [dataset]);
  if (Number(existing) === 0) {
    // A dataset new to the store: every event is added, in one streaming insert.
    const { Count } = await buildingOnCountryTable(store, () => store.one(`INSERT INTO events (${COLUMNS}) SELECT ${COLUMNS} FROM ${ready}`));
    await fixCountryCodes(store, 'events', `dataset = ${sqlString(dataset)}`);
    return { added: Number(Count), updated: 0, unchanged: 0, stale: 0 };
  }
  await buildingOnCountryTable(store, () => store.run('CREATE OR REPLACE TEMP TABLE _incoming AS SELECT * FROM ' + ready));
  await fixCountryCodes(store, '_incoming');
  // Timestamps decide most rows: the join reads two narrow columns of the stored events, not
  // every column of every row (their notes above all), which cost seconds on a large store for a
  // small upload. Only rows whose timestamps tie (or are missing) are compared whole, and those
  // stored rows alone are read in full.
  await store.run(`CREATE OR REPLACE TEMP TABLE _status AS SELECT n.id, CASE
      WHEN e.id IS NULL THEN 'added'
      WHEN n.timestamp > e.timestamp THEN 'updated'
      WHEN n.timestamp < e.timestamp THEN 'stale' END AS status
    FROM _incoming n LEFT JOIN (SELECT id, timestamp FROM events) e ON e.id = n.id`);
  const { ties } = await store.one('SELECT count(*) AS ties FROM _status WHERE status IS NULL');
  if (Number(ties) > 0) {
    const content = STORED_FIELDS.filter((f) => !NOT_CONTENT.has(f));
    const same = `row(${content.map((f) => `n.${quoteIdent(f)}`).join(', ')}) IS NOT DISTINCT FROM row(${content.map((f) => `e.${quoteIdent(f)}`).join(', ')})`;
    await store.run(`UPDATE _status SET status = c.status FROM (SELECT n.id, CASE WHEN ${same} THEN 'unchanged' ELSE 'updated' END AS status
        FROM _incoming n JOIN events e ON e.id = n.id WHERE n.id IN (SELECT id FROM _status WHERE status IS NULL)) c WHERE _status.id = c.id`);
  }
  await store.run(`DELETE FROM events WHERE id IN (SELECT id FROM _status WHERE status = 'updated')`);
  await store.run(`INSERT INTO events (${COLUMNS}) SELECT ${COLUMNS} FROM _incoming WHERE id IN (SELECT id FROM _status WHERE status IN ('added', 'updated'))`);
  const counts = await store.all('SELECT status, count(*) AS n FROM _status GROUP BY status');
  await store.run('DROP TABLE _incoming');
  await store.run('DROP TABLE _status');
  const out: MergeCounts = { added: 0, updated: 0, unchanged: 0, stale: 0 };
  for (const { status, n } of counts) out[status as keyof MergeCounts] = Number(n);
  return out;
}
