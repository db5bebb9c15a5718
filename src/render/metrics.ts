/**
 * Text widths in the bundled font, read from its TrueType tables (cmap and hmtx), so that
 * titles wrap, labels are placed and Vega lays out axes by the widths the PNG will have.
 * Kerning is ignored: it changes widths by a percent or two.
 */
import { readFileSync } from 'node:fs';
import { FONT_FILES } from './theme.js';

interface Face {
  unitsPerEm: number;
  advance: Map<number, number>;
  fallback: number;
}

const faces = new Map<string, Face>();

function face(bold: boolean): Face {
  const path = bold ? FONT_FILES.bold : FONT_FILES.regular;
  let f = faces.get(path);
  if (!f) {
    f = parseFace(readFileSync(path));
    faces.set(path, f);
  }
  return f;
}

/** Width in px of one line of text at a font size, in the regular or bold face. */
export function textWidth(text: string, size: number, bold = false): number {
  const f = face(bold);
  let units = 0;
  for (const ch of text) units += f.advance.get(ch.codePointAt(0)!) ?? f.fallback;
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

function parseFace(buf: Buffer): Face {
  const tables = new Map<string, number>();
  const count = buf.readUInt16BE(4);
  for (let i = 0; i < count; i++) tables.set(buf.toString('latin1', 12 + 16 * i, 16 + 16 * i), buf.readUInt32BE(20 + 16 * i));
  const at = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font table missing: ${tag} — the bundled font file is damaged`);
    return offset;
  };
  const unitsPerEm = buf.readUInt16BE(at('head') + 18);
  const metrics = buf.readUInt16BE(at('hhea') + 34);
  const hmtx = at('hmtx');
  const advanceOf = (glyph: number) => buf.readUInt16BE(hmtx + 4 * Math.min(glyph, metrics - 1));
  const advance = new Map<number, number>();
  for (const [code, glyph] of cmap4(buf, at('cmap'))) advance.set(code, advanceOf(glyph));
  return { unitsPerEm, advance, fallback: advanceOf(0) };
}

/** The Unicode BMP mapping (platform 3, encoding 1, format 4): code point → glyph. */
function cmap4(buf: Buffer, cmap: number): Map<number, number> {
  const out = new Map<number, number>();
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
    for (let s = 0; s < segments; s++) {
      const end = buf.readUInt16BE(ends + 2 * s);
      const start = buf.readUInt16BE(starts + 2 * s);
      const delta = buf.readInt16BE(deltas + 2 * s);
      const range = buf.readUInt16BE(ranges + 2 * s);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (range === 0) glyph = (c + delta) & 0xffff;
        else {
          const g = buf.readUInt16BE(ranges + 2 * s + range + 2 * (c - start));
          glyph = g === 0 ? 0 : (g + delta) & 0xffff;
        }
        if (glyph) out.set(c, glyph);
      }
    }
    return out;
  }
  throw new Error('font has no Unicode cmap — the bundled font file is damaged');
}
