/**
 * Text encodings as files really come: UTF-8, Latin-1, Windows-1252 (Excel on Windows, ACLED's
 * older CSVs) and files that mix valid and invalid UTF-8. Each is read correctly and named in
 * the report; none crashes the import.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFiles } from './import.js';
import { listEvents } from '../query/events.js';
import { acledCsv, memoryStore, writeScratch } from '../../test/testing.js';

async function importBytes(content: Buffer, options = {}) {
  const store = await memoryStore();
  const [report] = await importFiles(store, [writeScratch('file.csv', content)], options);
  const events = (await listEvents(store, {}, { fields: ['source_id', 'location', 'notes', 'actor1'] })).events;
  return { report: report!, events };
}

test('a UTF-8 file is read as UTF-8 and the report says so', async () => {
  const { report, events } = await importBytes(Buffer.from(acledCsv([{ location: 'Ségou', notes: 'l’armée — “Wagner”' }])));
  assert.equal(report.encoding, 'utf-8');
  assert.deepEqual([events[0]!.location, events[0]!.notes], ['Ségou', 'l’armée — “Wagner”']);
});

test('Windows-1252 text (’ “ ” – in bytes 0x80–0x9F) is read as Windows-1252', async () => {
  const text = acledCsv([{ location: 'Ségou', notes: 'l’armée a dit: “non” – fin' }]);
  const { report, events } = await importBytes(windows1252(text));
  assert.equal(report.encoding, 'windows-1252');
  assert.equal(report.added, 1);
  assert.deepEqual([events[0]!.location, events[0]!.notes], ['Ségou', 'l’armée a dit: “non” – fin']);
});

test('Latin-1 text without Windows-1252 punctuation is named latin-1', async () => {
  const { report, events } = await importBytes(Buffer.from(acledCsv([{ location: 'Ségou' }]), 'latin1'));
  assert.equal(report.encoding, 'latin-1');
  assert.equal(events[0]!.location, 'Ségou');
});

test('a file mixing valid UTF-8 lines with Windows-1252 lines reads each line in its own encoding, and says which', async () => {
  const utf8 = Buffer.from(acledCsv([{ event_id_cnty: 'MLI1', location: 'Ségou' }]));
  const legacy = windows1252(acledCsv([{ event_id_cnty: 'MLI2', location: 'Mopti', notes: 'l’armée' }]).split('\n')[1]! + '\n');
  const { report, events } = await importBytes(Buffer.concat([utf8, legacy]), { skipInvalid: true });
  assert.match(report.encoding, /^mixed: UTF-8, with 1 line in Windows-1252 \(the first is line 3\)$/);
  assert.equal(report.added, 2);
  const byId = Object.fromEntries(events.map((e) => [e.source_id, e]));
  assert.equal(byId.MLI1!.location, 'Ségou');
  assert.equal(byId.MLI2!.notes, 'l’armée');
});

test('control characters are removed from text at import, and the report names the first row', async () => {
  const { report, events } = await importBytes(Buffer.from(acledCsv([{ event_id_cnty: 'MLI1', actor1: 'Wagner\u0001 Group\u001b', notes: 'line one\nline\ttwo\u0000' }, { event_id_cnty: 'MLI2' }])));
  assert.equal(report.added, 2);
  const e = events.find((x) => x.source_id === 'MLI1')!;
  assert.equal(e.actor1, 'Wagner Group');
  // Notes keep their tabs and line breaks.
  assert.equal(e.notes, 'line one\nline\ttwo');
  assert.match(report.warnings.join('\n'), /control characters removed .* in 1 row; the first is .*file\.csv:2 \(actor1, notes\)/);
});

test('a tab or line break inside a name becomes a space', async () => {
  const { events } = await importBytes(Buffer.from(acledCsv([{ actor1: 'Military Forces\nof Mali\t(2021-)' }])));
  assert.equal(events[0]!.actor1, 'Military Forces of Mali (2021-)');
});

function windows1252(text: string): Buffer {
  const table: Record<string, number> = { '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '‘': 0x91 };
  return Buffer.from([...text].map((ch) => table[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f)));
}
