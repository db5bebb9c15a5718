/**
 * Bringing a store made by an older crisismap up to date, once, when it is opened for writing:
 * stores from before the country table get country_code and country_source, filled from the
 * events' own country names (the spelling is kept in country_source; country becomes the
 * table's one name). Nothing else changes; no event is added or dropped.
 */
import { fixCountryCodes } from './countries.js';
import type { Store } from './store.js';

async function hasColumn(store: Store, table: string, column: string): Promise<boolean> {
  const { n } = await store.one(`SELECT count(*) AS n FROM information_schema.columns WHERE table_name = ? AND column_name = ?`, [table, column]);
  return Number(n) > 0;
}

/**
 * True when the store lacks what this version of crisismap reads. One query, not one per
 * question: it runs at the start of every command that reads a store.
 */
export async function needsMigration(store: Store): Promise<boolean> {
  const found = await store.one(
    `SELECT count(*) FILTER (WHERE table_name = 'events') AS events, count(*) FILTER (WHERE table_name = 'aggregates') AS aggregates,
      count(*) FILTER (WHERE table_name = 'events' AND column_name = 'country_code') AS country_code
    FROM information_schema.columns WHERE table_name IN ('events', 'aggregates')`,
  );
  if (Number(found.events) === 0) return false;
  return Number(found.aggregates) === 0 || Number(found.country_code) === 0;
}

/** Run after the schema statements, which add the tables a store lacks (aggregates). */
export async function migrate(store: Store): Promise<void> {
  if (await hasColumn(store, 'events', 'country_code')) return;
  await store.transaction(async () => {
    await store.run('ALTER TABLE events ADD COLUMN country_code VARCHAR');
    await store.run('ALTER TABLE events ADD COLUMN country_source VARCHAR');
    await store.run('UPDATE events SET country_source = country');
    await fixCountryCodes(store, 'events');
  });
}
