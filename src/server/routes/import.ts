/**
 * POST /api/import: a file uploaded as multipart field `file`, imported by the same
 * importFiles() as `crisismap import`, under the upload's own name so that layout detection
 * and every message ("acled.csv:3: …") read the same. Writing needs the token given at start;
 * without one it is disabled. One write runs at a time (Store.exclusive: other uploads, the
 * scheduled sync); reading goes on meanwhile and sees the new events once the import commits.
 *
 * The body streams to disk as it arrives (upload-body.ts). The file is then read (unpacked,
 * scanned, converted: sources/read.ts) in a worker thread whose
 * heap is capped at --import-memory, so that the thread answering readers stays free and an
 * upload that needs more gets a 413 instead of taking the process down. Checking and storing
 * are DuckDB's work, on its own threads, within its memory_limit.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { CrisisError } from '../../model/errors.js';
import { type Namer, ParamError, wordError } from '../../model/param.js';
import { IMPORT_PARAMS } from '../../sources/params.js';
import { importFiles, type ImportReport } from '../../sources/import.js';
import { ImportMemoryError } from '../../sources/read-off-thread.js';
import { formatBytes, UnpackLimitError } from '../../sources/archive.js';
import { readMapping } from '../../sources/layouts/mapping.js';
import type { Store } from '../../store/store.js';
import { ApiError } from '../errors.js';
import { shapeOf, valuesOf } from '../params.js';
import { HTTP_NAMES, TOKEN_NAMES, WORDING_HEADER, wantsTokens } from '../wording.js';
import { parseQuery, type Api } from '../route.js';
import { BEARER_CHALLENGE, givenToken, sameToken } from '../token.js';
import { receiveUpload, UploadRefused } from './upload-body.js';

export interface WriteOptions {
  /** The store's own connection: the only one that writes. */
  store: Store;
  /** Writing is disabled without one. */
  token?: string;
  maxUploadBytes: number;
  /** Heap of the worker thread that reads each upload (serve --import-memory). */
  importMemoryMb: number;
  /** The most an uploaded zip or workbook may unpack to (serve --max-unpacked). */
  maxUnpackedMb: number;
  /** Runs an import once the readers can spare it a heavy share (ReaderPool.reserve, for the request's client). */
  reserve: <T>(c: Context, work: () => Promise<T>) => Promise<T>;
}

// A rejects file is returned in the answer (its temporary folder is removed) up to this size.
const REJECTS_SHOWN = 5 * 2 ** 20;

const ImportQuery = z.object(shapeOf(Object.values(IMPORT_PARAMS)));

export function importRoutes(api: Api, options: WriteOptions): void {
  const mb = (options.maxUploadBytes / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: 1 });
  // The body is cut off as it streams (a chunked one is counted as it arrives), and the
  // connection closed after the answer so that the rest is never read.
  const tooLarge = () =>
    new ApiError(413, `the upload is larger than ${mb} MB`, ['start the server with a larger --max-upload (MB), or stop it and run crisismap import FILE'], { Connection: 'close' });

  api.raw(
    {
      method: 'post',
      path: '/api/import',
      tag: 'import',
      query: ImportQuery,
      token: true,
      summary: 'Import a file: ACLED, UCDP GED, an ACLED deletions file, or any CSV with a mapping',
      description:
        'Multipart form data: field `file` (CSV, XLSX or JSON), and optionally `mapping` (a mapping JSON file, see docs/import.md). ' +
        'Needs `Authorization: Bearer TOKEN` with the token the server was started with; writing is disabled when none was given. ' +
        'Answers as `crisismap import --json`. Any unreadable row fails the whole import (nothing changes) unless skip_invalid=1.',
      responses: { 'application/json': '{ok: true, store, files: [import report]}' },
      errors: {
        401: 'no token, or a wrong one',
        403: 'writing is disabled (no token configured, or the store is read-only)',
        413: 'the upload is larger than --max-upload, unpacks to more than --max-unpacked (a zip or workbook), or reading it needs more memory than --import-memory',
        422: 'the file cannot be imported: the message and hints say which rows and why',
      },
    },
    authorize(options),
    async (c) => {
      const query = parseQuery(c, ImportQuery);
      const folder = mkdtempSync(join(tmpdir(), 'crisismap-upload-'));
      try {
        const body = await receiveUpload(c.req.raw, folder, options.maxUploadBytes, uploadName).catch((error: unknown) => {
          if (!(error instanceof UploadRefused)) throw error;
          if (error.reason === 'too-large') throw tooLarge();
          throw new ApiError(400, 'the body is not multipart form data', ['send the file as field "file": curl -F file=@acled.csv …']);
        });
        // One file per upload: a second one would otherwise be dropped without a word.
        for (const field of ['file', 'mapping'] as const) {
          const count = (body.files[field]?.length ?? 0) + (body.fields[field]?.length ?? 0);
          if (count > 1)
            throw new ApiError(400, `${count} "${field}" fields in one upload: send one per request`, [
              'import each file in its own POST /api/import (the CLI takes several: crisismap import A.csv B.csv)',
            ]);
        }
        const path = body.files.file?.[0]?.path;
        if (!path) throw new ApiError(400, 'no file: send it as multipart field "file"', ['e.g. curl -H "Authorization: Bearer $TOKEN" -F file=@acled.csv http://127.0.0.1:8080/api/import']);
        const mappingText = body.fields.mapping?.[0];
        const mappingFile = body.files.mapping?.[0]?.path;
        const mapping = mappingText !== undefined || mappingFile ? mappingOf(folder, mappingText, mappingFile) : undefined;
        // The upload's own folder: messages and reports name the file without it.
        const own = `${dirname(path)}/`;
        // importFiles waits for the store's write turn: another upload, a scheduled sync or a
        // command sent to the server writes first, and this one lands after it, whole.
        // It takes the CPU that heavy reads take, so it waits for their share (pool.ts).
        const reports = await options
          .reserve(c, () =>
            importFiles(options.store, [path], {
              ...valuesOf(Object.values(IMPORT_PARAMS), query),
              worker: { memoryMb: options.importMemoryMb },
              maxUnpackedMb: options.maxUnpackedMb,
              ...(mapping ? { mapping } : {}),
            }),
          )
          .catch((error: unknown) => {
            if (!(error instanceof CrisisError)) throw error;
            // Temporary folders (the upload's, a converted workbook's) mean nothing to the client.
            const local = (text: string) =>
              text
                .split(own)
                .join('')
                .split(tmpdir())
                .join('')
                .replace(/\/crisismap-\w+\//g, '');
            if (error instanceof UnpackLimitError)
              throw new ApiError(413, `${local(error.message)}`, [
                `nothing was imported: an upload may unpack to at most ${formatBytes(error.limit)}, and an archive larger than that, or one that lies about its size, may be a zip bomb`,
                'if it is real data, unpack it and send the files inside, start the server with a larger --max-unpacked (MB), or stop it and run crisismap import FILE',
              ]);
            if (error instanceof ImportMemoryError)
              throw new ApiError(413, `${local(error.file)}: reading it needs more than the ${error.memoryMb} MB of memory an upload may use`, [
                'nothing was imported',
                'send it as CSV (a JSON page is held whole while it is read), start the server with a larger --import-memory (MB), or stop it and run crisismap import FILE',
              ]);
            const { message, hints } = wordError(error, wantsTokens(c.req.header(WORDING_HEADER)) ? TOKEN_NAMES : UPLOAD_NAMES);
            throw new ApiError(error instanceof ParamError ? 400 : 422, local(message), hints.map(local));
          });
        return c.json({ ok: true, store: options.store.path, files: reports.map((r) => answerOf(r, own)) });
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
}

/** 403 when writing is off, 401 without the right token: checked before the body is read. */
function authorize(options: WriteOptions): MiddlewareHandler {
  return async (c: Context, next) => {
    if (options.store.readOnly) throw new ApiError(403, 'writing is disabled: the store is open read-only', ['start crisismap serve without --read-only to import through the API']);
    if (!options.token) throw new ApiError(403, 'writing is disabled: start the server with --token (or CRISISMAP_TOKEN)', ['then send it as: Authorization: Bearer TOKEN']);
    const given = givenToken(c);
    if (!given) throw new ApiError(401, 'this route needs the token: send the header Authorization: Bearer TOKEN', [], BEARER_CHALLENGE);
    if (!sameToken(given, options.token)) throw new ApiError(401, 'wrong token', ['send the token the server was started with (--token or CRISISMAP_TOKEN)'], BEARER_CHALLENGE);
    await next();
  };
}

/** The API's names, but the mapping is not a query parameter here: it is a part of the upload. */
const UPLOAD_NAMES: Namer = { ...HTTP_NAMES, name: (p) => (p.key === IMPORT_PARAMS.mapping.key ? 'a mapping file in multipart field "mapping"' : HTTP_NAMES.name(p)) };

/** The upload's own name, made safe to be a file name: the importer reads layout hints and versions from it. */
export function uploadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const safe = base
    .replace(/[^\w.\- ]+/g, '_')
    .replace(/^\.+/, '')
    .slice(-120);
  return safe || 'upload.csv';
}

/** A mapping sent as a file part, or as a text field (written out for readMapping). */
function mappingOf(folder: string, text: string | undefined, file: string | undefined) {
  const path = file ?? join(folder, 'mapping.json');
  if (file === undefined) writeFileSync(path, text ?? '');
  try {
    return readMapping(path);
  } catch (error) {
    if (error instanceof CrisisError) throw new ApiError(422, error.message.replace(path, 'mapping'), error.details);
    throw error;
  }
}

/** The report as the CLI's --json gives it, with the rejected rows themselves instead of a path in a removed folder. */
function answerOf(report: ImportReport, own: string): Record<string, unknown> {
  const { rejectsFile, ...rest } = report;
  const out: Record<string, unknown> = { ...rest, file: report.file.split(own).join('') };
  if (rejectsFile) {
    out.rejects =
      statSync(rejectsFile).size <= REJECTS_SHOWN
        ? readFileSync(rejectsFile, 'utf8')
        : `${readFileSync(rejectsFile, 'utf8').slice(0, REJECTS_SHOWN)}\n… cut at ${REJECTS_SHOWN / 2 ** 20} MB: import the file with the CLI to get every rejected row\n`;
  }
  return out;
}
