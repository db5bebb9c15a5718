/**
 * The options of charts and maps, declared once: `crisismap chart` and `map` (flags and
 * --help), /api/chart and /api/map (checks and OpenAPI), the dashboard's model and the docs
 * are derived from these, as the filters are from src/query/filter.ts.
 */
import { COMPARE, parseCompare } from '../analysis/trend.js';
import { param } from '../model/param.js';
import { GROUPS } from '../query/count.js';
import type { ChartOptions } from './chart.js';
import { METRICS } from './charts/common.js';
import { MAP_LEVELS } from './map-data.js';

/** What a chart or a map counts. */
export const METRIC = param('one-of', { key: 'metric', values: METRICS, default: 'fatalities', placeholder: 'WHAT', help: 'what is counted: fatalities or events' });

export const CHART_PARAMS = {
  by: param('list-of', {
    key: 'by',
    values: Object.keys(GROUPS),
    placeholder: 'FIELD[,FIELD]',
    example: 'year',
    help: 'groups for bar, stacked-bar, line and pie (each kind has a default); the period for trend',
  }),
  metric: METRIC,
  // No default declared: 15 bars, but the actor chart shows its 10 largest areas.
  top: param('whole', { key: 'top', min: 1, max: 1000, example: '15', help: "bars shown for groups (unless given: 15; the actor chart's areas: 10)" }),
  parts: param('whole', { key: 'parts', min: 1, max: 100, default: 6, help: 'colours in a stack, lines or slices before the rest is "Other"' }),
  compare: COMPARE,
};

export const MAP_PARAMS = {
  level: param('one-of', { key: 'level', values: MAP_LEVELS, default: 'admin1', placeholder: 'LEVEL', help: 'admin1 areas, countries, or points: a symbol per place' }),
  metric: METRIC,
  labels: param('whole', { key: 'labels', min: 0, max: 100, example: '5', help: 'label the N largest values (unless given: every area whose label fits; 5 places)' }),
};

/** A chart's options from the values of CHART_PARAMS, by key, as an interface read them. */
export function chartOptions(values: Record<string, unknown>): Omit<ChartOptions, 'names' | 'actor'> {
  const { compare, ...rest } = values as Omit<ChartOptions, 'compare'> & { compare?: string };
  return { ...rest, ...(compare ? { compare: parseCompare(compare) } : {}) };
}
