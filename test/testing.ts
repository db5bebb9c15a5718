/** Helpers for the tests: a fresh store, scratch files, and where the shared real data lives. */
import { createWriteStream, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import yazl from 'yazl';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from '../src/store/store.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DATA = resolve(ROOT, '../shared/data');
export const HAS_SHARED = existsSync(SHARED_DATA);
/** Pass as a test's `skip` option: the runner then reports the test as skipped, with this reason. */
export const NEEDS_SHARED: false | string = HAS_SHARED ? false : `../shared/data is absent: tests on real files skipped`;
if (!HAS_SHARED) process.stderr.write(`WARNING: ${NEEDS_SHARED}\n`);

export const shared = (...parts: string[]) => join(SHARED_DATA, ...parts);

export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'crisismap-test-'));
}

export function writeScratch(name: string, content: string | Buffer): string {
  const path = join(scratch(), name);
  writeFileSync(path, content);
  return path;
}

export async function memoryStore(): Promise<Store> {
  return Store.open(':memory:');
}

export const ACLED_HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

/** One row of ACLED's current layout; override any column by name. */
export function acledRow(overrides: Record<string, string | number> = {}): string {
  const base: Record<string, string | number> = {
    event_id_cnty: 'MLI9001',
    event_date: '2022-03-27',
    year: 2022,
    time_precision: 1,
    disorder_type: 'Political violence',
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: 'Military Forces of Mali (2021-)',
    assoc_actor_1: 'Wagner Group',
    inter1: 1,
    actor2: 'JNIM: Group for Support of Islam and Muslims',
    assoc_actor_2: '',
    inter2: 2,
    interaction: 12,
    civilian_targeting: '',
    iso: 466,
    region: 'Western Africa',
    country: 'Mali',
    admin1: 'Mopti',
    admin2: 'Djenne',
    admin3: 'Sofara',
    location: 'Moura',
    latitude: 14.1303,
    longitude: -4.4714,
    geo_precision: 1,
    source: 'Test source',
    source_scale: 'National',
    notes: 'On 27 March 2022, a test event, with a comma and "quotes".',
    fatalities: 3,
    tags: '',
    timestamp: 1650000000,
  };
  const row = { ...base, ...overrides };
  return ACLED_HEADER.split(',')
    .map((c) => {
      const v = String(row[c] ?? '');
      return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
}

export function acledCsv(rows: Array<Record<string, string | number>>, lineEnd = '\n'): string {
  return [ACLED_HEADER, ...rows.map(acledRow)].join(lineEnd) + lineEnd;
}

/** Writes a zip archive holding the given files (name → content). */
export async function writeZip(path: string, files: Record<string, string | Buffer>): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const out = createWriteStream(path);
  zip.outputStream.pipe(out);
  await once(out, 'finish');
  return path;
}

/**
 * Makes a zip lie: the uncompressed size of every member (or of the one named) in the central
 * directory, which readers trust before they inflate, is rewritten to `declared` bytes. The
 * data is left as it was.
 */
export function declareSizes(path: string, declared: number, member?: string): string {
  const bytes = readFileSync(path);
  // Central directory file headers: signature PK\x01\x02, the uncompressed size at offset 24,
  // the name's length at 28 and the name at 46.
  for (let at = bytes.indexOf(CENTRAL_HEADER); at >= 0; at = bytes.indexOf(CENTRAL_HEADER, at + 4)) {
    const name = bytes.toString('utf8', at + 46, at + 46 + bytes.readUInt16LE(at + 28));
    if (member === undefined || name === member) bytes.writeUInt32LE(declared, at + 24);
  }
  writeFileSync(path, bytes);
  return path;
}
const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A minimal XLSX workbook, as Excel writes one: strings shared (every other one inline, to cover
 * both), numbers as numbers, and Date cells as day serials with a date style.
 * Several sheets (`{name: rows}`) are written in that order.
 */
type Cells = Array<Array<string | number | Date | null>>;

export async function writeWorkbook(path: string, rows: Cells | Record<string, Cells>, more: Record<string, string | Buffer> = {}): Promise<string> {
  const sheets = Array.isArray(rows) ? { Data: rows } : rows;
  const shared: string[] = [];
  const letters = (i: number) => {
    let s = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const sheetXml = (cells: Cells) =>
    cells
      .map(
        (row, r) =>
          `<row r="${r + 1}">${row
            .map((v, c) => {
              const ref = `${letters(c)}${r + 1}`;
              if (v === null || v === '') return '';
              if (v instanceof Date) return `<c r="${ref}" s="1"><v>${v.getTime() / 86_400_000 + 25569}</v></c>`;
              if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
              if ((r + c) % 2) return `<c r="${ref}" t="inlineStr"><is><t>${xml(v)}</t></is></c>`;
              shared.push(v);
              return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
            })
            .join('')}</row>`,
      )
      .join('');
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const names = Object.keys(sheets);
  const parts: Record<string, string> = {};
  names.forEach((name, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${sheetXml(sheets[name]!)}</sheetData></worksheet>`;
  });
  return writeZip(path, {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((name, i) => `<sheet name="${xml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${ns}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${shared.length}">${shared.map((t) => `<si><t>${xml(t)}</t></si>`).join('')}</sst>`,
    ...parts,
    ...more,
  });
}
