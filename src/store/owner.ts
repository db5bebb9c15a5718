/**
 * The discovery file a running server leaves beside the store it holds open
 * (`crisismap.duckdb.server.json`): its address, its PID and a random credential. DuckDB lets
 * one process write a file, so a CLI command that finds the store locked asks that server to
 * run the command instead. The file is readable by its owner only (mode 0600), and a reader
 * trusts it only when it belongs to the reader's own user: other users of the machine can
 * neither learn the credential nor plant a file that redirects someone's commands.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export interface StoreOwner {
  /** Where to send a command line: http://127.0.0.1:PORT/api/-/command (an address of this machine). */
  url: string;
  pid: number;
  /** Sent as `Authorization: Bearer …`; only the owner can read it. */
  credential: string;
  /** The store file (absolute). */
  db: string;
}

export function ownerFilePath(db: string): string {
  return `${db}.server.json`;
}

export function newCredential(): string {
  return randomBytes(32).toString('base64url');
}

/** Written under a temporary name with mode 0600, then renamed: never readable by others, never half-written. */
export function writeOwnerFile(owner: StoreOwner): void {
  const path = ownerFilePath(owner.db);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(owner) + '\n', { mode: 0o600 });
  renameSync(temporary, path);
}

/** Removes the file if it is still this owner's (a newer server may have replaced it). */
export function removeOwnerFile(owner: StoreOwner): void {
  const found = readOwnerFile(owner.db);
  if (found.owner?.credential === owner.credential) rmSync(ownerFilePath(owner.db), { force: true });
}

/**
 * The owner the file names, when it can be trusted and its process is alive; otherwise why
 * not (`reason`), so that the caller can ignore a stale file and say so when it matters.
 */
export function readOwnerFile(db: string): { owner?: StoreOwner; reason?: string } {
  const path = ownerFilePath(db);
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(path);
  } catch {
    return { reason: 'no server discovery file' };
  }
  if (!stat.isFile()) return { reason: `${path} is not a file` };
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return { reason: `${path} belongs to another user` };
  if ((stat.mode & 0o077) !== 0) return { reason: `${path} is readable by other users` };
  let owner: StoreOwner;
  try {
    owner = JSON.parse(readFileSync(path, 'utf8')) as StoreOwner;
  } catch {
    return { reason: `${path} is not a discovery file` };
  }
  if (typeof owner.url !== 'string' || !Number.isInteger(owner.pid) || typeof owner.credential !== 'string' || owner.db !== db) return { reason: `${path} is not a discovery file` };
  if (!isAlive(owner.pid)) return { reason: `the server that wrote ${path} (PID ${owner.pid}) is no longer running` };
  return { owner };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: gone. EPERM: another user's process, so not a server this user started.
    return false;
  }
}
