/**
 * Issue 13, section 5 (the server's part): uploads cannot take the server down. A chunked
 * upload is cut off at the limit while it streams, not read in full first; two files in one
 * upload are refused rather than one silently dropped. An upload is read in a worker thread:
 * readers are answered while it is read, and one that needs more than --import-memory gets a
 * JSON 413, changes nothing and leaves the server running; from the compiled bin too.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ACLED_HEADER, acledCsv, acledRow, declareSizes, ROOT, scratch, writeWorkbook, writeZip } from '../../test/testing.js';
import { smallAcledFile, testServer, type TestServer } from '../../test/server.js';

// Imports in this file make their temporary folders here, where nothing else does: the tests watch them.
process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'crisismap-security-uploads-'));

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

test('the body streams to disk as multipart: a mapping as a file or a field, a path-like name cut to its name, and JSON 400s for what is not multipart', async () => {
  const sheet = 'Date,Country,Deaths\n2022-07-01,Mali,3\n';
  const mapping = JSON.stringify({ dataset: 'newsroom', fields: { event_date: 'Date', country: 'Country', fatalities: 'Deaths' } });
  const asFile = new FormData();
  asFile.set('file', new Blob([sheet]), '../../etc/sheet.csv');
  asFile.set('mapping', new Blob([mapping]), 'mapping.json');
  const one = await server.json('/api/import', { method: 'POST', body: asFile, headers: auth });
  assert.equal(one.status, 200, JSON.stringify(one.body));
  assert.deepEqual([one.body.files[0].file, one.body.files[0].dataset, one.body.files[0].added], ['sheet.csv', 'newsroom', 1]);
  const asField = new FormData();
  asField.set('file', new Blob([sheet.replace('2022-07-01', '2022-07-02')]), 'sheet2.csv');
  asField.set('mapping', mapping);
  const two = await server.json('/api/import', { method: 'POST', body: asField, headers: auth });
  assert.deepEqual([two.status, two.body.files[0].dataset, two.body.files[0].added], [200, 'newsroom', 1]);

  const refused = async (body: string, type: string) => {
    const { status, body: answer } = await server.json('/api/import', { method: 'POST', body, headers: { ...auth, 'content-type': type } });
    return [status, answer.ok, answer.error.message];
  };
  assert.deepEqual(await refused(sheet, 'text/csv'), [400, false, 'the body is not multipart form data']);
  assert.deepEqual(await refused('--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc', 'multipart/form-data'), [400, false, 'the body is not multipart form data']);
  // A part cut off before its closing boundary: the file is incomplete.
  assert.deepEqual(await refused('--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc', 'multipart/form-data; boundary=x'), [
    400,
    false,
    'the body is not multipart form data',
  ]);
});

test('playwright-core and tsx are development dependencies', () => {
  const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8'));
  for (const name of ['playwright-core', 'tsx']) {
    assert.equal(pkg.dependencies[name], undefined, name);
    assert.ok(pkg.devDependencies[name], name);
  }
});

/** An ACLED API page of `n` events, about 1 KB each as JSON. */
function acledPage(n: number): Buffer {
  const columns = ACLED_HEADER.split(',');
  const row = acledRow({ notes: 'x'.repeat(300) });
  const values = row.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)!.map((v) => v.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
  const data = Array.from({ length: n }, (_, i) => Object.fromEntries(columns.map((c, k) => [c, c === 'event_id_cnty' ? `BIG${i}` : values[k]])));
  return Buffer.from(JSON.stringify({ status: 200, data }));
}

function form(name: string, content: Buffer | string): FormData {
  const body = new FormData();
  body.set('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return body;
}

/**
 * Whether a JSON upload is being parsed now: the reading step has made the folder for its
 * converted CSV (read.ts) and is parsing the page, so the CSV is not there yet. Parsing is one
 * synchronous JSON.parse: in the thread answering readers, nothing else could run meanwhile.
 */
function parsingJson(): boolean {
  for (const dir of readdirSync(tmpdir()).filter((n) => n.startsWith('crisismap-import-'))) {
    for (const sub of readdirSync(join(tmpdir(), dir), { withFileTypes: true })) {
      if (sub.isDirectory() && !existsSync(join(tmpdir(), dir, sub.name, 'converted.csv'))) return true;
    }
  }
  return false;
}

test('while a large upload is parsed, ordinary reads are answered, and answered right', async () => {
  const reading = await testServer([smallAcledFile()], { token: 'tok', cacheMb: 0 });
  try {
    const expected = (await reading.json('/api/count?country=Mali&by=year')).body;
    const niger = (await reading.json('/api/events?country=Niger')).body;
    let done = false;
    const upload = reading.json('/api/import', { method: 'POST', body: form('large.json', acledPage(25_000)), headers: auth }).finally(() => {
      done = true;
    });
    while (!done && !parsingJson()) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.ok(!done, 'the import answered before its page was ever seen being parsed: the parse held the thread answering readers');
    // Reads one after another; those sent and answered while the page was being parsed are counted.
    let duringParse = 0;
    const answers: unknown[] = [];
    while (!done) {
      const before = parsingJson();
      const mali = await reading.json('/api/count?country=Mali&by=year');
      const events = await reading.json('/api/events?country=Niger');
      assert.deepEqual([mali.status, events.status], [200, 200]);
      assert.deepEqual(events.body, niger);
      answers.push(mali.body);
      if (before && parsingJson()) {
        // Nothing is stored before the whole file is read.
        assert.deepEqual(mali.body, expected);
        duringParse++;
      }
    }
    const imported = await upload;
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.equal(imported.body.files[0].added, 25_000);
    assert.ok(duringParse > 0, `of ${answers.length} pairs of reads, none was answered while the page was parsed`);
    const after = (await reading.json('/api/count?country=Mali&by=year')).body;
    assert.equal(after.total.events, expected.total.events + 25_000);
    // Every answer is the store before the import or after it, never half of it.
    for (const answer of answers)
      assert.ok(
        [expected, after].some((whole) => JSON.stringify(whole) === JSON.stringify(answer)),
        JSON.stringify(answer),
      );
  } finally {
    await reading.close();
  }
});

test('an upload that needs more memory than --import-memory: JSON 413, nothing imported, the server goes on', async () => {
  const capped = await testServer([smallAcledFile()], { token: 'tok', maxUploadMb: 64, importMemoryMb: 32 });
  try {
    const before = (await capped.json('/api/info', { headers: auth })).body.events;
    // About 30 MB of JSON, held whole while it is read: several times that in objects.
    const { status, body } = await capped.json('/api/import', { method: 'POST', body: form('huge.json', acledPage(25_000)), headers: auth });
    assert.equal(status, 413);
    assert.deepEqual(body, {
      ok: false,
      error: {
        status: 413,
        message: 'huge.json: reading it needs more than the 32 MB of memory an upload may use',
        hints: ['nothing was imported', 'send it as CSV (a JSON page is held whole while it is read), start the server with a larger --import-memory (MB), or stop it and run crisismap import FILE'],
      },
    });
    assert.equal((await capped.json('/api/info', { headers: auth })).body.events, before);
    assert.equal((await capped.json('/api/count?country=Mali')).status, 200);
    assert.deepEqual(
      readdirSync(tmpdir()).filter((n) => n.startsWith('crisismap-import-') || n.startsWith('crisismap-upload-')),
      [],
      'no temporary folder is left',
    );
    // The next import is not held up by the failed one.
    const next = await capped.json('/api/import', { method: 'POST', body: form('next.csv', acledCsv([{ event_id_cnty: 'NEXT1' }])), headers: auth });
    assert.equal(next.status, 200, JSON.stringify(next.body));
    assert.equal((await capped.json('/api/info', { headers: auth })).body.events, before + 1);
  } finally {
    await capped.close();
  }
});

test('a zip or workbook that unpacks past --max-unpacked, or lies about its size: JSON 413 naming the limit, nothing imported', async () => {
  const capped = await testServer([smallAcledFile()], { token: 'tok', maxUploadMb: 4, maxUnpackedMb: 1 });
  try {
    const before = (await capped.json('/api/info', { headers: auth })).body.events;
    const csv = acledCsv([{ event_id_cnty: 'Z1' }]) + ' '.repeat(300_000);
    // Declares 2 MB: refused from the central directory, before a byte is inflated.
    const declared = declareSizes(await writeZip(join(scratch(), 'declared.zip'), { 'data.csv': csv }), 2 * 2 ** 20);
    // Declares 1,000 bytes and inflates to 300 KB: stopped at byte 1,001.
    const lying = declareSizes(await writeZip(join(scratch(), 'lying.zip'), { 'data.csv': csv }), 1000);
    const book = declareSizes(
      await writeWorkbook(join(scratch(), 'lying.xlsx'), [
        ['event_id_cnty', 'event_date', 'actor1', 'country'],
        ['Z2', '2022-01-01', 'A', 'Mali'],
      ]),
      10,
      'xl/worksheets/sheet1.xml',
    );
    const answers = [];
    for (const path of [declared, lying, book]) {
      const { status, body } = await capped.json('/api/import', { method: 'POST', body: form(basename(path), readFileSync(path)), headers: auth });
      assert.equal(status, 413, JSON.stringify(body));
      answers.push(body.error.message);
      assert.match(body.error.hints[0], /^nothing was imported: an upload may unpack to at most 1\.0 MB/);
    }
    assert.deepEqual(answers, [
      'declared.zip: unpacks to 2.0 MB, more than the limit of 1.0 MB',
      'lying.zip: data.csv declares 1000 bytes but unpacks to more: the archive lies about its size (the limit is 1.0 MB)',
      'lying.xlsx: xl/worksheets/sheet1.xml declares 10 bytes but unpacks to more: the archive lies about its size (the limit is 1.0 MB)',
    ]);
    assert.equal((await capped.json('/api/info', { headers: auth })).body.events, before);
  } finally {
    await capped.close();
  }
});

test('the compiled server (bin/crisismap.js serve) reads uploads in its worker too: a workbook imports, past the cap a 413', async () => {
  const folder = scratch();
  const child = spawn(process.execPath, [join(ROOT, 'bin/crisismap.js'), 'serve', '--db', join(folder, 'bin.duckdb'), '--port', '0', '--import-memory', '32'], {
    env: { ...process.env, CRISISMAP_TOKEN: 'tok' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (t) => {
    err += t;
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (t) => {
        out += t;
        const found = / at (http:\S+)/.exec(out);
        if (found) resolve(found[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
    });
    const post = async (body: FormData) => {
      const response = await fetch(new URL('/api/import', url), { method: 'POST', body, headers: auth });
      return { status: response.status, body: await response.json() };
    };
    const workbook = readFileSync(
      await writeWorkbook(join(folder, 'three.xlsx'), [
        ['event_id_cnty', 'event_date', 'year', 'country', 'fatalities', 'event_type', 'actor1', 'latitude', 'longitude', 'timestamp'],
        ...[1, 2, 3].map((i) => [`B${i}`, '2022-03-27', 2022, 'Mali', i, 'Battles', 'Wagner Group', 14.1, -4.4, 1650000000]),
      ]),
    );
    const ok = await post(form('three.xlsx', workbook));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual([ok.body.files[0].added, ok.body.files[0].encoding], [3, 'utf-8 (XLSX)']);
    const huge = await post(form('huge.json', acledPage(25_000)));
    assert.equal(huge.status, 413, JSON.stringify(huge.body));
    assert.equal(huge.body.error.message, 'huge.json: reading it needs more than the 32 MB of memory an upload may use');
    const count = await (await fetch(new URL('/api/count?country=Mali', url))).json();
    assert.deepEqual(count.total, { events: 3, fatalities: 6 });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
  }
});
