/**
 * Parameters named in the API's texts (caveats, notes, errors and their hints), worded with
 * the dashboard's own field labels: the API words them for HTTP (`event_type=Battles`, `GET
 * /api/count?by=country`), the command line for itself (`--event-type Battles`), and the
 * dashboard as its filters read ("event type Battles"). It asks the API for its texts with
 * their parameter tokens left in (WORDING_HEADER), as src/model/param.ts writes them:
 * ⟦key⟧, ⟦key=value⟧ and ⟦@[command, positional, [[key, value], …]]⟧ for a request.
 * Pure functions of the filter model: no DOM, no fetch.
 */

/** The request header that asks the API for tokens (src/server/wording.ts). */
export const WORDING_HEADER = 'X-Crisismap-Wording';

const TOKEN = /⟦(@\[.*?\]|[A-Za-z0-9]+(?:=[^⟧]*)?)⟧/g;

/**
 * @typedef {{ key: string, label: string, kind: string }} Labelled
 * @typedef {{ filters: Labelled[], options?: Record<string, Labelled[]> }} LabelModel
 * @typedef {{ text: (text: string) => string, deep: <T>(value: T) => T, answer: (raw: string, parsed: unknown) => unknown }} Words
 */

/**
 * The wording of a filter model's parameters: each by its label, the first declaration of a key
 * (a filter before a command's option); a key the model does not declare by its own words.
 * @param {LabelModel} model @returns {Words}
 */
export function wordsOf(model) {
  /** @type {Map<string, Labelled>} */
  const byKey = new Map();
  for (const p of [...model.filters, ...Object.values(model.options ?? {}).flat()]) if (!byKey.has(p.key)) byKey.set(p.key, p);

  /** @param {string} key @param {boolean} first at the start of a sentence */
  const label = (key, first) => {
    const text = byKey.get(key)?.label ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
    return first ? `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}` : text.toLowerCase();
  };
  /** A parameter with a value: "event type Battles"; a switch is its label alone. @param {string} key @param {string | null} value @param {boolean} first */
  const withValue = (key, value, first) => (value === null || byKey.get(key)?.kind === 'boolean' ? label(key, first) : `${label(key, first)} ${value}`);

  /** @param {string} token @param {boolean} first @returns {string | null} */
  function wordToken(token, first) {
    if (token.startsWith('@')) {
      /** @type {[string, string | null, Array<[string, string | null]>]} */
      let request;
      try {
        request = JSON.parse(token.slice(1));
      } catch {
        return null;
      }
      const [command, positional, pairs] = request;
      const what = pairs.map(([key, value]) => withValue(key, value, false)).join(', ');
      return `${command}${positional ? ` ${positional}` : ''}${what ? ` (${what})` : ''}`;
    }
    const [key = '', ...rest] = token.split('=');
    return rest.length ? withValue(key, rest.join('='), first) : label(key, first);
  }

  /** @param {string} text */
  function text(text) {
    if (!text.includes('⟦')) return text;
    return text.replace(TOKEN, (whole, /** @type {string} */ token, /** @type {number} */ offset) => {
      // A label that starts a sentence keeps its capital; inside one it is lower case ("unknown event type").
      const first = offset === 0 || /(?<!\be\.g)[.!?]\s+$/.test(text.slice(0, offset));
      return wordToken(token, first) ?? whole;
    });
  }

  /**
   * Every text inside an answer (caveats, notes, sentences, hints), worded.
   * @template T @param {T} value @returns {T}
   */
  function deep(value) {
    if (typeof value === 'string') return /** @type {T} */ (text(value));
    if (Array.isArray(value)) return /** @type {T} */ (value.map(deep));
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return /** @type {T} */ (Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v)])));
    }
    return value;
  }

  /**
   * An answer as it came over the wire (`raw`) and parsed: worded where its text holds a token.
   * One without (the map's events, the boundaries: megabytes of features) is used as it is,
   * not copied whole to word nothing. A token may come escaped in JSON (\u27e6).
   * @param {string} raw @param {unknown} parsed @returns {unknown}
   */
  function answer(raw, parsed) {
    return raw.includes('⟦') || raw.includes('\\u27e6') ? deep(parsed) : parsed;
  }

  return { text, deep, answer };
}
