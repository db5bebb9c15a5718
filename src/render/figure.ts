/**
 * The words around every figure: a title that states the finding, a subtitle with what is
 * drawn and the filters, and a footer with the source (dataset and version, "crisismap")
 * and the notes a reader needs. Charts and maps build one FigureText and draw it the same way.
 */
import { datasetCaveats } from '../analysis/answer.js';
import { describeFilter, type Filter } from '../query/filter.js';
import { describeProvenance, type DatasetVersion } from '../query/provenance.js';
import { wrap, wrapBalanced } from './metrics.js';
import { esc } from './svg.js';
import { FONT_STACK, INK, SIZE, WIDTH } from './theme.js';

export interface FigureText {
  /** The finding, in a journalist's words. */
  title: string;
  /** What is drawn and for which filters: one line each. */
  subtitle: string[];
  /** "Source: acled (export 2022-08-01): 9,000 events · chart: crisismap". */
  source: string;
  /** Caveats and notes, each once. */
  notes: string[];
}

export const SYNTHETIC_LABEL = 'SYNTHETIC DEMO DATA — invented events, not real reporting';
const SYNTHETIC_CAVEAT = /^SYNTHETIC demo data/;

export function isSynthetic(datasets: DatasetVersion[]): boolean {
  return datasets.some((d) => d.dataset === 'demo-synthetic');
}

/** The text of a figure from what every result carries: filters, datasets and notes. */
export function figureText(title: string, what: string, filters: Filter, datasets: DatasetVersion[], notes: string[] = []): FigureText {
  const subtitle = [what, `Filters: ${describeFilter(filters)}`];
  // The synthetic label goes at the top, where a crop cannot remove it.
  if (isSynthetic(datasets)) subtitle.unshift(SYNTHETIC_LABEL);
  const caveats = [...new Set([...notes, ...datasetCaveats(datasets)])].filter((n) => !SYNTHETIC_CAVEAT.test(n));
  return { title, subtitle, source: sourceLine(datasets), notes: caveats };
}

export function sourceLine(datasets: DatasetVersion[]): string {
  return `Source: ${describeProvenance(datasets)} · chart: crisismap`;
}

/** Title lines wrapped to the figure's width. */
export function titleLines(text: FigureText, width = WIDTH): string[] {
  return wrapBalanced(text.title, width - 2 * SIZE.padding, SIZE.title, true);
}

export function subtitleLines(text: FigureText, width = WIDTH): string[] {
  return text.subtitle.flatMap((line) => wrap(line, width - 2 * SIZE.padding, SIZE.subtitle));
}

export function footerLines(text: FigureText, width = WIDTH): string[] {
  return [text.source, ...text.notes.map((n) => `Note: ${n}`)].flatMap((line) => wrap(line, width - 2 * SIZE.padding, SIZE.note));
}

const LINE = { title: SIZE.title + 4, subtitle: SIZE.subtitle + 4, note: SIZE.note + 3 };

/** The height of the header drawn by `header`. */
export function headerHeight(text: FigureText, width = WIDTH): number {
  return SIZE.padding + titleLines(text, width).length * LINE.title + subtitleLines(text, width).length * LINE.subtitle + 6;
}

/** Title and subtitle as SVG text, from the top-left corner of the figure. */
export function header(text: FigureText, width = WIDTH): string {
  let y = SIZE.padding;
  const out: string[] = [];
  for (const line of titleLines(text, width)) {
    y += LINE.title;
    out.push(`<text x="${SIZE.padding}" y="${y - 5}" font-size="${SIZE.title}" font-weight="bold" fill="${INK.text}">${esc(line)}</text>`);
  }
  for (const line of subtitleLines(text, width)) {
    y += LINE.subtitle;
    const synthetic = line.startsWith(SYNTHETIC_LABEL.slice(0, 20));
    out.push(`<text x="${SIZE.padding}" y="${y - 4}" font-size="${SIZE.subtitle}"${synthetic ? ` font-weight="bold" fill="${INK.synthetic}"` : ` fill="${INK.muted}"`}>${esc(line)}</text>`);
  }
  return `<g class="header" font-family="${FONT_STACK}">${out.join('')}</g>`;
}

export function footerHeight(text: FigureText, width = WIDTH): number {
  return footerLines(text, width).length * LINE.note + SIZE.padding;
}

/** Source and notes as SVG text, starting `top` px from the top of the figure. */
export function footer(text: FigureText, top: number, width = WIDTH): string {
  const lines = footerLines(text, width).map((line, i) => `<text x="${SIZE.padding}" y="${top + (i + 1) * LINE.note - 2}" font-size="${SIZE.note}" fill="${INK.muted}">${esc(line)}</text>`);
  return `<g class="footer" font-family="${FONT_STACK}">${lines.join('')}</g>`;
}

/**
 * The whole figure: header, the drawing (`body`, SVG markup `width` × `height` px drawn from
 * its own top-left corner), footer, on a white background.
 */
export function frame(text: FigureText, body: string, width: number, height: number, label = text.title): string {
  const top = headerHeight(text, width);
  const total = Math.ceil(top + height + footerHeight(text, width));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" role="img" aria-label="${esc(label)}" font-family="${FONT_STACK}">` +
    `<title>${esc(text.title)}</title><rect width="${width}" height="${total}" fill="${INK.background}"/>` +
    header(text, width) +
    `<g class="body" transform="translate(0,${top})">${body}</g>` +
    footer(text, top + height, width) +
    '</svg>\n'
  );
}

/** An SVG document's size and its content without the root element, to draw inside a frame. */
export function unwrap(svg: string): { body: string; width: number; height: number } {
  const root = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"[^>]*>/.exec(svg);
  if (!root) throw new Error('renderer gave an SVG without width and height');
  const body = svg
    .slice(root.index + root[0].length)
    .replace(/<\/svg>\s*$/, '')
    .replace(/^<rect width="[\d.]+" height="[\d.]+" fill="white"\/>/, '');
  return { body, width: Number(root[1]), height: Number(root[2]) };
}
