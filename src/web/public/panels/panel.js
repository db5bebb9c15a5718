/**
 * The frame every panel shares: a title, a line saying what it shows, download buttons,
 * a body, a footer for sentences and caveats, and loading and error states. Panels differ
 * only in what they draw in the body and what their downloads hold.
 */
import { fileName, save } from '../download.js';
import { fill, h } from '../dom.js';

/**
 * @typedef {{ csv?: () => Blob | Promise<Blob>, svg?: () => Blob | Promise<Blob>, png?: () => Blob | Promise<Blob> }} Downloads
 * @typedef {ReturnType<typeof createPanel>} Panel
 */

/** @param {{ id: string, title: string, className?: string, tools?: Node[] }} options */
export function createPanel({ id, title, className = '', tools = [] }) {
  const subtitle = h('p', { class: 'panel-subtitle' });
  const buttons = h('div', { class: 'downloads', role: 'group', 'aria-label': `Download ${title}` });
  const body = h('div', { class: 'panel-body' });
  const footer = h('div', { class: 'panel-footer' });
  const error = h('p', { class: 'panel-error', role: 'alert', hidden: true });
  // Shown instead of the body when the data cannot give this panel anything (aggregated data and events).
  const unavailable = h('div', { class: 'panel-unavailable', hidden: true });
  const root = h(
    'section',
    { class: `panel ${className}`, id: `panel-${id}`, 'aria-labelledby': `panel-${id}-title`, dataset: { panel: id, status: 'loading' } },
    h('header', { class: 'panel-header' }, h('div', { class: 'panel-titles' }, h('h2', { id: `panel-${id}-title` }, title), subtitle), h('div', { class: 'panel-tools' }, ...tools, buttons)),
    error,
    unavailable,
    body,
    footer,
  );
  /** @type {import('../query.js').Filters} */
  let filters = {};

  return {
    id,
    root,
    body,
    footer,
    /** The width charts are drawn at, so that their text is the page's size at any screen width. */
    get width() {
      return Math.max(280, Math.round(body.clientWidth || 460));
    },
    /** The filters the panel currently shows: its downloads are named after them. @param {import('../query.js').Filters} value */
    set filters(value) {
      filters = value;
    },
    /** @param {...unknown} text */
    setSubtitle(...text) {
      fill(subtitle, ...text);
    },
    /**
     * What the data cannot give this panel (aggregated data has no events), said in place of
     * its body until the next update (setStatus 'loading' shows the body again). @param {Node} note
     */
    notAvailable(note) {
      fill(unavailable, note);
      unavailable.hidden = false;
      body.hidden = true;
      fill(subtitle, 'Not available for this data');
      fill(footer);
      root.dataset.notAvailable = 'true';
    },
    /** Sentences and caveats under the chart, as the CLI prints them. @param {string | null | undefined} sentence @param {string[]} [caveats] */
    setNotes(sentence, caveats = []) {
      fill(
        footer,
        sentence ? h('p', { class: 'sentence' }, sentence) : null,
        caveats.length
          ? h(
              'ul',
              { class: 'caveats' },
              caveats.map((c) => h('li', null, c)),
            )
          : null,
      );
    },
    /** @param {Downloads} downloads */
    setDownloads(downloads) {
      fill(
        buttons,
        Object.entries(downloads).map(([ext, make]) =>
          h(
            'button',
            {
              type: 'button',
              class: 'download',
              dataset: { format: ext },
              title: `Download this panel as ${ext.toUpperCase()}`,
              onclick: async (/** @type {MouseEvent} */ event) => {
                const button = /** @type {HTMLButtonElement} */ (event.currentTarget);
                button.disabled = true;
                try {
                  save(await make(), fileName(id, filters, ext));
                } catch (err) {
                  alert(`Could not download: ${/** @type {Error} */ (err).message}`);
                } finally {
                  button.disabled = false;
                }
              },
            },
            ext.toUpperCase(),
          ),
        ),
      );
    },
  };
}

/**
 * Mark a panel loading, ready or failed. app.js calls it around every update, so that
 * each panel shows its own error (the others carry on) and tests can wait for `ready`.
 * @param {HTMLElement} root @param {'loading' | 'ready' | 'error'} status @param {Error & { hints?: string[] }} [err]
 */
export function setStatus(root, status, err) {
  root.dataset.status = status;
  root.setAttribute('aria-busy', String(status === 'loading'));
  if (status === 'loading' && root.dataset.notAvailable) {
    delete root.dataset.notAvailable;
    for (const el of root.querySelectorAll('.panel-unavailable')) /** @type {HTMLElement} */ (el).hidden = true;
    for (const el of root.querySelectorAll('.panel-body')) /** @type {HTMLElement} */ (el).hidden = false;
  }
  const box = /** @type {HTMLElement | null} */ (root.querySelector('.panel-error'));
  if (!box) return;
  box.hidden = status !== 'error';
  if (err) fill(box, err.message, ...(err.hints ?? []).map((hint) => [h('br'), hint]));
}

/**
 * A row of toggle buttons for a view setting (map mode, time step, metric).
 * @template {string} V
 * @param {string} label @param {Array<[V, string]>} options [value, text] @param {(value: V) => void} onChoose
 */
export function toggle(label, options, onChoose) {
  const buttons = options.map(([value, text]) => h('button', { type: 'button', class: 'toggle', dataset: { value }, 'aria-pressed': 'false', onclick: () => onChoose(value) }, text));
  const root = h('div', { class: 'toggles', role: 'group', 'aria-label': label }, buttons);
  return {
    root,
    /** @param {string} value */
    set(value) {
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.value === value));
    },
    /** Offer only what the data can show (aggregated data: no event points, no calendar weeks). @param {string[]} values */
    offer(values) {
      for (const b of buttons) {
        const off = !values.includes(String(b.dataset.value));
        b.disabled = off;
        b.title = off ? 'Not available for this data' : '';
      }
    },
  };
}
