/**
 * A TopoJSON text read with its arcs left as text until each is first used. In the shipped
 * admin1 file the arcs are 240,000 points, three quarters of its 3 MB: parsing them all made
 * reading the boundaries most of a map's start, though a map of the Sahel draws the Sahel's.
 * Every arc read is exactly what JSON.parse of the whole text gives.
 */
import type { Arc, Topology } from 'topojson-specification';

export function lazyTopology<T extends Topology>(text: string): T {
  const found = arcsOf(text);
  // Text this reader does not expect (strings inside the arcs, or no arcs at all) is parsed whole.
  if (!found) return JSON.parse(text) as T;
  const { start, end, bounds } = found;
  const topology = JSON.parse(text.slice(0, start) + '[]' + text.slice(end)) as T;
  const count = bounds.length / 2;
  const parsed: Array<Arc | undefined> = new Array(count);
  // Unparsed arcs are holes behind the proxy: every index read is filled first.
  topology.arcs = new Proxy(parsed as Arc[], {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const i = Number(key);
        if (Number.isInteger(i) && i >= 0 && i < count) return ((target as Array<Arc | undefined>)[i] ??= JSON.parse(text.slice(bounds[2 * i], bounds[2 * i + 1])) as Arc);
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return topology;
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
