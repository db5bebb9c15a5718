/**
 * HTTP for unattended syncs: one request, retried through the faults a remote API has on a bad
 * day (timeouts, connection resets, 429, 5xx, a body cut off in transit) with exponential
 * backoff and full jitter, honouring Retry-After, up to limits the caller sets. Anything else
 * (401, 403, 404, 400…) is answered at once: retrying cannot mend it.
 *
 * Secrets never reach an error from here: a request names itself by a label the caller gives
 * ("ACLED events page 3"), never by its URL or headers.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Connections kept open between requests, for every sync in the process (as fetch's global
 * pool kept them): a sync asks dozens of pages of one host. node:http rather than fetch: a
 * 4 MB page costs it half the CPU, and the body arrives as bytes, which is how pages are read.
 */
const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };

/** Redirects followed before a request fails (fetch's limit is 20; an API needs one or two). */
const MAX_REDIRECTS = 5;

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First backoff, in ms; doubled each retry, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the request fails, saying so. */
  maxRetryAfterMs: number;
  /** One request, body included, in ms. */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 6, // five retries: about a minute of backoff in all
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 10 * 60_000, // ten minutes: a longer wait is an outage, not a rate limit
  timeoutMs: 120_000, // a 5,000-event ACLED page can take a while to build
};

/** Why a request failed for good: the HTTP status when there was one, and what was asked. */
export class HttpError extends Error {
  constructor(
    readonly label: string,
    readonly status: number | undefined,
    message: string,
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface Request {
  /** What this request is, for messages and the progress line: "ACLED events page 3". */
  label: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A form body (OAuth token requests). */
  form?: Record<string, string>;
}

export interface Reply {
  status: number;
  /** The body as it came: a page is read from its bytes (json-page.ts), never decoded whole into a string. */
  body: Buffer;
  /** The body as text (decoded on first use). */
  readonly text: string;
  headers: Headers;
}

export interface HttpOptions {
  retry?: Partial<RetryPolicy>;
  /** Told of every retry: what, which attempt, why, and how long the wait is. */
  onRetry?: (label: string, attempt: number, reason: string, waitMs: number) => void;
  /** For tests: a random source in [0, 1). */
  random?: () => number;
}

const RETRY_STATUS = (status: number) => status === 429 || status === 408 || status >= 500;

export class HttpClient {
  readonly policy: RetryPolicy;
  retries = 0;

  constructor(private readonly options: HttpOptions = {}) {
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
  }

  /**
   * The answer to a request once it is not worth retrying: 2xx, or a status retrying cannot
   * mend (returned, for the caller to word). `check` may reject a 2xx body (cut-off JSON),
   * which is retried like a reset: a body cut off in transit is a network fault.
   */
  async send<T>(request: Request, check: (reply: Reply) => T): Promise<T | Reply> {
    const p = this.policy;
    let last = '';
    for (let attempt = 1; attempt <= p.attempts; attempt++) {
      let wait: number;
      try {
        const reply = await this.once(request);
        if (reply.status >= 200 && reply.status < 300) {
          try {
            return check(reply);
          } catch (error) {
            if (!(error instanceof BadBody)) throw error;
            last = error.message;
            wait = this.backoff(attempt);
          }
        } else if (!RETRY_STATUS(reply.status)) {
          return reply;
        } else {
          last = `HTTP ${reply.status}`;
          const after = retryAfterMs(reply.headers.get('retry-after'));
          if (after !== undefined && after > p.maxRetryAfterMs) {
            throw new HttpError(
              request.label,
              reply.status,
              `${request.label}: HTTP ${reply.status}, and the server asks to wait ${Math.round(after / 1000)} s before retrying (more than the ${Math.round(p.maxRetryAfterMs / 1000)} s allowed)`,
              attempt,
            );
          }
          wait = after ?? this.backoff(attempt);
          if (attempt === p.attempts && reply.status >= 500) {
            throw new HttpError(request.label, reply.status, `${request.label}: HTTP ${reply.status} after ${attempt} attempts`, attempt);
          }
          if (attempt === p.attempts) throw new HttpError(request.label, reply.status, `${request.label}: HTTP ${reply.status} (rate limited) after ${attempt} attempts`, attempt);
        }
      } catch (error) {
        if (error instanceof HttpError) throw error;
        last = networkReason(error);
        wait = this.backoff(attempt);
      }
      if (attempt === p.attempts) break;
      this.retries++;
      this.options.onRetry?.(request.label, attempt, last, wait);
      await sleep(wait);
    }
    throw new HttpError(request.label, undefined, `${request.label}: ${last} after ${p.attempts} attempts`, p.attempts);
  }

  /** Full jitter: a random wait up to the exponential ceiling, so many clients do not retry in step. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round((this.options.random ?? Math.random)() * ceiling);
  }

  private async once(request: Request): Promise<Reply> {
    const body = request.form ? new URLSearchParams(request.form).toString() : undefined;
    let method = request.method ?? 'GET';
    let url = new URL(request.url);
    let headers: Record<string, string> = {
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      ...request.headers,
    };
    // One timer for the request, its redirects and the whole body: a server that stalls mid-body is a timeout too.
    const deadline = Date.now() + this.policy.timeoutMs;
    for (let hop = 0; ; hop++) {
      const answer = await exchange(url, method, headers, method === 'GET' ? undefined : body, deadline);
      const location = answer.headers.get('location');
      if (![301, 302, 303, 307, 308].includes(answer.status) || !location) return answer;
      if (hop === MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
      const next = new URL(location, url);
      // As fetch does: credentials go to the origin they were given for, never to another.
      if (next.origin !== url.origin) headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !/^(authorization|x-ucdp-access-token|cookie)$/i.test(k)));
      if (answer.status === 303 || ((answer.status === 301 || answer.status === 302) && method === 'POST')) method = 'GET';
      url = next;
    }
  }
}

/** One request and its whole body, or an error: a timeout at the deadline, or the network's (its code kept). */
function exchange(url: URL, method: string, headers: Record<string, string>, body: string | undefined, deadline: number): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : undefined;
    if (!send) return reject(new Error(`${url.protocol} is not HTTP`));
    const req = send(url, { method, headers: body !== undefined ? { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } : headers, agent: agents[url.protocol as 'http:'] });
    const timer = setTimeout(() => req.destroy(new TimeoutError()), Math.max(0, deadline - Date.now()));
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    req.on('error', fail);
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      // Closed before its end: the connection went down mid-body.
      res.on('close', () => {
        if (!res.complete) fail(Object.assign(new Error('connection cut off'), { code: 'ECONNRESET' }));
      });
      res.on('end', () => {
        clearTimeout(timer);
        const all = Buffer.concat(chunks);
        const replyHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) replyHeaders.append(name, v);
        }
        let text: string | undefined;
        resolve({
          status: res.statusCode ?? 0,
          body: all,
          // As fetch's text() decodes: a byte-order mark dropped.
          get text() {
            return (text ??= new TextDecoder().decode(all));
          },
          headers: replyHeaders,
        });
      });
    });
    req.end(body);
  });
}

/** A 2xx answer whose body cannot be a whole page (cut off, not JSON): retried, then reported. */
export class BadBody extends Error {}

class TimeoutError extends Error {
  constructor() {
    super('timed out');
  }
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A network failure in a few words, without the URL (which may carry filters, never secrets, but is long). */
function networkReason(error: unknown): string {
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e instanceof TimeoutError || e?.name === 'AbortError') return 'timed out';
  const code = e?.code ?? e?.cause?.code;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code) return `network error (${code})`;
  if (/terminated/i.test(e?.message ?? '')) return 'connection cut off';
  return `network error (${e?.cause?.message ?? e?.message ?? String(error)})`;
}
