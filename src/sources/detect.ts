/** Recognises a file's layout from its header: no flag needed for ACLED or UCDP files. */
import { CrisisError } from '../model/errors.js';
import { ref } from '../model/param.js';
import { IMPORT_PARAMS } from './params.js';
import type { Columns, Layout } from './layout.js';
import { ACLED_REQUIRED, detectAcled } from './layouts/acled.js';
import { detectUcdp } from './layouts/ucdp.js';
import { mappingLayout, type Mapping } from './layouts/mapping.js';

export type Detected = { kind: 'events'; layout: Layout } | { kind: 'deletions'; idColumn: string; timeColumn: string };

export function detectLayout(columns: Columns, file: string, mapping?: Mapping): Detected {
  if (mapping) return { kind: 'events', layout: mappingLayout(mapping, columns, file) };
  if (columns.has('event_id_cnty', 'deleted_timestamp') && !columns.has('event_date')) {
    return { kind: 'deletions', idColumn: columns.ref('event_id_cnty'), timeColumn: columns.ref('deleted_timestamp') };
  }
  const layout = detectUcdp(columns, file) ?? detectAcled(columns);
  if (layout) return { kind: 'events', layout };
  const looksUcdp = columns.has('type_of_violence') || columns.has('side_a');
  const missing = looksUcdp ? columns.missing(['id', 'type_of_violence', 'side_a', 'date_start', 'best']) : columns.missing(ACLED_REQUIRED);
  throw new CrisisError(`${file}: unknown layout: not an ACLED or UCDP GED file`, [
    `${looksUcdp ? 'a UCDP GED' : 'an ACLED'} file would also have the columns: ${missing.join(', ')}`,
    `the file has: ${columns.names.slice(0, 40).join(', ')}${columns.names.length > 40 ? ', …' : ''}`,
    `for any other CSV, say which column is which with ${ref(IMPORT_PARAMS.mapping)} (see docs/import.md)`,
  ]);
}
