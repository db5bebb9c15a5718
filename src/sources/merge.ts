/**
 * From valid normalized rows to stored events: fold rows that describe the same event
 * (monadic exports; an id repeated in one file), derive ids and actor lists, then merge
 * into `events` by id. The newer `timestamp` wins; the same content is left alone, so
 * importing a file twice changes nothing.
 */
import { EVENT_FIELD_NAMES, SOURCE_FIELDS } from '../model/event.js';
import type { Store } from '../store/store.js';
import { quoteIdent, sqlString, type Layout } from './layout.js';

export interface PrepareOptions {
  dataset: string;
  version: string;
  file: string;
  /** Source columns no field holds: kept as JSON in `extra`. */
  extra: string[];
}

const ACTOR_FIELDS = ['actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2'];

export async function prepareEvents(store: Store, layout: Layout, o: PrepareOptions): Promise<{ merged: number }> {
  const extra = o.extra.length
    ? `json_object(${o.extra.map((c) => `${sqlString(c)}, s.${quoteIdent(c)}`).join(', ')})::VARCHAR`
    : 'NULL';
  const idSql = layout.deriveIds
    ? `n._hash || '-' || row_number() OVER (PARTITION BY n._hash ORDER BY n._row)`
    : 'n.source_id';
  await store.run('DROP TABLE IF EXISTS _valid');
  await store.run(`CREATE TEMP TABLE _valid AS
    SELECT n.* EXCLUDE (source_id, _hash, _error), ${idSql} AS source_id, ${extra} AS extra
    FROM _normalized n ${o.extra.length ? 'JOIN _staged s ON s.rowid = n._row' : ''}
    WHERE n._error IS NULL`);
  const folded = layout.monadic ? foldMonadic() : await keepNewest(store);

  const derived: Record<string, string> = {
    id: `${sqlString(o.dataset + ':')} || source_id`,
    dataset: sqlString(o.dataset),
    dataset_version: sqlString(o.version),
    date_end: 'coalesce(date_end, event_date)',
    year: 'year(event_date)',
    actors: 'list_distinct(list_filter(list_concat([actor1, actor2], assoc_actor_1, assoc_actor_2), a -> a IS NOT NULL))',
    // Newlines fence each name, so "contains" can match within one name and "\nname\n" a whole one.
    actor_text: `chr(10) || lower(array_to_string(list_filter(list_concat([actor1, actor2], assoc_actor_1, assoc_actor_2), a -> a IS NOT NULL), chr(10))) || chr(10)`,
    source_file: sqlString(o.file),
    source_line: '_record',
  };
  const select = EVENT_FIELD_NAMES.map((f) => `${derived[f] ?? quoteIdent(f)} AS ${quoteIdent(f)}`).join(', ');
  await store.run('DROP TABLE IF EXISTS _ready');
  await store.run(`CREATE TEMP TABLE _ready AS SELECT ${select} FROM (${folded.sql})`);
  const { rows } = await store.one('SELECT count(*) AS rows FROM _valid');
  const { events } = await store.one('SELECT count(*) AS events FROM _ready');
  return { merged: Number(rows) - Number(events) };
}

/**
 * One row per actor back to one event. The row whose actor type (inter1) matches the first
 * digit of the interaction code is side 1; the next is side 2; any further actors join side 2's
 * associated actors rather than being lost.
 */
function foldMonadic(): { sql: string } {
  const others = SOURCE_FIELDS.filter((f) => !ACTOR_FIELDS.includes(f) && f !== 'source_id')
    .map((f) => `first(${quoteIdent(f)} ORDER BY _row) AS ${quoteIdent(f)}`);
  const order = `ORDER BY CASE WHEN inter1 = left(interaction, 1) THEN 0 ELSE 1 END, _row`;
  return {
    sql: `SELECT source_id, ${others.join(', ')}, min(_record) AS _record, first(extra ORDER BY _row) AS extra,
        a[1] AS actor1, aa[1] AS assoc_actor_1, i[1] AS inter1, a[2] AS actor2, i[2] AS inter2,
        list_concat(coalesce(aa[2], []), list_filter(a[3:], x -> x IS NOT NULL), flatten(aa[3:])) AS assoc_actor_2
      FROM (SELECT *, list(actor1 ${order}) OVER w AS a, list(assoc_actor_1 ${order}) OVER w AS aa, list(inter1 ${order}) OVER w AS i
            FROM _valid WINDOW w AS (PARTITION BY source_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
      GROUP BY source_id, a, aa, i`,
  };
}

/** An id repeated within one file (ACLED re-exports do this): the newest row is the event. */
async function keepNewest(store: Store): Promise<{ sql: string }> {
  const { dupes } = await store.one('SELECT count(*) - count(DISTINCT source_id) AS dupes FROM _valid');
  if (Number(dupes) === 0) return { sql: 'SELECT * FROM _valid' };
  return {
    sql: `SELECT * FROM _valid QUALIFY row_number() OVER (PARTITION BY source_id ORDER BY timestamp DESC NULLS LAST, _row DESC) = 1`,
  };
}

export interface MergeCounts { added: number; updated: number; unchanged: number; stale: number }

// Where an event came from and which export it was in are not part of what it says.
const NOT_CONTENT = new Set(['id', 'dataset_version', 'source_file', 'source_line']);

export async function mergeEvents(store: Store, dataset: string, table: string): Promise<MergeCounts> {
  const { existing } = await store.one('SELECT count(*) AS existing FROM events WHERE dataset = ?', [dataset]);
  if (Number(existing) === 0) {
    const { n } = await store.one(`SELECT count(*) AS n FROM ${table}`);
    await store.run(`INSERT INTO events SELECT * FROM ${table}`);
    return { added: Number(n), updated: 0, unchanged: 0, stale: 0 };
  }
  const content = EVENT_FIELD_NAMES.filter((f) => !NOT_CONTENT.has(f));
  const same = `row(${content.map((f) => `n.${quoteIdent(f)}`).join(', ')}) IS NOT DISTINCT FROM row(${content.map((f) => `e.${quoteIdent(f)}`).join(', ')})`;
  await store.run('DROP TABLE IF EXISTS _status');
  await store.run(`CREATE TEMP TABLE _status AS SELECT n.id, CASE
      WHEN e.id IS NULL THEN 'added'
      WHEN n.timestamp > e.timestamp THEN 'updated'
      WHEN n.timestamp < e.timestamp THEN 'stale'
      WHEN ${same} THEN 'unchanged'
      ELSE 'updated' END AS status
    FROM ${table} n LEFT JOIN events e ON e.id = n.id`);
  await store.run(`DELETE FROM events WHERE id IN (SELECT id FROM _status WHERE status = 'updated')`);
  await store.run(`INSERT INTO events SELECT * FROM ${table} WHERE id IN (SELECT id FROM _status WHERE status IN ('added', 'updated'))`);
  const counts = await store.all('SELECT status, count(*) AS n FROM _status GROUP BY status');
  const out: MergeCounts = { added: 0, updated: 0, unchanged: 0, stale: 0 };
  for (const { status, n } of counts) out[status as keyof MergeCounts] = Number(n);
  return out;
}
