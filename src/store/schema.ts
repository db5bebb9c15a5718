/** The store's tables. One wide event table: analyses read one table, never a join. */
import { EVENT_FIELDS, GENERATED_FIELDS } from '../model/event.js';

export const SCHEMA_VERSION = 1;

export function schemaStatements(): string[] {
  const columns = Object.entries(EVENT_FIELDS).map(([name, [type]]) => {
    const generated = GENERATED_FIELDS[name as keyof typeof EVENT_FIELDS];
    return `  "${name}" ${type}${generated ? ` GENERATED ALWAYS AS (${generated}) VIRTUAL` : ''}`;
  });
  return [
    // No PRIMARY KEY: DuckDB's ART index makes bulk merges slower and uniqueness is kept by
    // the import's merge step (delete-then-insert by id inside one transaction).
    `CREATE TABLE IF NOT EXISTS events (\n${columns.join(',\n')}\n)`,
    `CREATE TABLE IF NOT EXISTS imports (
      imported_at TIMESTAMP, file VARCHAR, layout VARCHAR, dataset VARCHAR, dataset_version VARCHAR,
      rows_read BIGINT, added BIGINT, updated BIGINT, unchanged BIGINT, stale BIGINT, merged BIGINT,
      rejected BIGINT, deleted BIGINT)`,
    `CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR)`,
    // Aggregated data (ACLED's weekly and country-level files): counts, not events. Kept apart
    // so that no query adds them to events; each row says its dataset, period and resolution.
    `CREATE TABLE IF NOT EXISTS aggregates (
      dataset VARCHAR, dataset_version VARCHAR, layout VARCHAR, scope VARCHAR, resolution VARCHAR,
      period VARCHAR, period_start DATE, period_end DATE, year SMALLINT,
      region VARCHAR, country VARCHAR, country_code VARCHAR, country_source VARCHAR, admin1 VARCHAR,
      event_type VARCHAR, sub_event_type VARCHAR, disorder_type VARCHAR,
      events BIGINT, fatalities BIGINT, population_exposure BIGINT, source_id VARCHAR,
      latitude DOUBLE, longitude DOUBLE, source_file VARCHAR)`,
    // What `crisismap sync` keeps current: a source plus its filters, and how its last run went.
    // No credentials: they come from the environment or a private file at each run.
    `CREATE TABLE IF NOT EXISTS subscriptions (
      name VARCHAR, source VARCHAR, version VARCHAR, filters VARCHAR, base_url VARCHAR, created_at TIMESTAMP,
      last_attempt_at TIMESTAMP, last_success_at TIMESTAMP, last_error VARCHAR, newest_timestamp BIGINT,
      last_run VARCHAR, last_report VARCHAR)`,
  ];
}
