/**
 * SVG to PNG with resvg, at twice the size, with the bundled fonts only: system fonts are
 * never read, so a PNG is the same on every machine and no text vanishes for want of a font.
 */
import { renderAsync } from '@resvg/resvg-js';
import { visibleControls } from '../model/html.js';
import { FONT_FAMILY, FONT_FILES, PNG_SCALE } from './theme.js';

/**
 * Any SVG the renderers write, text from the data included, is read (see visibleControls).
 * Drawn on a thread of libuv's pool, not the calling one: a map takes resvg about a second,
 * which in a server would hold up every other request (issue 13).
 */
export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Buffer> {
  const image = await renderAsync(visibleControls(svg), {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  });
  return image.asPng();
}

/** Width and height of a PNG, from its header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG: its signature is missing');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
