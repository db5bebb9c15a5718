/**
 * Flags shared by commands: the filter flags (one set, mapped onto the one Filter model),
 * --db, and output formats. Each command adds its own.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CrisisError } from '../model/errors.js';
import type { Filter } from '../query/filter.js';
import { nearest } from '../query/similar.js';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export const FILTER_OPTIONS: OptionSpec = {
  country: { type: 'string', multiple: true },
  admin1: { type: 'string', multiple: true },
  admin2: { type: 'string', multiple: true },
  location: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  year: { type: 'string', multiple: true },
  'event-type': { type: 'string', multiple: true },
  'sub-event-type': { type: 'string', multiple: true },
  'disorder-type': { type: 'string', multiple: true },
  actor: { type: 'string', multiple: true },
  'actor-exact': { type: 'boolean' },
  interaction: { type: 'string', multiple: true },
  'civilian-targeting': { type: 'boolean' },
  dataset: { type: 'string', multiple: true },
};

export const FILTER_HELP = `Filters (repeat a flag for alternatives; different flags must all hold):
  --country NAME          country, e.g. --country Mali --country Niger
  --admin1 NAME           first-level area, e.g. --admin1 Mopti
  --admin2 NAME, --location NAME
  --from YYYY-MM-DD       first day, inclusive
  --to YYYY-MM-DD         last day, inclusive
  --year YYYY             calendar year (also 2021,2022)
  --event-type TYPE       e.g. "Violence against civilians"
  --sub-event-type TYPE, --disorder-type TYPE, --interaction CODE
  --actor NAME            involved as actor1, actor2 or an associated actor
                          (part of the name, any case: --actor Wagner)
  --actor-exact           --actor must equal a whole actor name (any case)
  --civilian-targeting    only events that target civilians
  --dataset NAME          only events of this dataset (acled, ucdp, demo-synthetic…)`;

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

const list = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.flatMap((x) => String(x).split(/,(?=\S)/)).map((x) => x.trim()).filter(Boolean) : undefined;

export function filterFrom(values: Record<string, unknown>): Filter {
  const years = list(values.year)?.map((y) => {
    if (!/^\d{4}$/.test(y)) throw new CrisisError(`--year "${y}" is not a year`, ['write it as four digits, e.g. --year 2022']);
    return Number(y);
  });
  const filter: Filter = {
    // Names may contain commas ("Côte d'Ivoire" does not, but "Korea, South" would): repeat the flag instead.
    country: values.country as string[] | undefined,
    admin1: values.admin1 as string[] | undefined,
    admin2: values.admin2 as string[] | undefined,
    location: values.location as string[] | undefined,
    from: values.from as string | undefined,
    to: values.to as string | undefined,
    year: years,
    eventType: values['event-type'] as string[] | undefined,
    subEventType: values['sub-event-type'] as string[] | undefined,
    disorderType: values['disorder-type'] as string[] | undefined,
    actor: values.actor as string[] | undefined,
    actorExact: values['actor-exact'] as boolean | undefined,
    interaction: values.interaction as string[] | undefined,
    civilianTargeting: values['civilian-targeting'] as boolean | undefined,
    dataset: values.dataset as string[] | undefined,
  };
  for (const key of Object.keys(filter) as Array<keyof Filter>) if (filter[key] === undefined) delete filter[key];
  return filter;
}
