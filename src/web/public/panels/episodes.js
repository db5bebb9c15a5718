/**
 * The deadliest episodes (/api/episodes): events close in space (10 km) and time (a day),
 * joined in chains and ranked by fatalities — "Moura, 27–31 March 2022". Clicking one
 * shows its place and dates in every panel.
 */
import { apiUrl, getJson } from '../api.js';
import { tableSvg } from '../charts/table-svg.js';
import { fill, fmt, h, names } from '../dom.js';
import { csvBlob, pngBlob, svgBlob } from '../download.js';
import { describe } from '../query.js';
import { noEventsNote } from '../data.js';
import { createPanel } from './panel.js';

const LIMIT = 8;
const COLUMNS = ['rank', 'first', 'last', 'location', 'admin1', 'country', 'places', 'fatalities', 'events', 'actors'];

/** @param {{ go: (change: { filters?: any, view?: any }) => void }} ctx */
export function episodesPanel(ctx) {
  const panel = createPanel({ id: 'episodes', title: 'Deadliest episodes', className: 'panel-episodes' });
  /** @type {any[]} */
  let rows = [];
  let filtersText = '';
  const image = () =>
    tableSvg({
      title: 'Deadliest episodes',
      subtitle: filtersText,
      columns: [
        { key: 'rank', label: '#', width: 28 },
        { key: 'dates', label: 'Dates', width: 160 },
        { key: 'place', label: 'Place', width: 240 },
        { key: 'fatalities', label: 'Fatalities', width: 80, align: 'end' },
        { key: 'events', label: 'Events', width: 64, align: 'end' },
        { key: 'actors', label: 'Actors', width: 300 },
      ],
      rows: rows.map((r) => ({ ...r, dates: dates(r.first, r.last), place: [r.location, r.admin1, r.country].filter(Boolean).join(', '), fatalities: fmt(r.fatalities), events: fmt(r.events) })),
      footer: 'Events at most 10 km and 1 day apart, joined in chains.',
    });
  panel.setDownloads({ csv: () => csvBlob(COLUMNS, rows), svg: () => svgBlob(image()), png: () => pngBlob(image()) });

  return {
    root: panel.root,
    /** @param {import('../state.js').State} state @param {AbortSignal} signal */
    async update(state, signal) {
      const { filters } = state;
      panel.filters = filters;
      rows = [];
      if (state.aggregate) return panel.notAvailable(noEventsNote(state.aggregate, 'episodes'));
      const answer = await getJson(apiUrl('/api/episodes', filters, { limit: LIMIT, max_ids: 0 }), signal);
      filtersText = describe(answer.filters);
      const episodes = answer.figures.episodes;
      rows = episodes.map((e) => ({
        rank: e.rank,
        first: e.first,
        last: e.last,
        location: e.place.location,
        admin1: e.place.admin1,
        country: e.place.country,
        places: e.places,
        fatalities: e.fatalities,
        events: e.eventCount,
        actors: e.actors
          .slice(0, 3)
          .map((a) => a.actor)
          .join('; '),
      }));
      fill(
        panel.body,
        episodes.length
          ? h(
              'ol',
              { class: 'episodes' },
              episodes.map((e) =>
                h(
                  'li',
                  { class: 'episode' },
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'episode-button',
                      title: 'Show this place and these dates in every panel',
                      onclick: () =>
                        ctx.go({
                          filters: { ...filters, year: [], from: e.first, to: e.last, country: e.place.country ? [e.place.country] : [], location: e.place.location ? [e.place.location] : [] },
                        }),
                    },
                    h('span', { class: 'episode-deaths' }, h('strong', null, fmt(e.fatalities)), ' killed'),
                    h(
                      'span',
                      { class: 'episode-place' },
                      [e.place.location, e.place.admin1, e.place.country].filter(Boolean).join(', '),
                      e.places > 1 ? ` and ${e.places - 1} nearby place${e.places > 2 ? 's' : ''}` : '',
                    ),
                    h('span', { class: 'episode-dates' }, `${dates(e.first, e.last)} · ${fmt(e.eventCount)} event${e.eventCount === 1 ? '' : 's'}`),
                    h('span', { class: 'episode-actors' }, names(e.actors.slice(0, 3).map((a) => a.actor))),
                  ),
                ),
              ),
            )
          : h('p', { class: 'empty' }, 'No event with fatalities and coordinates matches.'),
      );
      panel.setSubtitle(`${fmt(answer.figures.found)} episode${answer.figures.found === 1 ? '' : 's'} found; the ${Math.min(LIMIT, episodes.length)} deadliest`);
      panel.setNotes(
        answer.sentence,
        answer.caveats.filter((c) => !/SYNTHETIC/.test(c)),
      );
    },
  };
}

/** "2022-03-27 – 2022-03-31", or one day. */
const dates = (first, last) => (first === last ? first : `${first} – ${last}`);
