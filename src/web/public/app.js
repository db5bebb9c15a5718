/**
 * The crisismap dashboard. One state, kept in the URL (state.js), drives every panel:
 *   1. read the state from the URL (on load, on back/forward, after every click);
 *   2. update the filter bar at once;
 *   3. ask every panel to fetch and draw what the state selects, all in parallel, each
 *      with its own loading and error state; a newer state aborts what is still loading;
 *   4. when all are done, mark the page ready (data-state="ready" on <body>, which the
 *      end-to-end tests wait for).
 * Panels change the state only through ctx.go(), which writes the URL; nothing else does.
 * The data shown is the store's events or one aggregated dataset (data.js), chosen by the
 * `dataset` filter: panels get it as state.aggregate, and a view the data cannot show (event
 * points, calendar weeks, a measure it does not count) is drawn as the nearest it can.
 */
import { getOnce, isAbort } from './api.js';
import { checkView } from './check.js';
import { aboutAggregate, aggregateOf, choicesOf, dataChooser, viewFor } from './data.js';
import { fill, fmt, h } from './dom.js';
import { breakdownPanel } from './panels/breakdown.js';
import { episodesPanel } from './panels/episodes.js';
import { filterBar } from './panels/filter-bar.js';
import { mapPanel } from './panels/map.js';
import { setStatus, toggle } from './panels/panel.js';
import { tablePanel } from './panels/table.js';
import { timeSeriesPanel } from './panels/timeseries.js';
import { totalsPanel } from './panels/totals.js';
import { victimsPanel } from './panels/victims.js';
import { mapPixelOf, numbers } from './probe.js';
import { current, subscribe, update, urlOf } from './state.js';

/** @type {import('./state.js').Go} */
const ctx = { go: (change) => update(change) };

const bar = filterBar(ctx);
const chooser = dataChooser(ctx);
/** Said above the panels whenever aggregated data answers. */
const aggregateNote = h('p', { id: 'aggregate-note', class: 'aggregate-note', role: 'note', hidden: true });
const metric = toggle(
  'Count',
  [
    ['events', 'Events'],
    ['fatalities', 'Fatalities'],
  ],
  (value) => ctx.go({ view: { metric: value } }),
);
const panels = [
  mapPanel(ctx),
  totalsPanel(),
  timeSeriesPanel(ctx),
  breakdownPanel(ctx, { id: 'event-types', key: 'event_type', title: 'By event type' }),
  breakdownPanel(ctx, {
    id: 'actors',
    key: 'actor',
    title: 'By actor',
    limit: 12,
    note: 'An event counts under every actor involved in it (actor 1, actor 2 and associated actors), so bars overlap and add up to more than the total.',
  }),
  victimsPanel(ctx),
  episodesPanel(ctx),
  tablePanel(ctx),
];

const check = checkView(ctx);
/** The two views, as tabs: the dashboard, and "Check a text" (#view=check). */
const tabs = /** @type {Array<['dashboard' | 'check', string]>} */ ([
  ['dashboard', 'Dashboard'],
  ['check', 'Check a text'],
]).map(([view, title]) =>
  h(
    'a',
    {
      class: 'tab',
      id: `tab-${view}`,
      href: '/',
      dataset: { view },
      onclick: (/** @type {MouseEvent} */ event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        ctx.go({ view: { view } });
      },
    },
    title,
  ),
);

document.getElementById('filters')?.replaceWith(bar.root);
document.getElementById('metric')?.append(h('span', { class: 'toggle-label' }, 'Count'), metric.root);
document.getElementById('metric')?.before(chooser.root);
document.getElementById('panels')?.append(...panels.map((p) => p.root));
document.getElementById('views')?.append(...tabs);
document.getElementById('panels')?.after(check.root);
document.getElementById('panels')?.before(aggregateNote);

/** @type {AbortController | null} */
let running = null;
/**
 * What the store holds (dates for the date inputs, whether it is the synthetic demo).
 * @type {import('./api.js').StoreInfo | null}
 */
let info = null;

/** @param {import('./state.js').State} url the state as the URL gives it */
async function render(url) {
  running?.abort();
  const aggregate = aggregateOf(url.filters, info);
  // A store of several aggregated datasets and no events: show the first, rather than every panel asking which.
  const firstAggregate = info?.aggregates?.[0];
  if (!aggregate && info && !info.events && firstAggregate && (info.aggregates ?? []).length > 1) {
    update({ filters: { ...url.filters, dataset: [firstAggregate.dataset] } }, { replace: true });
    return;
  }
  const state = { ...url, view: viewFor(url.view, aggregate), aggregate };
  const controller = new AbortController();
  running = controller;
  showView(state);
  if (state.view.view === 'check') {
    document.body.dataset.state = 'ready';
    check.root.querySelector('textarea')?.focus({ preventScroll: true });
    return;
  }
  document.body.dataset.state = 'loading';
  metric.set(state.view.metric);
  metric.offer(choicesOf(aggregate).metric);
  bar.update(state, info);
  chooser.update(state, info, aggregate);
  aggregateNote.hidden = !aggregate;
  if (aggregate)
    fill(
      aggregateNote,
      h('strong', null, 'Aggregated data. '),
      `${aboutAggregate(aggregate)}, ${aggregate.first} to ${aggregate.last}. These are ACLED's own totals, counted here at that resolution (dates match whole ${aggregate.period}s); there are no events behind these numbers, and they are never added to events.`,
    );
  if (aggregate) document.body.dataset.aggregate = aggregate.dataset;
  else delete document.body.dataset.aggregate;
  await Promise.all(
    panels.map(async (panel) => {
      setStatus(panel.root, 'loading');
      try {
        await panel.update(state, controller.signal);
        if (!controller.signal.aborted) setStatus(panel.root, 'ready');
      } catch (error) {
        if (isAbort(error) || controller.signal.aborted) return;
        console.error(`panel ${panel.root.id}:`, error);
        setStatus(panel.root, 'error', /** @type {Error & { hints?: string[] }} */ (error));
      }
    }),
  );
  if (controller.signal.aborted) return;
  document.body.dataset.state = 'ready';
}

/** Show one view and hide the other; the tabs link to both with the current filters. @param {import('./state.js').State} state */
function showView(state) {
  const checking = state.view.view === 'check';
  for (const el of [bar.root, document.getElementById('panels'), document.getElementById('metric')]) if (el) el.hidden = checking;
  if (checking) aggregateNote.hidden = true;
  if (checking) chooser.root.hidden = true;
  check.root.hidden = !checking;
  for (const tab of tabs) {
    const view = /** @type {'dashboard' | 'check'} */ (tab.dataset.view);
    tab.setAttribute('href', urlOf({ filters: state.filters, view: { ...state.view, view } }));
    if (view === state.view.view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
}

async function start() {
  try {
    const raw = /** @type {import('./api.js').StoreInfo} */ (await getOnce('/api/info'));
    const first = /** @type {string[]} */ (raw.datasets.map((d) => d.first_date).filter(Boolean)).sort()[0];
    const last = /** @type {string[]} */ (raw.datasets.map((d) => d.last_date).filter(Boolean)).sort().pop();
    info = { ...raw, first, last };
    showStore(info);
  } catch (error) {
    showStore(null, error);
  }
  subscribe(render);
  await render(current());
}

/** The synthetic-data banner, and a line on what the store holds. @param {import('./api.js').StoreInfo | null} store @param {unknown} [error] */
function showStore(store, error) {
  const banner = document.getElementById('banner');
  const about = document.getElementById('store');
  if (!store) {
    if (about) fill(about, `The store could not be read: ${/** @type {Error | undefined} */ (error)?.message ?? 'unknown error'}`);
    return;
  }
  const synthetic = store.datasets.some((d) => d.synthetic || d.dataset === 'demo-synthetic');
  if (banner) {
    banner.hidden = !synthetic;
    fill(banner, h('strong', null, 'Synthetic demo data'), ' — invented events for trying crisismap, not real reporting');
  }
  if (about) {
    fill(
      about,
      store.events || !store.aggregates?.length ? `${fmt(store.events)} events` : 'no events, aggregated data only',
      store.first ? `, ${store.first} to ${store.last}` : '',
      ' · ',
      [...store.datasets.map((d) => `${d.dataset} (${d.versions.join(', ')})`), ...(store.aggregates ?? []).map((a) => `${a.dataset} (${a.versions.join(', ')}, aggregated)`)].join('; '),
      ...syncLine(store.sync ?? []),
    );
  }
}

/** When the data was last synced from the APIs, and whether the last attempt failed and why. @param {import('./api.js').Subscription[]} subscriptions */
function syncLine(subscriptions) {
  if (!subscriptions.length) return [];
  const failed = subscriptions.filter((s) => s.last_error);
  const synced = subscriptions
    .map((s) => s.last_success_at)
    .filter(Boolean)
    .sort()[0];
  // The server sends null for a time it has none of.
  const when = (/** @type {string | null | undefined} */ t) => (t ? `${t.slice(0, 16).replace('T', ' ')} UTC` : 'time unknown');
  return [
    ' · ',
    synced ? `synced ${when(synced)}` : 'never synced',
    ...failed.map((s) => h('span', { class: 'sync-failed', 'data-subscription': s.subscription }, ` · last sync of ${s.subscription} failed (${when(s.last_attempt_at)}): ${s.last_error}`)),
  ];
}

// Read-back for the end-to-end tests and the console (probe.js).
window.crisismap = { ...window.crisismap, numbers, mapPixelOf };

start();
