/**
 * Building DOM safely. Every piece of data text (notes, actor and place names) reaches the
 * page through these helpers as a text node or a property, never as markup: nothing here
 * parses HTML, so a note reading `<img src=x onerror=…>` stays a note.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An HTML element: h('button', { class: 'x', onclick: fn }, 'text', child…).
 * Attributes go through setAttribute (no `on…` strings: functions become listeners).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown> | null} [attrs]
 * @param {...unknown} children strings become text nodes; null/false are skipped
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/**
 * An SVG element, same rules as h().
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown> | null} [attrs]
 * @param {...unknown} children
 * @returns {SVGElementTagNameMap[K]}
 */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/**
 * @template {HTMLElement | SVGElement} E
 * @param {E} el @param {Record<string, unknown> | null | undefined} attrs @param {unknown[]} children @returns {E}
 */
function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), /** @type {EventListener} */ (value));
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value' || key === 'checked' || key === 'selected') /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (el))[key] = value;
    else if (/^on/i.test(key)) throw new Error(`refusing a string event handler: ${key}`);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** @param {Element} el @param {unknown[]} children */
function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Replace an element's content.
 * @template {Element} E @param {E} el @param {...unknown} children @returns {E}
 */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** 12,345 — thousands separators as the CLI and the sentences print them. @param {number | string | null | undefined} n */
export const fmt = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US'));

/** "1.2k" for axis ticks. @param {number} n */
export function short(n) {
  if (Math.abs(n) >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (Math.abs(n) >= 1e4) return `${Math.round(n / 1e3)}k`;
  if (Math.abs(n) >= 1e3) return `${+(n / 1e3).toFixed(1)}k`;
  return String(n);
}

/** "a", "a and b", "a, b and c". @param {string[]} list */
export function names(list) {
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** Shorten a label for a chart axis; the full text goes in a <title>. @param {unknown} text @param {number} max */
export function clip(text, max) {
  const t = String(text ?? '');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
