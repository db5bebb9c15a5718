/**
 * A page of an API's JSON answer read straight from its bytes into the CSV records that are
 * staged, without building a string of the body or an object per item: at 5,000 items a page,
 * JSON.parse and the objects it makes cost more than everything else a sync does before it lands.
 *
 * The answers are regular (every item a flat object with the same keys in the same order, the
 * values strings, numbers, true, false or null), and only such a list is read byte by byte. Its
 * grammar is checked as strictly as JSON.parse checks it; the rest of the answer (status, totals,
 * errors) is parsed by JSON.parse with the list left out. Anything else (bytes that are not
 * UTF-8, a nested value, an item whose keys differ from the first's, anything malformed) is read
 * the plain way (JSON.parse, then encodePage), which decides what the answer holds or what is
 * wrong with it: so the records, and every error, are those the plain way gives.
 */
import { isUtf8 } from 'node:buffer';
import { csvField } from '../csv-text.js';
import { holdsUnusualSpace } from '../spaces.js';
import { BadBody } from './http.js';
import { encodePage, textOf, type EncodedPage, type PageText } from './staging.js';

export interface JsonPage {
  /** The answer, for what the caller reads besides the list (its list may be left out). */
  envelope: unknown;
  /** The list's items as CSV records; 'absent' when there is no such list, 'not objects' when an item is not an object. */
  rows: EncodedPage | 'absent' | 'not objects';
}

/** Reads an answer whose list of items is under `key` (ACLED: data; UCDP: Result). Throws BadBody when it is not whole JSON. */
export function readJsonPage(body: Buffer, key: string): JsonPage {
  const start = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  if (isUtf8(body)) {
    const fast = new Transcoder(body, start, Buffer.from(key)).page();
    if (fast) return fast;
  }
  let envelope: unknown;
  try {
    // As fetch's text() reads it: a byte-order mark dropped, bytes that are not UTF-8 replaced.
    envelope = JSON.parse(body.toString('utf8', start));
  } catch {
    throw new BadBody(`not whole JSON (${body.length.toLocaleString('en-US')} bytes, cut off or malformed)`);
  }
  const list = (envelope as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) return { envelope, rows: 'absent' };
  if (list.some((x) => typeof x !== 'object' || x === null || Array.isArray(x))) return { envelope, rows: 'not objects' };
  return { envelope, rows: encodePage(list as Array<Record<string, unknown>>) };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const NEWLINE = 0x0a;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');
const ESCAPED = 1;
const COMMA_INSIDE = 2;

/** Thrown inside the transcoder when the answer is not one it reads: the plain way takes over. */
class NotRegular extends Error {}

class Transcoder {
  private i: number;
  private out: Buffer;
  private at = 0;
  /** Line ends, tabs and control characters written: one line end a record, the others from escapes only (raw ones are not JSON). */
  private readonly text: PageText = { newlines: 0, tabs: false, controls: false, unusualSpaces: false };

  constructor(
    private readonly b: Buffer,
    start: number,
    private readonly key: Buffer,
  ) {
    this.i = start;
    // Records are shorter than the JSON they come from (no keys); grown if ever not.
    this.out = Buffer.allocUnsafe(Math.max(1024, b.length));
  }

  page(): JsonPage | undefined {
    try {
      return this.envelope();
    } catch (error) {
      if (error instanceof NotRegular) return undefined;
      throw error;
    }
  }

  /** The top-level object: finds the list under the key, reads it, and parses the rest with the list left out. */
  private envelope(): JsonPage {
    const b = this.b;
    const first = this.i;
    this.ws();
    if (b[this.i] !== OPEN_OBJECT) throw new NotRegular();
    this.i++;
    let list: { start: number; end: number; rows: EncodedPage } | undefined;
    for (;;) {
      this.ws();
      if (b[this.i] !== QUOTE) throw new NotRegular();
      const k0 = this.i + 1;
      this.skipString();
      const isKey = this.equals(k0, this.i - 1, this.key);
      this.ws();
      if (b[this.i] !== COLON) throw new NotRegular();
      this.i++;
      this.ws();
      if (isKey) {
        // A second list under the same key: JSON.parse keeps the last; the plain way decides.
        if (list || b[this.i] !== OPEN_LIST) throw new NotRegular();
        const start = this.i;
        const rows = this.list();
        list = { start, end: this.i, rows };
      } else this.skipValue();
      this.ws();
      if (b[this.i] === COMMA) this.i++;
      else if (b[this.i] === CLOSE_OBJECT) break;
      else throw new NotRegular();
    }
    if (!list) throw new NotRegular();
    let envelope: unknown;
    try {
      envelope = JSON.parse(`${b.toString('utf8', first, list.start)}[]${b.toString('utf8', list.end)}`);
    } catch {
      throw new NotRegular();
    }
    return { envelope, rows: list.rows };
  }

  /** The list of items, written as CSV records under the first item's keys. */
  private list(): EncodedPage {
    const b = this.b;
    this.i++; // [
    this.ws();
    const columns: string[] = [];
    const keys: Buffer[] = [];
    let rows = 0;
    let newest: number | null = null;
    if (b[this.i] === CLOSE_LIST) {
      this.i++;
      return { rows, newest, columns, csv: Buffer.alloc(0), text: this.text };
    }
    let stampAt = -1;
    let deletedAt = -1;
    for (;;) {
      if (b[this.i] !== OPEN_OBJECT) throw new NotRegular();
      this.i++;
      let stamp: unknown;
      let deleted: unknown;
      for (let c = 0; ; c++) {
        this.ws();
        if (b[this.i] !== QUOTE) throw new NotRegular();
        const k0 = this.i + 1;
        const flags = this.skipString();
        const k1 = this.i - 1;
        if (rows === 0) {
          if (flags & ESCAPED) throw new NotRegular();
          const name = b.toString('utf8', k0, k1);
          if (columns.includes(name)) throw new NotRegular();
          if (name === 'timestamp') stampAt = c;
          if (name === 'deleted_timestamp') deletedAt = c;
          columns.push(name);
          keys.push(b.subarray(k0, k1));
        } else if (c >= keys.length || !this.equals(k0, k1, keys[c]!)) throw new NotRegular();
        this.ws();
        if (b[this.i] !== COLON) throw new NotRegular();
        this.i++;
        this.ws();
        if (c) this.put(COMMA);
        const value = this.value(c === stampAt || c === deletedAt);
        if (c === stampAt) stamp = value;
        else if (c === deletedAt) deleted = value;
        this.ws();
        if (b[this.i] === COMMA) {
          this.i++;
          continue;
        }
        if (b[this.i] !== CLOSE_OBJECT) throw new NotRegular();
        this.i++;
        if (rows > 0 && c !== keys.length - 1) throw new NotRegular();
        break;
      }
      this.put(NEWLINE);
      this.text.newlines++;
      rows++;
      // As encodePage reads it, absent, null and all.
      const t = Number(stamp ?? deleted);
      if (Number.isFinite(t) && (newest === null || t > newest)) newest = t;
      this.ws();
      if (b[this.i] === COMMA) {
        this.i++;
        this.ws();
        continue;
      }
      if (b[this.i] !== CLOSE_LIST) throw new NotRegular();
      this.i++;
      const csv = this.out.subarray(0, this.at);
      // Values copied as they were may hold spaces beyond ASCII as raw bytes.
      this.text.unusualSpaces ||= holdsUnusualSpace(csv);
      return { rows, newest, columns, csv, text: this.text };
    }
  }

  /** One value, written as its CSV field (as csvField writes what JSON.parse gives); returned as that value when `want`. */
  private value(want: boolean): unknown {
    const b = this.b;
    const c = b[this.i]!;
    if (c === QUOTE) {
      const q0 = this.i;
      const flags = this.skipString();
      const s0 = q0 + 1;
      const s1 = this.i - 1;
      if (flags & ESCAPED) {
        if (!want && this.copyEscaped(s0, s1)) return undefined;
        let text: string;
        try {
          text = JSON.parse(b.toString('utf8', q0, this.i)) as string;
        } catch {
          throw new NotRegular();
        }
        this.putText(csvField(text));
        const low = textOf(text);
        this.text.newlines += low.newlines;
        this.text.tabs ||= low.tabs;
        this.text.controls ||= low.controls;
        this.text.unusualSpaces ||= low.unusualSpaces;
        return text;
      }
      const comma = (flags & COMMA_INSIDE) !== 0;
      // Without a backslash there is no quote or line break inside: only a comma needs quoting.
      if (comma) this.put(QUOTE);
      this.copy(s0, s1);
      if (comma) this.put(QUOTE);
      return want ? b.toString('utf8', s0, s1) : undefined;
    }
    if (c === MINUS || (c >= ZERO && c <= NINE)) {
      const n0 = this.i;
      this.skipNumber();
      const n = Number(b.toString('latin1', n0, this.i));
      this.putText(String(n));
      return n;
    }
    if (this.literal(TRUE)) {
      this.putText('true');
      return true;
    }
    if (this.literal(FALSE)) {
      this.putText('false');
      return false;
    }
    if (this.literal(NULL)) return null;
    // A nested object or list, or not JSON.
    throw new NotRegular();
  }

  /**
   * A string whose only escapes are \" \\ and \/ (quotes in notes: the common case), written
   * as its CSV field straight from the bytes; false, with nothing written, for any other escape.
   */
  private copyEscaped(s0: number, s1: number): boolean {
    const b = this.b;
    let quoted = false;
    for (let j = s0; j < s1; j++) {
      const c = b[j];
      if (c === COMMA) quoted = true;
      else if (c === BACKSLASH) {
        const e = b[++j];
        if (e === QUOTE) quoted = true;
        else if (e !== BACKSLASH && e !== SLASH) return false;
      }
    }
    this.room(s1 - s0 + 2);
    const out = this.out;
    let at = this.at;
    if (quoted) out[at++] = QUOTE;
    for (let j = s0; j < s1; j++) {
      let c = b[j]!;
      if (c === BACKSLASH) {
        c = b[++j]!;
        // A quote inside a quoted CSV field is doubled.
        if (c === QUOTE) out[at++] = QUOTE;
      }
      out[at++] = c;
    }
    if (quoted) out[at++] = QUOTE;
    this.at = at;
    return true;
  }

  /** Past a string from its opening quote; says whether it holds a backslash (ESCAPED) or a comma (COMMA_INSIDE). Raw control characters are not JSON. */
  private skipString(): number {
    const b = this.b;
    let flags = 0;
    let j = this.i + 1;
    for (;;) {
      const c = b[j];
      if (c === undefined || c < 0x20) throw new NotRegular();
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        flags |= ESCAPED;
        j++;
      } else if (c === COMMA) flags |= COMMA_INSIDE;
      j++;
    }
    this.i = j + 1;
    return flags;
  }

  /** Past a number, as JSON writes them: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
  private skipNumber(): void {
    const b = this.b;
    let j = this.i;
    const digits = () => {
      const from = j;
      while (b[j]! >= ZERO && b[j]! <= NINE) j++;
      if (j === from) throw new NotRegular();
    };
    if (b[j] === MINUS) j++;
    if (b[j] === ZERO) j++;
    else digits();
    if (b[j] === 0x2e) {
      j++;
      digits();
    }
    if (b[j] === 0x65 || b[j] === 0x45) {
      j++;
      if (b[j] === 0x2b || b[j] === MINUS) j++;
      digits();
    }
    this.i = j;
  }

  private literal(word: Buffer): boolean {
    for (let j = 0; j < word.length; j++) if (this.b[this.i + j] !== word[j]) return false;
    this.i += word.length;
    return true;
  }

  /** Past any value of the answer outside the list (JSON.parse checks it afterwards), up to the comma or brace after it. */
  private skipValue(): void {
    const b = this.b;
    let depth = 0;
    for (;;) {
      const c = b[this.i];
      if (c === undefined) throw new NotRegular();
      if (depth === 0 && (c === COMMA || c === CLOSE_OBJECT)) return;
      if (c === QUOTE) {
        this.skipString();
        continue;
      }
      if (c === OPEN_OBJECT || c === OPEN_LIST) depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_LIST) {
        if (depth === 0) throw new NotRegular();
        depth--;
      }
      this.i++;
    }
  }

  private ws(): void {
    const b = this.b;
    let c = b[this.i];
    while (c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09) c = b[++this.i];
  }

  private equals(from: number, to: number, key: Buffer): boolean {
    if (to - from !== key.length) return false;
    for (let j = 0; j < key.length; j++) if (this.b[from + j] !== key[j]) return false;
    return true;
  }

  private room(n: number): void {
    if (this.at + n <= this.out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.at + n));
    this.out.copy(bigger, 0, 0, this.at);
    this.out = bigger;
  }

  private put(byte: number): void {
    this.room(1);
    this.out[this.at++] = byte;
  }

  private copy(from: number, to: number): void {
    const n = to - from;
    this.room(n);
    if (n > 32) this.b.copy(this.out, this.at, from, to);
    else for (let j = 0; j < n; j++) this.out[this.at + j] = this.b[from + j]!;
    this.at += n;
  }

  private putText(text: string): void {
    this.room(Buffer.byteLength(text));
    this.at += this.out.write(text, this.at);
  }
}
