/**
 * What a file is before anything reads it in full: missing, empty, binary, a workbook,
 * JSON or CSV; its text encoding; its header; whether a row of HXL hashtags follows it.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { CrisisError } from '../model/errors.js';
import { parseRecords } from './csv-text.js';
import { decodeWindows1252, scanText, type TextScan } from './encoding.js';

/** zip: an archive that is not a workbook (import.ts looks inside). */
export type FileKind = 'csv' | 'xlsx' | 'json' | 'zip';

export interface Sniffed {
  path: string;
  kind: FileKind;
  bytes: number;
  /** DuckDB's name for the text encoding; a file in any other is rewritten as UTF-8 first. */
  encoding: 'utf-8' | 'latin-1';
  /** What the bytes are (text files only). */
  text?: TextScan;
  /** Column names as written (BOM removed). */
  header: string[];
  /** The line after the header is HXL hashtags (#event+code…), not an event. */
  hxl: boolean;
}

const HEAD_BYTES = 1 << 16;

/**
 * `name` is how messages call the file (an archive's member is named "archive.zip/inner.csv");
 * `scanned`, what the program that wrote the file saw of its bytes, spares reading them again.
 */
export function sniff(path: string, name = path, scanned?: TextScan): Sniffed {
  if (!existsSync(path)) throw new CrisisError(`${name}: no such file`);
  const stat = statSync(path);
  if (stat.isDirectory()) throw new CrisisError(`${name}: is a folder, not a file`);
  if (stat.size === 0) throw new CrisisError(`${name}: the file is empty`);
  const head = readHead(path, HEAD_BYTES);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return { path, kind: /\.xlsx$/i.test(name) ? 'xlsx' : 'zip', bytes: stat.size, encoding: 'utf-8', header: [], hxl: false };
  }
  if (looksBinary(head)) {
    throw new CrisisError(`${name}: a binary file, not CSV, XLSX or JSON text`, ['export the data as CSV (UTF-8) and import that']);
  }
  const scan = scanned ?? scanText(path, stat.size);
  const encoding = scan.encoding === 'latin-1' ? 'latin-1' : 'utf-8';
  let text = scan.encoding === 'utf-8' || scan.encoding === 'mixed' ? new TextDecoder('utf-8').decode(head) : decodeWindows1252(head);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return { path, kind: 'json', bytes: stat.size, encoding, text: scan, header: [], hxl: false };
  const [header = [], second = []] = parseRecords(text, 2);
  if (header.every((h) => h.trim() === '')) throw new CrisisError(`${name}: the first line is empty; it should name the columns`);
  const hxl = second.filter((v) => v.trim().startsWith('#')).length >= Math.max(2, second.filter((v) => v.trim()).length / 2);
  return { path, kind: 'csv', bytes: stat.size, encoding, text: scan, header: header.map((h) => h.trim()), hxl };
}

function readHead(path: string, size: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(size);
    const n = readSync(fd, buffer, 0, size, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** More than 1% control bytes: an image, an archive, a database. A stray control character in text is cleaned at import. */
function looksBinary(head: Buffer): boolean {
  let control = 0;
  for (const byte of head) if (byte < 9 || (byte > 13 && byte < 32)) control++;
  return control > head.length / 100;
}
