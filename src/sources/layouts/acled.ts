/**
 * ACLED's CSV layouts, told apart by their columns:
 * - current export (31 columns, disorder_type and civilian_targeting) and older ones
 *   (data_id, event_id_no_cnty, iso3), including HDX files with a row of HXL hashtags;
 * - monadic exports: one row per actor, no actor2 columns;
 * - the 2016-era layout: ally_actor_1/2, gwno and combined types such as Riots/Protests.
 */
import type { Columns, Layout, LayoutField } from '../layout.js';

const REQUIRED = ['event_id_cnty', 'event_date', 'actor1', 'country', 'fatalities'];

export function detectAcled(columns: Columns): Layout | undefined {
  if (!columns.has(...REQUIRED)) return undefined;
  const col = (name: string) => columns.ref(name);
  const legacy = columns.has('ally_actor_1');
  const monadic = !columns.has('actor2');
  // Old exports have rows without event_id_cnty; their data_id (ACLED's row id) names them then.
  const fallbackId = columns.has('data_id');
  const fields: Partial<Record<LayoutField, string>> = {
    source_id: fallbackId ? `coalesce(nullif(trim(${col('event_id_cnty')}), ''), nullif(trim(${col('data_id')}), ''))` : col('event_id_cnty'),
    event_date: col('event_date'),
    year_check: col('year'),
    time_precision: col('time_precision'),
    disorder_type: col('disorder_type'),
    event_type: legacy ? legacyEventType(col('event_type')) : col('event_type'),
    sub_event_type: legacy ? legacySubEventType(col('event_type')) : col('sub_event_type'),
    actor1: col('actor1'),
    assoc_actor_1: columns.refAny('assoc_actor_1', 'ally_actor_1'),
    inter1: col('inter1'),
    actor2: col('actor2'),
    assoc_actor_2: columns.refAny('assoc_actor_2', 'ally_actor_2'),
    inter2: col('inter2'),
    interaction: col('interaction'),
    civilian_targeting: columns.has('civilian_targeting') ? `CASE WHEN ${col('civilian_targeting')} IS NULL THEN 'false' ELSE 'true' END` : 'NULL',
    iso: col('iso'),
    iso3: col('iso3'),
    region: col('region'),
    country: col('country'),
    admin1: col('admin1'),
    admin2: col('admin2'),
    admin3: col('admin3'),
    location: col('location'),
    latitude: col('latitude'),
    longitude: col('longitude'),
    geo_precision: col('geo_precision'),
    source: col('source'),
    source_scale: col('source_scale'),
    notes: col('notes'),
    fatalities: col('fatalities'),
    tags: col('tags'),
    timestamp: col('timestamp'),
  };
  return {
    name: legacy ? 'acled-2016' : monadic ? 'acled-monadic' : 'acled',
    dataset: 'acled',
    fields,
    monadic,
    required: ['source_id', 'event_date', 'fatalities'],
    eventTypes: legacy ? LEGACY_EVENT_TYPES : EVENT_TYPES,
    ...(fallbackId ? { keepInExtra: ['data_id'] } : {}),
  };
}

/** ACLED's event types since 2019. */
export const EVENT_TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments'];

/** Columns an ACLED file must have; used to say what an unrecognised file lacks. */
export const ACLED_REQUIRED = REQUIRED;

// The 2016 layout folded sub-event types into event_type; these map to today's taxonomy. Every
// spelling ACLED used over the years is listed (case and spaces do not matter): singular and
// plural, with or without the hyphen. "Riots/Protests" cannot be split without reading the notes,
// so it is kept as written. A type not listed here is kept as written and named in the report.
const LEGACY_TYPES: Record<string, [string, string | null]> = {
  'battle-no change of territory': ['Battles', 'Armed clash'],
  'battle - no change of territory': ['Battles', 'Armed clash'],
  'battle-government regains territory': ['Battles', 'Government regains territory'],
  'battle - government regains territory': ['Battles', 'Government regains territory'],
  'battle-non-state actor overtakes territory': ['Battles', 'Non-state actor overtakes territory'],
  'battle-non-state actors overtake territory': ['Battles', 'Non-state actor overtakes territory'],
  'battle - non-state actor overtakes territory': ['Battles', 'Non-state actor overtakes territory'],
  'battle-non state actor overtakes territory': ['Battles', 'Non-state actor overtakes territory'],
  'remote violence': ['Explosions/Remote violence', null],
  'violence against civilians': ['Violence against civilians', null],
  'riots/protests': ['Riots/Protests', null],
  riots: ['Riots', null],
  protests: ['Protests', null],
  'strategic development': ['Strategic developments', null],
  'strategic developments': ['Strategic developments', null],
  'non-violent transfer of territory': ['Strategic developments', 'Non-violent transfer of territory'],
  'non violent transfer of territory': ['Strategic developments', 'Non-violent transfer of territory'],
  'headquarters or base established': ['Strategic developments', 'Headquarters or base established'],
  'headquarter or base established': ['Strategic developments', 'Headquarters or base established'],
};

/** What the 2016 layout's types become, so that anything else is reported. */
const LEGACY_EVENT_TYPES = [...new Set([...EVENT_TYPES, ...Object.values(LEGACY_TYPES).map(([to]) => to)])];

function legacyEventType(column: string): string {
  const cases = Object.entries(LEGACY_TYPES)
    .map(([from, [to]]) => `WHEN '${from}' THEN '${to}'`)
    .join(' ');
  return `CASE lower(trim(${column})) ${cases} ELSE ${column} END`;
}

function legacySubEventType(column: string): string {
  const cases = Object.entries(LEGACY_TYPES)
    .filter(([, [, sub]]) => sub)
    .map(([from, [, sub]]) => `WHEN '${from}' THEN '${sub}'`)
    .join(' ');
  return `CASE lower(trim(${column})) ${cases} ELSE NULL END`;
}
