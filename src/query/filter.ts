/**
 * The one filter model. The CLI's flags, the API's query parameters, the charts and the
 * dashboard all build a Filter; compile.ts turns it into parameterised SQL.
 * Within one key, values are alternatives (OR); different keys must all hold (AND).
 */
export interface Filter {
  country?: string[];
  admin1?: string[];
  admin2?: string[];
  location?: string[];
  /** First day, inclusive, YYYY-MM-DD. */
  from?: string;
  /** Last day, inclusive, YYYY-MM-DD. */
  to?: string;
  year?: number[];
  eventType?: string[];
  subEventType?: string[];
  disorderType?: string[];
  /** Involved as actor1, actor2 or any associated actor. */
  actor?: string[];
  /** Match the whole actor name (ignoring case) instead of a part of it. */
  actorExact?: boolean;
  interaction?: string[];
  civilianTargeting?: boolean;
  dataset?: string[];
}

/** Filter keys matched against a column's stored values, ignoring case. */
export const CATEGORICAL = {
  country: 'country',
  admin1: 'admin1',
  admin2: 'admin2',
  location: 'location',
  eventType: 'event_type',
  subEventType: 'sub_event_type',
  disorderType: 'disorder_type',
  interaction: 'interaction',
  dataset: 'dataset',
} as const;
export type CategoricalKey = keyof typeof CATEGORICAL;

/** Names as users and the docs write them (`--event-type`, `event_type`), for each key. */
export const FILTER_LABELS: Record<keyof Filter, string> = {
  country: 'country', admin1: 'admin1', admin2: 'admin2', location: 'location', from: 'from', to: 'to',
  year: 'year', eventType: 'event-type', subEventType: 'sub-event-type', disorderType: 'disorder-type',
  actor: 'actor', actorExact: 'actor-exact', interaction: 'interaction', civilianTargeting: 'civilian-targeting',
  dataset: 'dataset',
};

/** The filter with empty keys removed and keys in one order: what outputs echo back. */
export function normalizeFilter(filter: Filter): Filter {
  const out: Filter = {};
  for (const key of Object.keys(FILTER_LABELS) as Array<keyof Filter>) {
    const value = filter[key];
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
    (out as Record<string, unknown>)[key] = Array.isArray(value) ? [...new Set(value as unknown[])] : value;
  }
  return out;
}

/** One line for a chart note or a table footer: "country=Mali, Niger; year=2022". */
export function describeFilter(filter: Filter): string {
  const parts = Object.entries(normalizeFilter(filter)).map(([key, value]) =>
    value === true ? FILTER_LABELS[key as keyof Filter] : `${FILTER_LABELS[key as keyof Filter]}=${Array.isArray(value) ? value.join(', ') : value}`);
  return parts.length ? parts.join('; ') : 'no filters (all events)';
}
