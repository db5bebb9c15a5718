/**
 * TopoJSON read fast, with each arc decoded when first used. In the shipped admin1 file the
 * arcs are 240,000 points, three quarters of its 3 MB: parsing them all made reading the
 * boundaries most of a map's start, though a map of the Sahel draws the Sahel's.
 *   - readTopology: from the copy the build packed (packTopology), else from the text;
 *   - lazyTopology: from the text, its arcs found by a scan and each parsed when first read;
 *   - packTopology: the arcs as 32-bit integers after a JSON header, so that reading is a
 *     buffer and the small rest of the file to parse, with no 3 MB of text to decode and scan.
 * Whichever way, every arc read is exactly what JSON.parse of the whole text gives.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Arc, Topology } from 'topojson-specification';

/**
 * The topology in `file`, from `packed` when the build packed it from this very file (same
 * size and modification time), else from the text: a packed copy never outlives its source.
 */
export function readTopology<T extends Topology>(file: string, packed: string): T {
  let buffer: Buffer | undefined;
  try {
    buffer = readFileSync(packed);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return (buffer && unpackTopology<T>(buffer, file)) ?? lazyTopology<T>(readFileSync(file, 'utf8'));
}

/**
 * Layout, in the byte order of the machine that builds and runs (the build runs where the
 * program does): int32 header length; header (JSON: the source's size and mtime, and the
 * topology without its arcs), padded to 4 bytes; int32 arc count n; n + 1 int32 offsets of
 * each arc's first point; the points, x and y as int32. Only quantized topologies (every
 * position two integers) are packed: undefined for any other.
 */
export function packTopology(file: string): Buffer | undefined {
  const { size, mtimeMs } = statSync(file);
  const { arcs, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const int32 = (n: unknown) => Number.isInteger(n) && Math.abs(n as number) < 2 ** 31;
  if (!Array.isArray(arcs) || !arcs.every((arc) => arc.every((p) => p.length === 2 && int32(p[0]) && int32(p[1])))) return undefined;
  const header = Buffer.from(JSON.stringify({ source: { size, mtimeMs }, topology: rest }));
  const start = Math.ceil((4 + header.length) / 4) * 4;
  const points = arcs.reduce((n, arc) => n + arc.length, 0);
  const buffer = Buffer.alloc(start + 4 * (2 + arcs.length + 2 * points));
  new Int32Array(buffer.buffer, buffer.byteOffset, 1)[0] = header.length;
  header.copy(buffer, 4);
  const ints = new Int32Array(buffer.buffer, buffer.byteOffset + start, 2 + arcs.length + 2 * points);
  ints[0] = arcs.length;
  let at = 0;
  const xy = 2 + arcs.length;
  arcs.forEach((arc, i) => {
    ints[1 + i] = at;
    for (const [x, y] of arc) {
      ints[xy + 2 * at] = x!;
      ints[xy + 2 * at + 1] = y!;
      at++;
    }
  });
  ints[1 + arcs.length] = at;
  return buffer;
}

/** The packed topology, or undefined when it was packed from another version of `file`. */
function unpackTopology<T extends Topology>(packed: Buffer, file: string): T | undefined {
  // Int32Array needs 4-byte alignment, which a buffer from a pool may lack.
  const buffer = packed.byteOffset % 4 === 0 ? packed : Buffer.from(new Uint8Array(packed).buffer);
  const headerLength = new Int32Array(buffer.buffer, buffer.byteOffset, 1)[0]!;
  const { source, topology } = JSON.parse(buffer.toString('utf8', 4, 4 + headerLength)) as { source: { size: number; mtimeMs: number }; topology: T };
  const { size, mtimeMs } = statSync(file);
  if (source.size !== size || source.mtimeMs !== mtimeMs) return undefined;
  const start = Math.ceil((4 + headerLength) / 4) * 4;
  const ints = new Int32Array(buffer.buffer, buffer.byteOffset + start, (buffer.length - start) / 4);
  const count = ints[0]!;
  const xy = 2 + count;
  topology.arcs = lazyArcs(count, (i) => {
    const [from, to] = [ints[1 + i]!, ints[2 + i]!];
    const arc: Arc = new Array(to - from);
    for (let p = from; p < to; p++) arc[p - from] = [ints[xy + 2 * p]!, ints[xy + 2 * p + 1]!];
    return arc;
  });
  return topology;
}

export function lazyTopology<T extends Topology>(text: string): T {
  const found = arcsOf(text);
  // Text this reader does not expect (strings inside the arcs, or no arcs at all) is parsed whole.
  if (!found) return JSON.parse(text) as T;
  const { start, end, bounds } = found;
  const topology = JSON.parse(text.slice(0, start) + '[]' + text.slice(end)) as T;
  topology.arcs = lazyArcs(bounds.length / 2, (i) => JSON.parse(text.slice(bounds[2 * i], bounds[2 * i + 1])) as Arc);
  return topology;
}

/** `count` arcs, each decoded when first read. */
function lazyArcs(count: number, decode: (i: number) => Arc): Arc[] {
  const parsed: Array<Arc | undefined> = new Array(count);
  // Undecoded arcs are holes behind the proxy: every index read is filled first.
  return new Proxy(parsed as Arc[], {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const i = Number(key);
        if (Number.isInteger(i) && i >= 0 && i < count) return ((target as Array<Arc | undefined>)[i] ??= decode(i));
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const COLON = 58;

/**
 * Where the top-level "arcs" array lies in the text, and where each of its arcs starts and
 * ends (pairs of offsets); undefined when there is none or it holds anything but numbers.
 */
function arcsOf(text: string): { start: number; end: number; bounds: Int32Array } | undefined {
  let depth = 0;
  let key: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const close = stringEnd(text, i);
      if (depth === 1) key = text.slice(i + 1, close);
      i = close;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === 1 && key === 'arcs' && c === OPEN_BRACKET && text.charCodeAt(previousToken(text, i)) === COLON) return arcsFrom(text, i);
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return undefined;
}

/** The arcs of the array opening at `start`: numbers and brackets only, else undefined. */
function arcsFrom(text: string, start: number): { start: number; end: number; bounds: Int32Array } | undefined {
  const bounds: number[] = [];
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_BRACKET) {
      depth++;
      if (depth === 2) bounds.push(i);
    } else if (c === CLOSE_BRACKET) {
      depth--;
      if (depth === 1) bounds.push(i + 1);
      if (depth === 0) return { start, end: i + 1, bounds: Int32Array.from(bounds) };
    } else if (c === QUOTE || c === OPEN_BRACE) return undefined;
  }
  return undefined;
}

/** The offset of the quote that closes the string opening at `open`. */
function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i;
  }
  return text.length;
}

/** The offset of the last character before `at` that is not white space. */
function previousToken(text: string, at: number): number {
  let i = at - 1;
  while (i > 0 && /\s/.test(text[i]!)) i--;
  return i;
}
