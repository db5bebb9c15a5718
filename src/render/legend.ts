/**
 * The keys of a map: classes for a choropleth (quantile breaks rounded to numbers a reader
 * remembers), sizes for proportional symbols, and a scale bar of a round length.
 */
import { esc, fmt, r2 } from './svg.js';
import { INK, SEQUENTIAL, SIZE, SYMBOL } from './theme.js';
import { textWidth } from './metrics.js';

export interface Classes {
  /** Lower bound of each class; the first is the smallest value. */
  bounds: number[];
  colours: string[];
  colourOf(value: number): string;
  labels: string[];
}

/** 1, 2, 2.5, 5 × 10^k: the round number nearest below `x`. */
export function roundDown(x: number): number {
  if (x <= 1) return Math.max(0, Math.floor(x));
  const k = 10 ** Math.floor(Math.log10(x));
  const steps = [1, 2, 2.5, 5, 10].map((s) => s * k).filter((s) => s <= x);
  return Math.round(steps[steps.length - 1]!);
}

/**
 * Up to five classes of the positive values at their quintiles, rounded; fewer when values
 * are few or equal. A 0 (an area with events but no fatalities) has a class of its own.
 */
export function classesOf(values: number[]): Classes {
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  const palette = SEQUENTIAL.slice(1);
  const bounds: number[] = [];
  for (let q = 0; q < palette.length && positive.length; q++) {
    const at = positive[Math.min(positive.length - 1, Math.floor((q * positive.length) / palette.length))]!;
    const b = q === 0 ? at : roundDown(at);
    if (!bounds.length || b > bounds[bounds.length - 1]!) bounds.push(b);
  }
  // The lowest of several classes starts at 1 ("1–49"), a round start that covers every positive value.
  if (bounds.length > 1) bounds[0] = Math.min(bounds[0]!, 1);
  // Spread the palette over fewer classes, so two classes never look alike.
  const colours = bounds.length === 1 ? [palette[palette.length - 1]!] : bounds.map((_, i) => palette[Math.round((i * (palette.length - 1)) / (bounds.length - 1))]!);
  const largest = positive[positive.length - 1] ?? 0;
  const labels = bounds.map((b, i) => {
    const next = bounds[i + 1];
    if (next === undefined) return b === largest ? fmt(b) : `${fmt(b)} or more`;
    return next - 1 === b ? fmt(b) : `${fmt(b)}–${fmt(next - 1)}`;
  });
  if (values.some((v) => v === 0)) {
    bounds.unshift(0);
    colours.unshift(SEQUENTIAL[0]!);
    labels.unshift('0');
  }
  return {
    bounds,
    colours,
    labels,
    colourOf: (v) => {
      let i = 0;
      while (i + 1 < bounds.length && v >= bounds[i + 1]!) i++;
      return colours[i]!;
    },
  };
}

const SWATCH = 14;

/** The choropleth key: a title, then one swatch per class and one for "no matching events". */
export function classLegend(title: string, classes: Classes, x: number, y: number): { svg: string; height: number; width: number } {
  const items = [...classes.labels.map((l, i) => ({ label: l, colour: classes.colours[i]! })), { label: 'no matching events', colour: INK.land }];
  let cx = x;
  let cy = y + 16;
  const out = [`<text x="${x}" y="${y + 10}" font-size="${SIZE.note}" fill="${INK.muted}">${esc(title)}</text>`];
  let width = 0;
  for (const item of items) {
    const w = SWATCH + 4 + textWidth(item.label, SIZE.note) + 12;
    if (cx + w > x + 380) {
      cx = x;
      cy += SWATCH + 6;
    }
    out.push(
      `<rect x="${r2(cx)}" y="${cy}" width="${SWATCH}" height="${SWATCH}" fill="${item.colour}" stroke="${INK.faint}" stroke-width="0.5"/>`,
      `<text x="${r2(cx + SWATCH + 4)}" y="${cy + 11}" font-size="${SIZE.note}" fill="${INK.text}">${esc(item.label)}</text>`,
    );
    cx += w;
    width = Math.max(width, cx - x);
  }
  return { svg: `<g class="legend">${out.join('')}</g>`, height: cy + SWATCH - y, width };
}

/** Symbol area proportional to the value: radius grows with its square root. */
export function radiusOf(value: number, max: number, largest = 18): number {
  if (value <= 0 || max <= 0) return 1.5;
  return Math.max(1.5, largest * Math.sqrt(value / max));
}

/** The symbol key: circles of round values side by side, each with its value beneath. */
export function symbolLegend(title: string, max: number, x: number, y: number, zeroNote: string | null, largest = 18): { svg: string; height: number; width: number } {
  const values = [...new Set([roundDown(max), roundDown(max / 4), roundDown(max / 20)])].filter((v) => v > 0).reverse();
  const big = Math.max(6, radiusOf(values[values.length - 1] ?? 1, max, largest));
  const base = y + 16 + 2 * big;
  const out = [`<text x="${x}" y="${y + 10}" font-size="${SIZE.note}" fill="${INK.muted}">${esc(title)}</text>`];
  let cx = x;
  for (const v of values) {
    const r = radiusOf(v, max, largest);
    const w = Math.max(2 * r, textWidth(fmt(v), SIZE.note)) + 10;
    out.push(
      `<circle cx="${r2(cx + w / 2)}" cy="${r2(base - r)}" r="${r2(r)}" fill="${SYMBOL.fill}" fill-opacity="${SYMBOL.opacity}" stroke="${SYMBOL.stroke}" stroke-width="0.6"/>`,
      `<text x="${r2(cx + w / 2)}" y="${r2(base + 12)}" text-anchor="middle" font-size="${SIZE.note}" fill="${INK.text}">${fmt(v)}</text>`,
    );
    cx += w;
  }
  const height = base + 14 - y;
  if (zeroNote) {
    out.push(
      `<circle cx="${r2(cx + 8)}" cy="${r2(base - 3)}" r="1.5" fill="${INK.faint}"/><text x="${r2(cx + 14)}" y="${r2(base)}" font-size="${SIZE.note}" fill="${INK.text}">${esc(zeroNote)}</text>`,
    );
    cx += 14 + textWidth(zeroNote, SIZE.note);
  }
  return { svg: `<g class="legend">${out.join('')}</g>`, height, width: cx - x };
}

/** A scale bar about `target` px long, of a round number of km, given km per pixel at the map's centre. */
export function scaleBar(kmPerPx: number, x: number, y: number, target = 100): string {
  const km = roundDown(kmPerPx * target);
  const px = km / kmPerPx;
  return (
    `<g class="scale-bar"><rect x="${x}" y="${y}" width="${r2(px)}" height="4" fill="${INK.text}"/><rect x="${r2(x + px / 2)}" y="${y}" width="${r2(px / 2)}" height="4" fill="${INK.background}" stroke="${INK.text}" stroke-width="0.5"/>` +
    `<text x="${x}" y="${y + 15}" font-size="${SIZE.note}" fill="${INK.text}">0</text><text x="${r2(x + px)}" y="${y + 15}" font-size="${SIZE.note}" fill="${INK.text}" text-anchor="end">${fmt(km)} km</text></g>`
  );
}
