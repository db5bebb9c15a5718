/**
 * The dashboard's files: src/web/public at /, and MapLibre from node_modules at /vendor/ —
 * nothing is fetched from the network. Not part of the API (nor of its OpenAPI document).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { ApiError, notAllowed } from '../errors.js';
import { escapeHtml, PAGE_CSP } from '../docs-page.js';

/**
 * Where the dashboard's files live (index.html, JS, CSS): web/public beside this module's
 * stage, so src/web/public when run from the sources and dist/web/public (copied by the build)
 * when run from the build.
 */
export const PUBLIC_DIR = fileURLToPath(new URL('../../web/public', import.meta.url));
const MAPLIBRE_DIR = join(dirname(createRequire(import.meta.url).resolve('maplibre-gl/package.json')), 'dist');

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * MapLibre 6 ships as an ES module that loads its worker from beside itself
 * (./maplibre-gl-worker.mjs): both are served from /vendor/, the module also as
 * maplibre-gl.js, the name the dashboard imports.
 */
const VENDOR: Record<string, string> = {
  'maplibre-gl.js': 'maplibre-gl.mjs',
  'maplibre-gl.mjs': 'maplibre-gl.mjs',
  'maplibre-gl-worker.mjs': 'maplibre-gl-worker.mjs',
  'maplibre-gl.css': 'maplibre-gl.css',
};

/**
 * The dashboard's policy: scripts, styles, the map's worker and every fetch from this server
 * only; no inline script, no eval, no plugin, no other site may frame it (clickjacking).
 * Images and workers may be blob:/data: URLs (MapLibre makes them; downloads are blobs).
 * Style attributes stay allowed ('unsafe-inline' in style-src only): the panels' markup and
 * MapLibre set them, and a style cannot run script. The dashboard's Chromium tests fail on
 * any violation of this policy (src/web/probe.ts).
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of every HTML page served from the public folder. */
const PAGE_HEADERS = { 'Content-Security-Policy': DASHBOARD_CSP, 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'no-referrer' };

export function staticRoutes(app: Hono, publicDir = PUBLIC_DIR): void {
  // Read once: they change only with npm install.
  const vendor = new Map<string, Buffer>();
  app.get('/vendor/:name', (c) => {
    const name = c.req.param('name');
    const file = VENDOR[name];
    if (!file)
      throw new ApiError(404, `no vendor file "${name}"`, [
        `served: ${Object.keys(VENDOR)
          .map((n) => `/vendor/${n}`)
          .join(', ')}`,
      ]);
    let body = vendor.get(file);
    if (!body) vendor.set(file, (body = readFileSync(join(MAPLIBRE_DIR, file))));
    return c.body(new Uint8Array(body), 200, { 'Content-Type': CONTENT_TYPES[extname(file)]!, 'Cache-Control': 'public, max-age=86400' });
  });
  app.all('/vendor/:name', (c) => {
    if (!VENDOR[c.req.param('name')]) throw new ApiError(404, `no vendor file "${c.req.param('name')}"`);
    throw notAllowed(c.req.method, c.req.path, 'GET, HEAD');
  });

  app.get('/*', async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/')) return next();
    if (!existsSync(publicDir)) {
      if (path === '/' || path === '/index.html') return c.body(missingDashboard(publicDir), 200, { 'Content-Type': CONTENT_TYPES['.html']!, 'Content-Security-Policy': PAGE_CSP });
      return next();
    }
    const file = publicFile(publicDir, path);
    if (!file) return next();
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return c.body(new Uint8Array(await readFile(file)), 200, {
      'Content-Type': type,
      // Local files that change while the dashboard is written: always ask again.
      'Cache-Control': 'no-cache',
      ...(type.startsWith('text/html') ? PAGE_HEADERS : {}),
    });
  });
  // Other methods on what GET serves: 405, not 404.
  app.all('/*', (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/')) return next();
    const served = existsSync(publicDir) ? publicFile(publicDir, path) : path === '/' || path === '/index.html';
    if (!served) return next();
    throw notAllowed(c.req.method, path, 'GET, HEAD');
  });
}

/** The file a URL path names inside the public folder, or undefined: never outside it, never a dotfile. */
export function publicFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.'))) return undefined;
  let file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function missingDashboard(publicDir: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>crisismap</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style></head><body>
<h1>crisismap</h1>
<p>The dashboard is not here yet: its files go in <code>${escapeHtml(basename(publicDir))}</code>, in the folder the server was started with.</p>
<p>The API works: see <a href="/api/docs">/api/docs</a>, or try <a href="/api/info">/api/info</a> and
<a href="/api/count?by=year">/api/count?by=year</a>.</p>
</body></html>
`;
}
