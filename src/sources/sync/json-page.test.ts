/**
 * Reading a page from its bytes gives exactly what JSON.parse and encodePage give, for the
 * answers the APIs send and for every irregular or broken one; and a broken answer is an error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acledEvent, gedEvent } from '../../../test/sync-servers.js';
import { BadBody } from './http.js';
import { readJsonPage } from './json-page.js';
import { encodePage } from './staging.js';

/** The plain way: the whole answer parsed, its list encoded. */
function plain(text: string, key: string) {
  const envelope = JSON.parse(text.replace(/^\uFEFF/, ''));
  const list = envelope?.[key];
  if (!Array.isArray(list)) return { rows: 'absent' };
  if (list.some((x) => typeof x !== 'object' || x === null || Array.isArray(x))) return { rows: 'not objects' };
  return { rows: encodePage(list) };
}

function same(text: string | Buffer, key = 'data'): void {
  const body = typeof text === 'string' ? Buffer.from(text) : text;
  const got = readJsonPage(body, key);
  const want = plain(body.toString('utf8'), key);
  if (typeof want.rows === 'string') {
    assert.equal(got.rows, want.rows);
    return;
  }
  assert.ok(typeof got.rows === 'object');
  assert.deepEqual({ ...got.rows, csv: got.rows.csv.toString('utf8') }, { ...want.rows, csv: want.rows.csv.toString('utf8') });
}

const acledPage = (items: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ status: 200, success: true, count: items.length, ...extra, data: items });

test('an ACLED page and a UCDP page read as JSON.parse and encodePage read them; the rest of the answer is there', () => {
  const events = Array.from({ length: 50 }, (_, i) => acledEvent(i, { timestamp: String(1700000000 + i) }));
  same(acledPage(events, { total_count: 50 }));
  const got = readJsonPage(Buffer.from(acledPage(events, { total_count: 50 })), 'data');
  assert.equal((got.envelope as { total_count: number }).total_count, 50);
  assert.equal(typeof got.rows === 'object' && got.rows.newest, 1700000049);
  // Numbers, booleans and nulls, as UCDP sends them; the list first in the answer.
  const ged = Array.from({ length: 30 }, (_, i) => gedEvent(i, 2024, { latitude: 14.25 + i, gwnob: null, active_year: i % 2 === 0 }));
  same(JSON.stringify({ Result: ged, TotalCount: 30, TotalPages: 1 }), 'Result');
  same(JSON.stringify({ TotalCount: 30, TotalPages: 1, NextPageUrl: 'https://x/?a=[1]&b={2}', Result: ged }, null, 2), 'Result');
});

test('escapes, commas, quotes, line breaks, tabs and numbers written as JSON may write them', () => {
  same(acledPage([{ a: 'x,y', b: 'say "hi"', c: 'two\nlines', d: 'tab\there', e: '\u00e9\ud83d\ude00 é', timestamp: '17' }]));
  same('{"data":[{"a":"\\u00e9\\/\\b\\f\\r","n":1.50,"m":-0,"e":1E+2,"f":1e400,"g":0.1e-2,"t":true,"u":false,"v":null,"timestamp":12}]}');
  same('{"data":[{"a":"x\\/y\\\\z","b":"q\\"uote","c":"c,\\\\","timestamp":"1\\/2"}]}');
  same('\uFEFF{"data":[{"a":"1"},{"a":"2"}],"success":true}');
  same('{"data":[]}');
  // Deletions: the newest deleted_timestamp; a null timestamp falls back to it, as encodePage reads it.
  same('{"data":[{"event_id_cnty":"A1","deleted_timestamp":"1700000009"},{"event_id_cnty":"A2","deleted_timestamp":1700000001}]}');
  same('{"data":[{"timestamp":null,"deleted_timestamp":"5"},{"timestamp":"","deleted_timestamp":"9"}]}');
});

test('irregular lists read as the plain way reads them', () => {
  same('{"data":[{"a":"1","b":"2"},{"b":"3","a":"4"}]}'); // keys in another order
  same('{"data":[{"a":"1","b":"2"},{"a":"3"}]}'); // a key missing
  same('{"data":[{"a":"1"},{"a":"3","c":"new"}]}'); // a new key
  same('{"data":[{"a":"1","n":{"x":1}}]}'); // a nested object
  same('{"data":[{"a":[1,2]}]}'); // a nested list (joined, as csvField joins them)
  same('{"data":[{"a\\u0062":"1"}]}'); // an escaped key
  same('{"data":[{"a":"1","a":"2"}]}'); // a repeated key
  same('{"data":[{"a":"1"}],"data":[{"b":"2"}]}'); // a repeated list: the last counts
  same('{"data":[{}]}');
  same(Buffer.concat([Buffer.from('{"data":[{"a":"'), Buffer.from([0xff, 0x41]), Buffer.from('"}]}')])); // not UTF-8: replaced
  same('{"data":[{"a":"1"},2]}'); // not objects
  same('{"data":{"a":"1"}}'); // not a list
  same('{"status":500,"success":false}'); // no list
  same('[{"data":[]}]');
});

test('an answer that is not whole JSON is a BadBody, however it breaks', () => {
  const good = acledPage(Array.from({ length: 3 }, (_, i) => acledEvent(i)));
  const broken = [
    good.slice(0, good.length / 2),
    good.slice(0, -1),
    `${good}x`,
    '{"data":[{"a":"1"}]',
    '{"data":[{"a":"1",}]}',
    '{"data":[{"a":"1"},]}',
    '{"data":[{"a":01}]}',
    '{"data":[{"a":1.}]}',
    '{"data":[{"a":tru}]}',
    '{"data":[{"a":"\\x"}]}',
    '{"data":[{"a":"raw\nbreak"}]}',
    '{"data":[{"a":"1"}],"count":}',
    '',
  ];
  for (const text of broken)
    assert.throws(
      () => readJsonPage(Buffer.from(text), 'data'),
      (e: Error) => e instanceof BadBody && /^not whole JSON \(/.test(e.message),
      text,
    );
});

test('a page notes spaces beyond ASCII, raw or escaped, so that the import trims them; a plain page does not', () => {
  const noted = (text: string) => {
    same(text);
    const rows = readJsonPage(Buffer.from(text), 'data').rows;
    assert.ok(typeof rows === 'object');
    return rows.text.unusualSpaces;
  };
  assert.equal(noted(acledPage([{ longitude: '\u00a027.56061', notes: 'l’armée', timestamp: '1' }])), true);
  assert.equal(noted('{"data":[{"longitude":"\\u202f27.5","timestamp":1}]}'), true);
  assert.equal(noted('{"data":[{"notes":"a\\rb","timestamp":1}]}'), true);
  assert.equal(noted(acledPage([{ location: 'Ségou', notes: 'l’armée — “Wagner”', timestamp: '1' }])), false);
});
