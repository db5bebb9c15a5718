/** The dashboard's files and MapLibre, served with their content types, from nowhere else. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch } from '../../test/testing.js';
import { publicFile } from './routes/static.js';
import { smallAcledFile, testServer, type TestServer } from '../../test/server.js';

let publicDir: string;
let server: TestServer;
before(async () => {
  publicDir = join(scratch(), 'public');
  mkdirSync(join(publicDir, 'panels'), { recursive: true });
  writeFileSync(join(publicDir, 'index.html'), '<!doctype html><title>dashboard</title>');
  writeFileSync(join(publicDir, 'app.js'), 'export const x = 1;');
  writeFileSync(join(publicDir, 'panels', 'map.js'), '// map');
  writeFileSync(join(publicDir, 'style.css'), 'body{}');
  writeFileSync(join(publicDir, '.env'), 'SECRET=1');
  server = await testServer([smallAcledFile()], { publicDir });
});
after(() => server?.close());

test('the dashboard folder is served at /, each file with its content type', async () => {
  for (const [path, type, body] of [
    ['/', 'text/html; charset=utf-8', '<!doctype html><title>dashboard</title>'],
    ['/app.js', 'text/javascript; charset=utf-8', 'export const x = 1;'],
    ['/panels/map.js', 'text/javascript; charset=utf-8', '// map'],
    ['/style.css', 'text/css; charset=utf-8', 'body{}'],
  ]) {
    const response = await server.get(path!);
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get('content-type'), type, path);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await response.text(), body, path);
  }
});

test('nothing outside the folder, and no dotfile, is ever served', async () => {
  for (const path of ['/.env', '/../package.json', '/%2e%2e/package.json', '/panels/..%2f..%2fpackage.json', '/nothing.js']) {
    const response = await server.get(path);
    assert.equal(response.status, 404, path);
    assert.equal((await response.json()).ok, false);
  }
  assert.equal(publicFile(publicDir, '/../../etc/passwd'), undefined);
  assert.equal(publicFile(publicDir, '/%00.js'), undefined);
  assert.equal(publicFile(publicDir, '/panels/'), undefined);
  assert.equal(publicFile(publicDir, '/panels/map.js'), join(publicDir, 'panels', 'map.js'));
});

test('MapLibre comes from node_modules at /vendor/, its worker beside it', async () => {
  for (const [name, type] of [
    ['maplibre-gl.js', 'text/javascript'],
    ['maplibre-gl.mjs', 'text/javascript'],
    ['maplibre-gl-worker.mjs', 'text/javascript'],
    ['maplibre-gl.css', 'text/css'],
  ]) {
    const response = await server.get(`/vendor/${name}`);
    assert.equal(response.status, 200, name);
    assert.equal(response.headers.get('content-type'), `${type}; charset=utf-8`, name);
    assert.ok((await response.arrayBuffer()).byteLength > 10_000, name);
  }
});

test('without the dashboard folder, / says where it goes and where the API is', async () => {
  const bare = await testServer([smallAcledFile()], { publicDir: join(scratch(), 'absent') });
  try {
    const response = await bare.get('/');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy')!, /default-src 'none'/);
    const page = await response.text();
    assert.match(page, /The dashboard is not here yet/);
    assert.match(page, /href="\/api\/docs"/);
    assert.equal((await bare.get('/app.js')).status, 404);
  } finally {
    await bare.close();
  }
});
