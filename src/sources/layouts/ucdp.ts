/**
 * UCDP GED (CSV with its 49 columns, or the API's JSON pages turned into rows). UCDP attributes
 * deaths to sides; those columns are kept as they are. Columns without a field here (conflict
 * and dyad ids, source texts, priogrid…) go to `extra`.
 */
import type { Columns, Layout } from '../layout.js';

const REQUIRED = ['id', 'type_of_violence', 'side_a', 'date_start', 'best'];

export function detectUcdp(columns: Columns, fileName: string): Layout | undefined {
  if (!columns.has(...REQUIRED)) return undefined;
  const col = (name: string) => columns.ref(name);
  const type = `trim(${col('type_of_violence')})`;
  // GED files are named after their version: ged231 is 23.1.
  const version = /ged[_-]?(\d{2})(\d)/i.exec(fileName);
  return {
    name: 'ucdp-ged',
    dataset: 'ucdp',
    ...(version ? { version: `${version[1]}.${version[2]}` } : {}),
    required: ['source_id', 'event_date', 'fatalities'],
    fields: {
      source_id: col('id'),
      event_date: col('date_start'),
      date_end: col('date_end'),
      year_check: col('year'),
      time_precision: col('date_prec'),
      disorder_type: `'Political violence'`,
      event_type: `CASE ${type} WHEN '1' THEN 'State-based conflict' WHEN '2' THEN 'Non-state conflict' WHEN '3' THEN 'One-sided violence' END`,
      violence_type: type,
      actor1: col('side_a'),
      actor2: col('side_b'),
      // One-sided violence is, by UCDP's definition, violence against civilians.
      civilian_targeting: `CASE WHEN ${type} = '3' THEN 'true' ELSE 'false' END`,
      region: col('region'),
      country: col('country'),
      admin1: col('adm_1'),
      admin2: col('adm_2'),
      location: col('where_coordinates'),
      latitude: col('latitude'),
      longitude: col('longitude'),
      geo_precision: col('where_prec'),
      source: col('source_office'),
      notes: col('source_headline'),
      fatalities: col('best'),
      fatalities_low: col('low'),
      fatalities_high: col('high'),
      deaths_a: col('deaths_a'),
      deaths_b: col('deaths_b'),
      deaths_civilians: col('deaths_civilians'),
      deaths_unknown: col('deaths_unknown'),
    },
  };
}
