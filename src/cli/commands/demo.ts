import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles, type ImportReport } from '../../sources/import.js';
import { resolveDbPath, Store } from '../../store/store.js';
import type { Command } from '../command.js';
import { DB_HELP, parse } from '../options.js';

export const DEMO_VERSION = 'demo v1 (seed 1)';

export const demoCommand: Command = {
  help: `Usage: crisismap demo [--db FILE]

Generates the demo data — invented, labelled synthetic in every event (dataset
demo-synthetic) — a Sahel scenario for 2019–2023 in ACLED's layout, calibrated to
published figures (Mali: 1,913 deaths in 2021, 4,803 in 2022; Wagner Group; Moura) —
and imports it into the store. Running it again changes nothing.

${DB_HELP}

Example:
  crisismap demo && crisismap count --country Mali --by year`,

  async run(args, io) {
    const { values } = parse(args, {});
    const path = resolveDbPath(values.db as string | undefined);
    const store = await Store.open(path);
    try {
      const { events, dataset, report } = await buildDemo(store);
      const db = values.db ? ` --db ${values.db}` : '';
      io.out(`Demo store: ${path}
${events.toLocaleString('en-US')} synthetic events (dataset ${dataset}): ${(report?.added ?? 0).toLocaleString('en-US')} added, ${(report?.updated ?? 0).toLocaleString('en-US')} updated, ${(report?.unchanged ?? 0).toLocaleString('en-US')} unchanged.
These events are invented for trying crisismap out; they are not real reporting.

Try next:
  npx crisismap count${db} --country Mali --by year
  npx crisismap count${db} --actor Wagner --to 2022-12-31 --by admin1
  npx crisismap events${db} --country Mali --year 2022 --deadliest --limit 10
  npx crisismap count${db} --year 2022 --by country --json
  npx crisismap info${db}
`);
    } finally {
      store.close();
    }
  },
};

/** Generates the demo data and imports it into an open store (also used by `crisismap serve --demo`). */
export async function buildDemo(store: Store): Promise<{ events: number; dataset: string; report: ImportReport | undefined }> {
  // Loaded here: the generator and its gazetteer are only needed for the demo.
  const { DEMO_DATASET, writeDemoCsv } = await import('../../sources/demo/index.js');
  const folder = mkdtempSync(join(tmpdir(), 'crisismap-demo-'));
  try {
    const csvPath = join(folder, 'sahel-demo-acled-layout.csv');
    const { events } = await writeDemoCsv(csvPath, { seed: 1 });
    const [report] = await importFiles(store, [csvPath], { dataset: DEMO_DATASET, version: DEMO_VERSION });
    return { events, dataset: DEMO_DATASET, report };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
