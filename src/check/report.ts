/**
 * A check as a reader sees it: the whole text with each claim highlighted by its verdict,
 * then each claim with the figure, the data and filters it came from, and links to the
 * events behind it (the dashboard filtered to them, and the `crisismap events` command).
 * One structure (the CheckReport), rendered once per format: plain text, Markdown, HTML.
 */
import { describeFilter, type Filter } from '../query/filter.js';
import { describeProvenance } from '../query/provenance.js';
import { escapeHtml } from '../model/html.js';
import type { CheckedClaim, CheckReport } from './check.js';

export const VERDICT_LABELS: Record<CheckedClaim['verdict'], string> = {
  supported: 'supported',
  contradicted: 'contradicted',
  unclear: 'unclear',
  no_data: 'no data',
  not_checkable: 'not checkable',
};

/** The dashboard's URL for a filter: its query string uses the API's parameter names (src/web/public/query.js). */
export function dashboardLink(filter: Filter, base = '/'): string {
  const q = new URLSearchParams();
  const list: Array<[keyof Filter, string]> = [
    ['country', 'country'],
    ['admin1', 'admin1'],
    ['admin2', 'admin2'],
    ['location', 'location'],
    ['eventType', 'event_type'],
    ['actor', 'actor'],
    ['dataset', 'dataset'],
  ];
  for (const [key, param] of list) {
    const values = filter[key] as string[] | undefined;
    if (values?.length) q.set(param, values.join('|'));
  }
  if (filter.from && filter.to) {
    q.set('event_date', `${filter.from}|${filter.to}`);
    q.set('event_date_where', 'BETWEEN');
  }
  if (filter.civilianTargeting) q.set('civilian_targeting', '1');
  return `${base}?${q.toString()}`;
}

/** The text cut into plain stretches and claims, left to right; overlapping claims join the first. */
function pieces(report: CheckReport): Array<{ text: string; claims: CheckedClaim[] }> {
  const sorted = [...report.claims].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Array<{ text: string; claims: CheckedClaim[] }> = [];
  let at = 0;
  for (const c of sorted) {
    if (c.start < at) {
      out[out.length - 1]?.claims.push(c);
      continue;
    }
    if (c.start > at) out.push({ text: report.text.slice(at, c.start), claims: [] });
    out.push({ text: report.text.slice(c.start, c.end), claims: [c] });
    at = c.end;
  }
  if (at < report.text.length) out.push({ text: report.text.slice(at), claims: [] });
  return out;
}

function quantityOf(c: CheckedClaim): string {
  if (c.low !== undefined) return `${c.low}–${c.high}`;
  if (c.quantity === null || c.quantity === undefined) return c.statement ? 'statement' : 'vague';
  return String(c.quantity);
}

function scopeOf(c: CheckedClaim): string {
  const parts = [`${c.qualifier} ${quantityOf(c)} ${c.unit} (${c.metric})`];
  if (c.place) parts.push(`in ${c.place.text || c.place.country_names.join(', ')} [${c.place.countries.join(', ')}]`);
  if (c.period) parts.push(`${c.period.from} to ${c.period.to}`);
  if (c.actors.length) parts.push(`actors: ${c.actors.join(', ')}`);
  if (c.attributed_to) parts.push(`according to ${c.attributed_to}`);
  return parts.join('; ');
}

export function checkText(report: CheckReport): string {
  const lines = [
    `${report.claims.length} claims (${
      Object.entries(report.counts)
        .map(([k, n]) => `${n} ${VERDICT_LABELS[k as CheckedClaim['verdict']]}`)
        .join(', ') || 'none'
    }); published ${report.published}; language ${report.lang}.`,
    '',
  ];
  for (const c of report.claims) {
    lines.push(`${c.id}. [${VERDICT_LABELS[c.verdict]}] "${c.span}" — ${scopeOf(c)}`);
    lines.push(`   ${c.explanation}`);
    if (c.data) lines.push(`   Events: ${c.data.event_count.toLocaleString('en-US')} — ${c.data.events_command}`);
  }
  lines.push('', `Data: ${report.datasets.length ? report.datasets.map((d) => `${d.dataset} (${d.version})`).join('; ') : 'none used'}`, `Filters: ${describeFilter(report.filters)}`);
  return lines.join('\n') + '\n';
}

const mdEscape = (s: string) => s.replace(/[\\`*_[\]<>#|]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `\\${ch}`));

export function checkMarkdown(report: CheckReport, dashboard = '/'): string {
  const body = pieces(report)
    .map((p) => (p.claims.length ? `**${mdEscape(p.text)}** [${p.claims.map((c) => `${c.id}: ${VERDICT_LABELS[c.verdict]}`).join(', ')}](#claim-${p.claims[0]!.id})` : mdEscape(p.text)))
    .join('');
  const out = [
    '# Claims checked against the data',
    '',
    `Published ${report.published}; language ${report.lang}; ${report.claims.length} claims.`,
    '',
    '## The text',
    '',
    body.replace(/\n/g, '  \n'),
    '',
    '## The claims',
    '',
  ];
  for (const c of report.claims) {
    out.push(`<a id="claim-${c.id}"></a>`, `### ${c.id}. ${VERDICT_LABELS[c.verdict]}: “${mdEscape(c.span)}”`, '', mdEscape(c.explanation), '', `- Read as: ${mdEscape(scopeOf(c))}`);
    if (c.data) {
      out.push(`- Data: ${mdEscape(describeProvenance(c.data.datasets))}; filters: ${mdEscape(describeFilter(c.data.filters))}`);
      out.push(`- Events behind it (${c.data.event_count.toLocaleString('en-US')}): [open in the dashboard](${dashboardLink(c.data.filters, dashboard)}) · \`${c.data.events_command}\``);
      if (c.data.event_ids.length) out.push(`- Event ids: ${c.data.event_ids.slice(0, 20).join(', ')}${c.data.event_count > 20 ? ', …' : ''}`);
      for (const caveat of c.data.caveats) out.push(`- Note: ${mdEscape(caveat)}`);
    }
    out.push('');
  }
  out.push(`Filters: ${describeFilter(report.filters)}`, '');
  return out.join('\n');
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}
.text{white-space:pre-wrap}mark{padding:0 .15em;border-radius:3px}mark a{color:inherit}
.supported{background:#cdeccd}.contradicted{background:#f7c6c6}.unclear{background:#fbe8b0}.no_data{background:#dde3ea}.not_checkable{background:#eee}
.claim{border-top:1px solid #ddd;padding:.5rem 0}.verdict{font-weight:600;padding:0 .3em;border-radius:3px}small{color:#555}`;

export function checkHtml(report: CheckReport, dashboard = '/'): string {
  const body = pieces(report)
    .map((p) => {
      if (!p.claims.length) return escapeHtml(p.text);
      const c = p.claims[0]!;
      return `<mark class="${c.verdict}" title="${escapeHtml(p.claims.map((x) => `${x.id}: ${VERDICT_LABELS[x.verdict]}`).join(', '))}"><a href="#claim-${c.id}">${escapeHtml(p.text)}</a></mark>`;
    })
    .join('');
  const claims = report.claims
    .map(
      (c) => `<div class="claim" id="claim-${c.id}"><p><span class="verdict ${c.verdict}">${c.id}. ${VERDICT_LABELS[c.verdict]}</span> “${escapeHtml(c.span)}”</p>
<p>${escapeHtml(c.explanation)}</p><p><small>Read as: ${escapeHtml(scopeOf(c))}</small></p>${
        c.data
          ? `
<p><small>Data: ${escapeHtml(describeProvenance(c.data.datasets))}; filters: ${escapeHtml(describeFilter(c.data.filters))}</small></p>
<p><a href="${escapeHtml(dashboardLink(c.data.filters, dashboard))}">The ${c.data.event_count.toLocaleString('en-US')} events behind it</a> · <code>${escapeHtml(c.data.events_command)}</code></p>${c.data.caveats.map((x) => `<p><small>Note: ${escapeHtml(x)}</small></p>`).join('')}`
          : ''
      }</div>`,
    )
    .join('\n');
  return `<!doctype html><html lang="${report.lang}"><head><meta charset="utf-8"><title>Claims checked against the data</title><style>${STYLE}</style></head><body>
<h1>Claims checked against the data</h1><p>Published ${escapeHtml(report.published)}; ${report.claims.length} claims. Filters: ${escapeHtml(describeFilter(report.filters))}.</p>
<h2>The text</h2><div class="text">${body}</div><h2>The claims</h2>
${claims}
</body></html>
`;
}
