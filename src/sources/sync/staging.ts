/**
 * The staging area: the pages of a run, kept beside the store (STORE.sync/<subscription>/) so
 * that a sync stopped by a crash, a kill -9 or a network failure continues from the last good
 * page instead of starting again.
 *
 *   plan.json              the run: its id and the exact query (filters, since, page size)
 *   events-000001.csv      one page as CSV (header + rows), converted when it arrived whole
 *   events-000001.json     its row count and newest timestamp
 *   events.done            the last page came: how many pages there are
 *
 * Every file is written under a temporary name and renamed, so a file that exists is whole.
 * A page's sidecar is renamed before the page: a page present always has its sidecar.
 * The store is only changed once every page is here, in one transaction (run.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine, parseRecords } from '../csv-text.js';

export type PageKind = 'events' | 'deleted';

export interface PageData {
  items: Array<Record<string, unknown>>;
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

export interface Plan {
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
      return JSON.parse(readFileSync(path, 'utf8')) as Plan;
    } catch {
      return undefined;
    }
  }

  start(plan: Plan): void {
    this.discard();
    mkdirSync(this.dir, { recursive: true });
    this.write('plan.json', JSON.stringify(plan));
  }

  discard(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  has(kind: PageKind, page: number): PageMeta | undefined {
    const path = join(this.dir, `${name(kind, page)}.csv`);
    if (!existsSync(path)) return undefined;
    return JSON.parse(readFileSync(join(this.dir, `${name(kind, page)}.json`), 'utf8')) as PageMeta;
  }

  /** Pages of this kind in all, once the last one is staged. */
  done(kind: PageKind): number | undefined {
    const path = join(this.dir, `${kind}.done`);
    return existsSync(path) ? Number(readFileSync(path, 'utf8')) : undefined;
  }

  markDone(kind: PageKind, pages: number): void {
    this.write(`${kind}.done`, String(pages));
  }

  /** Stages one page's items as CSV; columns are the items' keys in order of first appearance. */
  savePage(kind: PageKind, page: number, items: Array<Record<string, unknown>>, last: boolean, total?: number): PageMeta {
    const columns: string[] = [];
    const seen = new Set<string>();
    let newest: number | null = null;
    for (const item of items) {
      for (const key of Object.keys(item))
        if (!seen.has(key)) {
          seen.add(key);
          columns.push(key);
        }
      const t = Number(item.timestamp ?? item.deleted_timestamp);
      if (Number.isFinite(t) && (newest === null || t > newest)) newest = t;
    }
    const parts = [csvLine(columns)];
    for (const item of items) parts.push(csvLine(columns.map((c) => item[c])));
    const meta: PageMeta = { rows: items.length, newest, last, ...(total !== undefined ? { total } : {}) };
    this.write(`${name(kind, page)}.json`, JSON.stringify(meta));
    this.write(`${name(kind, page)}.csv`, parts.join(''));
    return meta;
  }

  /**
   * All staged pages of a kind as one CSV file named `file` (its name is what the store records
   * as the events' source file). Pages sharing a header are joined as they are; a page with
   * other columns is re-mapped onto the union. Undefined when no page holds a row.
   */
  combine(kind: PageKind, first: number, file: string): { path: string; rows: number } | undefined {
    const pages: Array<{ header: string; text: string; rows: number }> = [];
    const total = this.done(kind) ?? 0;
    for (let p = first; p < first + total; p++) {
      const meta = this.has(kind, p);
      if (!meta) throw new Error(`staged page ${p} of ${kind} is missing`);
      if (!meta.rows) continue;
      const text = readFileSync(join(this.dir, `${name(kind, p)}.csv`), 'utf8');
      const end = headerEnd(text);
      pages.push({ header: text.slice(0, end), text, rows: meta.rows });
    }
    if (!pages.length) return undefined;
    const union: string[] = [];
    const seen = new Set<string>();
    for (const page of pages)
      for (const c of parseRecords(page.header, 1)[0] ?? [])
        if (!seen.has(c)) {
          seen.add(c);
          union.push(c);
        }
    const header = csvLine(union);
    const path = join(this.dir, file);
    const fd = openSync(`${path}.tmp`, 'w');
    try {
      writeSync(fd, header);
      for (const page of pages) {
        if (page.header === header) writeSync(fd, page.text.slice(page.header.length));
        else {
          const [cols = [], ...records] = parseRecords(page.text, Number.MAX_SAFE_INTEGER);
          for (const r of records) {
            const byName = new Map(cols.map((c, i) => [c, r[i]]));
            writeSync(fd, csvLine(union.map((c) => byName.get(c) ?? '')));
          }
        }
      }
    } finally {
      closeSync(fd);
    }
    renameSync(`${path}.tmp`, path);
    return { path, rows: pages.reduce((n, p) => n + p.rows, 0) };
  }

  /** How many pages are staged, all kinds together (for "resumed from page N"). */
  stagedPages(): number {
    return existsSync(this.dir) ? readdirSync(this.dir).filter((f) => /^(events|deleted)-\d+\.csv$/.test(f)).length : 0;
  }

  private write(file: string, content: string): void {
    const path = join(this.dir, file);
    writeFileSync(`${path}.tmp`, content);
    renameSync(`${path}.tmp`, path);
  }
}

const name = (kind: PageKind, page: number) => `${kind}-${String(page).padStart(6, '0')}`;

/** Where the header record ends (after its newline); headers of API keys are never multi-line, but quotes are honoured. */
function headerEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) return i + 1;
  }
  return text.length;
}
