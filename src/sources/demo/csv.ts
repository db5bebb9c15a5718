// Streams the demo to an RFC 4180 CSV file. Rows are batched into ~1 MB
// strings (one write per batch is far cheaper than one per row) and the writer
// waits for 'drain' whenever the stream's buffer is full, so memory stays flat
// even for the million-row benchmark file.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvLine } from '../csv-text.js';
import { ACLED_COLUMNS } from './event.js';
import { type DemoOptions, demoRows } from './generate.js';

// The project's one RFC 4180 writer; re-exported for the tests that show its quoting.
export { csvField } from '../csv-text.js';

const BATCH_CHARS = 1 << 20;

export async function writeDemoCsv(path: string, options: DemoOptions = {}): Promise<{ events: number; bytes: number }> {
  const out = createWriteStream(path);
  const failed = once(out, 'error').then(([err]) => {
    throw err;
  });
  failed.catch(() => undefined);
  let bytes = 0;
  let events = 0;
  let batch = csvLine(ACLED_COLUMNS);

  const flush = async (): Promise<void> => {
    const chunk = Buffer.from(batch, 'utf8');
    bytes += chunk.length;
    const ok = out.write(chunk);
    batch = '';
    if (!ok) await Promise.race([once(out, 'drain'), failed]);
  };

  for (const row of demoRows(options)) {
    batch += csvLine(row);
    events++;
    if (batch.length >= BATCH_CHARS) await flush();
  }
  if (batch.length > 0) await flush();
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return { events, bytes };
}
