/**
 * The token that allows writing, and who holds it: `Authorization: Bearer TOKEN`. Token
 * holders may also see what others may not (the store's full path on this machine).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';

/** The token a request sends, if any. */
export const givenToken = (c: Context): string | undefined => /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Compared as digests of equal length, in constant time: the comparison does not tell how
 * much of a guess was right.
 */
export function sameToken(given: string, token: string): boolean {
  return timingSafeEqual(digest(given), digest(token));
}

/** Does the request carry the server's token? Never, when the server has none. */
export function holdsToken(c: Context, token: string | undefined): boolean {
  const given = givenToken(c);
  return !!token && !!given && sameToken(given, token);
}

/** The challenge that goes with every 401 (RFC 6750). */
export const BEARER_CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="crisismap"' };
