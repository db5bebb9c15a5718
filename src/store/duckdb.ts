/**
 * DuckDB's Node client, as the rest of crisismap imports it. @duckdb/node-api is 181
 * CommonJS files, and loading them one by one was a third of a whole `crisismap count`:
 * the build (scripts/build.mjs, BUNDLED) replaces this file's output with the client
 * bundled into one file (and so does the test run, scripts/test.mjs). Run from source (tsx), it is
 * a plain re-export.
 */
export { DuckDBInstance, listValue } from '@duckdb/node-api';
export type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
