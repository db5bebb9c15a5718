/**
 * Credentials for the APIs: from the environment (ACLED_USERNAME, ACLED_PASSWORD, UCDP_TOKEN)
 * or from a file of KEY=value lines that only its owner may read. They live in memory for the
 * run and are never printed, logged, stored or put in an error: `redact` scrubs any text that
 * leaves a sync (reports, errors, the failure recorded in the store) as a last guard.
 */
import { readFileSync, statSync } from 'node:fs';
import { CrisisError } from '../../model/errors.js';

export interface Credentials {
  acledUsername?: string;
  acledPassword?: string;
  ucdpToken?: string;
}

const KEYS = { ACLED_USERNAME: 'acledUsername', ACLED_PASSWORD: 'acledPassword', UCDP_TOKEN: 'ucdpToken' } as const;

/** The file's values win over the environment's; either may be absent. */
export function loadCredentials(file?: string, env: NodeJS.ProcessEnv = process.env): Credentials {
  const out: Credentials = {};
  for (const [key, field] of Object.entries(KEYS)) if (env[key]) out[field] = env[key];
  if (file) Object.assign(out, readCredentialsFile(file));
  return out;
}

export function readCredentialsFile(file: string): Credentials {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    throw new CrisisError(`--credentials ${file}: no such file`);
  }
  // Readable by the group or by others: another user of the machine could read the password.
  if (process.platform !== 'win32' && (mode & 0o044) !== 0) {
    throw new CrisisError(`--credentials ${file}: readable by other users (mode ${(mode & 0o777).toString(8)}); refused`, [`make it private first: chmod 600 ${file}`]);
  }
  const out: Credentials = {};
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      const text = line.trim();
      if (!text || text.startsWith('#')) return;
      const m = /^(?:export\s+)?([A-Z_]+)\s*=\s*(.*)$/.exec(text);
      const field = m ? KEYS[m[1] as keyof typeof KEYS] : undefined;
      // The line itself is not quoted back: it may hold a password.
      if (!m || !field) throw new CrisisError(`--credentials ${file}:${i + 1}: expected ${Object.keys(KEYS).join('=…, ')}=…`);
      out[field] = m[2]!.replace(/^(['"])(.*)\1$/, '$2');
    });
  return out;
}

/** Every secret of a run, to scrub from text that leaves it. */
export class Secrets {
  private readonly values = new Set<string>();

  add(value: string | undefined): void {
    // Very short values would scrub ordinary words; no real password or token is that short.
    if (value && value.length >= 4) this.values.add(value);
  }

  redact(text: string): string {
    let out = text;
    for (const v of this.values) {
      out = out.split(v).join('[secret]');
      const encoded = encodeURIComponent(v);
      if (encoded !== v) out = out.split(encoded).join('[secret]');
    }
    return out;
  }

  /** The same error with its message and details scrubbed. */
  redactError(error: unknown): unknown {
    if (error instanceof CrisisError) {
      return new CrisisError(
        this.redact(error.message),
        error.details.map((d) => this.redact(d)),
        error.exitCode,
      );
    }
    if (error instanceof Error) {
      const copy = new Error(this.redact(error.message));
      copy.stack = this.redact(error.stack ?? '');
      return copy;
    }
    return new Error(this.redact(String(error)));
  }
}
