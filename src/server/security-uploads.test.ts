/**
 * Issue 13, section 5 (the server's part): uploads cannot take the server down. A chunked
 * upload is cut off at the limit while it streams, not read in full first; two files in one
 * upload are refused rather than one silently dropped.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROOT } from '../../test/testing.js';
import { smallAcledFile, testServer, type TestServer } from '../../test/server.js';

let server: TestServer;
before(async () => {
  server = await testServer([], { token: 'tok', maxUploadMb: 1 });
});
after(() => server?.close());

const auth = { authorization: 'Bearer tok' };

test('a chunked upload is cut off at the limit as it streams: 413 long before the client has sent it all', async () => {
  const chunk = new Uint8Array(64 * 1024).fill(97);
  const total = 200 * 2 ** 20;
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  // No Content-Length: fetch sends a stream chunked.
  const response = await fetch(new URL('/api/import', server.url), {
    method: 'POST',
    body,
    headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x' },
    duplex: 'half',
  } as RequestInit).catch((error: Error) => error);
  if (response instanceof Error) {
    // The server may close the connection before fetch reads the answer; what matters is how much it took.
    assert.ok(sent < 20 * 2 ** 20, `the client sent ${sent} bytes`);
    return;
  }
  assert.equal(response.status, 413);
  const answer = await response.json();
  assert.match(answer.error.message, /^the upload is larger than 1 MB$/);
  assert.equal(response.headers.get('connection'), 'close');
  assert.ok(sent < 20 * 2 ** 20, `the client had sent ${(sent / 2 ** 20).toFixed(1)} MB of 200 when answered`);
});

test('two "file" fields in one upload are refused, and nothing is imported', async () => {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(smallAcledFile())]), 'a.csv');
  form.append('file', new Blob([readFileSync(smallAcledFile())]), 'b.csv');
  const { status, body } = await server.json('/api/import', { method: 'POST', body: form, headers: auth });
  assert.equal(status, 400);
  assert.equal(body.error.message, '2 "file" fields in one upload: send one per request');
  assert.equal((await server.json('/api/info', { headers: auth })).body.events, 0);
  // One file is imported as before.
  const one = new FormData();
  one.set('file', new Blob([readFileSync(smallAcledFile())]), 'a.csv');
  const imported = await server.json('/api/import', { method: 'POST', body: one, headers: auth });
  assert.equal(imported.status, 200, JSON.stringify(imported.body));
  assert.equal(imported.body.files[0].file, 'a.csv');
});

test('playwright-core and tsx are development dependencies', () => {
  const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8'));
  for (const name of ['playwright-core', 'tsx']) {
    assert.equal(pkg.dependencies[name], undefined, name);
    assert.ok(pkg.devDependencies[name], name);
  }
});
