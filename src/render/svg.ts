/** Small pieces of SVG writing shared by maps, legends and figure text. */

export { escapeHtml as esc } from '../model/html.js';

/** Numbers in SVG coordinates: two decimals are a hundredth of a pixel, plenty at 2× zoom. */
export const r2 = (n: number): string => String(Math.round(n * 100) / 100);

/** "1,234": the analyses' one number format, for figures too. */
export { fmt } from '../analysis/answer.js';

/** Prefixes every id (and every reference to it) so several SVGs can share one HTML page. */
export function prefixIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!));
  let out = svg;
  for (const id of ids) {
    const safe = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out
      .replace(new RegExp(`\\bid="${safe}"`, 'g'), `id="${prefix}-${id}"`)
      .replace(new RegExp(`url\\(#${safe}\\)`, 'g'), `url(#${prefix}-${id})`)
      .replace(new RegExp(`href="#${safe}"`, 'g'), `href="#${prefix}-${id}"`);
  }
  return out;
}
