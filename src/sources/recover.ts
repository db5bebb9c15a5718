/**
 * Damaged CSV files, split into records again so that nothing is lost. DuckDB's reader, at an
 * unbalanced quote, swallows the next line into the rejected one (or, reading on, half the file),
 * so when it rejects anything the file is split here instead, strictly by RFC 4180: a record is
 * valid when its quotes close, text never follows a closing quote, it has the header's number of
 * fields and it fits the line limit. A line that does not start a valid record is rejected on
 * its own, with its reason, and reading starts again at the next line. So every line ends up
 * either in a valid record or in the rejects file, never both, never neither.
 * Only run when the reader rejected something: it holds the file in memory.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { fieldCountReason } from './stage.js';

export interface Recovered {
  /** Header and valid records, byte for byte, one after another. */
  csvPath: string;
  /** For valid record k (1-based), the line it starts on in the original, and its record number there. */
  origin: Array<{ line: number; record: number }>;
  /** Lines that start no valid record: the line, its bytes (without the line end) and why. */
  bad: Array<{ line: number; record: number; raw: Buffer; reason: string }>;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** `lines`: line ends the record spans, its own last one included; `inner`: those inside quoted values. */
interface Parsed {
  end: number;
  fields: number;
  lines: number;
  inner: number;
  error?: string;
  tooLong?: boolean;
}

/** Reads one record from `pos`: where it ends (after its line end), its fields, how many line ends it spans. */
function parseRecord(buf: Buffer, pos: number, maxBytes: number): Parsed {
  let i = pos;
  let fields = 1;
  let lines = 0;
  for (;;) {
    if (buf[i] === QUOTE) {
      i++;
      for (;;) {
        const q = buf.indexOf(QUOTE, i);
        if (q < 0) return { end: buf.length, fields, lines: lines + count(buf, LF, i, buf.length), inner: lines, error: 'a quote opened but never closed — the file may be truncated' };
        lines += count(buf, LF, i, q);
        if (buf[q + 1] === QUOTE) {
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const c = buf[i];
      if (i >= buf.length) return finish(i, fields, lines);
      if (c === COMMA) {
        fields++;
        i++;
        continue;
      }
      if (c === LF) return finish(i + 1, fields, lines + 1);
      if (c === CR && buf[i + 1] === LF) return finish(i + 2, fields, lines + 1);
      return { end: i, fields, lines, inner: lines, error: 'text after a closing quote — a quote inside a value must be doubled ("")' };
    }
    // An unquoted value runs to the next comma or line end; a quote inside it is an ordinary character.
    while (i < buf.length && buf[i] !== COMMA && buf[i] !== LF) i++;
    if (i >= buf.length) return finish(i, fields, lines);
    if (buf[i] === COMMA) {
      fields++;
      i++;
      continue;
    }
    return finish(i + 1, fields, lines + 1);
  }
  function finish(end: number, f: number, l: number): Parsed {
    return end - pos > maxBytes
      ? { end, fields: f, lines: l, inner: lines, tooLong: true, error: `the row is longer than ${maxBytes.toLocaleString('en-US')} bytes, the most one row may hold` }
      : { end, fields: f, lines: l, inner: lines };
  }
}

function count(buf: Buffer, byte: number, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(byte, from); i >= 0 && i < to; i = buf.indexOf(byte, i + 1)) n++;
  return n;
}

function lineEnd(buf: Buffer, pos: number): number {
  const nl = buf.indexOf(LF, pos);
  return nl < 0 ? buf.length : nl + 1;
}

function withoutLineEnd(raw: Buffer): Buffer {
  let end = raw.length;
  while (end > 0 && (raw[end - 1] === LF || raw[end - 1] === CR)) end--;
  return raw.subarray(0, end);
}

export function recoverRecords(path: string, target: string, maxRecordBytes: number): Recovered {
  const buf = readFileSync(path);
  const header = parseRecord(buf, 0, Number.MAX_SAFE_INTEGER);
  const width = header.fields;
  const out = openSync(target, 'w');
  const origin: Recovered['origin'] = [];
  const bad: Recovered['bad'] = [];
  const pending: Buffer[] = [];
  const flush = () => {
    if (pending.length) writeSync(out, Buffer.concat(pending.splice(0)));
  };
  try {
    pending.push(buf.subarray(0, header.end));
    if (header.end > 0 && buf[header.end - 1] !== LF) pending.push(Buffer.from('\n'));
    let pos = header.end;
    let line = 1 + header.lines;
    let record = 0;
    while (pos < buf.length) {
      const blank = buf[pos] === LF ? 1 : buf[pos] === CR && buf[pos + 1] === LF ? 2 : 0;
      if (blank) {
        pos += blank;
        line++;
        continue;
      }
      record++;
      const r = parseRecord(buf, pos, maxRecordBytes);
      // A record that ran on past its own line and then failed: the quote that opened on this line is the fault.
      const runOn = r.inner > 0 && !r.tooLong;
      const error =
        r.error === undefined && r.fields === width
          ? undefined
          : runOn
            ? 'a quote opened on this line is not closed on it (the row runs on into the next lines)'
            : (r.error ?? fieldCountReason(r.fields, width));
      if (!error) {
        origin.push({ line, record });
        pending.push(buf.subarray(pos, r.end));
        if (buf[r.end - 1] !== LF) pending.push(Buffer.from('\n'));
        if (pending.length > 4096) flush();
        pos = r.end;
        line += r.lines;
        continue;
      }
      // Only this line is rejected; the next one may start a valid record.
      const end = lineEnd(buf, pos);
      bad.push({ line, record, raw: Buffer.from(withoutLineEnd(buf.subarray(pos, end))), reason: error });
      pos = end;
      line++;
    }
    flush();
  } finally {
    closeSync(out);
  }
  return { csvPath: target, origin, bad };
}
