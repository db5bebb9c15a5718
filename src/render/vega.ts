/**
 * Vega-Lite to SVG, headless: compile the spec to Vega, run it with no renderer, serialise.
 * Text is measured in the bundled font (metrics.ts) instead of Vega's rough estimate, so
 * axes and labels get the room the PNG will give them.
 */
import type { TopLevelSpec } from 'vega-lite';
import { compile, vega } from './vega-bundle.js';
import { textWidth } from './metrics.js';

type Item = { fontSize?: number; fontWeight?: string | number; text?: unknown };

let measured = false;

/** Vega calls textMetrics.width for every label it lays out; a user function is allowed (vl-convert does the same). */
function useBundledMetrics(): void {
  if (measured) return;
  measured = true;
  const metrics = (vega as unknown as { textMetrics: { width: (item: Item, text: unknown) => number } }).textMetrics;
  metrics.width = (item, text) => {
    const line = text === null || text === undefined ? '' : String(text).trim();
    const size = item.fontSize ?? 11;
    const bold = item.fontWeight === 'bold' || (typeof item.fontWeight === 'number' && item.fontWeight >= 600);
    return textWidth(line, size, bold);
  };
}

/** The Vega spec that a Vega-Lite spec compiles to. */
export function toVega(spec: TopLevelSpec): vega.Spec {
  // Vega-Lite's warnings (e.g. about autosize with a discrete height) are about layout choices made on purpose.
  return compile(spec, { logger: vega.logger(vega.None) as never }).spec as vega.Spec;
}

export async function vegaLiteSvg(spec: TopLevelSpec): Promise<string> {
  useBundledMetrics();
  // Gradient and clip ids restart for every figure, so the same chart gives the same SVG.
  (vega as unknown as { resetSVGDefIds: () => void }).resetSVGDefIds();
  const view = new vega.View(vega.parse(toVega(spec)), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
