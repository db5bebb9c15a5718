/**
 * UCDP GED versions and how they replace each other. A final release (25.1) covers 1989 up to
 * the year before its name (UCDP's naming: GED 25.1 ends in 2024). Candidate releases (25.0.9:
 * the ninth monthly release of 2025's candidate events) cover the months since. Once a final
 * release covering a year is in the store, candidate events of that year are dropped, within
 * the final subscription's own filters, so that no event is counted twice across versions.
 */
import { CrisisError } from '../../model/errors.js';
import type { Store } from '../../store/store.js';
import { sqlString } from '../layout.js';

export type UcdpKind = 'final' | 'candidate';

export function ucdpKind(version: string): UcdpKind {
  if (/^\d{2}\.0\.\d+$/.test(version)) return 'candidate';
  if (/^\d{2}\.[1-9]\d*$/.test(version)) return 'final';
  throw new CrisisError(version ? `UCDP version "${version}" is neither a final release (25.1) nor a candidate one (25.0.9)` : 'UCDP needs --version', [
    'give the GED version to follow, e.g. --version 25.1 (final) or --version 25.0.9 (monthly candidate)',
  ]);
}

/** The last year a final release covers: 25.1 → 2024. */
export function coversThrough(version: string): number {
  return 2000 + Number(version.split('.')[0]) - 1;
}

/**
 * The UCDP filters crisismap follows, with how each reads against stored events: a final
 * release replaces candidate events only where its own filters reach. Any other UCDP filter
 * is refused when subscribing, rather than reconciled wrongly.
 */
export const UCDP_FILTERS: Record<string, (value: string) => string> = {
  // Gleditsch–Ward country codes, as the API takes them; the GED column is kept in `extra`.
  Country: (v) => `json_extract_string(extra, '$.country_id') IN (${codes(v)})`,
  StartDate: (v) => `date_end >= ${date(v)}`,
  EndDate: (v) => `event_date <= ${date(v)}`,
  TypeOfViolence: (v) => `violence_type IN (${codes(v)})`,
};

export function checkUcdpFilters(filters: Record<string, string>): void {
  for (const [key, value] of Object.entries(filters)) {
    const rule = UCDP_FILTERS[key];
    if (!rule) throw new CrisisError(`UCDP filter "${key}" is not one crisismap follows`, [`use ${Object.keys(UCDP_FILTERS).join(', ')}`]);
    rule(value);
  }
}

/**
 * Deletes candidate events that a final release in `finals` covers; returns how many.
 * `finals`: the final subscriptions (version and filters) the store follows.
 */
export async function dropSupersededCandidates(store: Store, finals: Array<{ version: string; filters: Record<string, string> }>): Promise<number> {
  let dropped = 0;
  for (const f of finals) {
    const scope = Object.entries(f.filters).map(([k, v]) => UCDP_FILTERS[k]!(v));
    const where = [`dataset = 'ucdp'`, `regexp_matches(dataset_version, '^\\d{2}\\.0\\.\\d+$')`, `year <= ${coversThrough(f.version)}`, ...scope].join(' AND ');
    const { n } = await store.one(`SELECT count(*) AS n FROM events WHERE ${where}`);
    if (Number(n)) await store.run(`DELETE FROM events WHERE ${where}`);
    dropped += Number(n);
  }
  return dropped;
}

function codes(value: string): string {
  const list = value
    .split(/[|,]/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (!list.length || list.some((x) => !/^\d+$/.test(x))) throw new CrisisError(`UCDP filter value "${value}" is not a list of numeric codes`, ['e.g. Country=432 or Country=432,437']);
  return list.map((x) => sqlString(x)).join(', ');
}

function date(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new CrisisError(`UCDP date "${value}" is not YYYY-MM-DD`);
  return `DATE ${sqlString(value)}`;
}
