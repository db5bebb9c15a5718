import { readFileSync, writeFileSync } from 'node:fs';
import { loadAliases } from '../../analysis/aliases.js';
import { checkBatch, checkText, parseBatchLine } from '../../check/check.js';
import { checkHtml, checkMarkdown, checkText as checkPlain } from '../../check/report.js';
import { CrisisError } from '../../model/errors.js';
import type { Command } from '../command.js';
import { json } from '../format.js';
import { DB_HELP, FILTER_HELP, FILTER_OPTIONS, filterFrom, helpLinesOf, optionsOf, parse, valuesOf } from '../options.js';
import { CHECK_PARAMS } from '../../check/params.js';
import { withStore } from './with-store.js';

export const checkCommand: Command = {
  help: `Usage: crisismap check [FILE|-] [--published YYYY-MM-DD] [--lang en|fr|auto] [--json|--md|--html] [--out F] [filters]
       crisismap check --batch FILE.jsonl [--out F] [filters]

Reads a news text (English or French), finds every number it claims about political
violence (deaths, civilian deaths, events, attacks, changes, shares, ranks) and the
statements without a number ("Wagner is not taking part in the fighting"), and judges
each against the store with the counting rules of \`crisismap count\`: supported,
contradicted, unclear (within the data's own uncertainty), no_data (the store does not
cover that place or period) or not_checkable. Rules and tolerances: docs/check.md.

Input:
  FILE | -                the text (- or nothing: standard input)
  --published DATE        when the text appeared: "last year", "since January" are read
                          against it (default: today)
  --lang en|fr|auto       the text's language (default auto)
  --batch FILE.jsonl      one {"id", "sentence" or "text", "published", "lang"} a line;
                          prints one {"id", "claims": […]} line per input line;
                          "source_title" is read as the headline and consecutive
                          lines of one "source_url" (or one headline) as one
                          article, read whole before judging (context only)
  --aliases FILE          more actor aliases (JSON; also $CRISISMAP_ALIASES)

${FILTER_HELP}
  (filters limit the data used to judge, e.g. --dataset acled)

Output:
  --json                  {"text","published","lang","filters","claims":[…],"datasets","counts"}
  --md, --html            the whole text, claims highlighted by verdict, each linking to its events
  --out FILE              write there instead of standard output
${helpLinesOf(Object.values(CHECK_PARAMS))}
${DB_HELP}

Examples:
  crisismap demo && crisismap check ../shared/articles/wagner-mali-repost.txt --published 2023-02-08
  crisismap check article.txt --published 2023-02-08 --html --out check.html
  crisismap check --batch claims.jsonl --out predictions.jsonl`,

  async run(args, io) {
    const { values, positionals } = parse(
      args,
      {
        ...FILTER_OPTIONS,
        published: { type: 'string' },
        lang: { type: 'string' },
        batch: { type: 'string' },
        aliases: { type: 'string' },
        json: { type: 'boolean' },
        md: { type: 'boolean' },
        html: { type: 'boolean' },
        out: { type: 'string' },
        ...optionsOf(Object.values(CHECK_PARAMS)),
      },
      true,
    );
    const lang = (values.lang as string | undefined) ?? 'auto';
    if (!['en', 'fr', 'auto'].includes(lang)) throw new CrisisError(`--lang "${lang}" is not en, fr or auto`);
    const published = values.published as string | undefined;
    if (published !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(published))
      throw new CrisisError(`--published "${published}" is not a date`, ['write it as YYYY-MM-DD, e.g. --published 2023-02-08']);
    if (positionals.length > 1) throw new CrisisError('give one text file (or - for standard input)');
    const options = {
      filter: filterFrom(values),
      aliases: loadAliases(values.aliases as string | undefined),
      maxIds: CHECK_PARAMS.maxIds.default,
      ...valuesOf(Object.values(CHECK_PARAMS), values),
      lang: lang as 'en' | 'fr' | 'auto',
      ...(published ? { published } : {}),
    };
    const write = (text: string) => (values.out ? writeFileSync(values.out as string, text) : io.out(text));
    await withStore(values.db, async (store) => {
      if (values.batch) {
        const path = values.batch as string;
        const items = readInput(path)
          .split('\n')
          .flatMap((line, i) => {
            if (!line.trim()) return [];
            try {
              return [parseBatchLine(line, `${path}:${i + 1}`)];
            } catch (error) {
              throw new CrisisError((error as Error).message, ['each line: {"id": "…", "sentence": "…", "published": "YYYY-MM-DD", "lang": "en"}']);
            }
          });
        const out = (await checkBatch(store, items, options)).map((r) => JSON.stringify(r));
        return write(out.join('\n') + (out.length ? '\n' : ''));
      }
      const report = await checkText(store, readInput(positionals[0] ?? '-'), options);
      write(values.json ? json(report) : values.html ? checkHtml(report) : values.md ? checkMarkdown(report) : checkPlain(report));
    });
  },
};

function readInput(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw new CrisisError(`cannot read ${path === '-' ? 'standard input' : path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
