/**
 * The brief as a document: each section becomes a paragraph (the answer's sentence), a small
 * table of its figures, the events behind it and a data note; then Markdown or HTML.
 * The charts issue adds charts here.
 */
import { escapeHtml } from '../model/html.js';
import { KEY_NAMES, wordText, type Namer } from '../model/param.js';
import { describeFilter } from '../query/filter.js';
import { describeProvenance } from '../query/provenance.js';
import type { Answer } from './answer.js';
import { eventsCommand, fmt, percent } from './answer.js';
import type { ActorFigures } from './actor.js';
import type { BriefFigures, Section } from './brief.js';
import { dateSpan, placeName, type EpisodeFigures } from './episodes.js';
import type { SpreadFigures } from './spread.js';
import { surgeArea, type SurgeFigures } from './surges.js';
import type { TrendFigures } from './trend.js';
import type { VictimsFigures } from './victims.js';

export interface Table {
  columns: string[];
  rows: Array<Array<string | number>>;
}

export interface Block {
  title: string;
  text: string;
  table?: Table;
  /** "Events behind it: acled:MLI1, … (12 in all); list them with: crisismap events …", in parts, so that a document can link each id. */
  events: EventsLine;
  note: string;
}

// Ids shown in a paragraph; the command beside them lists every one.
const IDS_SHOWN = 8;

/** The events line of a section: the words before the ids, the ids shown, and the words after them. */
export interface EventsLine {
  lead: string;
  ids: string[];
  tail: string;
}

/** How a document shows one event id: `href` gives the address of the event, when ids are links. */
export interface EventLinks {
  href(id: string): string;
}

export function eventsParts(answer: Answer<unknown>, names: Namer = KEY_NAMES): EventsLine {
  if (answer.eventCount === 0) return { lead: 'No events behind these figures.', ids: [], tail: '' };
  const more = answer.eventCount > IDS_SHOWN ? `, … (${fmt(answer.eventCount)} in all)` : '';
  const how = answer.eventFilter ? `; list them with: ${wordText(eventsCommand(answer.eventFilter), names)}` : answer.eventCount > answer.eventIds.length ? '; --json gives the ids' : '';
  return { lead: 'Events behind it: ', ids: answer.eventIds.slice(0, IDS_SHOWN), tail: `${more}${how}` };
}

export function eventsLine(answer: Answer<unknown>, names: Namer = KEY_NAMES): string {
  const { lead, ids, tail } = eventsParts(answer, names);
  return `${lead}${ids.join(', ')}${tail}`;
}

export function dataNote(answer: Answer<unknown>): string {
  const caveats = answer.caveats.length ? ` Caveats: ${answer.caveats.join('; ')}.` : '';
  return `Data: ${describeProvenance(answer.datasets)}. Filters: ${describeFilter(answer.filters)}.${caveats}`;
}

/** The lines a terminal shows under any answer: caveats, the events behind it, data and filters. */
export function answerFooter(answer: Answer<unknown>): string {
  const lines = [...answer.caveats.map((c) => `Note: ${c}`), eventsLine(answer), `Data: ${describeProvenance(answer.datasets)}`, `Filters: ${describeFilter(answer.filters)}`];
  return lines.join('\n') + '\n';
}

export function block(section: Section, names: Namer = KEY_NAMES): Block {
  const a = section.answer;
  return { title: section.title, text: a.sentence + besideTable(section), ...tableOf(section), events: eventsParts(a, names), note: dataNote(a) };
}

/** What a section says in words rather than in its table: an actor's partners and opponents are not per-year figures. */
function besideTable(section: Section): string {
  if (section.id !== 'actor') return '';
  const p = section.answer.figures as ActorFigures;
  const lead = (list: Array<{ actor: string }>) =>
    list
      .slice(0, 3)
      .map((x) => x.actor)
      .join('; ') || 'none';
  return ` Partners: ${lead(p.partners)}. Opponents: ${lead(p.opponents)}.`;
}

function tableOf(section: Section): { table?: Table } {
  const f = section.answer.figures;
  switch (section.id) {
    case 'trend': {
      const t = f as TrendFigures;
      return {
        table: {
          columns: [t.by, 'events', 'fatalities', 'note'],
          rows: t.series.map((p) => [p.period, fmt(p.events), fmt(p.fatalities), p.partial ? (p.coveredDays ? `covered ${p.coveredDays} of ${p.days} days` : 'not covered') : '']),
        },
      };
    }
    case 'victims': {
      const v = f as VictimsFigures;
      const rows: Table['rows'] = [];
      const u = v.unattributed;
      if (u) {
        // Every part, so that the shares add up to the total row under them.
        const row = (label: string, p: { events: number; fatalities: number }) => rows.push([label, fmt(p.events), fmt(p.fatalities), percent(p.fatalities, u.fatalities)]);
        row('events targeting civilians', u.civilianTargeting);
        if (u.battles.byParties.length) for (const p of u.battles.byParties) row(`battles: ${p.parties}`, p);
        else row('battles', u.battles);
        row('explosions/remote violence', u.remoteViolence);
        row('other events', u.other);
        row(v.attributed ? 'total (sources that do not say who died)' : 'total', u);
      }
      const a = v.attributed;
      if (a) {
        for (const [label, n] of [
          ['UCDP: civilians', a.civilians],
          ['UCDP: side A', a.sideA],
          ['UCDP: side B', a.sideB],
          ['UCDP: unknown', a.unknown],
          ['UCDP: total (best estimate)', a.best],
        ] as const)
          rows.push([label, '', fmt(n), percent(n, a.best)]);
      }
      return { table: { columns: ['', 'events', 'fatalities', 'share'], rows } };
    }
    case 'actor': {
      const p = f as ActorFigures;
      const rows: Table['rows'] = p.byYear.map((r) => [String(r.year), fmt(r.events), fmt(r.fatalities)]);
      return { table: { columns: ['year', 'events', 'fatalities'], rows } };
    }
    case 'episodes': {
      const e = f as EpisodeFigures;
      return {
        table: {
          columns: ['#', 'dates', 'place', 'fatalities', 'events'],
          rows: e.episodes.map((x) => [x.rank, dateSpan(x.first, x.last), placeName(x.place, x.places), fmt(x.fatalities), fmt(x.eventCount)]),
        },
      };
    }
    case 'spread': {
      const s = f as SpreadFigures;
      return {
        table: {
          columns: [s.by, 'fatalities', 'first events in', 'centre moved'],
          rows: s.periods.map((p) => [
            p.period,
            fmt(p.fatalities),
            [...p.newCountries, ...p.newAdmin1.filter((a) => !p.newCountries.includes(a.country)).map((a) => `${a.admin1} (${a.country})`)].join(', ') || '–',
            p.moved ? `${fmt(Math.round(p.moved.km))} km ${p.moved.direction}` : '–',
          ]),
        },
      };
    }
    case 'surges': {
      const s = f as SurgeFigures;
      if (!s.surges.length) return {};
      return {
        table: {
          columns: ['area', `${s.window}-day fatalities`, 'previous high, 1 year', 'previous high, 3 years', 'highest in'],
          rows: s.surges.map((x) => [surgeArea(x), fmt(x.value), fmt(x.previous1y.fatalities), fmt(x.previous3y.fatalities), x.highestIn === 3 ? '3 years' : '1 year']),
        },
      };
    }
  }
}

/**
 * The brief as Markdown; `names`: how the interface asking names parameters (the answer is
 * worded already); `links`: where each event id links to, if anywhere.
 */
export function briefMarkdown(answer: Answer<BriefFigures>, names: Namer = KEY_NAMES, links?: EventLinks): string {
  // Markdown passes raw HTML through: tags in data text (actor and place names) are escaped.
  // Quotes stay, so the commands it quotes can still be copied.
  const md = (v: string | number) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // A link's text may not close its brackets; its address goes in <…>, which it cannot hold (see linkAddress).
  const id = (x: string) => (links ? `[${md(x).replace(/([[\]\\])/g, '\\$1')}](<${linkAddress(links.href(x))}>)` : md(x));
  const out = [`# ${md(answer.figures.title)}`, '', ...answer.caveats.map((c) => `> ${md(c)}`), ''];
  for (const section of answer.figures.sections) {
    const b = block(section, names);
    out.push(`## ${md(b.title)}`, '', md(b.text), '');
    if (b.table?.rows.length) {
      const cell = (v: string | number) => md(v).replace(/\|/g, '\\|');
      out.push(`| ${b.table.columns.map(cell).join(' | ')} |`, `|${b.table.columns.map(() => ' --- |').join('')}`, ...b.table.rows.map((r) => `| ${r.map(cell).join(' | ')} |`), '');
    }
    out.push(`*${md(b.events.lead)}${b.events.ids.map(id).join(', ')}${md(b.events.tail)}*`, '', `<small>${md(b.note)}</small>`, '');
  }
  return out.join('\n');
}

const esc = escapeHtml;

/** An address as a link may hold it: characters that could end the link or the attribute are percent-encoded. */
function linkAddress(href: string): string {
  return href.replace(/[\s<>"'()\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * The brief as a standalone HTML page. `figures` (section id → an inline `<svg>`, drawn by
 * src/render/brief.ts) go after their section's first paragraph; the page is built whole,
 * with them or without them, never patched afterwards. `links`: where each event id links to.
 */
export function briefHtml(answer: Answer<BriefFigures>, figures: Record<string, string> = {}, names: Namer = KEY_NAMES, links?: EventLinks): string {
  const id = (x: string) => (links ? `<a href="${esc(linkAddress(links.href(x)))}">${esc(x)}</a>` : esc(x));
  const parts = answer.figures.sections.map((section) => {
    const b = block(section, names);
    const events = `${esc(b.events.lead)}${b.events.ids.map(id).join(', ')}${esc(b.events.tail)}`;
    const figure = figures[section.id] ? `<figure class="chart">${figures[section.id]}</figure>` : '';
    const table = b.table?.rows.length
      ? `<table><thead><tr>${b.table.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${b.table.rows.map((r) => `<tr>${r.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
      : '';
    return `<section id="${section.id}"><h2>${esc(b.title)}</h2><p>${esc(b.text)}</p>${figure}${table}<p class="events">${events}</p><p class="note">${esc(b.note)}</p></section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(answer.figures.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;margin:.5rem 0}td,th{border-bottom:1px solid #ddd;padding:.2rem .6rem;text-align:left}.events,.note{font-size:.8rem;color:#555}.caveat{background:#fff4d6;padding:.5rem}figure.chart{margin:1rem 0}figure.chart svg{width:100%;height:auto}</style>
</head><body><h1>${esc(answer.figures.title)}</h1>
${answer.caveats.map((c) => `<p class="caveat">${esc(c)}</p>`).join('\n')}
${parts.join('\n')}
</body></html>
`;
}
