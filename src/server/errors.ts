/**
 * The one error shape of the API, for every route and every status:
 *   {"ok": false, "error": {"status": 400, "message": "unknown country \"Maly\"", "hints": ["closest: Mali"]}}
 * A CrisisError is the user's to fix (4xx); anything else is a bug (500), and bad input must
 * never reach that branch: the tests send every kind of bad input they know of.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { CrisisError } from '../model/errors.js';
import { type Namer, wordError } from '../model/param.js';
import { HTTP_NAMES, TOKEN_NAMES, WORDING_HEADER, wantsTokens } from './wording.js';
import { closest } from '../query/similar.js';
import { BudgetExceeded } from './pool.js';

export interface ErrorBody {
  ok: false;
  error: { status: number; message: string; hints: string[] };
}

/** An error with its HTTP status: thrown by routes, answered by the app's one error handler. */
export class ApiError extends Error {
  /** `headers`: what the status needs beside the body (WWW-Authenticate with 401, Allow with 405). */
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly hints: string[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorBody(status: number, message: string, hints: string[] = []): ErrorBody {
  return { ok: false, error: { status, message, hints } };
}

/** Any thrown value as its status and body; logs what is not the user's to fix. */
export function toErrorBody(error: unknown, log: (text: string) => void = (t) => process.stderr.write(t), names: Namer = HTTP_NAMES): ErrorBody {
  if (error instanceof ApiError) return errorBody(error.status, error.message, error.hints);
  if (error instanceof BudgetExceeded) {
    return errorBody(503, `the query was stopped: it ran longer than the server's time budget of ${error.budgetMs / 1000} s`, [
      'narrow the filters (fewer values, a shorter period) and ask again',
      'whoever runs the server sets the budget with crisismap serve --query-timeout SECONDS',
    ]);
  }
  if (error instanceof CrisisError) {
    // Exit code 3 is the store (missing, locked): the server's problem, not the request's.
    const { message, hints } = wordError(error, names);
    return errorBody(error.exitCode === 3 ? 503 : 400, message, hints);
  }
  log(`crisismap serve: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  return errorBody(500, `unexpected error: ${(error as Error)?.message ?? String(error)}`, ['this is a bug in crisismap: please report it with the URL you asked for']);
}

export function errorResponse(c: Context, error: unknown): Response {
  // A client that words parameters itself gets the problem with its parameters as tokens.
  const body = toErrorBody(error, undefined, wantsTokens(c.req.header(WORDING_HEADER)) ? TOKEN_NAMES : HTTP_NAMES);
  const headers = error instanceof ApiError ? error.headers : {};
  return c.json(body, body.error.status as ContentfulStatusCode, headers);
}

/** A parameter the route does not take: 400, naming the closest and all the known ones. */
export function unknownParameters(unknown: string[], known: string[]): ApiError {
  const first = unknown[0]!;
  const near = closest(first, known, 1);
  return new ApiError(400, `unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}`, [
    ...(near.length ? [`closest: ${near[0]}`] : []),
    `this route takes: ${known.join(', ')}`,
  ]);
}

/** A failed validation: the first problem as the message, the others and an example as hints. */
export function invalidParameters(error: ZodError, examples: Record<string, string | undefined>): ApiError {
  const [first, ...rest] = error.issues;
  const field = String(first?.path[0] ?? '');
  const example = examples[field];
  return new ApiError(400, first?.message ?? 'invalid parameters', [...rest.map((issue) => issue.message), ...(example !== undefined ? [`e.g. ${field}=${example}`] : [])]);
}

/** 405 with the Allow header the status needs (allow: 'GET, HEAD', 'POST'). */
export function notAllowed(method: string, path: string, allow: string): ApiError {
  return new ApiError(405, `${method} is not taken by ${path}`, [`use ${allow.split(',')[0]} ${path}`], { Allow: allow });
}
