/**
 * Issue 13, section 6: headers and disclosure. The dashboard has a strict CSP with
 * frame-ancestors (its Chromium tests fail on any violation: src/web/probe.ts); a 401 says
 * how to authenticate, a 405 what is allowed; other methods on the dashboard's files and on
 * the chart routes are 405, not 404; the store's full path goes to token holders only.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { smallAcledFile, testServer, type TestServer } from '../../test/server.js';

let server: TestServer;
before(async () => {
  server = await testServer([smallAcledFile()], { token: 'tok' });
});
after(() => server?.close());

test('the dashboard comes with a strict Content-Security-Policy that no other site may frame', async () => {
  for (const path of ['/', '/index.html']) {
    const response = await server.get(path);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "connect-src 'self'"]) {
      assert.ok(csp.split('; ').includes(directive), `${path}: ${directive} in ${csp}`);
    }
    assert.doesNotMatch(csp, /script-src[^;]*'unsafe-(inline|eval)'/);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    await response.arrayBuffer();
  }
  // Scripts and styles are files, not pages: no policy needed on them.
  assert.equal((await server.get('/app.js')).headers.get('content-security-policy'), null);
});

test('401 answers carry WWW-Authenticate', async () => {
  const form = () => {
    const f = new FormData();
    f.set('file', new Blob(['x']), 'x.csv');
    return f;
  };
  for (const headers of [{}, { authorization: 'Bearer wrong' }] as Array<Record<string, string>>) {
    const response = await server.get('/api/import', { method: 'POST', body: form(), headers });
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="crisismap"');
    await response.arrayBuffer();
  }
});

test('other methods on the dashboard, its files, the chart routes and the API: 405 with Allow, in the error shape', async () => {
  const cases: Array<[string, string, string]> = [
    ['POST', '/', 'GET, HEAD'],
    ['DELETE', '/index.html', 'GET, HEAD'],
    ['PUT', '/app.js', 'GET, HEAD'],
    ['POST', '/vendor/maplibre-gl.js', 'GET, HEAD'],
    ['POST', '/api/chart/bar.svg', 'GET, HEAD'],
    ['DELETE', '/api/chart/bar.png', 'GET, HEAD'],
    ['PUT', '/api/map.png', 'GET, HEAD'],
    ['DELETE', '/api/events', 'GET, HEAD'],
    ['PATCH', '/api/openapi.json', 'GET, HEAD'],
    ['GET', '/api/import', 'POST'],
    ['PUT', '/api/import', 'POST'],
  ];
  for (const [method, path, allow] of cases) {
    const response = await server.get(path, { method });
    const text = await response.text();
    assert.equal(response.status, 405, `${method} ${path}: ${text}`);
    assert.equal(response.headers.get('allow'), allow, `${method} ${path}`);
    const body = JSON.parse(text);
    assert.equal(body.error.message, `${method} is not taken by ${path}`);
  }
  // What does not exist stays a 404.
  assert.equal((await server.get('/nothing-here.js', { method: 'POST' })).status, 404);
  assert.equal((await server.get('/api/nothing', { method: 'POST' })).status, 404);
});

test('/api/info names the store file to anyone, its full path only to token holders', async () => {
  const anyone = await server.json('/api/info');
  assert.equal(anyone.body.store, basename(server.store.path));
  const wrong = await server.json('/api/info', { headers: { authorization: 'Bearer nope' } });
  assert.equal(wrong.body.store, basename(server.store.path));
  const holder = await server.json('/api/info', { headers: { authorization: 'Bearer tok' } });
  assert.equal(holder.body.store, server.store.path);
  // Asked again by anyone, the cached answer is still the short one.
  assert.equal((await server.json('/api/info')).body.store, basename(server.store.path));
});

test('import answers name the uploaded file, never the temporary folder it was put in', async () => {
  const form = new FormData();
  form.set('file', new Blob(['a,b\n1,2\n']), 'mystery.csv');
  const failed = await server.json('/api/import', { method: 'POST', body: form, headers: { authorization: 'Bearer tok' } });
  assert.equal(failed.status, 422);
  assert.doesNotMatch(JSON.stringify(failed.body), /crisismap-upload-|\/tmp\//);
});
