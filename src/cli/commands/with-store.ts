/**
 * The store opened read-only for a command's work, and closed after it. A module of its own:
 * the commands that only draw or check (map, chart, check) then do not load the analyses'
 * output helpers (answer-output.ts), nor the analyses those reach.
 */
import { resolveDbPath, Store } from '../../store/store.js';

export async function withStore<T>(db: unknown, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(resolveDbPath(db as string | undefined), { readOnly: true });
  try {
    return await work(store);
  } finally {
    store.close();
  }
}
