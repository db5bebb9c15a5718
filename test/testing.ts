/** Helpers for the tests: a fresh store, scratch files, and where the shared real data lives. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from '../src/store/store.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DATA = resolve(ROOT, '../shared/data');
export const HAS_SHARED = existsSync(SHARED_DATA);
/** Pass as a test's `skip` option: the runner then reports the test as skipped, with this reason. */
export const NEEDS_SHARED: false | string = HAS_SHARED ? false : `../shared/data is absent: tests on real files skipped`;
if (!HAS_SHARED) process.stderr.write(`WARNING: ${NEEDS_SHARED}\n`);

export const shared = (...parts: string[]) => join(SHARED_DATA, ...parts);

export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'crisismap-test-'));
}

export function writeScratch(name: string, content: string | Buffer): string {
  const path = join(scratch(), name);
  writeFileSync(path, content);
  return path;
}

export async function memoryStore(): Promise<Store> {
  return Store.open(':memory:');
}

export const ACLED_HEADER = 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

/** One row of ACLED's current layout; override any column by name. */
export function acledRow(overrides: Record<string, string | number> = {}): string {
  const base: Record<string, string | number> = {
    event_id_cnty: 'MLI9001', event_date: '2022-03-27', year: 2022, time_precision: 1, disorder_type: 'Political violence',
    event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Military Forces of Mali (2021-)', assoc_actor_1: 'Wagner Group',
    inter1: 1, actor2: 'JNIM: Group for Support of Islam and Muslims', assoc_actor_2: '', inter2: 2, interaction: 12,
    civilian_targeting: '', iso: 466, region: 'Western Africa', country: 'Mali', admin1: 'Mopti', admin2: 'Djenne', admin3: 'Sofara',
    location: 'Moura', latitude: 14.1303, longitude: -4.4714, geo_precision: 1, source: 'Test source', source_scale: 'National',
    notes: 'On 27 March 2022, a test event, with a comma and "quotes".', fatalities: 3, tags: '', timestamp: 1650000000,
  };
  const row = { ...base, ...overrides };
  return ACLED_HEADER.split(',').map((c) => {
    const v = String(row[c] ?? '');
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}

export function acledCsv(rows: Array<Record<string, string | number>>, lineEnd = '\n'): string {
  return [ACLED_HEADER, ...rows.map(acledRow)].join(lineEnd) + lineEnd;
}
