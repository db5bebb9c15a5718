/**
 * Flags, derived from the parameter declarations (src/model/param.ts): the filter flags
 * (src/query/filter.ts), each command's own, --db and output formats. Parsing, checking and
 * --help all come from the one declaration of each parameter.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CrisisError } from '../model/errors.js';
import { helpOf, isList, placeholderOf, readParam, type Param } from '../model/param.js';
import { FILTERS, type Filter } from '../query/filter.js';
import { nearest } from '../query/similar.js';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** The parseArgs options of some declared parameters (those the command line takes as flags). */
export function optionsOf(params: readonly Param[]): OptionSpec {
  return Object.fromEntries(
    params
      .filter((p) => p.flag)
      .flatMap((p) => [
        [p.flag!, p.kind === 'boolean' ? { type: 'boolean' } : { type: 'string', ...(isList(p) ? { multiple: true } : {}) }],
        ...Object.keys(p.shorthands ?? {}).map((s) => [s, { type: 'boolean' }]),
      ]),
  );
}

/** One help line per parameter: "  --km N                  join places at most N km apart (default 10, 0 to 1,000)". */
export function helpLinesOf(params: readonly Param[]): string {
  return params
    .filter((p) => p.flag)
    .flatMap((p) => [
      line(`  --${p.flag}${p.kind === 'boolean' ? '' : ` ${placeholderOf(p)}`}`, helpOf(p)),
      ...Object.entries(p.shorthands ?? {}).map(([s, value]) => line(`  --${s}`, `the same as --${p.flag} ${value}`)),
    ])
    .join('\n');
}

function line(name: string, help: string): string {
  return name.length < 26 ? `${name.padEnd(26)}${help}` : `${name}\n${' '.repeat(26)}${help}`;
}

/** The values of some declared parameters, read and checked as declared; absent ones are left out. */
export function valuesOf(params: readonly Param[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of params) {
    const flagged = p.flag ? values[p.flag] : undefined;
    // A shorthand is one more value given (--order date --deadliest is two, and refused as such).
    const short = Object.entries(p.shorthands ?? {}).flatMap(([s, value]) => (values[s] === true ? [value] : []));
    const raw = short.length ? [...(flagged === undefined ? [] : Array.isArray(flagged) ? flagged : [flagged]), ...short] : flagged;
    if (raw === undefined || raw === false) continue;
    // Years and word lists also take commas (--year 2021,2022); names may hold commas ("Korea, South"): repeat the flag.
    const given = (Array.isArray(raw) ? raw : [raw]).map(String).flatMap((v) => (p.kind === 'year-list' ? v.split(/,(?=\S)/) : [v]));
    const value = readParam(p, p.kind === 'boolean' ? ['on'] : given);
    if (value !== undefined) out[p.key] = value;
  }
  return out;
}

export const FILTER_OPTIONS: OptionSpec = optionsOf(FILTERS);

export const FILTER_HELP = `Filters (repeat a flag for alternatives; different flags must all hold):
${helpLinesOf(FILTERS)}`;

export const COMMON_OPTIONS: OptionSpec = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export const DB_HELP = `  --db FILE               the store (default: $CRISISMAP_DB or ./crisismap.duckdb)
  -h, --help              this help`;

export function parse(args: string[], options: OptionSpec, allowPositionals = false) {
  const all = { ...COMMON_OPTIONS, ...options };
  try {
    return parseArgs({ args, options: all, allowPositionals, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    const unknown = /^Unknown option '--([^'=]+)'/.exec(message)?.[1];
    const near = unknown ? nearest(unknown, Object.keys(all)) : undefined;
    throw new CrisisError(message, [...(near ? [`did you mean --${near}?`] : []), 'see --help for the flags this command takes']);
  }
}

export function filterFrom(values: Record<string, unknown>): Filter {
  return valuesOf(FILTERS, values) as Filter;
}
