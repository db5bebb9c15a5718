/**
 * The filter bar: country, admin1, dates, event type, actor and "targets civilians", with
 * suggestions drawn from the data under the other filters (so a country already chosen
 * narrows the admin1 and actor suggestions), and one chip per active value to remove it.
 * Typed values are alternatives of their key (country Mali or Niger), as in the API.
 */
import { apiUrl, getJson, getOnce, isAbort } from '../api.js';
import { fill, fmt, h } from '../dom.js';
import { appliesTo } from '../data.js';
import { chipsOf, filtersToParams, isEmpty, removeChip, without } from '../query.js';

/** Text fields with suggestions: the filter key (also what /api/count groups by to suggest values) and its label. */
const FIELDS = [
  { key: 'country', label: 'Country', placeholder: 'e.g. Mali' },
  { key: 'admin1', label: 'Admin1', placeholder: 'e.g. Mopti' },
  { key: 'event_type', label: 'Event type', placeholder: 'e.g. Battles' },
  { key: 'actor', label: 'Actor', placeholder: 'part of a name: Wagner' },
];

/** @param {{ go: (change: { filters?: any, view?: any }) => void }} ctx */
export function filterBar(ctx) {
  /** @type {import('../query.js').Filters} */
  let filters = {};
  const fields = FIELDS.map((field) =>
    suggestField(
      field,
      () => filters,
      (value) => {
        const values = /** @type {string[]} */ (filters[field.key] ?? []);
        if (!values.some((v) => v.toLowerCase() === value.toLowerCase())) ctx.go({ filters: { ...filters, [field.key]: [...values, value] } });
      },
    ),
  );
  const date = (key, label) =>
    h('input', {
      type: 'date',
      id: `filter-${key}`,
      name: key,
      'aria-label': label,
      onchange: (e) => {
        const value = /** @type {HTMLInputElement} */ (e.target).value || undefined;
        const next = { ...filters, [key]: value };
        // A range typed backwards is meant forwards (the API refuses from > to).
        if (next.from && next.to && next.from > next.to) [next.from, next.to] = [next.to, next.from];
        ctx.go({ filters: next });
      },
    });
  const from = date('from', 'From date');
  const to = date('to', 'To date');
  const civilians = h('input', {
    type: 'checkbox',
    id: 'filter-civilian_targeting',
    onchange: (e) => ctx.go({ filters: { ...filters, civilian_targeting: /** @type {HTMLInputElement} */ (e.target).checked || undefined } }),
  });
  const chips = h('ul', { class: 'chips', 'aria-label': 'Active filters' });
  // Clearing keeps the aggregated dataset chosen: it is the data shown, not a filter of it.
  /** @type {import('../query.js').Filters} */
  let kept = {};
  const clear = h('button', { type: 'button', class: 'clear', onclick: () => ctx.go({ filters: kept }) }, 'Clear all');
  const api = h('a', { class: 'api-link', title: 'The same numbers as JSON, from the API' }, 'JSON');

  // On a phone the fields fold away under "Filters" (the chips stay in view); elsewhere
  // the summary is hidden and the fields are always shown.
  const root = h(
    'form',
    { class: 'filter-bar', role: 'search', 'aria-label': 'Filters', onsubmit: (e) => e.preventDefault() },
    h(
      'details',
      { class: 'filter-details', open: !matchMedia('(max-width: 700px)').matches },
      h('summary', null, 'Filters'),
      h(
        'div',
        { class: 'filter-fields' },
        fields.map((f) => f.root),
        h('div', { class: 'field field-dates' }, h('label', { for: 'filter-from' }, 'Dates'), h('div', { class: 'date-range' }, from, h('span', { 'aria-hidden': 'true' }, '–'), to)),
        h('div', { class: 'field field-check' }, h('label', { for: 'filter-civilian_targeting' }, civilians, ' Targets civilians')),
        api,
      ),
    ),
    h('div', { class: 'filter-active' }, chips, clear),
  );

  return {
    root,
    /** @param {import('../state.js').State} state */
    update(state, info) {
      filters = state.filters;
      // Aggregated data answers only the filters its columns hold: the others are not offered.
      const aggregate = state.aggregate ?? null;
      fields.forEach((f, i) => {
        f.reset();
        f.root.hidden = !appliesTo(aggregate, FIELDS[i].key);
      });
      const civilianBox = /** @type {HTMLElement | null} */ (civilians.closest('.field'));
      if (civilianBox) civilianBox.hidden = !appliesTo(aggregate, 'civilian_targeting');
      from.value = String(filters.from ?? '');
      to.value = String(filters.to ?? '');
      if (info?.first && info?.last)
        for (const d of [from, to]) {
          d.min = info.first;
          d.max = info.last;
        }
      civilians.checked = Boolean(filters.civilian_targeting);
      fill(
        chips,
        chipsOf(filters).map((chip) =>
          h(
            'li',
            { class: 'chip', dataset: { key: chip.key } },
            h('span', { class: 'chip-label' }, `${chip.label}: `),
            h('span', { class: 'chip-value' }, chip.value),
            h(
              'button',
              { type: 'button', class: 'chip-remove', 'aria-label': `Remove ${chip.label} ${chip.value}`, title: 'Remove this filter', onclick: () => ctx.go({ filters: removeChip(filters, chip) }) },
              '×',
            ),
          ),
        ),
      );
      kept = aggregate ? { dataset: filters.dataset } : {};
      clear.hidden = isEmpty(aggregate ? without(filters, 'dataset') : filters);
      const query = filtersToParams(filters).toString();
      api.href = `/api/count${query ? `?${query}` : ''}`;
    },
  };
}

/**
 * A text input whose suggestions (a <datalist>, filtered by the browser as one types) are
 * the values of its key under the other filters, biggest first, loaded when it gets focus.
 */
function suggestField({ key, label, placeholder }, getFilters, commit) {
  const id = `filter-${key}`;
  const list = h('datalist', { id: `${id}-options` });
  const hint = h('p', { class: 'field-hint', id: `${id}-hint`, role: 'status', hidden: true });
  const input = h('input', { id, name: key, type: 'search', list: list.id, placeholder, autocomplete: 'off', enterkeyhint: 'done', 'aria-describedby': hint.id });
  let loadedFor = null;
  /** @type {AbortController | null} */
  let loading = null;

  async function load() {
    const others = without(getFilters(), key);
    const url = apiUrl('/api/count', others, { by: key });
    if (url === loadedFor) return;
    loading?.abort();
    loading = new AbortController();
    try {
      const result = await getJson(url, loading.signal);
      loadedFor = url;
      // Admin1 names repeat across countries ("Centre"): the option says which country.
      fill(
        list,
        result.rows.slice(0, 500).map((r) => h('option', { value: String(r[key] ?? ''), label: key === 'admin1' && r.country ? `${r.country} · ${fmt(r.events)} events` : `${fmt(r.events)} events` })),
      );
    } catch (error) {
      if (!isAbort(error)) console.warn(`suggestions for ${key}:`, error);
    }
  }
  // A name the store does not hold would make every panel fail ("unknown country"): the
  // one value it can mean is taken instead, or the field says what to try. Actors are
  // matched by a part of their name, so any text is a valid actor filter.
  const take = async () => {
    const typed = input.value.trim();
    if (!typed) return;
    if (key !== 'actor') {
      let values = [];
      try {
        // The values of the data shown: events, or the aggregated dataset chosen.
        const dataset = /** @type {string[] | undefined} */ (getFilters().dataset);
        values = (await getOnce(apiUrl('/api/count', dataset?.length ? { dataset } : null, { by: key }))).rows.map((r) => String(r[key] ?? '')).filter(Boolean);
      } catch {
        /* the API will say */
      }
      const lower = typed.toLowerCase();
      const exact = values.find((v) => v.toLowerCase() === lower);
      const near = values.filter((v) => v.toLowerCase().includes(lower));
      const value = exact ?? (near.length === 1 ? near[0] : null);
      if (!value && values.length) {
        hint.hidden = false;
        fill(hint, `No ${label.toLowerCase()} “${typed}” in the data${near.length ? `; try ${near.slice(0, 3).join(', ')}` : ''}.`);
        return;
      }
      commit(value ?? typed);
      return;
    }
    commit(typed);
  };
  input.addEventListener('focus', load);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      take();
    }
  });
  // Picking a suggestion fires an input event that is not typing: take it at once.
  input.addEventListener('input', (e) => {
    hint.hidden = true;
    if (!(e instanceof InputEvent) || e.inputType === 'insertReplacementText') take();
  });

  return {
    root: h('div', { class: `field field-${key}` }, h('label', { for: id }, label), input, list, hint),
    reset() {
      input.value = '';
      loadedFor = null;
      hint.hidden = true;
    },
  };
}
