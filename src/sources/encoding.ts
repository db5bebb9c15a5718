/**
 * A file's text encoding, read from every byte before anything parses it: a Windows-1252 quote
 * can sit on the last line. UTF-8 and Latin-1 go to DuckDB's reader as they are (the fast path);
 * Windows-1252 and mixed files are rewritten as UTF-8 first, line by line.
 *
 * - utf-8          every byte sequence is valid UTF-8
 * - latin-1        not UTF-8, and no byte 0x80–0x9F (where Windows-1252 and Latin-1 differ)
 * - windows-1252   not UTF-8, with bytes 0x80–0x9F (’ “ ” – …): what Excel on Windows writes
 * - mixed          some lines valid UTF-8 with non-ASCII text, others not (two files pasted
 *                  together): each line is read as UTF-8 when it is valid, else as Windows-1252
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { wideSpaceAt } from './spaces.js';

export type Encoding = 'utf-8' | 'latin-1' | 'windows-1252' | 'mixed';

export interface TextScan {
  encoding: Encoding;
  /** Mixed files: how many lines were not UTF-8, and the first of them. */
  legacyLines: number;
  firstLegacyLine?: number;
  /** The file holds C0 control characters other than tab, CR and LF somewhere. */
  controls: boolean;
  /** The file holds a tab somewhere (allowed in notes only). */
  tabs: boolean;
  /** Line ends (LF): more than the file's records means that some values span lines. */
  newlines: number;
  /**
   * The file holds a space beyond ASCII (no-break, thin, ideographic…; a byte order mark past
   * its start) or a carriage return that ends no line: values may need more than ASCII spaces
   * trimmed (spaces.ts). Always set for a file that is not UTF-8.
   */
  unusualSpaces: boolean;
}

const CHUNK = 1 << 24;

/** Reads the whole file once. Clean UTF-8 costs one native validation per chunk, as before encodings were told apart. */
export function scanText(path: string, size: number): TextScan {
  const scan: TextScan = { encoding: 'utf-8', legacyLines: 0, controls: false, tabs: false, newlines: 0, unusualSpaces: false };
  let utf8 = true;
  let first = true;
  forEachChunk(path, size, (chunk) => {
    if (utf8 && !isUtf8(chunk)) utf8 = false;
    // A byte order mark that opens the file is no value's space.
    scanBytes(chunk, scan, first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0);
    first = false;
  });
  if (utf8) return scan;
  scan.unusualSpaces = true;
  // Not UTF-8 as a whole: look line by line, to tell Latin-1, Windows-1252 and a mix apart.
  let utf8Lines = 0;
  let c1 = false;
  forEachLine(path, size, (line, number) => {
    if (!hasHighByte(line)) return;
    if (isUtf8(line)) {
      utf8Lines++;
      return;
    }
    scan.legacyLines++;
    scan.firstLegacyLine ??= number;
    if (!c1)
      for (const b of line)
        if (b >= 0x80 && b <= 0x9f) {
          c1 = true;
          break;
        }
  });
  scan.encoding = utf8Lines > 0 ? 'mixed' : c1 ? 'windows-1252' : 'latin-1';
  return scan;
}

/** Whether DuckDB can read the file as it is, or it must be rewritten as UTF-8 first. */
export function readableAsIs(encoding: Encoding): boolean {
  return encoding === 'utf-8' || encoding === 'latin-1';
}

/** Writes `path` as UTF-8 to `target`, line by line (a mixed file's valid UTF-8 lines are kept as they are). */
export function transcodeToUtf8(path: string, size: number, encoding: Encoding, target: string): void {
  const out = openSync(target, 'w');
  try {
    forEachLine(
      path,
      size,
      (line) => {
        writeSync(out, encoding === 'mixed' && isUtf8(line) ? line : Buffer.from(decodeWindows1252(line), 'utf8'));
      },
      true,
    );
  } finally {
    closeSync(out);
  }
}

// Windows-1252's characters for bytes 0x80–0x9F (WHATWG encoding table); the five it leaves
// undefined keep their Latin-1 meaning, as browsers do. Every other byte is its Latin-1 character.
// (Node's TextDecoder reads "windows-1252" as plain Latin-1, so the table is written out here.)
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252 bytes as text: Latin-1 is the same wherever it has printable characters. */
export function decodeWindows1252(bytes: Buffer): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252.charCodeAt(b - 0x80) : b));
    text += String.fromCharCode(...codes);
  }
  return text;
}

/** A sentence for the import report. */
export function describeEncoding(scan: TextScan): string {
  if (scan.encoding !== 'mixed') return scan.encoding;
  return `mixed: UTF-8, with ${scan.legacyLines} line${scan.legacyLines === 1 ? '' : 's'} in Windows-1252 (the first is line ${scan.firstLegacyLine})`;
}

/**
 * Bytes below 0x20 or above 0x7f, four at a time: (w - 0x20202020) & ~w & 0x80808080 is non-zero
 * when a byte of the word may be below 0x20 (never a miss, rarely a false alarm), w & 0x80808080
 * when one is above 0x7f, and only then are its bytes looked at. Line ends are counted, tabs and
 * other control characters noted, and so are spaces beyond ASCII (from byte `from` on).
 */
function scanBytes(chunk: Buffer, scan: TextScan, from: number): void {
  const start = (4 - (chunk.byteOffset % 4)) % 4;
  const words = Math.max(0, Math.floor((chunk.length - start) / 4));
  const check = (i: number) => {
    const b = chunk[i]!;
    if (b >= 0x80) {
      // One is enough to know.
      if (!scan.unusualSpaces && i >= from && wideSpaceAt(chunk, i)) scan.unusualSpaces = true;
      return;
    }
    if (b >= 0x20) return;
    if (b === 0x0a) scan.newlines++;
    else if (b === 0x09) scan.tabs = true;
    else if (b !== 0x0d) scan.controls = true;
    // At a chunk's end the LF that may follow is not known: noted, to be safe.
    else if (chunk[i + 1] !== 0x0a) scan.unusualSpaces = true;
  };
  for (let i = 0; i < Math.min(start, chunk.length); i++) check(i);
  const view = new Uint32Array(chunk.buffer, chunk.byteOffset + start, words);
  for (let k = 0; k < words; k++) {
    const w = view[k]!;
    if ((((w - 0x20202020) & ~w) | w) & 0x80808080) {
      const i = start + k * 4;
      check(i);
      check(i + 1);
      check(i + 2);
      check(i + 3);
    }
  }
  for (let i = start + words * 4; i < chunk.length; i++) check(i);
}

function hasHighByte(line: Buffer): boolean {
  for (const b of line) if (b >= 0x80) return true;
  return false;
}

function forEachChunk(path: string, size: number, each: (chunk: Buffer) => void): void {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
  try {
    let offset = 0;
    let carry = Buffer.alloc(0);
    while (offset < size) {
      const n = readSync(fd, buffer, 0, buffer.length, offset);
      if (n <= 0) break;
      offset += n;
      let chunk = carry.length ? Buffer.concat([carry, buffer.subarray(0, n)]) : buffer.subarray(0, n);
      carry = Buffer.alloc(0);
      // Keep a multi-byte sequence cut by the chunk's end for the next chunk.
      if (offset < size) {
        const end = utf8Boundary(chunk);
        carry = Buffer.from(chunk.subarray(end));
        chunk = chunk.subarray(0, end);
      }
      each(chunk);
    }
    if (carry.length) each(carry);
  } finally {
    closeSync(fd);
  }
}

function utf8Boundary(chunk: Buffer): number {
  let i = chunk.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (chunk[i]! & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  const lead = i >= 0 ? chunk[i]! : 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return length > continuation + 1 ? i : chunk.length;
}

/** Calls `each` with every line (without its "\n" unless `withEnd`) and its number (1-based). */
function forEachLine(path: string, size: number, each: (line: Buffer, number: number) => void, withEnd = false): void {
  let number = 1;
  let rest = Buffer.alloc(0);
  forEachChunk(path, size, (chunk) => {
    const data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(0x0a); nl >= 0; nl = data.indexOf(0x0a, start)) {
      each(data.subarray(start, withEnd ? nl + 1 : nl), number++);
      start = nl + 1;
    }
    rest = Buffer.from(data.subarray(start));
  });
  if (rest.length) each(rest, number);
}
