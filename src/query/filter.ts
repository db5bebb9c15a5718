/**
 * The one filter model: every filter declared once, with how it becomes SQL. The CLI's flags
 * and --help, the API's query parameters and OpenAPI document, the dashboard's filter model
 * (/api/filters.json) and `describeFilter` are all derived from FILTER_PARAMS; compile.ts
 * turns a Filter into parameterised SQL through each declaration's `sql`.
 * Within one key, values are alternatives (OR); different keys must all hold (AND).
 * How to add a filter: docs/parameters.md.
 */
import { param, register, type Param, type ParamKind, type ValueOfKind } from '../model/param.js';
import { findCountry } from '../model/countries.js';

/** A value bound into SQL; `{ list }` binds a VARCHAR[]. */
export type SqlValue = string | number | boolean | { list: string[] };

export interface FilterParam<K extends ParamKind = ParamKind> extends Param<K> {
  /** The clause this filter adds, with `?` for each bound value; undefined: it adds none itself. */
  sql?: (value: ValueOfKind<K>, filter: Readonly<Record<string, unknown>>, on: FilterColumns) => { clause: string; params: SqlValue[] } | undefined;
  /** The stored column whose values this filter names (resolved against the store, ignoring case). */
  column?: string;
}

/**
 * The columns a filter reads where tables name them differently: events are dated by
 * `event_date`; aggregated data (table `aggregates`) by its period's first day.
 */
export interface FilterColumns {
  date: string;
}
export const EVENT_COLUMNS: FilterColumns = { date: 'event_date' };
export const AGGREGATE_COLUMNS: FilterColumns = { date: 'period_start' };

/**
 * One country, whatever each source calls it: matched by the ISO code of the one country
 * table (model/countries.ts). A name the table does not know matches the rows stored under
 * that very name.
 */
function countrySql(values: string[]): { clause: string; params: SqlValue[] } {
  const codes = [...new Set(values.map((v) => findCountry(v)?.code).filter((c): c is string => !!c))];
  const unknown = values.filter((v) => !findCountry(v));
  const parts: Array<{ clause: string; params: SqlValue[] }> = [];
  if (codes.length) parts.push(oneOrMany('country_code', codes));
  if (unknown.length) {
    const n = oneOrMany('country', unknown);
    parts.push({ clause: `(country_code IS NULL AND ${n.clause})`, params: n.params });
  }
  return parts.length > 1 ? { clause: `(${parts.map((p) => p.clause).join(' OR ')})`, params: parts.flatMap((p) => p.params) } : parts[0]!;
}

/**
 * Events by id. A crisismap id names its dataset ("acled:MLI6437"); a source's own id does not
 * ("MLI6437"), and may be held by several datasets: each form is matched against its own column.
 */
function eventIdSql(ids: string[]): { clause: string; params: SqlValue[] } {
  const ours = ids.filter((id) => id.includes(':'));
  const theirs = ids.filter((id) => !id.includes(':'));
  const parts = [...(ours.length ? [oneOrMany('id', ours)] : []), ...(theirs.length ? [oneOrMany('source_id', theirs)] : [])];
  return parts.length > 1 ? { clause: `(${parts.map((p) => p.clause).join(' OR ')})`, params: parts.flatMap((p) => p.params) } : parts[0]!;
}

function filterParam<K extends ParamKind>(kind: K, declared: Parameters<typeof param<K>>[1] & Pick<FilterParam<K>, 'sql' | 'column'>): FilterParam<K> {
  return param(kind, declared) as FilterParam<K>;
}

const oneOrMany = (column: string, values: Array<string | number>) =>
  values.length === 1 ? { clause: `${column} = ?`, params: values } : { clause: `${column} IN (${values.map(() => '?').join(', ')})`, params: values };

/** A filter on a column's stored values (resolved first, so matched exactly). */
const names = (key: string, column: string, help: string, example: string, label?: string, placeholder?: string) =>
  filterParam('text-list', {
    key,
    column,
    help,
    example,
    ...(label ? { label } : {}),
    ...(placeholder ? { placeholder } : {}),
    sql: (values: string[]) => oneOrMany(`"${column}"`, values),
  });

/** SQL for "this event is civilian targeting": the column where the source has it, else the event type. */
export const CIVILIAN_TARGETING_SQL = `coalesce(civilian_targeting, event_type = 'Violence against civilians')`;

/** C0 control characters: never in a stored name. */
export const CONTROL = /[\u0000-\u001f]/;

/** An actor value as the actor filter matches it against actor_text. */
export const actorNeedle = (value: string) => value.trim().toLowerCase();

/**
 * What resolveFilter learnt about the actor values (needles, see actorNeedle) from the store's
 * names: those that match no name, whole (exact) or in part. They add no clause, so a filter
 * of names the store does not hold costs no scan. A symbol key: outputs and JSON never show it,
 * and a filter spread from a resolved one keeps it; a value it does not list is matched as usual.
 */
export const ACTOR_MATCHES = Symbol('actor values that match no stored name');
export interface ActorMatches {
  exact: boolean;
  none: ReadonlySet<string>;
}

export const FILTER_PARAMS = {
  country: filterParam('text-list', {
    key: 'country',
    column: 'country',
    example: 'Mali',
    help: "country: any name ACLED, UCDP or people use (DRC, Burma, Côte d'Ivoire) or an ISO code",
    sql: (values) => countrySql(values),
  }),
  admin1: names('admin1', 'admin1', 'first-level administrative area', 'Mopti', 'Admin1'),
  admin2: names('admin2', 'admin2', 'second-level administrative area', 'Djenne', 'Admin2'),
  location: names('location', 'location', 'named location', 'Moura'),
  from: filterParam('date', {
    key: 'from',
    http: null,
    help: 'first day, inclusive',
    example: '2022-01-01',
    sql: (day, _f, on) => ({ clause: `${on.date} >= ?::DATE`, params: [day] }),
  }),
  to: filterParam('date', {
    key: 'to',
    http: null,
    help: 'last day, inclusive',
    example: '2022-12-31',
    sql: (day, _f, on) => ({ clause: `${on.date} <= ?::DATE`, params: [day] }),
  }),
  year: filterParam('year-list', {
    key: 'year',
    help: 'calendar year (also 2021,2022)',
    example: '2022',
    min: 1000,
    max: 9999,
    sql: (years) => oneOrMany('year', years),
  }),
  eventType: names('eventType', 'event_type', 'ACLED event type, e.g. "Violence against civilians"', 'Violence against civilians', 'Event type', 'TYPE'),
  subEventType: names('subEventType', 'sub_event_type', 'ACLED sub-event type', 'Attack', 'Sub-event type', 'TYPE'),
  disorderType: filterParam('text-list', {
    key: 'disorderType',
    column: 'disorder_type',
    help: 'ACLED disorder type',
    placeholder: 'TYPE',
    example: 'Political violence',
    // ACLED writes several in one cell ("Political violence; Demonstrations"): any of them matches.
    sql: (values) => ({ clause: `list_has_any(list_transform(string_split(disorder_type, ';'), d -> trim(d)), ?::VARCHAR[])`, params: [{ list: values }] }),
  }),
  actor: filterParam('text-list', {
    key: 'actor',
    help: 'involved as actor1, actor2 or an associated actor (a part of the name, any case)',
    example: 'Wagner',
    // actor_text is "\nname one\nname two\n", lower-cased: a part of a name, or a whole one fenced by newlines.
    // A name holds no control character (the import refuses them), so a value holding one (a
    // newline above all, which would match across two names) matches no actor: no scan at all.
    sql: (actors, filter) => {
      const known = (filter as { [ACTOR_MATCHES]?: ActorMatches })[ACTOR_MATCHES];
      const none = known && known.exact === (filter.actorExact === true) ? known.none : undefined;
      const possible = actors.map(actorNeedle).filter((a) => !CONTROL.test(a) && !none?.has(a));
      if (!possible.length) return { clause: 'FALSE', params: [] };
      const one = filter.actorExact ? `contains(actor_text, chr(10) || ? || chr(10))` : 'contains(actor_text, ?)';
      return { clause: `(${possible.map(() => one).join(' OR ')})`, params: possible };
    },
  }),
  actorExact: filterParam('boolean', {
    key: 'actorExact',
    label: 'Exact actor name',
    help: 'the actor filter must equal a whole actor name (any case)',
    example: '1',
  }),
  interaction: names('interaction', 'interaction', 'ACLED interaction code', '17', 'Interaction', 'CODE'),
  civilianTargeting: filterParam('boolean', {
    key: 'civilianTargeting',
    label: 'Targets civilians',
    help: 'only events that target civilians',
    example: '1',
    onOnly: true,
    yes: ['civilian targeting'],
    sql: (on) => ({ clause: on ? CIVILIAN_TARGETING_SQL : `NOT ${CIVILIAN_TARGETING_SQL}`, params: [] }),
  }),
  dataset: names('dataset', 'dataset', 'only events of this dataset (acled, ucdp-ged, demo-synthetic…)', 'acled'),
  eventId: filterParam('text-list', {
    key: 'eventId',
    // ACLED's API names its id event_id_cnty; crisismap's ids are the source's, prefixed by the dataset.
    http: 'event_id_cnty',
    label: 'Event id',
    placeholder: 'ID',
    example: 'acled:MLI6437',
    help: "only these events: crisismap's id, as answers list them (acled:MLI6437), or the source's own (ACLED's event_id_cnty MLI6437)",
    maxLength: 100,
    sql: (ids) => eventIdSql(ids),
  }),
} satisfies Record<string, FilterParam>;

type Declared = typeof FILTER_PARAMS;
/** A filter: each key a declared filter, holding the value its kind reads as. */
export type Filter = { [K in keyof Declared]?: Declared[K] extends Param<infer Kind> ? ValueOfKind<Kind> : never } & { [ACTOR_MATCHES]?: ActorMatches };
export type FilterKey = keyof Declared;
export const FILTER_KEYS = Object.keys(FILTER_PARAMS) as FilterKey[];
/** The declarations in one order (the order outputs echo filters in). */
export const FILTERS: FilterParam[] = Object.values(FILTER_PARAMS);

/**
 * Over HTTP, dates are ACLED's: `event_date` with `event_date_where`. These two carry the
 * `from` and `to` filters and are not filters themselves.
 */
export const DATE_WHERE = ['=', '>', '<', '>=', '<=', 'BETWEEN'] as const;
export type DateWhere = (typeof DATE_WHERE)[number];
export const EVENT_DATE = param('text-list', {
  key: 'eventDate',
  flag: null,
  label: 'Event date',
  maxValues: 2,
  maxLength: 10,
  help: 'a day, or two days separated by | with event_date_where=BETWEEN (inclusive)',
  example: '2022-01-01|2022-12-31',
});
export const EVENT_DATE_WHERE = param('one-of', {
  key: 'eventDateWhere',
  flag: null,
  label: 'Event date where',
  values: DATE_WHERE,
  default: '=',
  help: "how event_date compares, as in ACLED's API: = (default), > and < (strict), >=, <=, BETWEEN (inclusive)",
  example: 'BETWEEN',
});

/**
 * ACLED's `event_date_where` as first and last days, inclusive: `>` is strict (the next day on),
 * `<` too (up to the day before). The dashboard reads the same table, from /api/filters.json.
 */
export const DATE_WHERE_MEANS: Record<DateWhere, { from?: number; to?: number; days: 1 | 2 }> = {
  '=': { from: 0, to: 0, days: 1 },
  '>': { from: 1, days: 1 },
  '>=': { from: 0, days: 1 },
  '<': { to: -1, days: 1 },
  '<=': { to: 0, days: 1 },
  BETWEEN: { from: 0, to: 0, days: 2 },
};

export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

register([...FILTERS, EVENT_DATE, EVENT_DATE_WHERE]);

/** Names as users and the docs write them (`--event-type`, `event_type`), for each key: the CLI's. */
export const FILTER_LABELS = Object.fromEntries(FILTERS.map((p) => [p.key, p.flag])) as Record<FilterKey, string>;

/** The filter with empty keys removed and keys in one order: what outputs echo back. */
export function normalizeFilter(filter: Filter): Filter {
  const out: Filter = {};
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
    (out as Record<string, unknown>)[key] = Array.isArray(value) ? [...new Set(value as unknown[])] : value;
  }
  return out;
}

/** One line for a chart note or a table footer: "country=Mali, Niger; year=2022". */
export function describeFilter(filter: Filter): string {
  const parts = Object.entries(normalizeFilter(filter)).map(([key, value]) =>
    value === true ? FILTER_LABELS[key as FilterKey] : `${FILTER_LABELS[key as FilterKey]}=${Array.isArray(value) ? value.join(', ') : value}`,
  );
  return parts.length ? parts.join('; ') : 'no filters (all events)';
}

/** Filter keys matched against a column's stored values, ignoring case. */
export const CATEGORICAL = Object.fromEntries(FILTERS.filter((p) => p.column).map((p) => [p.key, p.column])) as Record<CategoricalKey, string>;
export type CategoricalKey = 'country' | 'admin1' | 'admin2' | 'location' | 'eventType' | 'subEventType' | 'disorderType' | 'interaction' | 'dataset';
