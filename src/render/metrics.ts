/**
 * Text widths in the bundled font, read from its TrueType tables (cmap and hmtx), so that
 * titles wrap, labels are placed and Vega lays out axes by the widths the PNG will have.
 * Kerning is ignored: it changes widths by a percent or two.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { FONT_FILES } from './theme.js';

interface Face {
  unitsPerEm: number;
  /** Advance width, in font units, of a code point's glyph (or of the missing glyph). */
  advance(code: number): number;
}

const faces = new Map<string, Face>();

function face(bold: boolean): Face {
  const path = bold ? FONT_FILES.bold : FONT_FILES.regular;
  let f = faces.get(path);
  if (!f) {
    f = parseFace(readTables(path, ['head', 'hhea', 'hmtx', 'cmap']));
    faces.set(path, f);
  }
  return f;
}

/** Width in px of one line of text at a font size, in the regular or bold face. */
export function textWidth(text: string, size: number, bold = false): number {
  const f = face(bold);
  let units = 0;
  for (const ch of text) units += f.advance(ch.codePointAt(0)!);
  return (units * size) / f.unitsPerEm;
}

/** Words into lines no wider than `width`; a word wider than a line stays whole. */
/**
 * Words onto as few lines as fit `width`, with the lines made as even as that many lines
 * allow: a title does not leave its last words alone on a line ("down 19%").
 */
export function wrapBalanced(text: string, width: number, size: number, bold = false): string[] {
  const lines = wrap(text, width, size, bold);
  if (lines.length < 2) return lines;
  let [low, high] = [0, width];
  while (high - low > 1) {
    const middle = (low + high) / 2;
    if (wrap(text, middle, size, bold).length === lines.length) high = middle;
    else low = middle;
  }
  return wrap(text, high, size, bold);
}

export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The tables of a font file named by `tags`, read alone: the four this file needs are 31 KB
 * of DejaVu Sans's 740 KB, most of which is outlines that only resvg reads.
 */
function readTables(path: string, tags: string[]): Map<string, Buffer> {
  const fd = openSync(path, 'r');
  try {
    const read = (offset: number, length: number) => {
      const buf = Buffer.alloc(length);
      if (readSync(fd, buf, 0, length, offset) !== length) throw new Error(`${path} is cut short — the bundled font file is damaged`);
      return buf;
    };
    const count = read(4, 2).readUInt16BE(0);
    const directory = read(12, 16 * count);
    const tables = new Map<string, Buffer>();
    for (let i = 0; i < count; i++) {
      const tag = directory.toString('latin1', 16 * i, 16 * i + 4);
      if (tags.includes(tag)) tables.set(tag, read(directory.readUInt32BE(16 * i + 8), directory.readUInt32BE(16 * i + 12)));
    }
    return tables;
  } finally {
    closeSync(fd);
  }
}

/**
 * The face's header tables only: a glyph's advance is looked up when a text first needs it.
 * Mapping every code point up front (about 6,000 per face) cost more than a whole chart's
 * text does.
 */
function parseFace(tables: Map<string, Buffer>): Face {
  const table = (tag: string) => {
    const buf = tables.get(tag);
    if (buf === undefined) throw new Error(`font table missing: ${tag} — the bundled font file is damaged`);
    return buf;
  };
  const unitsPerEm = table('head').readUInt16BE(18);
  const metrics = table('hhea').readUInt16BE(34);
  const hmtx = table('hmtx');
  const advanceOf = (glyph: number) => hmtx.readUInt16BE(4 * Math.min(glyph, metrics - 1));
  const fallback = advanceOf(0);
  const glyphOf = cmap4(table('cmap'), 0);
  const known = new Map<number, number>();
  return {
    unitsPerEm,
    advance: (code) => {
      let units = known.get(code);
      if (units === undefined) {
        const glyph = glyphOf(code);
        units = glyph ? advanceOf(glyph) : fallback;
        known.set(code, units);
      }
      return units;
    },
  };
}

/**
 * The Unicode BMP mapping (platform 3, encoding 1, format 4): code point → glyph, 0 for none.
 * Its segments are sorted by their last code point, so the one that may hold a code is found
 * by binary search.
 */
function cmap4(buf: Buffer, cmap: number): (code: number) => number {
  const subtables = buf.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const platform = buf.readUInt16BE(cmap + 4 + 8 * i);
    const encoding = buf.readUInt16BE(cmap + 6 + 8 * i);
    const offset = cmap + buf.readUInt32BE(cmap + 8 + 8 * i);
    if (platform !== 3 || encoding !== 1 || buf.readUInt16BE(offset) !== 4) continue;
    const segments = buf.readUInt16BE(offset + 6) / 2;
    const ends = offset + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const ranges = deltas + 2 * segments;
    return (c) => {
      if (c >= 0xffff) return 0;
      let [low, high] = [0, segments - 1];
      while (low < high) {
        const middle = (low + high) >> 1;
        if (buf.readUInt16BE(ends + 2 * middle) < c) low = middle + 1;
        else high = middle;
      }
      const s = low;
      const start = buf.readUInt16BE(starts + 2 * s);
      if (c < start || c > buf.readUInt16BE(ends + 2 * s)) return 0;
      const delta = buf.readInt16BE(deltas + 2 * s);
      const range = buf.readUInt16BE(ranges + 2 * s);
      if (range === 0) return (c + delta) & 0xffff;
      const g = buf.readUInt16BE(ranges + 2 * s + range + 2 * (c - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    };
  }
  throw new Error('font has no Unicode cmap — the bundled font file is damaged');
}
