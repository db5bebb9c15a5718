/**
 * ZIP archives: UCDP ships GED as a zip holding one CSV, ACLED and HDX files often arrive zipped,
 * and an XLSX workbook is itself a zip. Sizes are checked in the central directory before anything
 * is unpacked, so an archive that unpacks to more than the limit (a zip bomb) is refused first;
 * yauzl then checks each member's real size against the one declared while it inflates.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { CrisisError } from '../model/errors.js';

/** The most an archive or workbook may unpack to, all members together (default 2 GiB). */
export const MAX_UNPACKED_BYTES = 2 * 1024 ** 3;

export interface Member {
  name: string;
  bytes: number;
  entry: yauzl.Entry;
}

export interface Archive {
  members: Member[];
  /** The member's inflated bytes, streamed. */
  open(member: Member): Promise<Readable>;
  close(): void;
}

/** Opens an archive and lists its files; refuses it when the files add up to more than `limit`. */
export async function openArchive(path: string, name: string, limit = MAX_UNPACKED_BYTES): Promise<Archive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw new CrisisError(`${name}: a ZIP archive that cannot be read: ${(error as Error).message}`);
  }
  const members: Member[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      members.push({ name: entry.fileName, bytes: entry.uncompressedSize, entry });
    }
  } catch (error) {
    zip.close();
    throw new CrisisError(`${name}: a ZIP archive that cannot be read: ${(error as Error).message}`);
  }
  const total = members.reduce((sum, m) => sum + m.bytes, 0);
  if (total > limit) {
    zip.close();
    throw new CrisisError(`${name}: unpacks to ${formatBytes(total)}, more than the limit of ${formatBytes(limit)}`, [
      'nothing was read: an archive this large may be a zip bomb; if it is real data, unpack it yourself and import the files inside',
    ]);
  }
  return {
    members,
    open: async (member) => {
      try {
        return await zip.openReadStreamPromise(member.entry);
      } catch (error) {
        throw new CrisisError(`${name}/${member.name}: cannot be unpacked: ${(error as Error).message}`);
      }
    },
    close: () => zip.close(),
  };
}

/** Unpacks one member to a file. */
export async function extractMember(archive: Archive, member: Member, target: string, name: string): Promise<void> {
  try {
    await pipeline(await archive.open(member), createWriteStream(target));
  } catch (error) {
    if (error instanceof CrisisError) throw error;
    throw new CrisisError(`${name}/${member.name}: cannot be unpacked: ${(error as Error).message}`);
  }
}

/** Members that hold data: not folders, macOS resource forks or hidden files, and of a kind crisismap reads. */
export function dataMembers(members: Member[]): Member[] {
  return members.filter((m) => !/(^|\/)(__MACOSX|\.)/.test(m.name) && /\.(csv|txt|tsv|json|geojson|xlsx)$/i.test(m.name));
}

/** A workbook, not an archive of files: it has the parts every XLSX has. */
export function isWorkbook(members: Member[]): boolean {
  return members.some((m) => m.name === 'xl/workbook.xml');
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
