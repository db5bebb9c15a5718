/**
 * The one command behind every analysis (src/analysis/registry.ts): its flags, parsing and
 * --help are derived from the analysis's declaration and the filter declarations, its output
 * from the analysis's table layout. `crisismap trend`, `victims`, `actor`, … are all this.
 */
import { writeFileSync } from 'node:fs';
import type { Analysis, Layout } from '../../analysis/analysis.js';
import type { EventLinks } from '../../analysis/report.js';
import { param, ParamError, placeholderOf, readParam, ref, refOf, wordText } from '../../model/param.js';
import { DEFAULT_BASE_URL, eventUrl } from '../../server/address.js';
import { FILTERS, type Filter } from '../../query/filter.js';
import type { Command } from '../command.js';
import { csv, json, table } from '../format.js';
import { DB_HELP, helpLinesOf, optionsOf, parse, valuesOf } from '../options.js';
import { CLI_NAMES } from '../wording.js';
import { ANSWER_HELP, ANSWER_OPTIONS, printAnswer } from './answer-output.js';
import { withStore } from './with-store.js';

/**
 * Where a document's event ids link: a crisismap server, at its events route. A file written
 * here is read away from any server, so it names one. HTML hides the address behind the id
 * and links to `crisismap serve`'s own unless told otherwise; Markdown shows it in full, so it
 * links only when asked (/api/brief.html and .md link to the server that serves them).
 */
export const LINKS = param('text', {
  key: 'links',
  http: null,
  placeholder: 'URL|none',
  example: 'https://crisismap.example.org',
  help: `the crisismap server each event id links to, at its /api/events (HTML's default ${DEFAULT_BASE_URL}, where serve listens; Markdown links only when given); none: plain ids`,
});

/** The event links a document asks for, or none. */
function linksOf(values: Record<string, unknown>, html: boolean): EventLinks | undefined {
  const base = (valuesOf([LINKS], values).links as string | undefined) ?? (html ? DEFAULT_BASE_URL : 'none');
  if (base.toLowerCase() === 'none') return undefined;
  if (!/^https?:\/\/[^\s<>"'`]+$/i.test(base))
    throw new ParamError(refOf(LINKS), base, { kind: 'other', text: 'is not an http:// or https:// address, or none' }, [`e.g. ${ref(LINKS, LINKS.example)}`]);
  return { href: (id) => eventUrl(id, base) };
}

const DOCUMENT_OPTIONS = { md: { type: 'boolean' }, html: { type: 'boolean' }, out: { type: 'string' }, ...optionsOf([LINKS]) } as const;
const DOCUMENT_HELP = `  --md                    Markdown (the default)
  --html                  a standalone HTML page, with the charts and a map inline
  --json                  every section's full answer
  --out FILE              write to FILE instead of the terminal (.html implies --html)
${helpLinesOf([LINKS])}`;

/** Tables and lines as a terminal shows them. */
export function layoutText(layout: Layout): string {
  let text = '';
  for (const part of layout) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    text += `${text ? '\n' : ''}${part.title ? `${part.title}\n` : ''}${table(part.columns, part.rows, part.footer ?? [], part.width)}`;
  }
  return text;
}

export function analysisCommand(a: Analysis<never>): Command {
  const filters = FILTERS.filter((p) => !a.without?.includes(p.key as never));
  const positional = a.params.find((p) => p.positional);
  const options = a.params.filter((p) => p.flag && p.key !== 'maxIds');
  const maxIds = a.params.find((p) => p.key === 'maxIds');
  const shown = (text: string) => wordText(text, CLI_NAMES);
  const help = `Usage: crisismap ${a.name}${positional ? ` ${positional.positional}` : ''} [filters]${options.map((p) => ` [--${p.flag}${p.kind === 'boolean' ? '' : ` ${placeholderOf(p)}`}]`).join('')} [${a.document ? '--md|--html|--json' : '--json'}]

${shown(a.about)}

Filters (repeat a flag for alternatives; different flags must all hold):
${helpLinesOf(filters)}

Analysis:
${positional ? `  ${positional.positional!.padEnd(24)}${positional.help}\n` : ''}${helpLinesOf(options)}

Output:
${a.document ? DOCUMENT_HELP : ANSWER_HELP.split('\n')[0]}${maxIds ? `\n${helpLinesOf([maxIds])}` : ''}${a.csv ? '\n  --csv                   the table as CSV' : ''}
${DB_HELP}

Examples:
${a.examples.map((e) => `  ${e}`).join('\n')}`;

  return {
    help,
    async run(args, io) {
      const { values, positionals } = parse(
        args,
        {
          ...optionsOf(filters),
          ...optionsOf(a.params),
          ...ANSWER_OPTIONS,
          ...(a.csv ? { csv: { type: 'boolean' } } : {}),
          ...(a.document ? DOCUMENT_OPTIONS : {}),
        },
        !!positional,
      );
      const filter = valuesOf(filters, values) as Filter;
      const given = valuesOf(a.params, values);
      if (positional) {
        const name = positionals.join(' ').trim();
        if (!name) throw new ParamError({ ...refOf(positional), example: '' }, '', { kind: 'required' }, [`e.g. crisismap ${a.name} ${positional.example}`]);
        given[positional.key] = readParam(positional, [name]);
      }
      const out = values.out as string | undefined;
      const html = !!(values.html || (!values.md && !values.json && /\.html?$/i.test(out ?? '')));
      const links = a.document ? linksOf(values, html) : undefined;
      await withStore(values.db, async (store) => {
        const answer = await a.run(store, filter, given);
        if (a.csv && values.csv) {
          const t = a.csv(answer);
          return io.out(csv(t.columns, t.rows));
        }
        if (a.document) {
          // The render stage (charts, maps) is loaded only for documents.
          const { briefDocument } = await import('../../render/brief.js');
          const text = values.json ? json(answer) : await briefDocument(store, answer as never, html ? 'html' : 'md', CLI_NAMES, links);
          if (!out) return io.out(text);
          writeFileSync(out, text);
          return io.out(`wrote ${out}: ${(answer.figures as { sections: unknown[] }).sections.length} sections, ${answer.eventCount.toLocaleString('en-US')} events\n`);
        }
        printAnswer(io, answer, values.json, layoutText(a.layout(answer)));
      });
    },
  };
}
