/**
 * The filter model the dashboard reads (/api/filters.json), derived from the declarations in
 * filter.ts: every filter's names, kind, bounds and default, and how ACLED's event_date_where
 * reads. The dashboard keeps no list of its own, so it cannot drift from the API.
 */
import type { Param } from '../model/param.js';
import { DATE_WHERE_MEANS, EVENT_DATE, EVENT_DATE_WHERE, FILTERS } from './filter.js';

export interface ModelParam {
  key: string;
  http: string | null;
  flag: string | null;
  label: string;
  kind: Param['kind'];
  help: string;
  maxValues: number;
  maxLength: number;
  default?: unknown;
  min?: number;
  max?: number;
  values?: readonly string[];
  /** More words that mean "on", for a switch. */
  yes?: readonly string[];
  onOnly?: boolean;
  /** Command-line switches that stand for a value (--deadliest: order deadliest). */
  shorthands?: Readonly<Record<string, string>>;
}

export interface FilterModel {
  filters: ModelParam[];
  eventDate: { http: string; maxValues: number; where: { http: string; default: string; values: readonly string[]; means: typeof DATE_WHERE_MEANS } };
}

export function modelParam(p: Param): ModelParam {
  return {
    key: p.key,
    http: p.http,
    flag: p.flag,
    label: p.label,
    kind: p.kind,
    help: p.help,
    maxValues: p.maxValues,
    maxLength: p.maxLength,
    ...(p.default !== undefined ? { default: p.default } : {}),
    ...(p.min !== undefined ? { min: p.min } : {}),
    ...(p.max !== undefined ? { max: p.max } : {}),
    ...(p.values ? { values: p.values } : {}),
    ...(p.yes ? { yes: p.yes } : {}),
    ...(p.onOnly ? { onOnly: true } : {}),
    ...(p.shorthands ? { shorthands: p.shorthands } : {}),
  };
}

export function filterModel(): FilterModel {
  return {
    filters: FILTERS.map(modelParam),
    eventDate: {
      http: EVENT_DATE.http!,
      maxValues: EVENT_DATE.maxValues,
      where: { http: EVENT_DATE_WHERE.http!, default: String(EVENT_DATE_WHERE.default), values: EVENT_DATE_WHERE.values!, means: DATE_WHERE_MEANS },
    },
  };
}
