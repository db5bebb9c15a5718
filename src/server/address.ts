/**
 * Where a crisismap server is reached, and the address of one event on it: what a document
 * written elsewhere (`crisismap brief --html`) links to. Small and dependency-free, so that
 * the command line can read it without loading the server.
 */
import { FILTER_PARAMS } from '../query/filter.js';

export const DEFAULT_PORT = 8080;
/** Loopback: nothing outside this machine can reach the server unless --host says so. */
export const DEFAULT_HOST = '127.0.0.1';
/** The address `crisismap serve` listens on when not told otherwise. */
export const DEFAULT_BASE_URL = `http://${DEFAULT_HOST}:${DEFAULT_PORT}`;

/**
 * One event, relative to the API's root (/api/): GET /api/events filtered to its id (ACLED's
 * event_id_cnty) answers that event alone. Pages the API serves (/api/brief.html) link to it
 * as it is, so the link holds behind a proxy that serves the API under another path.
 */
export function eventPath(id: string): string {
  // A colon may stand in a query as it is (RFC 3986), and ids read better with theirs.
  return `events?${FILTER_PARAMS.eventId.http}=${encodeURIComponent(id).replace(/%3A/g, ':')}`;
}

/** One event on the server at `base` (http://127.0.0.1:8080): for documents read away from it. */
export function eventUrl(id: string, base: string): string {
  return `${base.replace(/\/+$/, '')}/api/${eventPath(id)}`;
}
