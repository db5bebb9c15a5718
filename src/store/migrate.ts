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

/** True when the store lacks what this version of crisismap reads. */
export async function needsMigration(store: Store): Promise<boolean> {
  const { n } = await store.one(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'events'`);
  if (Number(n) === 0) return false;
  const aggregates = await store.one(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'aggregates'`);
  return Number(aggregates.n) === 0 || !(await hasColumn(store, 'events', 'country_code'));
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
