/**
 * SVG snapshots for the render tests, compared after normalising what may change without
 * changing the picture: numbers rounded to one decimal, ids renumbered in order of use.
 * A missing snapshot is written (commit it); a different one fails the test and is written
 * beside it as NAME-changed.svg, to open and compare.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

/** Beside the render tests that compare against them. */
const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'render', '__snapshots__');

export function normalizeSvg(svg: string): string {
  const ids = new Map<string, string>();
  const id = (name: string) => {
    if (!ids.has(name)) ids.set(name, `id${ids.size + 1}`);
    return ids.get(name)!;
  };
  return svg
    .replace(/\bid="([^"]+)"/g, (_, name: string) => `id="${id(name)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, name: string) => `url(#${id(name)})`)
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, '>\n<');
}

export function assertSnapshot(name: string, svg: string): void {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, `${name}.svg`);
  const changed = join(DIR, `${name}-changed.svg`);
  const actual = normalizeSvg(svg);
  if (!existsSync(path)) {
    writeFileSync(path, actual);
    process.stderr.write(`snapshot written: ${path} — look at it, then commit it\n`);
    return;
  }
  if (readFileSync(path, 'utf8') === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  assert.fail(`${name}.svg differs from its snapshot: compare ${changed} with ${path}; if the change is right, move it over the snapshot`);
}
