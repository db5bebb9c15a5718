/**
 * What a parameter is: one declaration per filter (src/query/filters.ts) and per analysis
 * option (beside each analysis), from which the CLI's flags and --help, the API's zod
 * schemas and OpenAPI document, the dashboard's filter model and the docs are all derived.
 * Plain TypeScript, no dependencies: `crisismap count` reads it without loading zod.
 *
 * Values are checked here, once, whatever the interface: a bad one throws a ParamError that
 * names the parameter and the value, and each interface words it in its own terms
 * (`--km 2000` on the command line, `km=2000` over HTTP, "Km" in the dashboard).
 */
import { CrisisError } from './errors.js';
import { thousands } from './thousands.js';

export type ParamKind =
  | 'text-list' // names, alternatives: country=Mali|Niger, --country Mali --country Niger
  | 'text' // one free text: compare=2021|2022
  | 'date' // one day, YYYY-MM-DD
  | 'year-list' // four-digit years, alternatives
  | 'boolean' // a switch: --successors, successors=1
  | 'whole' // a whole number within [min, max]
  | 'decimal' // a number, decimals allowed, within [min, max]
  | 'one-of' // one word of `values`
  | 'list-of'; // words of `values`, separated by , or |

/** The value a kind reads as. */
export type ValueOfKind<K extends ParamKind> = K extends 'text-list'
  ? string[]
  : K extends 'year-list'
    ? number[]
    : K extends 'boolean'
      ? boolean
      : K extends 'whole' | 'decimal'
        ? number
        : K extends 'list-of'
          ? string[]
          : string;

export interface Param<K extends ParamKind = ParamKind> {
  /** The library's name: a Filter key or an analysis option (eventType, minAdmin1). */
  key: string;
  kind: K;
  /** The command-line flag without its dashes (event-type); null: not on the command line. */
  flag: string | null;
  /** The command line takes it as the positional NAME instead of a flag (actor's profile). */
  positional?: string;
  /** The HTTP query parameter, in ACLED's spelling where ACLED has one (event_type); null: not over HTTP. */
  http: string | null;
  /** How a person reads it: the dashboard's chips and the docs (Event type). */
  label: string;
  /** One line of help. */
  help: string;
  /** What the value looks like in help: NAME, YYYY-MM-DD, N (derived from the kind unless given). */
  placeholder?: string;
  /** A value to show in examples, as the command line writes it. */
  example: string;
  /** What an absent parameter means (undefined: no default, i.e. no restriction). */
  default?: ValueOfKind<K>;
  /** Bounds of whole and decimal numbers, inclusive. */
  min?: number;
  max?: number;
  /** `whole`: also takes the word "all", read as Infinity (--max-ids all). */
  all?: boolean;
  /** The words of one-of and list-of. */
  values?: readonly string[];
  /** Hostile input: at most this many values (lists), each at most this many characters. */
  maxValues: number;
  maxLength: number;
  /** Required: the request means nothing without it. */
  required?: boolean;
  /** A switch that can only be turned on (no "0": leave it out instead). */
  onOnly?: boolean;
  /** More words that mean "on" for a switch given as text (ACLED's "Civilian targeting"). */
  yes?: readonly string[];
  /** Command-line switches that stand for a value: { deadliest: 'deadliest' } makes --deadliest mean --order deadliest. */
  shorthands?: Readonly<Record<string, string>>;
}

/** Bounds every parameter has unless its declaration says otherwise. */
export const MAX_VALUES = 100;
export const MAX_LENGTH = 200;

type Declared<K extends ParamKind> = Omit<Param<K>, 'kind' | 'maxValues' | 'maxLength' | 'flag' | 'http' | 'label' | 'example'> &
  Partial<Pick<Param<K>, 'maxValues' | 'maxLength' | 'flag' | 'http' | 'label' | 'example'>>;

/** A declaration with its defaults: flag = key in kebab case, http = key in snake case. */
export function param<K extends ParamKind>(kind: K, declared: Declared<K>): Param<K> {
  const words = declared.key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ');
  return {
    kind,
    flag: words.join('-'),
    http: words.join('_'),
    label: `${words.join(' ')[0]!.toUpperCase()}${words.join(' ').slice(1)}`,
    example: declared.default !== undefined ? String(declared.default) : '',
    maxValues: kind === 'text-list' || kind === 'year-list' || kind === 'list-of' ? MAX_VALUES : 1,
    maxLength: MAX_LENGTH,
    ...declared,
  } as Param<K>;
}

/** What the value looks like in help. */
export function placeholderOf(p: Param): string {
  if (p.placeholder) return p.placeholder;
  switch (p.kind) {
    case 'text-list':
    case 'text':
      return 'NAME';
    case 'date':
      return 'YYYY-MM-DD';
    case 'year-list':
      return 'YYYY';
    case 'whole':
    case 'decimal':
      return p.all ? 'N|all' : 'N';
    case 'one-of':
      return p.values!.join('|');
    case 'list-of':
      return 'WORD[,WORD]';
    case 'boolean':
      return '';
  }
}

/** One line of help, with the default and range the declaration gives. */
export function helpOf(p: Param): string {
  const range = (p.kind === 'whole' || p.kind === 'decimal') && p.max !== undefined ? `, ${thousands(p.min ?? 0)} to ${thousands(p.max)}` : '';
  const dflt = p.default !== undefined && p.kind !== 'boolean' ? `default ${String(p.default)}` : '';
  const extra = [dflt, range.slice(2)].filter(Boolean).join(', ');
  return `${p.help}${extra ? ` (${extra})` : ''}`;
}

/** Is the parameter a list (alternatives, repeatable flag)? */
export const isList = (p: Param): boolean => p.kind === 'text-list' || p.kind === 'year-list' || p.kind === 'list-of';

// ---- what can be wrong with a value: typed, so each interface words it ----

export type Problem =
  | { kind: 'not-date' }
  | { kind: 'not-day' }
  | { kind: 'not-year' }
  | { kind: 'not-whole'; all?: boolean }
  | { kind: 'not-number' }
  | { kind: 'not-boolean' }
  | { kind: 'on-only' }
  | { kind: 'unknown' }
  | { kind: 'out-of-range'; min: number; max: number; all?: boolean }
  | { kind: 'not-one-of'; values: readonly string[] }
  | { kind: 'too-many'; max: number; given: number }
  | { kind: 'too-long'; max: number; length: number }
  | { kind: 'empty' }
  | { kind: 'required' }
  | { kind: 'one-only'; given: number }
  | { kind: 'after'; other: ParamRef; otherValue: string }
  | { kind: 'needs'; other: ParamRef; example?: string }
  | { kind: 'other'; text: string }
  /** A whole sentence that names the parameter itself, with ref(). */
  | { kind: 'says'; text: string };

/** The parts of a declaration an interface needs to name a parameter. */
export type ParamRef = Pick<Param, 'key' | 'flag' | 'http' | 'label'> & { positional?: string | undefined; example?: string; switch?: boolean };

export const refOf = (p: ParamRef & { kind?: ParamKind }): ParamRef => ({
  key: p.key,
  flag: p.flag,
  http: p.http,
  label: p.label,
  ...(p.positional ? { positional: p.positional } : {}),
  ...(p.example ? { example: p.example } : {}),
  ...(p.switch || p.kind === 'boolean' ? { switch: true } : {}),
});

/** A parameter only named in messages (not declared as an interface's input): `name` on every interface. */
export const named = (name: string, label = name): ParamRef => ({
  key: name.replace(/[-_](\w)/g, (_, c: string) => c.toUpperCase()),
  flag: name.replace(/_/g, '-'),
  http: name.replace(/-/g, '_'),
  label,
});

/** A bad value: which parameter, what value, what is wrong. Interfaces word it (wordProblem). */
export class ParamError extends CrisisError {
  constructor(
    readonly param: ParamRef,
    readonly value: string,
    readonly problem: Problem,
    hints: string[] = [],
  ) {
    super(wordProblem(KEY_NAMES, param, value, problem), hints);
    this.name = 'ParamError';
  }
}

/**
 * How an interface names a parameter, alone (--km) and with a value (--km 2000), and a
 * request (`crisismap count --by country`, `GET /api/count?by=country`). Each interface has its
 * own (src/cli/wording.ts, src/server/wording.ts).
 */
export interface Namer {
  name(p: ParamRef): string;
  withValue(p: ParamRef, value: string): string;
  /** In running text, without the flag's dashes: unknown event-type "Batles". */
  plain(p: ParamRef): string;
  request(command: string, positional: string | undefined, pairs: Array<[ParamRef, string | undefined]>): string;
}

/** The library's own names (its keys): what a ParamError says before an interface words it. */
export const KEY_NAMES: Namer = {
  name: (p) => p.key,
  withValue: (p, v) => `${p.key}=${v}`,
  plain: (p) => p.key,
  request: (command, positional, pairs) => `${command}(${[positional, ...pairs.map(([p, v]) => `${p.key}=${v ?? true}`)].filter(Boolean).join(', ')})`,
};

/** The one wording of each problem, naming the parameter as the interface does. */
export function wordProblem(names: Namer, p: ParamRef, value: string, problem: Problem): string {
  const it = `${names.name(p)} "${value}"`;
  switch (problem.kind) {
    case 'not-date':
      return `${it} is not a date: write it as YYYY-MM-DD`;
    case 'not-day':
      return `${it} is not a date: there is no such day`;
    case 'not-year':
      return `${it} is not a year: write four digits`;
    case 'not-whole':
      return `${it} is not a whole number${problem.all ? ' or all' : ''}`;
    case 'not-number':
      return `${it} is not a number`;
    case 'not-boolean':
      return `${it} is not 1 or 0`;
    case 'on-only':
      return `${it}: give ${names.withValue(p, '1')} for only those events, or leave it out for all events`;
    case 'unknown':
      return `unknown ${names.plain(p)} "${value}"`;
    case 'out-of-range':
      return `${names.withValue(p, value)} is out of range: give a number from ${thousands(problem.min)} to ${thousands(problem.max)}${problem.all ? ', or all' : ''}`;
    case 'not-one-of':
      return `${it} is not one of ${problem.values.join(', ')}`;
    case 'too-many':
      return `${names.name(p)}: ${problem.given} values, at most ${problem.max} are taken`;
    case 'too-long':
      return `${names.name(p)}: a value of ${thousands(problem.length)} characters, at most ${thousands(problem.max)} are taken`;
    case 'empty':
      return `${names.name(p)} is empty`;
    case 'required':
      return `${names.name(p)} is required${p.example ? `, e.g. ${names.withValue(p, p.example)}` : ''}`;
    case 'one-only':
      return `${names.name(p)}: one ${p.label.toLowerCase()}, not ${problem.given}`;
    case 'after':
      return `${names.withValue(p, value)} is after ${names.withValue(problem.other, problem.otherValue)}`;
    case 'needs':
      return `${names.name(p)} needs ${names.name(problem.other)}${problem.example ? `, e.g. ${problem.example}` : ''}`;
    case 'other':
      return `${it}: ${wordText(problem.text, names)}`;
    case 'says':
      return wordText(problem.text, names);
  }
}

// ---- parameters named inside free text (caveats, hints, help) ----

// A parameter named in a sentence is written as a token, ⟦key⟧ or ⟦key=value⟧, and a request
// as ⟦@[command, positional, [[key, value]…]]⟧, that each interface replaces by its own words
// (wordText). Built only by ref() and request(): never typed by hand.
const TOKEN = /⟦(@\[.*?\]|[A-Za-z0-9]+(?:=[^⟧]*)?)⟧/g;

// Every parameter that was ever named, by key: keys name one parameter across filters and options.
const REFS = new Map<string, ParamRef>();

/** Makes parameters known by key to wordText (each registry registers its declarations). */
export function register(params: Iterable<ParamRef & { kind?: ParamKind }>): void {
  for (const p of params) if (!REFS.has(p.key)) REFS.set(p.key, refOf(p));
}

/** A parameter named in a sentence: "drop ⟦actor⟧" is "drop --actor" on the command line, "drop actor" over HTTP. */
export function ref(p: ParamRef & { kind?: ParamKind }, value?: string): string {
  register([p]);
  return value === undefined ? `⟦${p.key}⟧` : `⟦${p.key}=${value.replace(/⟧/g, '')}⟧`;
}

/** A request in a sentence: "see them with: ⟦@…⟧" is `crisismap events --country Mali` or `GET /api/events?country=Mali`. */
export function request(command: string, pairs: Array<[ParamRef & { kind?: ParamKind }, string?]>, positional?: string): string {
  register(pairs.map(([p]) => p));
  return `⟦@${JSON.stringify([command, positional ?? null, pairs.map(([p, v]) => [p.key, v ?? null])]).replace(/⟧/g, '')}⟧`;
}

/** A text with its parameter tokens named as the interface names them. */
export function wordText(text: string, names: Namer): string {
  if (!text.includes('⟦')) return text;
  return text.replace(TOKEN, (whole, token: string) => {
    if (token.startsWith('@')) {
      let parsed: [string, string | null, Array<[string, string | null]>];
      try {
        parsed = JSON.parse(token.slice(1));
      } catch {
        return whole;
      }
      const [command, positional, pairs] = parsed;
      return names.request(
        command,
        positional ?? undefined,
        pairs.map(([key, v]) => [REFS.get(key) ?? named(key), v ?? undefined]),
      );
    }
    const [key, ...rest] = token.split('=');
    const p = REFS.get(key!);
    if (!p) return whole;
    return rest.length ? names.withValue(p, rest.join('=')) : names.name(p);
  });
}

/** Every text inside a value (an Answer, a count) worded for an interface, before it is written out. */
export function wordDeep<T>(value: T, names: Namer): T {
  if (typeof value === 'string') return wordText(value, names) as T;
  if (Array.isArray(value)) return (value.some((v) => typeof v === 'object' || (typeof v === 'string' && v.includes('⟦'))) ? value.map((v) => wordDeep(v, names)) : value) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wordDeep(v, names)])) as T;
  }
  return value;
}

/** An error's message and hints as the interface words them. */
export function wordError(error: CrisisError, names: Namer): { message: string; hints: string[] } {
  const message = error instanceof ParamError ? wordProblem(names, error.param, error.value, error.problem) : wordText(error.message, names);
  return { message, hints: error.details.map((d) => wordText(d, names)) };
}

// ---- reading values ----

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Words of a vocabulary match in any case, and with - for _ (event-type is event_type: flags are kebab-case, fields snake_case). */
const sameWord = (word: string, given: string) => word.toLowerCase().replace(/-/g, '_') === given.toLowerCase().replace(/-/g, '_');

/** A real calendar day written YYYY-MM-DD (2022-02-30 is not one). */
export function isDate(s: string): boolean {
  const time = Date.parse(`${s}T00:00:00Z`);
  return DATE.test(s) && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === s;
}

const fail = (p: Param, value: string, problem: Problem, hints: string[] = []): never => {
  throw new ParamError(refOf(p), value, problem, hints.length ? hints : p.example ? [`e.g. ${ref(p, p.example)}`] : []);
};

/**
 * The values given for a parameter (each flag given, or each alternative of an HTTP value),
 * read as the declaration says; every interface calls this, so all take the same values.
 * `booleanText`: a switch given as text (HTTP's 1/0), rather than by its presence (a flag).
 */
export function readParam<K extends ParamKind>(p: Param<K>, given: readonly string[], booleanText = false): ValueOfKind<K> | undefined {
  const raw = given.map((v) => v.trim());
  for (const v of raw) if (v.length > p.maxLength) fail(p, v.slice(0, 40) + '…', { kind: 'too-long', max: p.maxLength, length: v.length });
  if (p.kind === 'boolean') {
    if (!booleanText) return (raw.length > 0) as ValueOfKind<K>;
    const v = raw[raw.length - 1] ?? '';
    if (/^(1|true|yes)$/i.test(v) || p.yes?.some((w) => w.toLowerCase() === v.toLowerCase())) return true as ValueOfKind<K>;
    if (p.onOnly) return fail(p, v, { kind: 'on-only' });
    if (/^(0|false|no)$/i.test(v)) return false as ValueOfKind<K>;
    return fail(p, v, { kind: 'not-boolean' });
  }
  const values = isList(p) ? raw.filter(Boolean) : raw;
  if (!values.length) return p.required ? fail(p, '', { kind: 'required' }, []) : undefined;
  if (values.length > p.maxValues) {
    if (p.maxValues === 1) return fail(p, values.join('|'), { kind: 'one-only', given: values.length });
    return fail(p, values.join('|').slice(0, 40), { kind: 'too-many', max: p.maxValues, given: values.length });
  }
  const one = values[0]!;
  switch (p.kind) {
    case 'text-list':
      return [...new Set(values)] as ValueOfKind<K>;
    case 'text':
      if (!one) fail(p, one, { kind: 'empty' });
      return one as ValueOfKind<K>;
    case 'date':
      if (!DATE.test(one)) fail(p, one, { kind: 'not-date' });
      if (!isDate(one)) fail(p, one, { kind: 'not-day' });
      return one as ValueOfKind<K>;
    case 'year-list':
      return [
        ...new Set(
          values.map((v) => {
            if (!/^\d{4}$/.test(v) || (p.min !== undefined && Number(v) < p.min) || (p.max !== undefined && Number(v) > p.max)) fail(p, v, { kind: 'not-year' });
            return Number(v);
          }),
        ),
      ] as ValueOfKind<K>;
    case 'whole':
    case 'decimal': {
      if (p.all && one.toLowerCase() === 'all') return Infinity as ValueOfKind<K>;
      if (!(p.kind === 'whole' ? /^\d+$/ : /^\d+(\.\d+)?$/).test(one)) fail(p, one, p.kind === 'whole' ? { kind: 'not-whole', ...(p.all ? { all: true } : {}) } : { kind: 'not-number' });
      const n = Number(one);
      if (n < (p.min ?? 0) || n > (p.max ?? Number.MAX_SAFE_INTEGER)) fail(p, one, { kind: 'out-of-range', min: p.min ?? 0, max: p.max ?? Number.MAX_SAFE_INTEGER, ...(p.all ? { all: true } : {}) });
      return n as ValueOfKind<K>;
    }
    case 'one-of': {
      const found = p.values!.find((w) => sameWord(w, one));
      if (found === undefined) fail(p, one, { kind: 'not-one-of', values: p.values! });
      return found as ValueOfKind<K>;
    }
    case 'list-of': {
      const words = values
        .flatMap((v) => v.split(/[,|]/))
        .map((w) => w.trim())
        .filter(Boolean);
      if (!words.length) fail(p, values.join(','), { kind: 'empty' });
      if (words.length > p.maxValues) fail(p, values.join(','), { kind: 'too-many', max: p.maxValues, given: words.length });
      return [...new Set(words.map((w) => p.values!.find((x) => sameWord(x, w)) ?? fail(p, w, { kind: 'not-one-of', values: p.values! })))] as ValueOfKind<K>;
    }
  }
  return undefined;
}

/** A value the library was given directly (not through an interface), checked against the declaration. */
export function checkNumber(p: Param<'whole' | 'decimal'>, value: number | undefined): number {
  if (value === undefined) return p.default as number;
  if (p.all && value === Infinity) return value;
  if (!Number.isFinite(value) || (p.kind === 'whole' && !Number.isInteger(value)) || value < (p.min ?? 0) || value > (p.max ?? Number.MAX_SAFE_INTEGER)) {
    fail(p, String(value), { kind: 'out-of-range', min: p.min ?? 0, max: p.max ?? Number.MAX_SAFE_INTEGER });
  }
  return value;
}
