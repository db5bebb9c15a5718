/**
 * The whole dashboard state, kept in the URL: filters in the query string, view settings
 * in the fragment (query.js). Every change is a history entry, so back and forward step
 * through the views a reader went through, and a copied URL reloads the same view.
 */
import { DEFAULT_VIEW, filtersToParams, parseFilters, parseView, viewToHash } from './query.js';

/**
 * The state in the URL; `aggregate` is derived from it (app.js): the aggregated dataset the
 * filters choose, or null for events.
 * @typedef {{ filters: import('./query.js').Filters, view: import('./query.js').View, aggregate?: import('./data.js').Aggregate | null }} State
 */

/** @type {Set<(state: State) => void>} */
const listeners = new Set();

/** @returns {State} */
export function current() {
  return { filters: parseFilters(location.search), view: parseView(location.hash) };
}

/** @param {State} state */
export function urlOf(state) {
  const query = filtersToParams(state.filters).toString();
  return `${location.pathname}${query ? `?${query}` : ''}${viewToHash(state.view)}`;
}

/**
 * Change the filters and/or the view. A filter change sends the table back to page 1:
 * page 7 of another selection means nothing.
 * @param {{ filters?: State['filters'], view?: Partial<State['view']> }} change
 * @param {{ replace?: boolean }} [options] replace: no new history entry (typing, not choosing)
 */
export function update(change, options = {}) {
  const before = current();
  const filters = change.filters ?? before.filters;
  const view = { ...before.view, ...change.view };
  if (change.filters && filtersToParams(filters).toString() !== filtersToParams(before.filters).toString()) view.page = DEFAULT_VIEW.page;
  const url = urlOf({ filters, view });
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  history[options.replace ? 'replaceState' : 'pushState'](null, '', url);
  notify();
}

/** @param {(state: State) => void} fn */
export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function notify() {
  const state = current();
  for (const fn of listeners) fn(state);
}

// Back, forward, and a hand-edited fragment all arrive here.
addEventListener('popstate', notify);
addEventListener('hashchange', notify);
