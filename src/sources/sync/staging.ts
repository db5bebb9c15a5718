/**
 * The staging area: the pages of a run, kept beside the store (STORE.sync/<subscription>/) so
 * that a sync stopped by a crash, a kill -9 or a network failure continues from the last good
 * page instead of starting again.
 *
 *   plan.json              the run: its id and the exact query (filters, since, page size)
 *   events.1.csv           the pages, one after another, as one CSV file (header + rows)
 *   events-000001.json     one page's sidecar: its rows, newest timestamp, and where it ends in the file
 *   events.done            the last page came: how many pages there are
 *
 * A page is staged when its sidecar exists. Its rows are written first, at the byte where the
 * page before it ends, and the sidecar is then renamed into place: a kill in between leaves
 * bytes past the last sidecar's end, which the next run writes over (and cuts off). So the
 * file that lands is the one the import pipeline reads, as it is: no page is copied again, and
 * not scanned again either: each sidecar keeps what its page's bytes hold (line ends, tabs,
 * control characters), which the import would otherwise read the whole file for.
 * A page whose columns are not all in the file's header starts a file of its own (events.2.csv
 * …); only then are the files joined, onto the union of their headers, when the run lands.
 * The store is only changed once every page is here, in one transaction (run.ts).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, ftruncateSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { csvField, csvLine, parseRecords } from '../csv-text.js';
import type { TextScan } from '../encoding.js';
import { UNUSUAL_SPACE } from '../spaces.js';

export type PageKind = 'events' | 'deleted';

export interface PageData {
  /** The page's items, already CSV records (json-page.ts): thousands of objects are never held. */
  encoded: EncodedPage;
  /** This page is the last one. */
  last: boolean;
}

/** Fetches one page of one kind, numbered as the API numbers them (ACLED from 1, UCDP from 0). */
export interface Pager {
  kind: PageKind;
  /** "ACLED events", for messages and the progress line. */
  label: string;
  first: number;
  /** Pages in all, once the API has said (UCDP's TotalPages). */
  total?: number;
  fetch(page: number): Promise<PageData>;
}

/** How pages are kept; a plan staged by a crisismap that kept them otherwise is not resumed but started again. */
const FORMAT = 3;

export interface Plan {
  /** FORMAT when the run was staged (absent: pages kept one CSV file each). */
  format?: number;
  run: string;
  name: string;
  /** The run's query, as JSON: a staged run is resumed only by a run asking exactly this. */
  query: string;
  created: string;
}

export interface PageMeta {
  rows: number;
  /** Newest `timestamp` (or `deleted_timestamp`) on the page. */
  newest: number | null;
  last: boolean;
  /** Pages in all, when the API said so with this page. */
  total?: number;
  /** The file the page's rows are in (1: KIND.1.csv; 0: no rows written yet) and its header. */
  file: number;
  columns: string[];
  /** Bytes of that file up to the end of this page. */
  end: number;
  /** What the page's records hold, as the import's scan counts it. */
  text: PageText;
}

export class Staging {
  readonly dir: string;

  constructor(root: string, name: string) {
    this.dir = join(root, createHash('sha256').update(name).digest('hex').slice(0, 16));
  }

  plan(): Plan | undefined {
    const path = join(this.dir, 'plan.json');
    if (!existsSync(path)) return undefined;
    try {
      const plan = JSON.parse(readFileSync(path, 'utf8')) as Plan;
      return plan.format === FORMAT ? plan : undefined;
    } catch {
      return undefined;
    }
  }

  start(plan: Plan): void {
    this.discard();
    mkdirSync(this.dir, { recursive: true });
    this.write('plan.json', JSON.stringify({ ...plan, format: FORMAT }));
  }

  discard(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  has(kind: PageKind, page: number): PageMeta | undefined {
    const path = join(this.dir, sidecar(kind, page));
    if (!existsSync(path)) return undefined;
    return JSON.parse(readFileSync(path, 'utf8')) as PageMeta;
  }

  /** Pages of this kind in all, once the last one is staged. */
  done(kind: PageKind): number | undefined {
    const path = join(this.dir, `${kind}.done`);
    return existsSync(path) ? Number(readFileSync(path, 'utf8')) : undefined;
  }

  markDone(kind: PageKind, pages: number): void {
    this.write(`${kind}.done`, String(pages));
  }

  /**
   * Stages one page after page `page - 1` (pages are saved in order): its rows are written under
   * the file's header; a page with a column the header lacks starts the next file, whose header
   * adds the page's new columns.
   */
  savePage(kind: PageKind, page: number, encoded: EncodedPage, last: boolean, total?: number): PageMeta {
    const before = this.has(kind, page - 1);
    let file = before?.file ?? 0;
    let columns = before?.columns ?? [];
    let start = before?.end ?? 0;
    if (encoded.rows) {
      const known = new Set(columns);
      if (!file || !encoded.columns.every((c) => known.has(c))) {
        file++;
        columns = [...columns, ...encoded.columns.filter((c) => !known.has(c))];
        start = 0;
      }
      const rows = sameList(columns, encoded.columns) ? encoded.csv : remap(encoded, columns);
      const bytes = start === 0 ? Buffer.concat([Buffer.from(csvLine(columns)), rows]) : rows;
      const path = join(this.dir, dataFile(kind, file));
      const fd = openSync(path, existsSync(path) ? 'r+' : 'w');
      try {
        // At the end of the page before: whatever a killed run left past it is written over, and cut off.
        writeSync(fd, bytes, 0, bytes.length, start);
        ftruncateSync(fd, start + bytes.length);
      } finally {
        closeSync(fd);
      }
      start += bytes.length;
    }
    const meta: PageMeta = { rows: encoded.rows, newest: encoded.newest, last, ...(total !== undefined ? { total } : {}), file, columns, end: start, text: encoded.text };
    this.write(sidecar(kind, page), JSON.stringify(meta));
    return meta;
  }

  /**
   * The staged rows of a kind as one CSV file named `file` (its name is what the store records
   * as the events' source file): the one staged file itself (linked under that name), or, when
   * the pages' columns changed along the way, the staged files joined onto the union of their
   * headers. Undefined when no page holds a row. The one staged file comes with its scan, summed
   * from the pages' (the import reads it from there); a joined file is scanned by the import.
   */
  combine(kind: PageKind, first: number, file: string): { path: string; rows: number; scan?: TextScan } | undefined {
    const total = this.done(kind) ?? 0;
    let rows = 0;
    let lastMeta: PageMeta | undefined;
    const text: PageText = { newlines: 0, tabs: false, controls: false, unusualSpaces: false };
    // Each file ends where its last page does: bytes past it were left by a killed run.
    const ends = new Map<number, number>();
    for (let p = first; p < first + total; p++) {
      const meta = this.has(kind, p);
      if (!meta) throw new Error(`staged page ${p} of ${kind} is missing`);
      rows += meta.rows;
      text.newlines += meta.text.newlines;
      text.tabs ||= meta.text.tabs;
      text.controls ||= meta.text.controls;
      // A page staged without the note (an older run) may hold anything.
      text.unusualSpaces ||= meta.text.unusualSpaces ?? true;
      if (meta.file) ends.set(meta.file, meta.end);
      lastMeta = meta;
    }
    if (!rows || !lastMeta) return undefined;
    for (const [f, end] of ends) truncateSync(join(this.dir, dataFile(kind, f)), end);
    const path = join(this.dir, file);
    rmSync(path, { force: true });
    if (lastMeta.file === 1) {
      linkSync(join(this.dir, dataFile(kind, 1)), path);
      const header = textOf(csvLine(lastMeta.columns));
      const scan: TextScan = {
        encoding: 'utf-8',
        legacyLines: 0,
        newlines: header.newlines + text.newlines,
        tabs: header.tabs || text.tabs,
        controls: header.controls || text.controls,
        unusualSpaces: header.unusualSpaces || text.unusualSpaces,
      };
      return { path, rows, scan };
    }
    const union = lastMeta.columns;
    const fd = openSync(`${path}.tmp`, 'w');
    try {
      writeSync(fd, csvLine(union));
      for (let f = 1; f <= lastMeta.file; f++) {
        const [cols = [], ...records] = parseRecords(readFileSync(join(this.dir, dataFile(kind, f)), 'utf8'), Number.MAX_SAFE_INTEGER);
        const at = union.map((c) => cols.indexOf(c));
        for (const r of records) writeSync(fd, csvLine(at.map((i) => (i < 0 ? '' : r[i]))));
      }
    } finally {
      closeSync(fd);
    }
    renameSync(`${path}.tmp`, path);
    return { path, rows };
  }

  private write(file: string, content: string): void {
    const path = join(this.dir, file);
    writeFileSync(`${path}.tmp`, content);
    renameSync(`${path}.tmp`, path);
  }
}

const sidecar = (kind: PageKind, page: number) => `${kind}-${String(page).padStart(6, '0')}.json`;
const dataFile = (kind: PageKind, file: number) => `${kind}.${file}.csv`;

/** A page as it is kept until its turn to be written: CSV records, not thousands of objects. */
export interface EncodedPage {
  rows: number;
  /** Newest `timestamp` (or `deleted_timestamp`) on the page. */
  newest: number | null;
  /** The items' keys in order of first appearance: the columns of `csv`. */
  columns: string[];
  /** One record per item, no header: UTF-8, always (what is not UTF-8 in an answer is replaced when it is read). */
  csv: Buffer;
  text: PageText;
}

/** Bytes below 0x20 in a page's records, as the import's scan of a file counts them (encoding.ts). */
export interface PageText {
  /** Line ends (LF): one a record, and one more for each line break inside a value. */
  newlines: number;
  tabs: boolean;
  /** C0 control characters other than tab, CR and LF. */
  controls: boolean;
  /** A space beyond ASCII or a lone CR (spaces.ts): the import then trims more than ASCII spaces. */
  unusualSpaces: boolean;
}

/** The scan of text written by JavaScript (CR is neither a line end nor a control character to clean). */
export function textOf(text: string): PageText {
  const scan: PageText = { newlines: 0, tabs: false, controls: false, unusualSpaces: UNUSUAL_SPACE.test(text) };
  for (const m of text.matchAll(/[\x00-\x1f]/g)) {
    if (m[0] === '\n') scan.newlines++;
    else if (m[0] === '\t') scan.tabs = true;
    else if (m[0] !== '\r') scan.controls = true;
  }
  return scan;
}

/** Converts a page as soon as it arrives, so that its items are garbage before the next page comes. */
export function encodePage(items: Array<Record<string, unknown>>): EncodedPage {
  const columns: string[] = [];
  const seen = new Set<string>();
  let newest: number | null = null;
  for (const item of items) {
    for (const key in item)
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    const t = Number(item.timestamp ?? item.deleted_timestamp);
    if (Number.isFinite(t) && (newest === null || t > newest)) newest = t;
  }
  // One string for the page, built field by field: no array per row.
  let text = '';
  for (const item of items) {
    for (let i = 0; i < columns.length; i++) {
      const value = item[columns[i]!];
      const cell = typeof value === 'string' && !NEEDS_QUOTES.test(value) ? value : csvField(value);
      text += i ? `,${cell}` : cell;
    }
    text += '\n';
  }
  return { rows: items.length, newest, columns, csv: Buffer.from(text), text: textOf(text) };
}

const NEEDS_QUOTES = /[",\r\n]/;

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A page's records under other columns (a page whose keys differ from the file's: rare, so read back). */
function remap(page: EncodedPage, columns: string[]): Buffer {
  const at = columns.map((c) => page.columns.indexOf(c));
  const records = parseRecords(page.csv.toString('utf8'), Number.MAX_SAFE_INTEGER);
  return Buffer.from(records.map((r) => csvLine(at.map((i) => (i < 0 ? '' : r[i])))).join(''));
}
