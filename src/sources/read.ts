/**
 * Steps 0 and 1 of an import (import.ts): a file given by the user becomes one or more CSV
 * files that DuckDB can read, with what the later steps need to know about each. This is the
 * part of an import that runs JavaScript over every byte: unpacking a zip, scanning the bytes
 * for their encoding, converting a workbook or a JSON page, rewriting a legacy encoding,
 * splitting a damaged CSV again (recover.ts), and, when rows fail, finding their lines and
 * copying them to the rejects file (problems.ts). So it sits behind one interface, FileReader,
 * that runs either in the calling thread or in a worker thread with a memory cap
 * (read-worker.ts), and everything that crosses it is plain data.
 */
import { basename } from 'node:path';
import { CrisisError } from '../model/errors.js';
import { dataMembers, extractMember, isWorkbook, MAX_UNPACKED_BYTES, openArchive } from './archive.js';
import { convertJson, convertXlsx, type Places } from './convert.js';
import { describeEncoding, readableAsIs, transcodeToUtf8 } from './encoding.js';
import { recordLines, writeRejects, type Located } from './problems.js';
import { recoverRecords, type Recovered } from './recover.js';
import type { Scratch } from './scratch.js';
import { sniff, type Sniffed } from './sniff.js';

/** One file to read: a file given by the user, or a member of a zip archive unpacked to scratch. */
export interface Input {
  path: string;
  /** How messages name it: the path given, or "archive.zip/member.csv". */
  name: string;
  /** Where its rejected rows go unless --rejects says. */
  rejectsPath: string;
}

/** The CSV that DuckDB reads for an input: the file itself, or a conversion of it (workbook, JSON, a legacy encoding). */
export interface ReadableCsv {
  csvPath: string;
  sniffed: Sniffed;
  /** Names data record k as the user sees it: sheet row or JSON item (absent: the CSV's own line). */
  places?: Places;
  encoding: string;
  /** Fields may hold control characters, tabs or line breaks to clean and report. */
  controls: boolean;
  /** Line ends in the file: more than its records means that values span lines. */
  newlines: number;
}

/** The reading steps, wherever they run. Every path it returns lies in the import's scratch folder or is the user's own file. */
export interface FileReader {
  /** A zip archive that is not a workbook stands for the data files inside it. */
  unpack(file: string): Promise<Input[]>;
  readable(input: Input): Promise<ReadableCsv>;
  /** A CSV that DuckDB's reader could not split, split again strictly (recover.ts). */
  recover(csvPath: string, maxRecordBytes: number): Promise<Recovered>;
  /** The line each data record of a CSV starts on (problems.ts): a scan of the file. */
  lines(csvPath: string, records: number[]): Promise<number[]>;
  /** Writes (or appends to) a rejects file: the rows as they were in the CSV, behind where and why (problems.ts). */
  writeRejects(path: string, csvPath: string, rows: Located[], append: boolean): Promise<void>;
  /** Frees what the reader holds (a worker thread); the scratch folder stays with the import. */
  close(): Promise<void>;
}

export interface ReadLimits {
  /** The most an archive or workbook may unpack to (zip-bomb defence). */
  maxUnpackedBytes?: number;
}

/** The reading steps in this thread: the CLI's way, where the process does nothing else. */
export function readInThisThread(scratch: Scratch, limits: ReadLimits = {}): FileReader {
  const maxUnpacked = limits.maxUnpackedBytes ?? MAX_UNPACKED_BYTES;
  return {
    unpack: (file) => unpack(file, scratch, maxUnpacked),
    readable: (input) => readable(input, scratch, maxUnpacked),
    recover: async (csvPath, maxRecordBytes) => recoverRecords(csvPath, scratch.file('recovered.csv'), maxRecordBytes),
    lines: async (csvPath, records) => recordLines(csvPath, records),
    writeRejects: async (path, csvPath, rows, append) => writeRejects(path, csvPath, rows, append),
    close: async () => undefined,
  };
}

const stripExtension = (path: string) => path.replace(/\.(csv|xlsx|json|geojson|txt|zip)$/i, '');

async function unpack(file: string, scratch: Scratch, maxUnpacked: number): Promise<Input[]> {
  const plain = [{ path: file, name: file, rejectsPath: `${stripExtension(file)}.rejects.csv` }];
  if (sniff(file).kind !== 'zip') return plain;
  const archive = await openArchive(file, file, maxUnpacked);
  try {
    if (isWorkbook(archive.members)) return plain;
    const members = dataMembers(archive.members);
    if (!members.length) {
      throw new CrisisError(`${file}: the ZIP archive holds no CSV, XLSX or JSON file`, [
        `it holds: ${
          archive.members
            .slice(0, 20)
            .map((m) => m.name)
            .join(', ') || 'nothing'
        }${archive.members.length > 20 ? ', …' : ''}`,
      ]);
    }
    const inputs: Input[] = [];
    for (const member of members) {
      const path = scratch.file(basename(member.name));
      await extractMember(archive, member, path, file);
      const inner = basename(stripExtension(member.name));
      inputs.push({
        path,
        name: `${file}/${member.name}`,
        rejectsPath: members.length === 1 ? `${stripExtension(file)}.rejects.csv` : `${stripExtension(file)}-${inner}.rejects.csv`,
      });
    }
    return inputs;
  } finally {
    archive.close();
  }
}

async function readable(input: Input, scratch: Scratch, maxUnpacked: number): Promise<ReadableCsv> {
  const file = input.name;
  const first = sniff(input.path, file);
  if (first.kind === 'zip') throw new CrisisError(`${file}: a ZIP archive inside a ZIP archive`, ['unpack the inner archive and import its files']);
  let csvPath = input.path;
  let places: Places | undefined;
  let encoding = first.text ? describeEncoding(first.text) : 'utf-8';
  if (first.kind === 'xlsx' || first.kind === 'json') {
    csvPath = scratch.file('converted.csv');
    places = first.kind === 'xlsx' ? await convertXlsx(input.path, csvPath, file, { unpacked: maxUnpacked }) : await convertJson(input.path, csvPath, file);
    if (first.kind === 'xlsx') encoding = 'utf-8 (XLSX)';
  } else if (first.text && !readableAsIs(first.text.encoding)) {
    // DuckDB reads UTF-8 and Latin-1; anything else is rewritten as UTF-8, line for line.
    csvPath = scratch.file('utf8.csv');
    transcodeToUtf8(input.path, first.bytes, first.text.encoding, csvPath);
  }
  const sniffed = csvPath === input.path ? first : { ...sniff(csvPath, file), path: csvPath };
  const text = sniffed.text!;
  return { csvPath, sniffed, ...(places ? { places } : {}), encoding, controls: text.controls || text.tabs, newlines: text.newlines };
}
