/**
 * ACLED's OAuth 2 password grant: POST /oauth/token with username, password,
 * grant_type=password and client_id=acled gives an access token (about 24 h) and a refresh
 * token. A token about to expire, or one the API turns down with 401 mid-sync, is refreshed
 * with grant_type=refresh_token; if the refresh token is refused too, the password grant is
 * asked again. The tokens stay in memory: a sync that resumes after a crash logs in anew.
 */
import { CrisisError } from '../../model/errors.js';
import { BadBody, type HttpClient, type Reply } from './http.js';
import type { Secrets } from './credentials.js';

/** Refresh this long before the announced expiry: a page request must not race the clock. */
const EARLY_MS = 60_000;

interface Tokens {
  access: string;
  refresh?: string;
  expiresAt: number;
}

export class AcledAuth {
  private tokens?: Tokens;
  private pending?: Promise<void>;
  /** How many times a token was refreshed or asked again during the run. */
  renewals = 0;

  constructor(
    private readonly http: HttpClient,
    private readonly baseUrl: string,
    private readonly username: string | undefined,
    private readonly password: string | undefined,
    private readonly secrets: Secrets,
  ) {
    if (!username || !password) {
      throw new CrisisError('no ACLED credentials', [
        'set ACLED_USERNAME and ACLED_PASSWORD (your myACLED e-mail and password) in the environment,',
        'or name a file holding them with --credentials FILE (KEY=value lines, readable only by you)',
      ]);
    }
  }

  /** A bearer header with a token valid for a while yet. */
  async header(): Promise<Record<string, string>> {
    if (this.pending) await this.pending;
    if (!this.tokens) await this.replace(() => this.grant({ grant_type: 'password', username: this.username!, password: this.password! }));
    else if (Date.now() > this.tokens.expiresAt - EARLY_MS) await this.renew(this.tokens.access);
    return { Authorization: `Bearer ${this.tokens!.access}` };
  }

  /**
   * The API said 401 to `used`, a token we thought valid (it expired early, or was revoked): get
   * another. Pages are asked two at a time, so both may meet the same expiry: the second waits
   * for the first's renewal, or finds it done, instead of spending the refresh token again.
   */
  async renew(used: string): Promise<void> {
    if (this.pending) return this.pending;
    if (this.tokens && this.tokens.access !== used) return;
    this.renewals++;
    return this.replace(async () => {
      const refresh = this.tokens?.refresh;
      if (refresh) {
        try {
          return await this.grant({ grant_type: 'refresh_token', refresh_token: refresh });
        } catch (error) {
          if (!(error instanceof CrisisError)) throw error;
          // A refused refresh token (expired after its own lifetime): log in again below.
        }
      }
      return this.grant({ grant_type: 'password', username: this.username!, password: this.password! });
    });
  }

  /** Bearer header → the token in it (what renew() is told was refused). */
  static tokenOf(header: Record<string, string>): string {
    return (header.Authorization ?? '').replace(/^Bearer /, '');
  }

  /** One login or renewal at a time; requests arriving meanwhile wait for its token. */
  private async replace(get: () => Promise<Tokens>): Promise<void> {
    this.pending = get().then((tokens) => {
      this.tokens = tokens;
    });
    try {
      await this.pending;
    } finally {
      this.pending = undefined;
    }
  }

  private async grant(form: Record<string, string>): Promise<Tokens> {
    const label = form.grant_type === 'password' ? 'ACLED login' : 'ACLED token refresh';
    const reply = await this.http.send({ label, url: new URL('/oauth/token', this.baseUrl).href, method: 'POST', form: { ...form, client_id: 'acled' } }, parseTokens);
    if ('status' in reply) {
      if (reply.status === 400 || reply.status === 401) {
        throw new CrisisError(
          form.grant_type === 'password'
            ? `ACLED refused the username or password (HTTP ${reply.status}): check ACLED_USERNAME and ACLED_PASSWORD`
            : `ACLED refused the refresh token (HTTP ${reply.status})`,
        );
      }
      if (reply.status === 403) throw new CrisisError(`ACLED refused the login (HTTP 403): the account may be blocked or not yet confirmed; log in at acleddata.com to check`);
      throw new CrisisError(`${label}: unexpected HTTP ${reply.status}`);
    }
    this.secrets.add(reply.access);
    this.secrets.add(reply.refresh);
    return reply;
  }
}

function parseTokens(reply: Reply): Tokens {
  let body: { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown };
  try {
    body = JSON.parse(reply.text);
  } catch {
    throw new BadBody('the token answer is not JSON');
  }
  if (typeof body.access_token !== 'string' || !body.access_token) throw new BadBody('the token answer holds no access_token');
  const seconds = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 86_400);
  return {
    access: body.access_token,
    ...(typeof body.refresh_token === 'string' ? { refresh: body.refresh_token } : {}),
    expiresAt: Date.now() + (Number.isFinite(seconds) ? seconds : 86_400) * 1000,
  };
}
