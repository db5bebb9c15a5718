/**
 * Any other CSV, through a mapping file (docs/import.md):
 *   {"dataset": "name", "fields": {"<our field>": "<their column>"}, "constants": {"<our field>": value}}
 */
import { readFileSync, existsSync } from 'node:fs';
import { CrisisError } from '../../model/errors.js';
import { type Columns, sqlString, type Layout, type LayoutField } from '../layout.js';
import { LAYOUT_FIELDS } from '../normalize.js';
import { DATE_ORDERS, type DateOrder } from '../dates.js';

export interface Mapping {
  dataset: string;
  version?: string;
  /** Order of day and month in dates written with slashes, when the file cannot prove it. */
  dateOrder?: DateOrder;
  fields: Partial<Record<LayoutField, string>>;
  constants?: Partial<Record<LayoutField, string | number | boolean | null>>;
}

export function readMapping(path: string): Mapping {
  if (!existsSync(path)) throw new CrisisError(`${path}: no such mapping file`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CrisisError(`${path}: not valid JSON: ${(error as Error).message}`, ['see docs/import.md for the mapping format']);
  }
  const mapping = value as Mapping;
  const problems: string[] = [];
  if (typeof mapping !== 'object' || mapping === null) problems.push('the mapping must be a JSON object');
  else {
    if (typeof mapping.dataset !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/i.test(mapping.dataset)) {
      problems.push('"dataset" must be a name of letters, digits, ".", "_" or "-" (e.g. "my-monitor")');
    }
    if (typeof mapping.fields !== 'object' || mapping.fields === null) problems.push('"fields" must map our field names to your column names');
    for (const key of [...Object.keys(mapping.fields ?? {}), ...Object.keys(mapping.constants ?? {})]) {
      if (!LAYOUT_FIELDS.includes(key as LayoutField)) problems.push(`unknown field "${key}"; fields are: ${LAYOUT_FIELDS.join(', ')}`);
    }
    if (!mapping.fields?.event_date && !mapping.constants?.event_date) problems.push('"fields" must map event_date');
    if (mapping.dateOrder !== undefined && !DATE_ORDERS.includes(mapping.dateOrder)) problems.push(`"dateOrder" must be ${DATE_ORDERS.map((o) => `"${o}"`).join(' or ')}`);
  }
  if (problems.length) throw new CrisisError(`${path}: invalid mapping`, problems);
  return mapping;
}

export function mappingLayout(mapping: Mapping, columns: Columns, file: string): Layout {
  const missing = Object.values(mapping.fields).filter((c): c is string => typeof c === 'string' && !columns.has(c));
  if (missing.length) {
    throw new CrisisError(`${file}: the mapping names columns the file does not have: ${missing.join(', ')}`, [`the file's columns are: ${columns.names.join(', ')}`]);
  }
  const fields: Partial<Record<LayoutField, string>> = {};
  for (const [field, column] of Object.entries(mapping.fields)) fields[field as LayoutField] = columns.ref(column as string);
  for (const [field, value] of Object.entries(mapping.constants ?? {})) {
    fields[field as LayoutField] = value === null ? 'NULL' : sqlString(String(value));
  }
  const required = (['source_id', 'event_date', 'fatalities'] as LayoutField[]).filter((f) => mapping.fields[f]);
  return {
    name: `mapping:${mapping.dataset}`,
    dataset: mapping.dataset,
    ...(mapping.version ? { version: mapping.version } : {}),
    fields,
    required,
    deriveIds: !fields.source_id,
  };
}
