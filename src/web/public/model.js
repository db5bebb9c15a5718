/**
 * The filter model, as the server declares it once for the CLI, the API and the dashboard
 * (/api/filters.json, from src/query/filter.ts): which filters there are, their parameter
 * names, labels and kinds, and how event_date_where reads event_date. The dashboard keeps no
 * copy of its own, so it cannot drift from the API.
 *
 * @typedef {{ key: string, http: string | null, flag: string | null, label: string, kind: string, help: string,
 *   maxValues: number, maxLength: number, default?: unknown, min?: number, max?: number, values?: string[], yes?: string[], onOnly?: boolean,
 *   shorthands?: Record<string, string> }} ModelParam
 * @typedef {{ from?: number, to?: number, days: number }} DateWhereMeaning
 * @typedef {{ filters: ModelParam[], eventDate: { http: string, maxValues: number,
 *   where: { http: string, default: string, values: string[], means: Record<string, DateWhereMeaning> } },
 *   options: Record<string, ModelParam[]> }} FilterModel
 */

const response = await fetch('/api/filters.json');
if (!response.ok) throw new Error(`/api/filters.json: ${response.status}`);

/** @type {FilterModel} */
export const MODEL = await response.json();

/**
 * One command's option as the server declares it (`options` of /api/filters.json): its HTTP
 * name, bounds and default, so that the dashboard asks within them.
 * @param {string} command e.g. 'events' @param {string} key e.g. 'limit' @returns {ModelParam}
 */
export function optionOf(command, key) {
  const found = MODEL.options[command]?.find((p) => p.key === key);
  if (!found) throw new Error(`/api/filters.json declares no option ${key} of ${command}`);
  return found;
}
