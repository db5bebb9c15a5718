/**
 * What a file is before anything reads it in full: missing, empty, binary, a workbook,
 * JSON or CSV; its text encoding; its header; whether a row of HXL hashtags follows it.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { CrisisError } from '../model/errors.js';
import { parseRecords } from './csv-text.js';

export type FileKind = 'csv' | 'xlsx' | 'json';

export interface Sniffed {
  path: string;
  kind: FileKind;
  bytes: number;
  /** DuckDB's name for the text encoding. */
  encoding: 'utf-8' | 'latin-1';
  /** Column names as written (BOM removed). */
  header: string[];
  /** The line after the header is HXL hashtags (#event+code…), not an event. */
  hxl: boolean;
}

const HEAD_BYTES = 1 << 16;

export function sniff(path: string): Sniffed {
  if (!existsSync(path)) throw new CrisisError(`${path}: no such file`);
  const stat = statSync(path);
  if (stat.isDirectory()) throw new CrisisError(`${path}: is a folder, not a file`);
  if (stat.size === 0) throw new CrisisError(`${path}: the file is empty`);
  const head = readHead(path, HEAD_BYTES);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    if (/\.xlsx$/i.test(path)) return { path, kind: 'xlsx', bytes: stat.size, encoding: 'utf-8', header: [], hxl: false };
    throw new CrisisError(`${path}: a ZIP archive, not a CSV, XLSX or JSON file`, ['unzip it and import the CSV inside']);
  }
  if (looksBinary(head)) {
    throw new CrisisError(`${path}: a binary file, not CSV, XLSX or JSON text`, ['export the data as CSV (UTF-8) and import that']);
  }
  const encoding = isUtf8File(path, stat.size) ? 'utf-8' : 'latin-1';
  let text = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'latin1').decode(head);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return { path, kind: 'json', bytes: stat.size, encoding, header: [], hxl: false };
  const [header = [], second = []] = parseRecords(text, 2);
  if (header.every((h) => h.trim() === '')) throw new CrisisError(`${path}: the first line is empty; it should name the columns`);
  const hxl = second.filter((v) => v.trim().startsWith('#')).length >= Math.max(2, second.filter((v) => v.trim()).length / 2);
  return { path, kind: 'csv', bytes: stat.size, encoding, header: header.map((h) => h.trim()), hxl };
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

function looksBinary(head: Buffer): boolean {
  if (head.includes(0)) return true;
  let control = 0;
  for (const byte of head) if (byte < 9 || (byte > 13 && byte < 32)) control++;
  return control > head.length / 100;
}

/** Checks the whole file: a Latin-1 byte can sit anywhere, and DuckDB must be told before it reads. */
function isUtf8File(path: string, size: number): boolean {
  const fd = openSync(path, 'r');
  const chunk = Buffer.alloc(1 << 24);
  try {
    let offset = 0;
    while (offset < size) {
      const n = readSync(fd, chunk, 0, chunk.length, offset);
      if (n <= 0) break;
      let end = n;
      // Stop before a multi-byte sequence cut by the chunk's end; the next read starts there.
      if (offset + n < size) {
        let i = n - 1;
        let continuation = 0;
        while (i >= 0 && continuation < 3 && (chunk[i]! & 0xc0) === 0x80) { i--; continuation++; }
        const lead = i >= 0 ? chunk[i]! : 0;
        const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
        if (length > continuation + 1) end = i;
      }
      if (!isUtf8(chunk.subarray(0, end))) return false;
      offset += end;
    }
    return true;
  } finally {
    closeSync(fd);
  }
}
