/**
 * ACLED's aggregated files, recognised from their header and name (no flag needed):
 * - the weekly regional files (`Africa_aggregated_data_up_to-2025-08-30.xlsx`, …): one row per
 *   week × admin1 × event type × sub-event type, 13 columns `WEEK, REGION, COUNTRY, ADMIN1,
 *   EVENT_TYPE, SUB_EVENT_TYPE, EVENTS, FATALITIES, POPULATION_EXPOSURE, DISORDER_TYPE, ID,
 *   CENTROID_LATITUDE, CENTROID_LONGITUDE`; older ones have 9 and write `31-December-2016`;
 * - the country-level files: political violence events and demonstrations by country-month-year
 *   (`COUNTRY, MONTH, YEAR, EVENTS`), civilian targeting events and fatalities by
 *   country-month-year, fatalities by country-year (`COUNTRY, YEAR, FATALITIES`).
 * Aggregates are not events: they are stored apart (store table `aggregates`), at their own
 * resolution, and never added to events (docs/counting.md).
 */
import { CrisisError } from '../../model/errors.js';
import { ref } from '../../model/param.js';
import { IMPORT_PARAMS } from '../params.js';
import type { Columns } from '../layout.js';

export type Period = 'week' | 'month' | 'year';
export type AggregateMeasure = 'events' | 'fatalities';
/** Columns an aggregate row may hold beside its period and measures. */
export type AggregateField = 'region' | 'country' | 'admin1' | 'event_type' | 'sub_event_type' | 'disorder_type' | 'population_exposure' | 'source_id' | 'latitude' | 'longitude';

export interface AggregateLayout {
  /** acled-weekly, acled-country-month, acled-country-year */
  name: string;
  /** Dataset the rows belong to unless the user names another. */
  dataset: string;
  period: Period;
  /** What one row counts: "political violence events", "all events". */
  scope: string;
  /** The row's resolution in words: "week × admin1 × event type × sub-event type". */
  resolution: string;
  measures: AggregateMeasure[];
  /** SQL text expressions over the file's columns. */
  fields: Partial<Record<AggregateField | AggregateMeasure | 'week' | 'month' | 'year', string>>;
  /** Version, from the file's name when it says ("up to 2025-08-30", "as of 2025-10-24"). */
  version?: string;
}

/** Country-level files say what they count only in their name (the columns are the same). */
const COUNTRY_FILES: Array<{ test: RegExp; dataset: string; scope: string }> = [
  { test: /civilian/i, dataset: 'acled-civilian-targeting', scope: 'civilian targeting events' },
  { test: /demonstration/i, dataset: 'acled-demonstrations', scope: 'demonstration events' },
  { test: /political[\s_-]*violence/i, dataset: 'acled-political-violence', scope: 'political violence events' },
  { test: /fatalit/i, dataset: 'acled-fatalities', scope: 'reported fatalities (all events)' },
];

/** The aggregated datasets crisismap knows, by dataset name: what `--dataset` can name at import. */
export const AGGREGATE_DATASETS = ['acled-weekly', ...COUNTRY_FILES.map((f) => f.dataset)];

export function detectAggregate(columns: Columns, file: string, dataset?: string): AggregateLayout | undefined {
  if (columns.has('event_date') || columns.has('event_id_cnty')) return undefined;
  const col = (name: string) => columns.ref(name);
  const measures = (['events', 'fatalities'] as const).filter((m) => columns.has(m));
  if (!columns.has('country') || !measures.length) return undefined;
  const version = versionFromName(file);
  if (columns.has('week')) {
    const has = (n: string) => columns.has(n);
    const parts = ['week', has('admin1') ? 'admin1' : 'country', has('event_type') && 'event type', has('sub_event_type') && 'sub-event type'];
    return {
      name: 'acled-weekly',
      dataset: dataset ?? 'acled-weekly',
      period: 'week',
      scope: 'all events',
      measures,
      resolution: parts.filter(Boolean).join(' × '),
      fields: {
        week: col('week'),
        region: col('region'),
        country: col('country'),
        admin1: col('admin1'),
        event_type: col('event_type'),
        sub_event_type: col('sub_event_type'),
        disorder_type: col('disorder_type'),
        events: col('events'),
        fatalities: col('fatalities'),
        population_exposure: col('population_exposure'),
        source_id: col('id'),
        latitude: col('centroid_latitude'),
        longitude: col('centroid_longitude'),
      },
      ...(version ? { version } : {}),
    };
  }
  if (!columns.has('year')) return undefined;
  const monthly = columns.has('month');
  const kind = COUNTRY_FILES.find((f) => f.dataset === dataset) ?? COUNTRY_FILES.find((f) => f.test.test(file));
  if (!kind) {
    throw new CrisisError(`${file}: an ACLED country-level aggregated file, but its name does not say what it counts`, [
      "keep ACLED's file name (…political_violence_events…, …demonstration_events…, …civilian_targeting…, …fatalities…)",
      `or name the dataset: ${COUNTRY_FILES.map((f) => ref(IMPORT_PARAMS.dataset, f.dataset)).join(' or ')}`,
    ]);
  }
  return {
    name: monthly ? 'acled-country-month' : 'acled-country-year',
    dataset: dataset ?? kind.dataset,
    period: monthly ? 'month' : 'year',
    scope: kind.scope,
    measures,
    resolution: monthly ? 'country × month' : 'country × year',
    fields: { country: col('country'), year: col('year'), ...(monthly ? { month: col('month') } : {}), events: col('events'), fatalities: col('fatalities') },
    ...(version ? { version } : {}),
  };
}

/** "…up_to-2025-08-30", "…up_to_week_of-2026-03-28" → "up to 2025-08-30"; "…as-of-24Oct2025" → "as of 2025-10-24". */
export function versionFromName(file: string): string | undefined {
  const upTo = /up[_-]to(?:[_-]week[_-]of)?[_-](\d{4}-\d{2}-\d{2})/i.exec(file);
  if (upTo) return `up to ${upTo[1]}`;
  const asOf = /as[_-]of[_-](\d{1,2})([A-Za-z]{3})[a-z]*[_-]?(\d{4})/i.exec(file);
  if (asOf) {
    const month = 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(asOf[2]!.toLowerCase()) / 3 + 1;
    if (month >= 1) return `as of ${asOf[3]}-${String(month).padStart(2, '0')}-${asOf[1]!.padStart(2, '0')}`;
  }
  const isoAsOf = /as[_-]of[_-](\d{4}-\d{2}-\d{2})/i.exec(file);
  return isoAsOf ? `as of ${isoAsOf[1]}` : undefined;
}
