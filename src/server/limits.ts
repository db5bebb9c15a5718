/**
 * How much one request may ask: the bounds on query parameters, in one place, read by the
 * request validation (route.ts) and stated in the OpenAPI document. A request past a bound is
 * a JSON 400 that names the bound; nothing is cut short silently.
 *
 * Why bounded: a filter of 1,000 actor names made one request hold a store connection for
 * over a minute (issue 13). Fifty values cover any honest comparison (ACLED's region has
 * fewer than 60 countries), and no name the data holds is near 200 characters.
 */

export interface ParamLimit {
  /** Alternatives in one parameter, its repetitions included (country=A|B&country=C is 3). */
  values: number;
  /** Characters in one value. */
  length: number;
  /** What separates the values (default |, as ACLED's API has it). */
  separator?: RegExp;
}

export const DEFAULT_LIMIT: ParamLimit = { values: 50, length: 200 };

/** Parameters whose bounds differ from the default. */
export const PARAM_LIMITS: Record<string, Partial<ParamLimit>> = {
  event_date: { values: 2, length: 10 },
  year: { values: 50, length: 4 },
  dataset_version: { values: 1 },
  // Field and group lists are words of a fixed vocabulary, separated by , or |.
  by: { values: 6, length: 20, separator: /[,|]/ },
  fields: { values: 100, length: 40, separator: /[,|]/ },
};

/** The longest request target (path and query) answered; longer ones get a JSON 414. */
export const MAX_URL_LENGTH = 8 * 1024;

export function limitOf(name: string): ParamLimit {
  return { ...DEFAULT_LIMIT, ...PARAM_LIMITS[name] };
}

/** The first bound a parameter's values break, worded for the API, or undefined. */
export function overLimit(name: string, values: string[]): string | undefined {
  const limit = limitOf(name);
  const all = values.flatMap((v) => v.split(limit.separator ?? '|'));
  if (all.length > limit.values) return `${name} has ${all.length.toLocaleString('en-US')} values: at most ${limit.values} are taken`;
  const long = all.find((v) => v.length > limit.length);
  if (long !== undefined) return `${name} has a value of ${long.length.toLocaleString('en-US')} characters: at most ${limit.length} are taken`;
  return undefined;
}

/**
 * A request whose size makes it expensive: many values in all, or several actor names (each
 * is matched as a part of every actor column). Heavy requests share half of the store
 * connections (pool.ts), so a stream of them cannot delay ordinary reads.
 */
export const HEAVY = { values: 12, actors: 3 };

export function isHeavy(query: Record<string, string[]>): boolean {
  const count = (name: string) => (query[name] ?? []).flatMap((v) => v.split(limitOf(name).separator ?? '|')).length;
  const total = Object.keys(query).reduce((sum, name) => sum + count(name), 0);
  return total > HEAVY.values || count('actor') > HEAVY.actors;
}
