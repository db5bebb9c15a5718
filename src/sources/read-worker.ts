/**
 * The worker thread of read-off-thread.ts: runs the reading steps (read.ts) it is asked to, one
 * message per call, and answers each with its result or its error. Its heap is capped by the
 * thread that started it; files it writes go under that thread's scratch folder.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CrisisError } from '../model/errors.js';
import { readInThisThread } from './read.js';
import { UnpackLimitError } from './archive.js';
import { Scratch } from './scratch.js';
import type { Answer, Call, WorkerSetup } from './read-off-thread.js';

const setup = workerData as WorkerSetup;
const reader = readInThisThread(new Scratch(setup.root), { maxUnpackedBytes: setup.maxUnpackedBytes });
const port = parentPort!;

port.on('message', async ({ id, op, args }: Call) => {
  let answer: Answer;
  try {
    answer = { id, value: await (reader[op] as (...a: unknown[]) => Promise<unknown>)(...args) };
  } catch (error) {
    answer = {
      id,
      error:
        error instanceof CrisisError
          ? {
              message: error.message,
              details: error.details,
              exitCode: error.exitCode,
              ...(error instanceof UnpackLimitError ? { unpack: { file: error.file, limit: error.limit, found: error.found, lie: error.lie } } : {}),
            }
          : { message: (error as Error)?.message ?? String(error) },
    };
  }
  port.postMessage(answer);
});
