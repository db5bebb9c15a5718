/**
 * Which data the dashboard shows: the store's events, or one of its aggregated datasets
 * (ACLED's weekly and country-level files, listed by /api/info under `aggregates`). As in the
 * API, aggregates are never added to events: the `dataset` filter in the URL chooses one
 * aggregated dataset, and every panel then works at its resolution — counts, the series and
 * the map by area — while the panels that need events say that it has none behind its numbers.
 *
 * @typedef {{ dataset: string, versions: string[], scope: string, resolution: string, period: 'week' | 'month' | 'year',
 *   rows: number, measures: Array<'events' | 'fatalities'>, columns: string[], first: string, last: string }} Aggregate
 */
import { h } from './dom.js';

/**
 * The aggregated dataset the filters choose, or null for events. A store of one aggregated
 * dataset and no events answers from it without being asked, as the API does.
 * @param {import('./query.js').Filters} filters @param {{ events: number, aggregates?: Aggregate[] } | null} info
 * @returns {Aggregate | null}
 */
export function aggregateOf(filters, info) {
  const aggregates = info?.aggregates ?? [];
  const wanted = /** @type {string[]} */ (filters.dataset ?? []).map((d) => d.trim().toLowerCase());
  if (wanted.length === 1) return aggregates.find((a) => a.dataset.toLowerCase() === wanted[0]) ?? null;
  return !wanted.length && info && !info.events && aggregates.length === 1 ? aggregates[0] : null;
}

/** Filters (by HTTP name) that an aggregated dataset can answer: the API refuses the others. */
export function appliesTo(aggregate, key) {
  return !aggregate || ['country', 'year', 'dataset', 'from', 'to', ...aggregate.columns].includes(key);
}

/**
 * The filters kept when switching to other data: the dates. Places and types are the other
 * data's own (a country one file holds may be absent from another, which the API refuses).
 */
export function datesOf(filters) {
  return Object.fromEntries(Object.entries(filters).filter(([key]) => ['from', 'to', 'year'].includes(key)));
}

/**
 * What the view can show of this data: no event points, no calendar weeks (ACLED's weeks
 * start on Saturday) nor periods shorter than its rows, and only the measures it counts.
 * @param {Aggregate | null} aggregate
 */
export function choicesOf(aggregate) {
  if (!aggregate) return { map: ['points', 'admin1', 'country'], step: ['year', 'quarter', 'month', 'week'], metric: ['events', 'fatalities'] };
  return {
    map: aggregate.columns.includes('admin1') ? ['admin1', 'country'] : ['country'],
    step: aggregate.period === 'year' ? ['year'] : ['year', 'quarter', 'month'],
    metric: aggregate.measures,
  };
}

/**
 * The view as it can be drawn: a setting the data cannot show becomes the nearest it can.
 * @param {import('./query.js').View} view @param {Aggregate | null} aggregate @returns {import('./query.js').View}
 */
export function viewFor(view, aggregate) {
  const can = choicesOf(aggregate);
  const pick = (key, fallback) => (can[key].includes(view[key]) ? view[key] : fallback);
  return { ...view, map: pick('map', can.map[0]), step: pick('step', can.step[can.step.length - 1]), metric: pick('metric', can.metric[0]) };
}

/** "acled-weekly (up to 2026-03-28): all events per week × admin1 × event type × sub-event type" */
export function aboutAggregate(aggregate) {
  return `${aggregate.dataset} (${aggregate.versions.join(', ')}): ${aggregate.scope} per ${aggregate.resolution}`;
}

/**
 * What a panel that needs events shows for aggregated data: said plainly, not as an error.
 * @param {Aggregate} aggregate @param {string} what "actors", "events to list"
 */
export function noEventsNote(aggregate, what) {
  return h(
    'p',
    { class: 'no-events', role: 'note' },
    h('strong', null, `${aggregate.dataset} is aggregated data: it has no events behind its numbers`),
    `, so there are no ${what} to show. It holds ACLED's own totals of ${aggregate.scope}, one row per ${aggregate.resolution}.`,
  );
}

/**
 * What a panel shows when the aggregated data has no such breakdown.
 * @param {Aggregate} aggregate @param {string} what "event type"
 */
export function notInData(aggregate, what) {
  return h('p', { class: 'no-events', role: 'note' }, `${aggregate.dataset} does not count by ${what}: it holds ${aggregate.scope}, one row per ${aggregate.resolution}.`);
}

/**
 * The data chooser: the events (when the store has any) and each aggregated dataset.
 * Choosing sets the `dataset` filter, keeping the dates.
 * @param {{ go: (change: { filters?: any, view?: any }) => void }} ctx
 */
export function dataChooser(ctx) {
  const select = h('select', { id: 'data-choice', name: 'dataset' });
  const root = h('div', { class: 'data-choice', hidden: true }, h('label', { for: 'data-choice' }, 'Data'), select);
  /** @type {import('./query.js').Filters} */
  let filters = {};
  /** @type {Aggregate[]} */
  let aggregates = [];
  select.addEventListener('change', () => {
    const chosen = aggregates.find((a) => a.dataset === select.value) ?? null;
    ctx.go({ filters: { ...datesOf(filters), dataset: chosen ? [chosen.dataset] : [] } });
  });
  return {
    root,
    /** @param {import('./state.js').State} state @param {any} info @param {Aggregate | null} aggregate */
    update(state, info, aggregate) {
      filters = state.filters;
      aggregates = info?.aggregates ?? [];
      root.hidden = !aggregates.length;
      select.replaceChildren(
        ...(info?.events ? [h('option', { value: '' }, `Events (${info.datasets.map((d) => d.dataset).join(', ')})`)] : []),
        ...aggregates.map((a) => h('option', { value: a.dataset }, `${a.dataset}: ${a.scope} per ${a.resolution}`)),
      );
      select.value = aggregate?.dataset ?? '';
    },
  };
}
