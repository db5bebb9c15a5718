/**
 * /api/docs: the OpenAPI document as one readable page — every route, its parameters with
 * an example each, and a link to try it. Hand-made HTML with no script and nothing fetched
 * from elsewhere; every text is escaped, though it all comes from the route declarations.
 */
import { parametersOf } from './openapi.js';
import type { RouteSpec, Tag } from './route.js';

export const escapeHtml = (value: unknown): string => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The page needs no script: the header forbids any, whatever might slip into its text. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:";

const ORDER: Tag[] = ['events', 'analyses', 'charts and maps', 'import', 'meta'];

export function docsPage(routes: RouteSpec[]): string {
  const sections = ORDER.map((tag) => {
    const mine = routes.filter((r) => r.tag === tag);
    return mine.length ? `<h2>${escapeHtml(tag[0]!.toUpperCase() + tag.slice(1))}</h2>\n${mine.map(routeHtml).join('\n')}` : '';
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>crisismap API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{font:13px ui-monospace,monospace;background:#f4f4f4;padding:0 .2rem}
section{border-top:1px solid #ddd;padding:.5rem 0}h3{margin:.6rem 0 .2rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0}td,th{border-bottom:1px solid #eee;padding:.15rem .5rem;text-align:left;vertical-align:top}
.method{font-weight:bold;color:#064}.types{color:#555;font-size:.9rem}
</style></head><body>
<h1>crisismap API</h1>
<p>JSON answers have the shape of the command line's <code>--json</code>. Filters follow ACLED's API:
alternatives separated by <code>|</code> (<code>country=Mali|Niger</code>), dates as
<code>event_date=2022-01-01|2022-12-31&amp;event_date_where=BETWEEN</code>. Every answer names the
filters and dataset versions it covers. Errors have one shape:
<code>{"ok": false, "error": {"status": 400, "message": "…", "hints": ["…"]}}</code>.
The machine-readable description is <a href="/api/openapi.json">/api/openapi.json</a>.</p>
${FILTERS}
${sections.join('\n')}
</body></html>
`;
}

const FILTERS = `<p>Filter parameters, taken by every route that reads events: <code>country</code>, <code>admin1</code>,
<code>admin2</code>, <code>location</code>, <code>event_date</code> with <code>event_date_where</code>
(BETWEEN, =, &gt;=, &lt;=, &gt;, &lt;), <code>year</code>, <code>event_type</code>, <code>sub_event_type</code>,
<code>disorder_type</code>, <code>actor</code>, <code>actor_exact</code>, <code>interaction</code>,
<code>civilian_targeting</code>, <code>dataset</code>. Names match any case; a name that matches nothing is an
error naming the closest ones.</p>`;

function routeHtml(route: RouteSpec): string {
  const path = route.doc ?? route.path;
  const params = parametersOf(route);
  const rows = params.map(
    (p) =>
      `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? ' (required)' : ''}</td><td>${escapeHtml(p.description ?? '')}</td><td>${p.example !== undefined ? `<code>${escapeHtml(p.example)}</code>` : ''}</td></tr>`,
  );
  const types = Object.entries(route.responses)
    .map(([type, holds]) => `<code>${escapeHtml(type)}</code>: ${escapeHtml(holds)}`)
    .join('<br>');
  const errors = Object.entries(route.errors ?? {})
    .map(([status, why]) => `${escapeHtml(status)}: ${escapeHtml(why)}`)
    .join('; ');
  const example = exampleUrl(route, params);
  return `<section id="${escapeHtml(route.method + path)}">
<h3><span class="method">${route.method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(route.summary)}.${route.description ? ` ${escapeHtml(route.description)}` : ''}${route.token ? ' <strong>Needs the token.</strong>' : ''}</p>
${rows.length ? `<table><thead><tr><th>parameter</th><th>meaning</th><th>example</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}
<p class="types">${types}${errors ? `<br>Errors: ${errors}` : ''}</p>
${example ? `<p>Try: <a href="${escapeHtml(example)}">${escapeHtml(example)}</a></p>` : ''}
</section>`;
}

/** A link that works as is: the path with its first values, and the required parameters' examples. */
function exampleUrl(route: RouteSpec, params: Array<Record<string, unknown>>): string | undefined {
  if (route.method !== 'get') return undefined;
  let path = route.doc ?? route.path;
  for (const p of params.filter((x) => x.in === 'path')) path = path.replace(`{${p.name}}`, String(p.example));
  const query = params.filter((p) => p.in === 'query' && p.required && p.example !== undefined).map((p) => `${encodeURIComponent(String(p.name))}=${encodeURIComponent(String(p.example))}`);
  return query.length ? `${path}?${query.join('&')}` : path;
}
