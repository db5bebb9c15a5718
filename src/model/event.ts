/**
 * The event: one row of the `events` table, whatever the dataset it came from.
 * docs/data-model.md describes every field and which source column feeds it.
 */

/** SQL type and one line of meaning for each stored field, in table order. */
export const EVENT_FIELDS = {
  id: ['VARCHAR', 'dataset-namespaced id: "acled:MLI6437", "ucdp-ged:300380"'],
  dataset: ['VARCHAR', "dataset name: acled, ucdp-ged, demo-synthetic or a mapping file's name"],
  dataset_version: ['VARCHAR', 'dataset version, e.g. UCDP "23.1" or ACLED "export 2022-07-01"'],
  source_id: ['VARCHAR', 'the id as the source wrote it (event_id_cnty, UCDP id)'],
  event_date: ['DATE', 'day of the event (UCDP: date_start)'],
  date_end: ['DATE', 'last day (UCDP date_end; ACLED: same as event_date)'],
  time_precision: ['TINYINT', 'ACLED time_precision / UCDP date_prec'],
  year: ['SMALLINT', 'year of event_date'],
  disorder_type: ['VARCHAR', 'ACLED disorder type'],
  event_type: ['VARCHAR', 'ACLED event type; UCDP type of violence spelled out'],
  sub_event_type: ['VARCHAR', 'ACLED sub-event type'],
  violence_type: ['TINYINT', 'UCDP type_of_violence: 1 state-based, 2 non-state, 3 one-sided'],
  actor1: ['VARCHAR', 'first actor (UCDP side_a)'],
  assoc_actor_1: ['VARCHAR[]', 'actors associated with actor1 (split on ";")'],
  inter1: ['VARCHAR', 'ACLED actor type code of actor1'],
  actor2: ['VARCHAR', 'second actor (UCDP side_b)'],
  assoc_actor_2: ['VARCHAR[]', 'actors associated with actor2 (split on ";")'],
  inter2: ['VARCHAR', 'ACLED actor type code of actor2'],
  interaction: ['VARCHAR', 'ACLED interaction code (e.g. 27) or label'],
  civilian_targeting: ['BOOLEAN', 'true when civilians were the target'],
  iso: ['INTEGER', 'ISO 3166 numeric country code'],
  iso3: ['VARCHAR', 'ISO 3166 alpha-3 country code, where the source has it'],
  region: ['VARCHAR', 'world region'],
  country: ['VARCHAR', "country: the country table's one name for country_code (the source's own spelling when the table does not know it)"],
  country_code: ['VARCHAR', 'ISO 3166 alpha-3 code from the country table (src/model/countries.tsv); NULL when the table does not know the name'],
  country_source: ['VARCHAR', 'country as the source wrote it ("Myanmar (Burma)")'],
  admin1: ['VARCHAR', 'first-level administrative area'],
  admin2: ['VARCHAR', 'second-level administrative area'],
  admin3: ['VARCHAR', 'third-level administrative area'],
  location: ['VARCHAR', 'named location'],
  latitude: ['DOUBLE', 'latitude, WGS84'],
  longitude: ['DOUBLE', 'longitude, WGS84'],
  geo_precision: ['TINYINT', 'ACLED geo_precision / UCDP where_prec'],
  source: ['VARCHAR', 'sources cited'],
  source_scale: ['VARCHAR', 'ACLED source scale'],
  notes: ['VARCHAR', 'description of the event'],
  fatalities: ['INTEGER', 'reported fatalities (UCDP: best estimate)'],
  fatalities_low: ['INTEGER', 'UCDP low estimate'],
  fatalities_high: ['INTEGER', 'UCDP high estimate'],
  deaths_a: ['INTEGER', 'UCDP deaths of side A'],
  deaths_b: ['INTEGER', 'UCDP deaths of side B'],
  deaths_civilians: ['INTEGER', 'UCDP civilian deaths'],
  deaths_unknown: ['INTEGER', 'UCDP deaths of unknown status'],
  tags: ['VARCHAR', 'ACLED tags'],
  timestamp: ['BIGINT', 'last modification, unix seconds (ACLED timestamp)'],
  extra: ['VARCHAR', 'JSON object of the source columns no field above holds'],
  actors: ['VARCHAR[]', 'derived, computed when read: every actor involved, distinct (actor1, actor2, associated)'],
  actor_text: ['VARCHAR', 'derived: lower-cased actors joined by newlines, for involvement matching'],
  source_file: ['VARCHAR', 'file the event was last imported from'],
} as const;

export type EventField = keyof typeof EVENT_FIELDS;
export const EVENT_FIELD_NAMES = Object.keys(EVENT_FIELDS) as EventField[];

/** Every actor involved in an event, as a list that may repeat a name or hold NULLs (docs/counting.md §10). */
export const INVOLVED_SQL = 'list_concat([actor1, actor2], assoc_actor_1, assoc_actor_2)';

/**
 * Columns DuckDB computes when they are read (VIRTUAL): they cost nothing to import.
 * list_distinct also drops the NULLs of a missing actor2.
 */
export const GENERATED_FIELDS: Partial<Record<EventField, string>> = {
  actors: `list_distinct(${INVOLVED_SQL})`,
};

/** The columns an import writes. */
export const STORED_FIELDS = EVENT_FIELD_NAMES.filter((f) => !(f in GENERATED_FIELDS));

/** Fields an importer fills from a source column; the rest are derived at import. */
export const SOURCE_FIELDS = EVENT_FIELD_NAMES.filter(
  (f) => !['id', 'dataset', 'dataset_version', 'year', 'country_code', 'country_source', 'actors', 'actor_text', 'source_file', 'extra'].includes(f),
);

/** The fields shown by `events` in plain and CSV output, in order. */
export const EVENT_LIST_FIELDS: EventField[] = [
  'id',
  'event_date',
  'country',
  'admin1',
  'admin2',
  'location',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'actor2',
  'assoc_actor_2',
  'fatalities',
  'latitude',
  'longitude',
  'notes',
];
