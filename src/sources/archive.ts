/**
 * ZIP archives: UCDP ships GED as a zip holding one CSV, ACLED and HDX files often arrive zipped,
 * and an XLSX workbook is itself a zip. Sizes are checked in the central directory before anything
 * is unpacked, so an archive that unpacks to more than the limit (a zip bomb) is refused first.
 * Declared sizes can lie, so the bytes are counted again as they inflate: a member that grows
 * past its declared size, or an archive past the limit, stops there.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import { CrisisError } from '../model/errors.js';
import { IMPORT_PARAMS } from './params.js';

/** The most an archive or workbook may unpack to, all members together, unless --max-unpacked says. */
export const MAX_UNPACKED_BYTES = IMPORT_PARAMS.maxUnpackedMb.default! * 2 ** 20;

/** An archive or workbook unpacks, or would unpack, to more than the limit: nothing was read. */
export class UnpackLimitError extends CrisisError {
  constructor(
    readonly file: string,
    readonly limit: number,
    /** What it declared or was found to hold, e.g. "unpacks to 3.1 GB". */
    readonly found: string,
    /** A member inflated past the size it declared. */
    readonly lie = false,
  ) {
    super(lie ? `${file}: ${found}: the archive lies about its size (the limit is ${formatBytes(limit)})` : `${file}: ${found}, more than the limit of ${formatBytes(limit)}`, [
      'nothing was imported: an archive this large may be a zip bomb; if it is real data, unpack it yourself and import the files inside',
    ]);
    this.name = 'UnpackLimitError';
  }
}

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
    // Sizes are validated below, against the limit as well as the declared size.
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: false, strictFileNames: false });
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
    throw new UnpackLimitError(name, limit, `unpacks to ${formatBytes(total)}`);
  }
  // Bytes inflated so far, all members together (a member read twice counts twice: a workbook's
  // sheet previews are bounded by the same limit).
  let inflated = 0;
  return {
    members,
    open: async (member) => {
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(member.entry);
      } catch (error) {
        throw new CrisisError(`${name}/${member.name}: cannot be unpacked: ${(error as Error).message}`);
      }
      let own = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          own += chunk.length;
          inflated += chunk.length;
          if (own > member.bytes) done(new UnpackLimitError(name, limit, `${member.name} declares ${formatBytes(member.bytes)} but unpacks to more`, true));
          else if (inflated > limit) done(new UnpackLimitError(name, limit, `unpacks to more than ${formatBytes(inflated - chunk.length)}`));
          else done(null, chunk);
        },
        flush(done) {
          done(own < member.bytes ? new CrisisError(`${name}/${member.name}: cannot be unpacked: it holds ${own} bytes of the ${member.bytes} it declares (a damaged archive)`) : null);
        },
      });
      // A failure on either side ends both: the inflating stops at the first byte too many.
      stream.on('error', (error) => counted.destroy(error));
      counted.on('error', () => stream.destroy());
      return stream.pipe(counted);
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
