/**
 * How much one request may ask, beyond each parameter's own bounds (those are declared with
 * the parameter, src/model/param.ts, and checked by its schema: a 400 naming the bound):
 * the length of the URL, and which requests are heavy enough to share a smaller part of the
 * store connections (pool.ts).
 */

/** The longest request target (path and query) answered; longer ones get a JSON 414. */
export const MAX_URL_LENGTH = 8 * 1024;

/**
 * A request whose size makes it expensive: many values in all, or several actor names (each
 * is matched as a part of every actor column). Heavy requests share a quarter of the store
 * connections, so a stream of them, each within its bounds, cannot delay ordinary reads.
 */
export const HEAVY = { values: 12, actors: 3 };

export function isHeavy(query: Record<string, string[]>): boolean {
  const count = (name: string) => (query[name] ?? []).flatMap((v) => v.split('|')).length;
  const total = Object.keys(query).reduce((sum, name) => sum + count(name), 0);
  return total > HEAVY.values || count('actor') > HEAVY.actors;
}
