/**
 * The events behind every number (/api/events), a page at a time, in date order, with
 * their notes and sources. "N events" is the API's `matched`: the same count as the
 * headline. The CSV download is the API's own CSV of every matching event.
 */
import { apiUrl, getJson } from '../api.js';
import { tableSvg } from '../charts/table-svg.js';
import { fill, fmt, h } from '../dom.js';
import { fetchBlob, pngBlob, svgBlob } from '../download.js';
import { optionOf } from '../model.js';
import { describe } from '../query.js';
import { noEventsNote } from '../data.js';
import { createPanel } from './panel.js';

const PAGE_SIZE = 25;
// The API's largest page: the CSV holds every matching event up to it.
const CSV_LIMIT = optionOf('events', 'limit').max;
const FIELDS = ['id', 'event_date', 'country', 'admin1', 'admin2', 'location', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2', 'fatalities', 'notes', 'source'];

/** @param {{ go: (change: { filters?: any, view?: any }) => void }} ctx */
export function tablePanel(ctx) {
  const panel = createPanel({ id: 'table', title: 'Events', className: 'panel-table' });
  const scroller = h('div', { class: 'table-scroll', tabindex: 0, 'aria-label': 'Event table, scrolls sideways' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of events' });
  panel.body.append(scroller, pager);
  /** @type {any} */
  let list = null;
  let filters = /** @type {import('../query.js').Filters} */ ({});
  const image = () =>
    tableSvg({
      title: `Events ${(list.page - 1) * list.limit + 1}–${(list.page - 1) * list.limit + list.events.length} of ${fmt(list.matched)}`,
      subtitle: describe(list.filters),
      columns: [
        { key: 'event_date', label: 'Date', width: 84 },
        { key: 'place', label: 'Place', width: 200 },
        { key: 'event_type', label: 'Type', width: 180 },
        { key: 'actors', label: 'Actors', width: 320 },
        { key: 'fatalities', label: 'Deaths', width: 56, align: 'end' },
        { key: 'notes', label: 'Notes', width: 420 },
      ],
      rows: list.events.map((e) => ({ ...e, place: place(e), actors: actors(e) })),
    });
  panel.setDownloads({
    csv: () => fetchBlob(apiUrl('/api/events.csv', filters, { limit: CSV_LIMIT })),
    svg: () => svgBlob(image()),
    png: () => pngBlob(image()),
  });

  return {
    root: panel.root,
    /** @param {import('../state.js').State} state @param {AbortSignal} signal */
    async update(state, signal) {
      filters = state.filters;
      panel.filters = filters;
      const page = state.view.page;
      if (state.aggregate) {
        list = null;
        delete panel.root.dataset.matched;
        fill(scroller);
        fill(pager);
        return panel.notAvailable(noEventsNote(state.aggregate, 'events'));
      }
      list = await getJson(apiUrl('/api/events', filters, { limit: PAGE_SIZE, page, fields: FIELDS.join(',') }), signal);
      list.page ??= page;
      list.limit ??= PAGE_SIZE;
      const pages = Math.max(1, Math.ceil(list.matched / list.limit));
      panel.root.dataset.matched = String(list.matched);
      panel.setSubtitle(h('strong', { class: 'matched' }, `${fmt(list.matched)} event${list.matched === 1 ? '' : 's'}`), list.matched ? ' in date order' : '');
      fill(
        scroller,
        list.events.length
          ? h(
              'table',
              { class: 'events' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  ['Date', 'Place', 'Type', 'Actors', 'Fatalities', 'Notes', 'Source'].map((t) => h('th', { scope: 'col', class: t === 'Fatalities' ? 'num' : undefined }, t)),
                ),
              ),
              h(
                'tbody',
                null,
                list.events.map((e) =>
                  h(
                    'tr',
                    { dataset: { id: String(e.id) } },
                    h('td', { class: 'date' }, e.event_date),
                    h('td', { class: 'place' }, place(e)),
                    h('td', { class: 'type' }, e.event_type, e.sub_event_type ? h('span', { class: 'sub' }, e.sub_event_type) : null),
                    h('td', { class: 'actors' }, actorLines(e)),
                    h('td', { class: 'num' }, fmt(e.fatalities)),
                    h('td', { class: 'notes' }, e.notes ? note(e.notes) : ''),
                    h('td', { class: 'source' }, e.source ?? ''),
                  ),
                ),
              ),
            )
          : h('p', { class: 'empty' }, 'No events match these filters.'),
      );
      const go = (p) => ctx.go({ view: { page: p } });
      fill(
        pager,
        h('button', { type: 'button', disabled: list.page <= 1, onclick: () => go(list.page - 1) }, '‹ Previous'),
        h('span', { class: 'page-of' }, `Page ${fmt(list.page)} of ${fmt(pages)}`),
        h('button', { type: 'button', disabled: list.page >= pages, onclick: () => go(list.page + 1) }, 'Next ›'),
      );
    },
  };
}

/** A note shown in three lines, whole on a click (or Enter). */
function note(text) {
  const flip = (el) => el.setAttribute('aria-expanded', String(el.getAttribute('aria-expanded') !== 'true'));
  return h(
    'div',
    {
      class: 'note',
      role: 'button',
      tabindex: 0,
      'aria-expanded': 'false',
      title: 'Click to read the whole note',
      onclick: (e) => flip(e.currentTarget),
      onkeydown: (e) => {
        if (e.key === 'Enter') flip(e.currentTarget);
      },
    },
    text,
  );
}

const place = (e) => [e.location, e.admin2, e.admin1, e.country].filter(Boolean).join(', ');

/** Each side on its own line: actor1 with its associated actors, then actor2 with its. */
function actorLines(e) {
  const side = (main, assoc) => [main, ...(Array.isArray(assoc) ? assoc : [])].filter(Boolean).join('; ');
  return [side(e.actor1, e.assoc_actor_1), side(e.actor2, e.assoc_actor_2)].filter(Boolean).map((t, i) => h('span', { class: `side side-${i + 1}` }, t));
}
const actors = (e) => [e.actor1, e.actor2].filter(Boolean).join(' v ');
