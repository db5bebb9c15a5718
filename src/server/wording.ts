/**
 * How the API names parameters and requests in messages: km=2000, GET /api/count?by=country.
 * Dates are ACLED's event_date with event_date_where, as the API takes them.
 */
import { type Namer, type ParamRef, ref, request } from '../model/param.js';
import { EVENT_DATE, EVENT_DATE_WHERE } from '../query/filter.js';

const withValue = (p: ParamRef, v: string) => {
  if (p.key === 'from') return `${EVENT_DATE.http}=${v}&${EVENT_DATE_WHERE.http}=>=`;
  if (p.key === 'to') return `${EVENT_DATE.http}=${v}&${EVENT_DATE_WHERE.http}=<=`;
  return `${p.http ?? p.key}=${p.switch ? '1' : v}`;
};

export const HTTP_NAMES: Namer = {
  name: (p) => (p.key === 'from' ? `the first day of ${EVENT_DATE.http}` : p.key === 'to' ? `the last day of ${EVENT_DATE.http}` : (p.http ?? p.key)),
  withValue,
  plain: (p) => p.http ?? p.key,
  request: (command, positional, pairs) => {
    const path = command === 'chart' ? `/api/chart/${positional ?? 'bar'}.svg` : command === 'map' ? '/api/map.svg' : `/api/${command}`;
    const query = pairs.filter(([p]) => p.key !== 'from' && p.key !== 'to').map(([p, v]) => withValue(p, v ?? '1'));
    if (command === 'actor' && positional) query.unshift(`actor=${positional}`);
    const from = pairs.find(([p]) => p.key === 'from')?.[1];
    const to = pairs.find(([p]) => p.key === 'to')?.[1];
    if (from && to) query.push(`${EVENT_DATE.http}=${from}|${to}&${EVENT_DATE_WHERE.http}=BETWEEN`);
    else if (from || to) query.push(`${EVENT_DATE.http}=${from ?? to}&${EVENT_DATE_WHERE.http}=${from ? '>=' : '<='}`);
    return `GET ${path}${query.length ? `?${query.join('&')}` : ''}`;
  },
};

/**
 * A client that words parameters itself (the dashboard, with its field labels) asks with this
 * header, and gets the library's tokens (⟦key⟧, ⟦key=value⟧, ⟦@[request]⟧) in place of
 * `km=2000` and `GET /api/…`: the one text, worded by each interface in its own terms.
 */
export const WORDING_HEADER = 'X-Crisismap-Wording';
export const wantsTokens = (header: string | undefined): boolean => header?.trim().toLowerCase() === 'tokens';

/** Names as tokens again, for a message built from a problem (wordProblem): the client words them. */
export const TOKEN_NAMES: Namer = {
  name: (p) => ref(p),
  withValue: (p, v) => ref(p, v),
  plain: (p) => ref(p),
  request: (command, positional, pairs) => request(command, pairs, positional),
};
