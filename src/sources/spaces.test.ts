/**
 * Which files need more than ASCII spaces trimmed: the scan that reads every byte anyway
 * (encoding.ts) notices the other spaces, so that a file without any takes the cheap trimming.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanText } from './encoding.js';
import { holdsUnusualSpace, SPACES, UNUSUAL_SPACE } from './spaces.js';
import { writeScratch } from '../../test/testing.js';

const scan = (content: string | Buffer) => {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return scanText(writeScratch('spaces.csv', bytes), bytes.length);
};

test('every space beyond ASCII is noticed, wherever it sits in the file', () => {
  for (const space of [...SPACES].filter((c) => c > '\u007f')) {
    assert.equal(scan(`a,b\n1,x${space}y\n`).unusualSpaces, true, `U+${space.charCodeAt(0).toString(16)}`);
  }
});

test('accents, curly quotes, dashes and a byte order mark opening the file are not spaces', () => {
  const text = 'location,notes\r\nSégou,"l’armée — “Wagner” €"\r\n';
  assert.equal(scan(text).unusualSpaces, false);
  assert.equal(scan(`\ufeff${text}`).unusualSpaces, false);
  assert.equal(scan(`${text}\ufeffx,y\r\n`).unusualSpaces, true);
});

test('a carriage return that ends no line is noticed; CRLF line ends are not', () => {
  assert.equal(scan('a,b\r\n1,2\r\n').unusualSpaces, false);
  assert.equal(scan('a,b\n1,"2\r"\n').unusualSpaces, true);
});

test('a file that is not UTF-8 is always said to need them (Latin-1 writes a no-break space as one byte)', () => {
  assert.equal(scan(Buffer.from('a,b\n1,caf\xe9\n', 'latin1')).unusualSpaces, true);
});

test("bytes written elsewhere (a sync's pages) and JavaScript text are judged as the scan judges a file", () => {
  for (const text of ['a,b\n1,x\u00a0y\n', 'a,b\n1,x\u3000\n', 'a,b\r\n1,2\r\n', 'a,b\n1,"2\r"\n', 'location,notes\nSégou,"l’armée — “Wagner” €"\n', 'a\n\u2009\n']) {
    const expected = scan(text).unusualSpaces;
    assert.equal(holdsUnusualSpace(Buffer.from(text, 'utf8')), expected, JSON.stringify(text));
    assert.equal(UNUSUAL_SPACE.test(text), expected, JSON.stringify(text));
  }
});
