/**
 * Temporary files of one import, all under one folder that the import removes when it ends.
 * One root, made by the thread that runs the import, means that files a worker thread made
 * are removed too, even when that worker was stopped half-way (out of memory).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class Scratch {
  constructor(readonly root: string = mkdtempSync(join(tmpdir(), 'crisismap-import-'))) {}

  /** A path for a new file, in a folder of its own: names of archive members may repeat. */
  file(name: string): string {
    return join(mkdtempSync(join(this.root, 'f')), name);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
