/**
 * The dashboard's filters as a URL query string, under the API's own parameter names
 * (ACLED conventions: `country=Mali|Niger`, `event_date=2021-01-01|2022-12-31` with
 * `event_date_where=BETWEEN`), so that a dashboard URL's query can be pasted onto
 * /api/count. Which filters there are, their names, labels and how event_date_where reads
 * come from the server's filter model (model.js): the dashboard declares none of its own.
 * View settings that are not filters (map mode, time step, table page) live in the fragment
 * instead, where the API never sees them. Pure functions: no DOM.
 */
import { MODEL } from './model.js';

const FILTERS = MODEL.filters.filter((f) => f.http);
const DATE = MODEL.eventDate;

/** Filter keys that hold alternatives, in the order the URL writes them. */
export const LIST_KEYS = FILTERS.filter((f) => f.maxValues > 1).map((f) => /** @type {string} */ (f.http));

/** Switches: on or absent (civilian_targeting, actor_exact). */
export const SWITCH_KEYS = FILTERS.filter((f) => f.kind === 'boolean').map((f) => /** @type {string} */ (f.http));

/** Labels for chips and panel notes, by HTTP name, and `from` and `to` for the dates. */
export const LABELS = {
  ...Object.fromEntries(FILTERS.map((f) => [f.http, f.label])),
  ...Object.fromEntries(MODEL.filters.filter((f) => !f.http).map((f) => [f.key, f.label])),
};

/**
 * @typedef {{ [key: string]: string[] | string | boolean | undefined, from?: string, to?: string }} Filters
 * @typedef {{ view: 'dashboard' | 'check', map: 'points' | 'admin1' | 'country', step: 'year' | 'quarter' | 'month' | 'week', metric: 'events' | 'fatalities', page: number }} View
 */

/** @type {View} */
export const DEFAULT_VIEW = { view: 'dashboard', map: 'points', step: 'month', metric: 'events', page: 1 };

/** @returns {Filters} */
export function emptyFilters() {
  return Object.fromEntries(LIST_KEYS.map((k) => [k, []]));
}

/** @param {string} day @param {number} days */
function shift(day, days) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const isDay = (/** @type {string} */ s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** @param {string} search e.g. location.search @returns {Filters} */
export function parseFilters(search) {
  const q = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const key of LIST_KEYS) {
    const raw = q.get(key);
    if (raw)
      filters[key] = [
        ...new Set(
          raw
            .split('|')
            .map((v) => v.trim())
            .filter(Boolean),
        ),
      ];
  }
  // event_date_where as the API reads it (the model's table): > and < are strict.
  const dates = (q.get(DATE.http) ?? '')
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean);
  const means = DATE.where.means[(q.get(DATE.where.http) ?? DATE.where.default).trim().toUpperCase()];
  if (means && dates.length === means.days && dates.every(isDay)) {
    if (means.from !== undefined) filters.from = shift(dates[0], means.from);
    if (means.to !== undefined) filters.to = shift(dates[dates.length - 1], means.to);
  }
  for (const f of FILTERS.filter((x) => x.kind === 'boolean')) {
    const value = (q.get(/** @type {string} */ (f.http)) ?? '').trim().toLowerCase();
    if (/^(1|true|yes)$/.test(value) || (f.yes ?? []).some((w) => w.toLowerCase() === value)) filters[/** @type {string} */ (f.http)] = true;
  }
  return filters;
}

/** @param {Filters} filters @returns {URLSearchParams} */
export function filtersToParams(filters) {
  const q = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const values = /** @type {string[]} */ (filters[key] ?? []);
    if (values.length) q.set(key, values.join('|'));
  }
  if (filters.from && filters.to) {
    q.set(DATE.http, `${filters.from}|${filters.to}`);
    q.set(DATE.where.http, 'BETWEEN');
  } else if (filters.from || filters.to) {
    q.set(DATE.http, String(filters.from ?? filters.to));
    q.set(DATE.where.http, filters.from ? '>=' : '<=');
  }
  for (const key of SWITCH_KEYS) if (filters[key]) q.set(key, '1');
  return q;
}

/** The filters without one key: what a panel that lists that key's values should show. @param {Filters} filters @param {string} key @returns {Filters} */
export function without(filters, key) {
  const copy = { ...filters };
  if (LIST_KEYS.includes(key)) copy[key] = [];
  else delete copy[key];
  return copy;
}

/** @param {string} hash e.g. location.hash @returns {View} */
export function parseView(hash) {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  /** @template {'view' | 'map' | 'step' | 'metric'} K @param {K} key @param {Array<View[K]>} allowed @returns {View[K]} */
  const pick = (key, allowed) => {
    const given = /** @type {View[K]} */ (q.get(key) ?? '');
    return allowed.includes(given) ? given : DEFAULT_VIEW[key];
  };
  const page = Math.max(1, Math.floor(Number(q.get('page')) || 1));
  return {
    view: pick('view', ['dashboard', 'check']),
    map: pick('map', ['points', 'admin1', 'country']),
    step: pick('step', ['year', 'quarter', 'month', 'week']),
    metric: pick('metric', ['events', 'fatalities']),
    page,
  };
}

/** Only what differs from the defaults, so a plain view has no fragment. @param {View} view */
export function viewToHash(view) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(view)) if (value !== DEFAULT_VIEW[/** @type {keyof View} */ (key)]) q.set(key, String(value));
  const text = q.toString();
  return text ? `#${text}` : '';
}

/** Is any filter set? @param {Filters} filters */
export function isEmpty(filters) {
  return filtersToParams(filters).toString() === '';
}

/**
 * @typedef {{ key: string, value: string, label: string }} Chip
 */

/** Chips for the filter bar: one per value, each knowing how to remove itself. @param {Filters} filters @returns {Chip[]} */
export function chipsOf(filters) {
  /** @type {Chip[]} */
  const chips = [];
  for (const key of LIST_KEYS) for (const value of /** @type {string[]} */ (filters[key] ?? [])) chips.push({ key, value, label: LABELS[key] });
  for (const key of ['from', 'to']) if (filters[key]) chips.push({ key, value: String(filters[key]), label: LABELS[key] });
  for (const key of SWITCH_KEYS) if (filters[key]) chips.push({ key, value: 'yes', label: LABELS[key] });
  return chips;
}

/** The filters with one chip's value removed. @param {Filters} filters @param {{ key: string, value: string }} chip @returns {Filters} */
export function removeChip(filters, { key, value }) {
  if (!LIST_KEYS.includes(key)) return without(filters, key);
  return { ...filters, [key]: /** @type {string[]} */ (filters[key]).filter((v) => v !== value) };
}

/**
 * A click on a bar or a region: show only that value, or, when it is already the only
 * one, clear the key again (a second click undoes the first). `add` (shift-click) makes
 * it one more alternative instead.
 * @param {Filters} filters @param {string} key @param {string} value @param {boolean} [add] @returns {Filters}
 */
export function toggleValue(filters, key, value, add = false) {
  const current = /** @type {string[]} */ (filters[key] ?? []);
  if (current.length === 1 && current[0] === value) return { ...filters, [key]: [] };
  if (add) return { ...filters, [key]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] };
  return { ...filters, [key]: [value] };
}

/*
 * Filters in words, for panel subtitles and downloaded files. Takes both the dashboard's
 * filters (event_type, from, to) and the API's echo of them (`filters` in every response:
 * eventType, from, to), so that a panel can say what the server actually used.
 */
const API_KEYS = Object.fromEntries(FILTERS.map((f) => [f.key, f.http]));

/**
 * The dashboard's filters for a filter as the API and the checker write it in JSON (the
 * library's keys: eventType, civilianTargeting, from, to), through the model's key → HTTP
 * name table. A key the dashboard has no parameter for is returned in `unknown`, so that a
 * caller can say so rather than show a wider selection silently.
 * @param {Record<string, unknown>} filter @returns {{ filters: Filters, unknown: string[] }}
 */
export function fromApiFilter(filter) {
  const filters = emptyFilters();
  const unknown = [];
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === null || value === false || (Array.isArray(value) && !value.length)) continue;
    if ((key === 'from' || key === 'to') && typeof value === 'string') {
      filters[key] = value;
      continue;
    }
    const http = API_KEYS[key];
    if (http && LIST_KEYS.includes(http)) filters[http] = (Array.isArray(value) ? value : [value]).map(String);
    else if (http && SWITCH_KEYS.includes(http) && value === true) filters[http] = true;
    else unknown.push(key);
  }
  return { filters, unknown };
}

/** "country Mali; event type Battles; 2021-01-01 to 2022-12-31", or "all events". @param {Record<string, unknown> | null | undefined} filters */
export function describe(filters) {
  /** @type {string[]} */
  const parts = [];
  let from = null;
  let to = null;
  for (const [rawKey, value] of Object.entries(filters ?? {})) {
    const key = API_KEYS[rawKey] ?? rawKey;
    if (value === undefined || value === null || value === false || (Array.isArray(value) && !value.length)) continue;
    if (key === 'from') from = value;
    else if (key === 'to') to = value;
    else if (key === 'actor_exact') continue;
    else if (value === true) parts.push((LABELS[key] ?? key).toLowerCase());
    else parts.push(`${(LABELS[key] ?? key).toLowerCase()} ${Array.isArray(value) ? value.join(' or ') : value}`);
  }
  if (from && to) parts.push(from === to ? `on ${from}` : `${from} to ${to}`);
  else if (from) parts.push(`from ${from}`);
  else if (to) parts.push(`up to ${to}`);
  return parts.length ? parts.join('; ') : 'all events';
}
