/**
 * Vega and the Vega-Lite compiler, as render/vega.ts imports them. Together they are about
 * 450 modules, and loading them one by one was a third of a whole `crisismap chart`: the
 * build (scripts/build.mjs, BUNDLED) replaces this file's output with them bundled into one
 * file (and so does the test run, scripts/test.mjs). Run from source (tsx), it is a plain
 * re-export.
 */
export * as vega from 'vega';
export { compile } from 'vega-lite';
