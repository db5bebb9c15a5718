/**
 * The body of POST /api/import, multipart form data, streamed to files as it arrives: nothing
 * of it is held in memory, and the thread answering readers handles one chunk at a time.
 * (Request.formData(), which Hono's parseBody uses, holds the whole body and parses it in one
 * go: about 2 s of that thread per 100 MB.) The size limit is counted as the bytes arrive,
 * chunked or not, and the reading stops at it.
 *
 * Why @fastify/busboy: the streaming multipart parser that Node's own fetch used, kept by the
 * Fastify team, with no dependencies of its own.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Busboy } from '@fastify/busboy';

export interface UploadedFile {
  /** Where it was written. */
  path: string;
  /** The name the client gave it. */
  filename: string;
}

export interface UploadBody {
  /** File parts by field name, in the order they came. */
  files: Record<string, UploadedFile[]>;
  /** Text fields by name. */
  fields: Record<string, string[]>;
}

/** What the route turns into its answers: the body is not multipart, or is larger than the limit. */
export class UploadRefused extends Error {
  constructor(readonly reason: 'not-multipart' | 'too-large') {
    super(reason);
  }
}

/**
 * Writes each file part to `folder`/part-N/NAME, where NAME is `safeName(filename)`, and keeps
 * text fields up to 1 MiB. Throws UploadRefused('too-large') once more than `maxBytes` arrived.
 */
export async function receiveUpload(request: Request, folder: string, maxBytes: number, safeName: (filename: string) => string): Promise<UploadBody> {
  const declared = request.headers.get('content-length');
  if (declared !== null && !request.headers.has('transfer-encoding') && Number(declared) > maxBytes) throw new UploadRefused('too-large');
  const type = request.headers.get('content-type') ?? '';
  // No body, or one of no type, is taken as an empty form: the route says which field is missing.
  if (!request.body || !type) return { files: {}, fields: {} };
  if (!/^multipart\/form-data/i.test(type)) throw new UploadRefused('not-multipart');
  let parser: InstanceType<typeof Busboy>;
  try {
    parser = Busboy({ headers: { 'content-type': type }, limits: { fieldSize: 2 ** 20, fields: 20, files: 20 } });
  } catch {
    throw new UploadRefused('not-multipart');
  }
  const body: UploadBody = { files: {}, fields: {} };
  const written: Promise<void>[] = [];
  const failed: unknown[] = [];
  parser.on('file', (name: string, stream: Readable, filename: string) => {
    const dir = join(folder, `part-${written.length}`);
    mkdirSync(dir);
    const path = join(dir, safeName(filename ?? ''));
    (body.files[name] ??= []).push({ path, filename: filename ?? '' });
    written.push(
      pipeline(stream, createWriteStream(path)).catch((error: unknown) => {
        failed.push(error);
      }),
    );
  });
  parser.on('field', (name: string, value: string) => {
    (body.fields[name] ??= []).push(value);
  });
  let received = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > maxBytes ? new UploadRefused('too-large') : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(request.body as never), counted, parser);
  } catch (error) {
    // Whatever was half written is removed with the folder by the caller.
    if (error instanceof UploadRefused) throw error;
    throw new UploadRefused('not-multipart');
  }
  await Promise.all(written);
  // Writing to our own folder failed (a full disk): the server's problem, not the request's.
  if (failed.length) throw failed[0];
  return body;
}
