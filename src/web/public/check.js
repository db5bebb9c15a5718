/**
 * "Check a text": a pasted news text sent to POST /api/check, shown back with each claim
 * highlighted by its verdict, its plain-sentence explanation beside it (and on hover and
 * focus), and a link that opens the dashboard filtered to the events behind it. The text is
 * the reader's own input: it reaches the page only as text nodes (dom.js), cut at the
 * claims' offsets, never parsed as HTML. The view is `#view=check` in the URL (state.js);
 * the text itself stays in the page, not in the URL (it can be long, and private).
 */
import { apiUrl, postJson } from './api.js';
import { fill, fmt, h } from './dom.js';
import { describe, fromApiFilter } from './query.js';
import { urlOf } from './state.js';

/**
 * The verdicts the checker gives (docs/check.md), in the legend's order, with what each means.
 * @type {Array<[string, string]>}
 */
const VERDICTS = [
  ['supported', 'the data hold a figure within the claim’s tolerance'],
  ['contradicted', 'the data hold a figure outside it'],
  ['unclear', 'the data’s own uncertainty covers the claim'],
  ['no_data', 'the store does not cover that place or period'],
  ['not_checkable', 'event data cannot answer it (displaced people, another source’s measure…)'],
];
/** "no_data" → "no data", as the checker's reports write it. */
const label = (verdict) => String(verdict).replace(/_/g, ' ');

/**
 * @typedef {{ id: number, span: string, start: number, end: number, verdict: string, explanation?: string, reason?: string,
 *   data?: { figure: number | null, filters: Record<string, unknown>, event_count: number, caveats?: string[] } }} Claim
 * @typedef {{ text: string, published: string, lang: string, claims: Claim[], counts: Record<string, number>,
 *   datasets: Array<{ dataset: string, version: string }> }} Report
 */

/**
 * @param {{ go: (change: { filters?: import('./query.js').Filters, view?: Partial<import('./query.js').View> }) => void }} ctx
 */
export function checkView(ctx) {
  const text = /** @type {HTMLTextAreaElement} */ (
    h('textarea', { id: 'check-text', rows: 8, required: true, spellcheck: 'false', placeholder: 'Paste a news text (English or French): e.g. “In Mali, 4,803 people were killed in 2022.”' })
  );
  const published = /** @type {HTMLInputElement} */ (h('input', { id: 'check-published', type: 'date', value: new Date().toISOString().slice(0, 10) }));
  const lang = h('select', { id: 'check-lang' }, h('option', { value: 'auto' }, 'detect'), h('option', { value: 'en' }, 'English'), h('option', { value: 'fr' }, 'French'));
  const button = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'check-button' }, 'Check'));
  const status = h('p', { class: 'check-status', role: 'status' });
  const result = h('div', { id: 'check-result', class: 'check-result', hidden: true });
  const form = h(
    'form',
    {
      class: 'check-form',
      onsubmit: (event) => {
        event.preventDefault();
        run();
      },
    },
    h('div', { class: 'field check-field-text' }, h('label', { for: 'check-text' }, 'Text'), text),
    h(
      'div',
      { class: 'check-options' },
      h('div', { class: 'field' }, h('label', { for: 'check-published' }, 'Published'), published),
      h('div', { class: 'field' }, h('label', { for: 'check-lang' }, 'Language'), lang),
      button,
    ),
  );
  const root = h(
    'section',
    { id: 'check', class: 'check panel', 'aria-labelledby': 'check-title', hidden: true },
    h('h2', { id: 'check-title' }, 'Check a text'),
    h(
      'p',
      { class: 'panel-subtitle' },
      'Every number the text claims about political violence, and what it says about an actor’s activity, judged against the events in this store with the counting rules of the dashboard. Click a claim to see the events behind it.',
    ),
    form,
    status,
    result,
  );

  /** @type {AbortController | null} */
  let running = null;

  async function run() {
    running?.abort();
    const controller = new AbortController();
    running = controller;
    document.body.dataset.state = 'loading';
    button.disabled = true;
    fill(status, 'Checking…');
    try {
      const body = { text: text.value, lang: /** @type {HTMLSelectElement} */ (lang).value, ...(published.value ? { published: published.value } : {}) };
      const answer = await postJson(apiUrl('/api/check', null), body, controller.signal);
      show(/** @type {Report} */ (answer));
      fill(status);
    } catch (error) {
      if (controller.signal.aborted) return;
      result.hidden = true;
      const err = /** @type {import('./api.js').ApiError} */ (error);
      fill(status, h('span', { class: 'panel-error' }, `Could not check the text: ${err.message}`, ...(err.hints ?? []).map((hint) => ` (${hint})`)));
    } finally {
      if (running === controller) {
        button.disabled = false;
        document.body.dataset.state = 'ready';
      }
    }
  }

  /** @param {Report} report */
  function show(report) {
    const claims = [...report.claims].sort((a, b) => a.start - b.start || b.end - a.end);
    const summary = Object.entries(report.counts)
      .map(([verdict, n]) => `${n} ${label(verdict)}`)
      .join(', ');
    fill(
      result,
      h(
        'p',
        { class: 'check-summary' },
        `${report.claims.length} claim${report.claims.length === 1 ? '' : 's'}${summary ? ` (${summary})` : ''}; published ${report.published}; language ${report.lang}; data: `,
        report.datasets.length ? report.datasets.map((d) => `${d.dataset} (${d.version})`).join('; ') : 'none used',
      ),
      legend(),
      h(
        'div',
        { class: 'check-columns' },
        h('div', { class: 'check-text', lang: report.lang }, ...highlighted(report.text, claims)),
        claims.length
          ? h('ol', { class: 'check-claims' }, claims.map(item))
          : h(
              'p',
              { class: 'check-none' },
              'No claim found: the checker looks for numbers of deaths, events, attacks and displaced people with a place or a period, and for statements about an actor’s activity (docs/check.md).',
            ),
      ),
    );
    result.hidden = false;
  }

  /** The text cut into plain stretches (text nodes) and claims (marks); an overlapping claim joins the one it overlaps. */
  function highlighted(whole, claims) {
    /** @type {Array<Node>} */
    const out = [];
    let at = 0;
    /** @type {HTMLElement | null} */
    let last = null;
    for (const claim of claims) {
      if (claim.start < at && last) {
        last.setAttribute('aria-describedby', `${last.getAttribute('aria-describedby')} check-claim-${claim.id}-why`);
        last.title += `\n${claim.id}. ${label(claim.verdict)}: ${claim.explanation ?? claim.reason ?? ''}`;
        continue;
      }
      if (claim.start > at) out.push(document.createTextNode(whole.slice(at, claim.start)));
      const m = mark(claim, whole.slice(claim.start, claim.end));
      out.push(m);
      last = m;
      at = claim.end;
    }
    if (at < whole.length) out.push(document.createTextNode(whole.slice(at)));
    return out;
  }

  /** A claim in the text: a link to its events when it has any, else a focusable mark. */
  function mark(claim, span) {
    const attrs = {
      class: `claim-mark verdict-${claim.verdict}`,
      id: `check-mark-${claim.id}`,
      dataset: { claim: String(claim.id), verdict: claim.verdict },
      'aria-describedby': `check-claim-${claim.id}-why`,
      title: `${claim.id}. ${label(claim.verdict)}: ${claim.explanation ?? claim.reason ?? ''}`,
      // Pointing at a claim, or tabbing to it, outlines its explanation beside the text.
      onmouseenter: () => outline(claim.id, true),
      onmouseleave: () => outline(claim.id, false),
      onfocus: () => outline(claim.id, true),
      onblur: () => outline(claim.id, false),
    };
    const target = eventsOf(claim);
    // The claim's number is drawn by the style sheet (::after), so the text stays the reader's, character for character.
    return target ? h('a', { ...attrs, href: target.href, onclick: target.open }, span) : h('mark', { ...attrs, tabindex: 0 }, span);
  }

  /** @param {number} id @param {boolean} on */
  function outline(id, on) {
    result.querySelector(`#check-claim-${id}`)?.classList.toggle('hover', on);
  }

  /** The claim beside the text: verdict, the checker's sentence, its figure's filters and the link to its events. */
  function item(claim) {
    const target = eventsOf(claim);
    const data = claim.data;
    return h(
      'li',
      { class: 'check-claim', id: `check-claim-${claim.id}`, dataset: { claim: String(claim.id), verdict: claim.verdict } },
      h('p', null, h('span', { class: `verdict verdict-${claim.verdict}` }, `${claim.id}. ${label(claim.verdict)}`), ' “', claim.span, '”'),
      h('p', { id: `check-claim-${claim.id}-why`, class: 'check-why' }, claim.explanation ?? claim.reason ?? ''),
      data ? h('p', { class: 'check-filters' }, `Filters: ${describe(data.filters)}`) : null,
      target
        ? h(
            'p',
            null,
            h('a', { class: 'check-events', href: target.href, onclick: target.open }, `The ${fmt(data?.event_count)} event${data?.event_count === 1 ? '' : 's'} behind it, in the dashboard →`),
          )
        : null,
      target?.unknown.length ? h('p', { class: 'check-filters' }, `The dashboard cannot filter by ${target.unknown.join(', ')}: it shows a wider selection.`) : null,
      ...(data?.caveats ?? []).map((caveat) => h('p', { class: 'check-filters' }, `Note: ${caveat}`)),
    );
  }

  /** The dashboard filtered to the claim's events: its URL, and the click that opens it in place. */
  function eventsOf(claim) {
    if (!claim.data?.filters) return null;
    const { filters, unknown } = fromApiFilter(claim.data.filters);
    const view = {
      view: /** @type {'dashboard'} */ ('dashboard'),
      map: /** @type {'points'} */ ('points'),
      step: /** @type {'month'} */ ('month'),
      metric: /** @type {'events'} */ ('events'),
      page: 1,
    };
    return {
      href: urlOf({ filters, view }),
      unknown,
      /** @param {MouseEvent} event */
      open: (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // a new tab: let the link do it
        event.preventDefault();
        ctx.go({ filters, view: { view: 'dashboard' } });
        scrollTo(0, 0);
      },
    };
  }

  return { root };
}

/** The verdict colours, each with what it means. */
function legend() {
  return h(
    'ul',
    { class: 'legend-items check-legend', 'aria-label': 'Verdicts' },
    VERDICTS.map(([verdict, meaning]) => h('li', null, h('span', { class: `swatch verdict-${verdict}` }), h('strong', null, label(verdict)), ` — ${meaning}`)),
  );
}
