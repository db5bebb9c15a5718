/**
 * One entry for every chart kind: the counts behind `bar`, `stacked-bar`, `line` and `pie`
 * come from count(); `trend`, `victims` and `actor` draw the analyses of the same names.
 * Data reaches the charts only through the query layer and the analyses.
 */
import { KEY_NAMES, named, ref, request, wordDeep, type Namer } from '../model/param.js';
import { actorProfile, trend, victims } from '../analysis/index.js';
import { parsePeriodKind, type PeriodKind } from '../analysis/periods.js';
import { CrisisError } from '../model/errors.js';
import { count, type GroupField } from '../query/count.js';
import { FILTER_PARAMS, type Filter } from '../query/filter.js';
import type { Store } from '../store/store.js';
import { actorChart } from './charts/actor.js';
import { barChart } from './charts/bar.js';
import type { Metric } from './charts/common.js';
import { lineChart } from './charts/line.js';
import { pieChart } from './charts/pie.js';
import { stackedChart } from './charts/stacked.js';
import { trendChart } from './charts/trend.js';
import { victimsChart } from './charts/victims.js';
import { CHART_KINDS, type Chart, type ChartKind } from './spec.js';

export interface ChartOptions {
  /** Groups (count kinds) or the period (trend); each kind has a default. */
  by?: GroupField[];
  /** What is counted (default fatalities). */
  metric?: Metric;
  /** Bars shown for groups (default 15; the actor chart's areas: 10). */
  top?: number;
  /** Colours in a stack, lines or slices before the rest is "Other" (default 6). */
  parts?: number;
  /** Trend: the two periods to compare. */
  compare?: [string, string];
  /** How the interface asking names parameters in the notes drawn on the chart (--successors, successors=1). */
  names?: Namer;
  /** Actor chart: the actor's name (through the analysis's alias table). */
  actor?: string;
}

const DEFAULT_BY: Partial<Record<ChartKind, GroupField[]>> = {
  bar: ['year'],
  'stacked-bar': ['year', 'event_type'],
  line: ['month'],
  pie: ['event_type'],
};

export function parseKind(kind: string | undefined): ChartKind {
  if (!kind || !CHART_KINDS.includes(kind as ChartKind)) {
    throw new CrisisError(kind ? `unknown chart kind "${kind}"` : 'which chart? name its kind', [`kinds: ${CHART_KINDS.join(', ')}`]);
  }
  return kind as ChartKind;
}

export async function chart(store: Store, kind: ChartKind, filter: Filter, options: ChartOptions = {}): Promise<Chart> {
  const worded = <T>(answer: T): T => wordDeep(answer, options.names ?? KEY_NAMES);
  const metric = options.metric ?? 'fatalities';
  const by = options.by?.length ? options.by : (DEFAULT_BY[kind] ?? []);
  const parts = options.parts ?? 6;
  switch (kind) {
    case 'bar': {
      if (by.length !== 1) throw new CrisisError('a bar chart shows one grouping', [`e.g. ${ref(named('by'), 'year')}, or use stacked-bar for two: ${ref(named('by'), 'year,event_type')}`]);
      return barChart(await count(store, filter, by), by[0]!, { metric, top: options.top ?? 15 });
    }
    case 'stacked-bar':
      return stackedChart(await count(store, filter, by), by, { metric, top: options.top ?? 15, parts });
    case 'line':
      return lineChart(await count(store, filter, by), by, { metric, parts });
    case 'pie':
      return pieChart(await count(store, filter, by), by, { metric, parts });
    case 'trend': {
      const period: PeriodKind = parsePeriodKind(options.by?.[0] ?? 'year');
      return trendChart(worded(await trend(store, filter, { by: period, metric, ...(options.compare ? { compare: options.compare } : {}) })));
    }
    case 'victims':
      return victimsChart(worded(await victims(store, filter)));
    case 'actor': {
      const name = options.actor ?? (filter.actor?.length === 1 ? filter.actor[0] : undefined);
      if (!name)
        throw new CrisisError('the actor chart needs one actor', [
          `e.g. ${request(
            'chart',
            [
              [FILTER_PARAMS.actor, 'Wagner'],
              [FILTER_PARAMS.country, 'Mali'],
            ],
            'actor',
          )}`,
        ]);
      const { actor: _actor, actorExact: _exact, ...rest } = filter;
      return actorChart(worded(await actorProfile(store, name, rest)), { metric, top: options.top ?? 10 });
    }
  }
}
