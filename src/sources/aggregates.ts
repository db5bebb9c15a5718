/**
 * Importing an aggregated file (layouts/aggregated.ts): its rows, staged as text, become typed
 * rows of the `aggregates` table, with a reason for every row that cannot be read. Re-importing
 * replaces the rows a file covers (same dataset, country and period), never doubles them.
 */
import { basename } from 'node:path';
import { CrisisError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { COUNTRY_COLUMNS, ensureCountryKeys, fixCountryCodes, joinCountryKeys, unknownCountries } from '../store/countries.js';
import { parseDateSql, DATE_HINT } from './dates.js';
import { sqlString } from './layout.js';
import type { AggregateLayout } from './layouts/aggregated.js';
import { NOTHING_IMPORTED } from './params.js';
import { placeProblems, type Problem } from './problems.js';
import type { FileReader } from './read.js';

export interface AggregateOptions {
  skipInvalid?: boolean;
  rejectsPath?: string;
  version?: string;
  /** How many problems an error lists. */
  shown: number;
}

export interface ReadAggregate {
  rowsRead: number;
  rejected: number;
  rejectsFile?: string;
  version: string;
  /** Temporary table of typed rows, ready to store. */
  ready: string;
}

/** Whole numbers as pandas re-saves them ("3888.0") are still whole numbers. */
const whole = (x: string) => `CASE WHEN try_cast(${x} AS DOUBLE) >= 0 AND try_cast(${x} AS DOUBLE) = floor(try_cast(${x} AS DOUBLE)) THEN try_cast(${x} AS DOUBLE)::BIGINT END`;
const text = (x: string) => (x === 'NULL' ? 'NULL::VARCHAR' : `nullif(trim(${x}), '')`);
const monthNumber = (x: string) => `coalesce(try_cast(${x} AS INTEGER), month(try_strptime(${x}, '%B')), month(try_strptime(${x}, '%b')))`;

export async function readAggregate(
  store: Store,
  file: string,
  csvPath: string,
  staged: string,
  layout: AggregateLayout,
  options: AggregateOptions,
  rejectsWritten: Set<string>,
  locate: ((record: number) => string) | undefined,
  index: number,
  /** Finds lines and writes the rejects file, off this thread when it has one of its own. */
  reader: Pick<FileReader, 'lines' | 'writeRejects'>,
): Promise<ReadAggregate> {
  const f = layout.fields;
  const typed = `_agg_typed_${index}`;
  const ready = `_agg_ready_${index}`;
  const start =
    layout.period === 'week'
      ? parseDateSql(text(f.week!))
      : layout.period === 'month'
        ? `try_cast(make_date(try_cast(${text(f.year!)} AS INTEGER), ${monthNumber(text(f.month!))}, 1) AS DATE)`
        : `try_cast(make_date(try_cast(${text(f.year!)} AS INTEGER), 1, 1) AS DATE)`;
  const measure = (m: 'events' | 'fatalities') => (layout.measures.includes(m) ? whole(text(f[m]!)) : 'NULL::BIGINT');
  const bad = (m: 'events' | 'fatalities') =>
    layout.measures.includes(m) ? [`WHEN ${measure(m)} IS NULL THEN '${m.toUpperCase()} "' || coalesce(${text(f[m]!)}, '') || '" is not a whole number of 0 or more'`] : [];
  const periodWord =
    layout.period === 'week'
      ? `'unreadable WEEK "' || coalesce(${text(f.week!)}, '') || '" — ${DATE_HINT}'`
      : layout.period === 'month'
        ? `'unreadable MONTH/YEAR "' || coalesce(${text(f.month!)}, '') || ' ' || coalesce(${text(f.year!)}, '') || '"'`
        : `'unreadable YEAR "' || coalesce(${text(f.year!)}, '') || '"'`;
  const coordinate = (x: string | undefined) => (x && x !== 'NULL' ? `try_cast(${text(x)} AS DOUBLE)` : 'NULL::DOUBLE');
  await store.run(`CREATE OR REPLACE TEMP TABLE ${typed} AS SELECT rowid + 1 AS _record,
      ${start} AS period_start, ${text(f.region ?? 'NULL')} AS region, ${text(f.country!)} AS country, ${text(f.admin1 ?? 'NULL')} AS admin1,
      ${text(f.event_type ?? 'NULL')} AS event_type, ${text(f.sub_event_type ?? 'NULL')} AS sub_event_type, ${text(f.disorder_type ?? 'NULL')} AS disorder_type,
      ${measure('events')} AS events, ${measure('fatalities')} AS fatalities,
      ${f.population_exposure && f.population_exposure !== 'NULL' ? whole(text(f.population_exposure)) : 'NULL::BIGINT'} AS population_exposure,
      ${f.source_id && f.source_id !== 'NULL' ? `regexp_replace(${text(f.source_id)}, '\\.0$', '')` : 'NULL::VARCHAR'} AS source_id,
      ${coordinate(f.latitude)} AS latitude, ${coordinate(f.longitude)} AS longitude,
      CASE WHEN ${start} IS NULL THEN ${periodWord}
        WHEN ${text(f.country!)} IS NULL THEN 'no COUNTRY'
        ${[...bad('events'), ...bad('fatalities')].join(' ')}
        WHEN abs(${coordinate(f.latitude)}) > 90 OR abs(${coordinate(f.longitude)}) > 180 THEN 'centroid outside -90..90, -180..180'
      END AS _error
    FROM ${staged}`);

  const { rows } = await store.one(`SELECT count(*) AS rows FROM ${typed}`);
  const problems: Problem[] = (await store.all(`SELECT _record AS record, _error AS reason FROM ${typed} WHERE _error IS NOT NULL ORDER BY _record`)).map((r) => ({
    record: Number(r.record),
    reason: String(r.reason),
  }));
  let rejectsFile: string | undefined;
  if (problems.length) {
    const located = placeProblems(
      problems,
      await reader.lines(
        csvPath,
        problems.map((p) => p.record),
      ),
      locate,
    );
    if (!options.skipInvalid) {
      const shown = located.slice(0, options.shown).map((p) => `${file}:${p.where}: ${p.reason}`);
      if (located.length > options.shown) shown.push(`… and ${located.length - options.shown} more`);
      shown.push(NOTHING_IMPORTED);
      throw new CrisisError(`${file}: ${located.length} row${located.length === 1 ? '' : 's'} cannot be read`, shown);
    }
    rejectsFile = options.rejectsPath ?? `${file.replace(/\.(csv|xlsx|json|txt)$/i, '')}.rejects.csv`;
    await reader.writeRejects(rejectsFile, csvPath, located, rejectsWritten.has(rejectsFile));
    rejectsWritten.add(rejectsFile);
  }
  if (Number(rows) - problems.length === 0)
    throw new CrisisError(
      `${file}: no row could be read`,
      problems.slice(0, 1).map((p) => `first problem: ${p.reason}`),
    );

  // A file that does not say its version in its name is named by the last period it covers.
  const { last } = await store.one(`SELECT max(period_start)::VARCHAR AS last FROM ${typed} WHERE _error IS NULL`);
  const version = options.version ?? layout.version ?? `up to ${layout.period} of ${last}`;
  const end = layout.period === 'week' ? `period_start + INTERVAL 6 DAY` : layout.period === 'month' ? 'last_day(period_start)' : `make_date(year(period_start), 12, 31)`;
  const columns: Record<string, string> = {
    dataset: sqlString(layout.dataset),
    dataset_version: sqlString(version),
    layout: sqlString(layout.name),
    scope: sqlString(layout.scope),
    resolution: sqlString(layout.resolution),
    period: sqlString(layout.period),
    period_start: 'period_start',
    period_end: `(${end})::DATE`,
    year: 'year(period_start)',
    region: 'region',
    ...COUNTRY_COLUMNS,
    admin1: 'admin1',
    event_type: 'event_type',
    sub_event_type: 'sub_event_type',
    disorder_type: 'disorder_type',
    events: 'events',
    fatalities: 'fatalities',
    population_exposure: 'population_exposure',
    source_id: 'source_id',
    latitude: 'latitude',
    longitude: 'longitude',
    source_file: sqlString(basename(file)),
  };
  await ensureCountryKeys(store);
  const select = Object.entries(columns).map(([name, sql]) => `${sql} AS ${name}`);
  await store.run(`CREATE OR REPLACE TEMP TABLE ${ready} AS SELECT ${select.join(', ')} FROM ${joinCountryKeys(`(SELECT * FROM ${typed} WHERE _error IS NULL)`, 'country')}`);
  await fixCountryCodes(store, ready);
  await store.run(`DROP TABLE ${typed}`);
  return { rowsRead: Number(rows), rejected: problems.length, ...(rejectsFile ? { rejectsFile } : {}), version, ready };
}

export interface StoredAggregate {
  added: number;
  replaced: number;
  unknownCountries: string[];
}

/** Inside the import's transaction: the rows the file covers (dataset × country × period) are replaced by the file's. */
export async function storeAggregate(store: Store, ready: string): Promise<StoredAggregate> {
  const covered = `(dataset, coalesce(country_code, country_source), period, period_start) IN
    (SELECT DISTINCT dataset, coalesce(country_code, country_source), period, period_start FROM ${ready})`;
  const { n: replaced } = await store.one(`SELECT count(*) AS n FROM aggregates WHERE ${covered}`);
  await store.run(`DELETE FROM aggregates WHERE ${covered}`);
  const { Count } = await store.one(`INSERT INTO aggregates BY NAME SELECT * FROM ${ready}`);
  return { added: Number(Count), replaced: Number(replaced), unknownCountries: await unknownCountries(store, ready, 'true') };
}
