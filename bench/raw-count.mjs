// The baseline of `crisismap count --by year`: a bare Node process that opens the same DuckDB
// file read-only, runs the equivalent SQL and prints the rows. Plain JavaScript, no crisismap code.
//   node bench/raw-count.mjs STORE.duckdb
import { DuckDBInstance } from '@duckdb/node-api';

const instance = await DuckDBInstance.create(process.argv[2], { access_mode: 'READ_ONLY' });
const connection = await instance.connect();
const reader = await connection.runAndReadAll('SELECT year, count(*) AS events, sum(fatalities) AS fatalities FROM events GROUP BY year ORDER BY year');
for (const row of reader.getRows()) process.stdout.write(row.map(String).join('\t') + '\n');
connection.closeSync();
instance.closeSync();
