/** Small RFC 4180 helpers for the parts of a CSV file that JavaScript reads itself: the header, and the records of rows that failed. */
import { openSync, readSync, closeSync } from 'node:fs';

/** Splits the first `count` records of `text` into fields (quotes, doubled quotes, CRLF). */
export function parseRecords(text: string, count: number): string[][] {
  const records: string[][] = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let i = 0;
  while (i < text.length && records.length < count) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (records.length < count && (field !== '' || fields.length)) {
    fields.push(field);
    records.push(fields);
  }
  return records;
}

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('; ') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(',') + '\n';
}

/**
 * A line of a CSV file meant for people: text that a spreadsheet would run as a formula
 * ("=HYPERLINK(…)", "+cmd", "@SUM") gets a leading apostrophe, as OWASP advises. Numbers,
 * which arrive as numbers, are never touched; imports keep using csvLine, which changes nothing.
 */
export function csvExportLine(values: readonly unknown[]): string {
  return csvLine(
    values.map((v) => {
      const text = Array.isArray(v) ? v.join('; ') : v;
      return typeof text === 'string' && /^[=+\-@\t\r]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
    }),
  );
}

export interface RecordSpan {
  start: number;
  end: number;
  line: number;
}

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just after a quote inside a quoted value: its end, or the first of a doubled quote. */
const CLOSED = 3;

/**
 * Where every record of a CSV file starts (byte offset and physical line, 1-based), header
 * included. Only run when rows failed: it reads the whole file once, in JavaScript.
 */
export function scanRecords(path: string): RecordSpan[] {
  const spans: RecordSpan[] = [];
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 22);
  let offset = 0;
  let line = 1;
  // A quote is special only at the start of a value (RFC 4180; DuckDB reads a quote inside an
  // unquoted value as a character), and "" inside a quoted value is one quote.
  let state = FIELD_START;
  let start = 0;
  let startLine = 1;
  let atRecordStart = true;
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, offset);
      if (n <= 0) break;
      for (let i = 0; i < n; i++) {
        const byte = buffer[i]!;
        if (atRecordStart) {
          start = offset + i;
          startLine = line;
          atRecordStart = false;
        }
        if (byte === 0x0a) line++;
        switch (state) {
          case QUOTED:
            if (byte === 0x22) state = CLOSED;
            break;
          case CLOSED:
            state = byte === 0x22 ? QUOTED : byte === 0x2c ? FIELD_START : byte === 0x0a ? FIELD_START : byte === 0x0d ? CLOSED : UNQUOTED;
            break;
          case FIELD_START:
            state = byte === 0x22 ? QUOTED : byte === 0x2c || byte === 0x0a ? FIELD_START : UNQUOTED;
            break;
          default:
            if (byte === 0x2c || byte === 0x0a) state = FIELD_START;
        }
        if (byte === 0x0a && state === FIELD_START) {
          spans.push({ start, end: offset + i + 1, line: startLine });
          atRecordStart = true;
        }
      }
      offset += n;
    }
    if (!atRecordStart) spans.push({ start, end: offset, line: startLine });
  } finally {
    closeSync(fd);
  }
  return spans;
}

/** The bytes of one record, without its line ending. */
export function readSpan(path: string, span: RecordSpan): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(span.end - span.start);
    readSync(fd, buffer, 0, buffer.length, span.start);
    let end = buffer.length;
    while (end > 0 && (buffer[end - 1] === 0x0a || buffer[end - 1] === 0x0d)) end--;
    return buffer.subarray(0, end);
  } finally {
    closeSync(fd);
  }
}
