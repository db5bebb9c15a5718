/**
 * `chart actor NAME`: the actor profile as two panels, fatalities (or events) in incidents
 * involving the actor by year, then by admin1 area. The title is the profile's sentence.
 */
import type { ActorFigures } from '../../analysis/actor.js';
import type { Answer } from '../../analysis/answer.js';
import type { CountResult, CountRow, GroupField } from '../../query/count.js';
import { figureText } from '../figure.js';
import { panelTitle, type Chart } from '../spec.js';
import { barChart, cap } from './bar.js';
import type { Metric } from './common.js';

export interface ActorChartOptions {
  metric: Metric;
  top: number;
}

export function actorChart(answer: Answer<ActorFigures>, options: ActorChartOptions): Chart {
  const f = answer.figures;
  const asResult = (rows: CountRow[], by: GroupField[]): CountResult => ({ by, rows, total: f.total, filters: answer.filters, datasets: answer.datasets, notes: [] });
  const admin1By = (Object.keys(f.byAdmin1[0] ?? { admin1: null }) as GroupField[]).filter((k) => k === 'country' || k === 'admin1');
  const years = barChart(asResult(f.byYear, ['year']), 'year', options);
  const areas = barChart(asResult(f.byAdmin1, admin1By), 'admin1', options);
  const who = f.matched.length === 1 ? f.matched[0]!.actor : f.actor.names.join(', ');
  const plots = [
    { ...years.plots[0], title: panelTitle(`By year: ${options.metric} in incidents involving ${who}`) },
    { ...areas.plots[0], title: panelTitle(`By admin1 area${f.byAdmin1.length > options.top ? ` (the ${options.top} with the most ${options.metric})` : ''}`) },
  ];
  // The profile's sentence, up to its first ";", is the finding; the rest goes to the notes.
  const [finding, ...rest] = answer.sentence.replace(/\.$/, '').split('; ');
  const notes = [...rest.map((r) => cap(r)), ...answer.caveats];
  const what = `${cap(options.metric)} in incidents involving ${who}, by year and by admin1 area`;
  const table = {
    columns: ['panel', 'year', 'country', 'admin1', 'events', 'fatalities'],
    rows: [
      ...f.byYear.map((r) => ({ panel: 'year', year: r.year ?? null, country: null, admin1: null, events: r.events, fatalities: r.fatalities })),
      ...f.byAdmin1.map((r) => ({
        panel: 'admin1',
        year: null,
        country: r.country ?? (answer.filters.country?.length === 1 ? answer.filters.country[0]! : null),
        admin1: r.admin1 ?? null,
        events: r.events,
        fatalities: r.fatalities,
      })),
    ],
  };
  return { kind: 'actor', text: figureText(finding ?? `No incidents involving ${who}`, what, answer.filters, answer.datasets, notes), plots, table };
}
