/**
 * A command whose store is held by a running `crisismap serve` of the same user goes to that
 * server (see src/server/local-commands.ts), which runs it against its open store and sends
 * back what it printed and its exit code. A discovery file left by a server that died, or
 * whose server does not answer, is ignored: the command then fails as it would without one.
 */
import { readOwnerFile, type StoreOwner } from '../store/owner.js';
import type { IO } from './command.js';

// A live server answers who it is at once; one that does not within this is treated as gone.
const PING_TIMEOUT_MS = 3000;

/** The exit code of the command as the server ran it, or undefined when no live server owns `db`. */
export async function runViaServer(db: string, argv: string[], io: IO): Promise<number | undefined> {
  const { owner } = readOwnerFile(db);
  if (!owner || !(await answers(owner))) return undefined;
  const response = await fetch(owner.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner.credential}`, 'content-type': 'application/json' },
    body: JSON.stringify({ argv, cwd: process.cwd(), db, ...(io.width ? { width: io.width } : {}) }),
  }).catch(() => undefined);
  const body = (await response?.json().catch(() => undefined)) as { ok?: boolean; code?: number; stdout?: string; stderr?: string; error?: { message: string } } | undefined;
  if (!body?.ok) {
    io.err(`crisismap: the server that holds ${db} (PID ${owner.pid}) did not run the command${body?.error ? `: ${body.error.message}` : ''}\n`);
    return 3;
  }
  if (body.stdout) io.out(body.stdout);
  if (body.stderr) io.err(body.stderr);
  return body.code ?? 0;
}

/** True when the server named in the file answers, with the credential, as the process and store it names. */
async function answers(owner: StoreOwner): Promise<boolean> {
  try {
    const response = await fetch(owner.url, {
      headers: { authorization: `Bearer ${owner.credential}` },
      signal: AbortSignal.timeout(PING_TIMEOUT_MS),
    });
    const body = (await response.json()) as { ok?: boolean; pid?: number; db?: string };
    return body.ok === true && body.pid === owner.pid && body.db === owner.db;
  } catch {
    return false;
  }
}
