/**
 * The reading steps of an import (read.ts) in a worker thread whose heap is capped: the
 * thread that started it goes on with other work meanwhile (the server answering readers), and
 * a file that needs more memory than the cap stops only the worker, as an ImportMemoryError,
 * instead of the whole process. One worker per import, stopped when the import has read its
 * files, so the memory it used goes back before the store transaction.
 *
 * The cap bounds the JavaScript heap: the objects of a JSON page, a workbook's shared strings,
 * row numbers. Buffers holding file bytes (a damaged CSV being split again) are outside it;
 * their size is bounded by the upload and archive limits instead.
 */
import { Worker } from 'node:worker_threads';
import { CrisisError } from '../model/errors.js';
import { UnpackLimitError } from './archive.js';
import type { Recovered } from './recover.js';
import type { FileReader, Input, ReadableCsv, ReadLimits } from './read.js';
import type { Scratch } from './scratch.js';

/** What the worker is given at start. */
export interface WorkerSetup {
  root: string;
  maxUnpackedBytes?: number;
}
/** Every operation of a FileReader but close() is a call to the worker. */
export type Operation = Exclude<keyof FileReader, 'close'>;
export interface Call {
  id: number;
  op: Operation;
  args: unknown[];
}
export type Answer =
  | { id: number; value: unknown }
  | { id: number; error: { message: string; details?: string[]; exitCode?: number; unpack?: { file: string; limit: number; found: string; lie: boolean } } };

/** Reading `file` needed more memory than an import may use; nothing was imported. */
export class ImportMemoryError extends CrisisError {
  constructor(
    readonly file: string,
    readonly memoryMb: number,
  ) {
    super(`${file}: reading it needs more than the ${memoryMb} MB of memory an import may use`, ['nothing was imported']);
    this.name = 'ImportMemoryError';
  }
}

/**
 * The worker is the module that './read-worker.js' resolves to from here, as an import would:
 * read-worker.js beside this file when it is compiled (dist/, and the tests' compiled files),
 * read-worker.ts under tsx. A worker thread does not inherit a loader's hooks, so a TypeScript
 * worker registers tsx itself before loading it.
 */
function startWorker(setup: WorkerSetup, memoryMb: number): Worker {
  const options = { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: memoryMb } };
  const entry = import.meta.resolve('./read-worker.js');
  if (!entry.endsWith('.ts')) return new Worker(new URL(entry), options);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { ...options, eval: true });
}

export function readInWorker(scratch: Scratch, memoryMb: number, limits: ReadLimits = {}): FileReader {
  const worker = startWorker({ root: scratch.root, ...(limits.maxUnpackedBytes !== undefined ? { maxUnpackedBytes: limits.maxUnpackedBytes } : {}) }, memoryMb);
  const pending = new Map<number, { name: string; resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** Converted CSVs by the input they came from, to name the file when splitting one runs out of memory. */
  const names = new Map<string, string>();
  let failed: Error | undefined;
  let next = 0;

  const fail = (error: Error) => {
    failed ??= error;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  worker.on('message', (answer: Answer) => {
    const call = pending.get(answer.id);
    if (!call) return;
    pending.delete(answer.id);
    if ('error' in answer) {
      const { message, details, exitCode, unpack } = answer.error;
      // The limit's own error, so that a server answers it as such (413, naming the limit).
      if (unpack) call.reject(new UnpackLimitError(unpack.file, unpack.limit, unpack.found, unpack.lie));
      else call.reject(details ? new CrisisError(message, details, exitCode) : new Error(message));
    } else call.resolve(answer.value);
  });
  worker.on('error', (error: NodeJS.ErrnoException) => {
    const name = [...pending.values()][0]?.name ?? 'the upload';
    fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ImportMemoryError(name, memoryMb) : error);
  });
  worker.on('exit', (code) => fail(new Error(`the reading thread stopped (exit code ${code})`)));

  const call = <T>(name: string, op: Operation, ...args: unknown[]): Promise<T> => {
    if (failed) return Promise.reject(failed);
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { name, resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, op, args } satisfies Call);
    });
  };

  return {
    unpack: (file) => call<Input[]>(file, 'unpack', file),
    readable: async (input) => {
      const read = await call<ReadableCsv>(input.name, 'readable', input);
      names.set(read.csvPath, input.name);
      return read;
    },
    recover: async (csvPath, maxRecordBytes) => {
      const split = await call<Recovered>(names.get(csvPath) ?? csvPath, 'recover', csvPath, maxRecordBytes);
      // Buffers arrive as plain Uint8Arrays.
      for (const bad of split.bad) bad.raw = Buffer.from(bad.raw.buffer, bad.raw.byteOffset, bad.raw.byteLength);
      return split;
    },
    lines: (csvPath, records) => call<number[]>(names.get(csvPath) ?? csvPath, 'lines', csvPath, records),
    writeRejects: (path, csvPath, rows, append) => call<void>(names.get(csvPath) ?? csvPath, 'writeRejects', path, csvPath, rows, append),
    close: async () => {
      failed ??= new Error('the reading thread was closed');
      await worker.terminate();
    },
  };
}
