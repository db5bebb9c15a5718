/**
 * A streaming reader for XLSX workbooks (Office Open XML, ECMA-376 part 1 §18): the first
 * worksheet, row by row, without holding the sheet in memory.
 *
 * Why our own reader over two small, well-kept libraries (yauzl for the zip, saxes for the XML)
 * rather than a spreadsheet package: exceljs loads the whole workbook (about 7× the file in
 * memory) and pulls in unmaintained packages (archiver, unzipper → fstream, glob → inflight);
 * SheetJS is no longer published on npm. Reading values needs only four parts of the format:
 * the workbook (which sheet is first, the 1904 date system), its relationships (where that sheet
 * is), the shared strings and the cell styles (which numbers are dates). docs/import.md says more.
 *
 * Memory is bounded: the sheet streams; only the shared-string table is held, and it may not
 * unpack to more than MAX_SHARED_STRINGS_BYTES. The whole workbook may not unpack to more than
 * the archive limit, checked before anything is read.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { CrisisError } from '../model/errors.js';
import { MAX_UNPACKED_BYTES, formatBytes, isWorkbook, openArchive, type Archive, type Member } from './archive.js';

/** The shared strings are the one part held in memory: the most they may unpack to. */
export const MAX_SHARED_STRINGS_BYTES = 256 * 1024 ** 2;
/** Small parts (workbook, relationships, styles) are read whole: the most each may be. */
const MAX_PART_BYTES = 64 * 1024 ** 2;

export interface WorkbookLimits {
  unpacked?: number;
  sharedStrings?: number;
}

/** Picks the data sheet from the first `rows` non-empty rows of each sheet (layouts/sheets.ts). */
export interface SheetChooser {
  rows: number;
  pick(previews: Array<{ name: string; rows: string[][] }>): number;
}

/** Stops a preview once it has its rows. A CrisisError so that parsePart passes it through. */
class EnoughRows extends CrisisError {
  constructor() {
    super('enough rows for a preview');
  }
}

/**
 * Calls `onRow` with each non-empty row of the first worksheet (cell texts, by column, with
 * empty cells as "") and its row number in the sheet. `onRow` may return a promise to slow the
 * reading down (a full output stream).
 */
export async function readFirstSheet(path: string, name: string, onRow: (cells: string[], row: number) => void | Promise<void>, limits: WorkbookLimits = {}, choose?: SheetChooser): Promise<void> {
  const archive = await openArchive(path, name, limits.unpacked ?? MAX_UNPACKED_BYTES);
  try {
    if (!isWorkbook(archive.members)) throw new CrisisError(`${name}: a ZIP archive, but not an XLSX workbook (no xl/workbook.xml)`);
    const part = (partName: string) => archive.members.find((m) => m.name === partName);
    const workbook = await readPart(archive, part('xl/workbook.xml')!, name);
    const rels = part('xl/_rels/workbook.xml.rels');
    const sheets = sheetPaths(workbook, rels ? await readPart(archive, rels, name) : '')
      .map((entry) => ({ ...entry, member: part(entry.path) }))
      .filter((entry): entry is { name: string; path: string; member: Member } => !!entry.member);
    if (!sheets.length) throw new CrisisError(`${name}: the workbook has no worksheet`);
    const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook);
    const stylesPart = part('xl/styles.xml');
    const dateStyles = stylesPart ? dateStyleIndexes(await readPart(archive, stylesPart, name)) : new Set<number>();
    const stringsPart = part('xl/sharedStrings.xml');
    const strings = stringsPart ? await readSharedStrings(archive, stringsPart, name, limits.sharedStrings ?? MAX_SHARED_STRINGS_BYTES) : [];
    const ctx = { strings, dateStyles, date1904 };
    let sheet = sheets[0]!.member;
    if (choose && sheets.length > 1) {
      // A few rows of each sheet, for the chooser (a terms-of-use sheet may come before the data).
      const previews: Array<{ name: string; rows: string[][] }> = [];
      for (const entry of sheets) {
        const rows: string[][] = [];
        try {
          await readSheet(archive, entry.member, name, ctx, (cells) => {
            rows.push(cells);
            if (rows.length >= choose.rows) throw new EnoughRows();
          });
        } catch (error) {
          if (!(error instanceof EnoughRows)) throw error;
        }
        previews.push({ name: entry.name, rows });
      }
      sheet = sheets[choose.pick(previews)]?.member ?? sheet;
    }
    await readSheet(archive, sheet, name, ctx, onRow);
  } finally {
    archive.close();
  }
}

const local = (tag: string) => tag.slice(tag.indexOf(':') + 1);

async function readPart(archive: Archive, member: Member, name: string): Promise<string> {
  if (member.bytes > MAX_PART_BYTES) throw new CrisisError(`${name}: the workbook's ${member.name} unpacks to ${formatBytes(member.bytes)}, more than ${formatBytes(MAX_PART_BYTES)}`);
  const chunks: Buffer[] = [];
  for await (const chunk of await archive.open(member)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Streams a part through a SAX parser. */
async function parsePart(archive: Archive, member: Member, name: string, setup: (parser: SaxesParser) => void, afterChunk?: () => Promise<void>): Promise<void> {
  const parser = new SaxesParser();
  setup(parser);
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of await archive.open(member)) {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      if (afterChunk) await afterChunk();
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof CrisisError) throw error;
    throw new CrisisError(`${name}: the workbook's ${member.name} cannot be read: ${(error as Error).message}`, ['save it again as .xlsx, or export the sheet as CSV']);
  }
}

/** Every <sheet> of the workbook in order, with its part's path, through its relationship id. */
function sheetPaths(workbook: string, rels: string): Array<{ name: string; path: string }> {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const out: Array<{ name: string; path: string }> = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\bid="([^"]+)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (path) out.push({ name: /\bname="([^"]*)"/.exec(m[0])?.[1] ?? '', path });
  }
  return out;
}

// Built-in number formats that show dates or times (ECMA-376 §18.8.30, and the East Asian ones).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Indexes of the cell formats (cellXfs) whose number format is a date. */
function dateStyleIndexes(styles: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(m[0])?.[1]);
    const code = /\bformatCode="([^"]*)"/.exec(m[0])?.[1] ?? '';
    custom.set(id, code);
  }
  const isDate = (id: number) => {
    if (DATE_FORMAT_IDS.has(id)) return true;
    const code = custom.get(id);
    if (!code) return false;
    // Ignore quoted text, [colours]/[$-locales] and escaped characters before looking for date parts.
    const bare = code.replace(/&quot;.*?&quot;|"[^"]*"|\[[^\]]*\]|\\./g, '');
    return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare);
  };
  const dates = new Set<number>();
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  let index = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    if (isDate(Number(/\bnumFmtId="(\d+)"/.exec(m[0])?.[1] ?? 0))) dates.add(index);
    index++;
  }
  return dates;
}

async function readSharedStrings(archive: Archive, member: Member, name: string, limit: number): Promise<string[]> {
  if (member.bytes > limit) {
    throw new CrisisError(`${name}: the workbook's shared strings unpack to ${formatBytes(member.bytes)}, more than the limit of ${formatBytes(limit)}`, ['export the sheet as CSV and import that']);
  }
  const strings: string[] = [];
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  await parsePart(archive, member, name, (p) => {
    p.on('opentag', (tag: SaxesTagPlain) => {
      const t = local(tag.name);
      if (t === 'si') current = '';
      else if (t === 'rPh') phonetic++;
      else if (t === 't' && !phonetic) inText = true;
    });
    p.on('closetag', (tag: SaxesTagPlain) => {
      const t = local(tag.name);
      if (t === 'si') {
        strings.push(current ?? '');
        current = undefined;
      } else if (t === 'rPh') phonetic--;
      else if (t === 't') inText = false;
    });
    p.on('text', (text: string) => {
      if (inText && current !== undefined) current += text;
    });
  });
  return strings;
}

interface CellContext {
  strings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

async function readSheet(archive: Archive, member: Member, name: string, ctx: CellContext, onRow: (cells: string[], row: number) => void | Promise<void>): Promise<void> {
  const ready: Array<[string[], number]> = [];
  let cells: string[] = [];
  let rowNumber = 0;
  let column = 0;
  let cell: { type: string; style: number; value: string; inline: string } | undefined;
  let reading: 'v' | 't' | undefined;
  await parsePart(
    archive,
    member,
    name,
    (p) => {
      p.on('opentag', (tag: SaxesTagPlain) => {
        const t = local(tag.name);
        if (t === 'row') {
          cells = [];
          column = 0;
          rowNumber = tag.attributes.r ? Number(tag.attributes.r) : rowNumber + 1;
        } else if (t === 'c') {
          const ref = tag.attributes.r;
          column = ref ? columnIndex(String(ref)) : column + 1;
          cell = { type: String(tag.attributes.t ?? 'n'), style: Number(tag.attributes.s ?? 0), value: '', inline: '' };
        } else if (cell && (t === 'v' || t === 't')) reading = t;
      });
      p.on('text', (text: string) => {
        if (!cell || !reading) return;
        if (reading === 'v') cell.value += text;
        else cell.inline += text;
      });
      p.on('closetag', (tag: SaxesTagPlain) => {
        const t = local(tag.name);
        if (t === 'v' || t === 't') reading = undefined;
        else if (t === 'c' && cell) {
          while (cells.length < column - 1) cells.push('');
          cells[column - 1] = cellText(cell, ctx);
          cell = undefined;
        } else if (t === 'row') {
          while (cells.length && cells[cells.length - 1] === '') cells.pop();
          if (cells.length) ready.push([cells, rowNumber]);
        }
      });
    },
    async () => {
      for (const [row, number] of ready.splice(0)) await onRow(row, number);
    },
  );
  for (const [row, number] of ready.splice(0)) await onRow(row, number);
}

/** "AB12" → 28. */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}

function cellText(cell: { type: string; style: number; value: string; inline: string }, ctx: CellContext): string {
  switch (cell.type) {
    case 's':
      return ctx.strings[Number(cell.value)] ?? '';
    case 'inlineStr':
      return cell.inline;
    case 'str':
      return cell.value;
    case 'b':
      return cell.value === '1' ? 'true' : 'false';
    case 'e':
      return '';
    case 'd':
      return isoDate(new Date(cell.value));
    default:
      // Numbers are kept as written; only a number styled as a date becomes one.
      if (cell.value !== '' && ctx.dateStyles.has(cell.style)) {
        const serial = Number(cell.value) + (ctx.date1904 ? 1462 : 0);
        if (Number.isFinite(serial)) return isoDate(new Date(Math.round((serial - 25569) * 86_400_000)));
      }
      return cell.value;
  }
}

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}
