/**
 * Loading the admin1 choropleth's areas for some filters. The admin1 filter itself is
 * outlined, not applied, so that the neighbours of a chosen area stay in view: both the
 * counts and the areas are asked for without it. The server's own matching of names to
 * boundaries (/api/map.geojson) is preferred; a server without it gets the join done here.
 */
import { apiUrl, getJson, getOnce, isAbort } from '../api.js';
import { without } from '../query.js';
import { fromMapGeoJson, joinCounts, nameKey } from './choropleth.js';
import { ADMIN1_URL } from './style.js';

/** Whether the server has /api/map.geojson: unknown until asked, then remembered. */
let serverMaps = /** @type {boolean | null} */ (null);

/**
 * Areas at one level: admin1 areas, or countries (which only the server's map route draws).
 * @param {import('../query.js').Filters} filters @param {'events' | 'fatalities'} metric @param {AbortSignal} signal
 * @param {'admin1' | 'country'} [level]
 */
export async function loadAreas(filters, metric, signal, level = 'admin1') {
  const context = without(filters, level);
  const counts = await getJson(apiUrl('/api/count', context, { by: level }), signal);
  let joined = null;
  if (serverMaps !== false || level === 'country') {
    try {
      joined = fromMapGeoJson(await getJson(apiUrl('/api/map.geojson', context, { level, metric }), signal), metric, filters);
      serverMaps = true;
    } catch (error) {
      if (isAbort(error)) throw error;
      // Countries are drawn only by the server; admin1 areas can be joined here instead.
      if (level === 'country') throw error;
      if (/** @type {{ status?: number }} */ (error).status === 404) serverMaps = false;
    }
  }
  const admin1 = /** @type {string[] | undefined} */ (filters.admin1);
  joined ??= joinCounts(await shapesOf(counts.rows), counts.rows, metric, { admin1 });
  // What the filters select: the chosen areas, or all of them; and how much of it has no boundary
  // (the server names such areas by admin1 and country, as count does).
  const names = /** @type {string[] | undefined} */ (filters[level]);
  const chosen = new Set((names ?? []).map(nameKey));
  const inSelection = (r) => !chosen.size || chosen.has(nameKey(r[level]));
  // Aggregated data may count one measure only: the other is null, never added as 0.
  const sum = (list, m = 'events') => list.reduce((n, r) => n + (r[m] ?? 0), 0);
  const rows = counts.rows.filter(inSelection);
  const missing = joined.unmatched.filter(inSelection);
  const selection = { events: sum(rows), missing: sum(missing), value: sum(rows, metric), missingValue: sum(missing, metric) };
  return { ...joined, rows: counts.rows, selection };
}

/**
 * Each country's admin1 boundaries, fetched once per page; a country the server has none for has none.
 * @param {Array<{ country: string }>} rows @returns {Promise<Map<string, import('geojson').Feature[]>>}
 */
async function shapesOf(rows) {
  const countries = [...new Set(rows.map((r) => r.country).filter(Boolean))];
  return new Map(
    await Promise.all(
      countries.map(async (country) => {
        /** @type {[string, import('geojson').Feature[]]} */
        let entry;
        try {
          entry = [country, (await getOnce(apiUrl(ADMIN1_URL, null, { country }))).features];
        } catch {
          entry = [country, []];
        }
        return entry;
      }),
    ),
  );
}
