/**
 * crisismap check: a news text in, every claim it makes about political violence out, each
 * judged against the store.
 *   1. read what the store holds (coverage.ts): its places feed the reading of the text;
 *   2. extract the claims (claims.ts);
 *   3. judge each against the store (judge.ts), with the caller's filters.
 * The report carries the text, so that report.ts can show it whole with claims highlighted.
 */
import { loadAliases, type AliasTable } from '../analysis/aliases.js';
import { CrisisError } from '../model/errors.js';
import { normalizeFilter, type Filter } from '../query/filter.js';
import type { DatasetVersion } from '../query/provenance.js';
import type { Store } from '../store/store.js';
import { checkAliases } from './actors.js';
import { detectLang, extractClaims, headlineText, newReadingContext, type Claim, type ReadingContext } from './claims.js';
import { fold } from './text.js';
import { storeFacts } from './coverage.js';
import type { IncidentSearches } from './incidents.js';
import { judgeClaim, type Judgement } from './judge.js';
import type { Lang } from './numbers.js';
import { parsePublished } from './periods.js';

export type CheckedClaim = Omit<Claim, 'source'> & Omit<Judgement, 'period'> & { id: number; source?: Claim['source'] };

export interface CheckReport {
  text: string;
  published: string;
  lang: Lang;
  /** The filters that limited the data used to judge. */
  filters: Filter;
  claims: CheckedClaim[];
  /** Every dataset version any figure came from. */
  datasets: DatasetVersion[];
  counts: Record<string, number>;
}

export interface CheckOptions {
  published?: string;
  lang?: Lang | 'auto';
  filter?: Filter;
  aliases?: AliasTable;
  maxIds?: number;
  /** Extract only: no figures (for scoring extraction without a store's answer). */
  extractOnly?: boolean;
  /** What the reader knows from earlier text of the same article (carried in, and updated). */
  context?: ReadingContext;
  /** The article's headline: context for place, period and actors, never a source of claims. */
  headline?: string;
}

/** A text read, its claims found, not yet judged. */
interface Reading {
  body: string;
  lang: Lang;
  published: string;
  claims: Claim[];
}

async function readText(store: Store, text: string, options: CheckOptions): Promise<Reading> {
  const facts = await storeFacts(store);
  const body = text.normalize('NFC');
  const lang = !options.lang || options.lang === 'auto' ? detectLang(body) : options.lang;
  const published = options.published ?? parsePublished(undefined).day;
  const aliases = checkAliases(options.aliases ?? loadAliases(), facts.actors);
  const claims = extractClaims(body, {
    lang,
    published,
    aliases,
    gazetteer: facts.gazetteer,
    ...(options.context ? { context: options.context } : {}),
    ...(options.headline ? { headline: options.headline } : {}),
  });
  return { body, lang, published, claims };
}

async function judgeAll(store: Store, reading: Reading, options: CheckOptions, incidents: IncidentSearches = new Map()): Promise<CheckedClaim[]> {
  const checked: CheckedClaim[] = [];
  for (const [i, claim] of reading.claims.entries()) {
    const judged: Judgement = options.extractOnly
      ? { verdict: 'not_checkable' as const, explanation: 'Not judged (extraction only).' }
      : await judgeClaim(store, claim, {
          published: parsePublished(reading.published).day,
          incidents,
          ...(options.filter ? { filter: options.filter } : {}),
          ...(options.maxIds !== undefined ? { maxIds: options.maxIds } : {}),
        }).catch((error: unknown) => {
          // A filter the store refuses (an unknown dataset given by the user) is the caller's to fix; anything else about one claim is that claim's.
          if (error instanceof CrisisError && options.filter && Object.keys(options.filter).length) throw error;
          if (!(error instanceof CrisisError)) throw error;
          return { verdict: 'not_checkable' as const, explanation: `Not checkable: ${error.message}.` };
        });
    // An incident the store identified replaces the text's vaguer period (the explanation says so).
    const { period, ...judgement } = judged;
    checked.push({ id: i + 1, ...claim, ...judgement, period: period ?? claim.period });
  }
  return checked;
}

export async function checkText(store: Store, text: string, options: CheckOptions = {}): Promise<CheckReport> {
  const reading = await readText(store, text, options);
  return report(reading, await judgeAll(store, reading, options), options);
}

function report({ body, published, lang }: Reading, checked: CheckedClaim[], options: CheckOptions): CheckReport {
  const datasets = new Map<string, DatasetVersion>();
  for (const c of checked) for (const d of c.data?.datasets ?? []) datasets.set(`${d.dataset}|${d.version}`, { dataset: d.dataset, version: d.version, events: 0 });
  const counts: Record<string, number> = {};
  for (const c of checked) counts[c.verdict] = (counts[c.verdict] ?? 0) + 1;
  return { text: body, published, lang, filters: normalizeFilter(options.filter ?? {}), claims: checked, datasets: [...datasets.values()], counts };
}

/**
 * One line of a batch: {id, sentence or text, published, lang}, and optionally the article it
 * comes from, {source_url, source_title}: read as context, never as claims (other fields are ignored).
 */
export interface BatchItem {
  id: unknown;
  sentence?: unknown;
  text?: unknown;
  published?: unknown;
  lang?: unknown;
  source_url?: unknown;
  source_title?: unknown;
}

export function parseBatchLine(line: string, where: string): BatchItem {
  let item: unknown;
  try {
    item = JSON.parse(line);
  } catch (error) {
    throw new Error(`${where}: not JSON: ${(error as Error).message}`);
  }
  if (!item || typeof item !== 'object' || Array.isArray(item)) throw new Error(`${where}: each line must be a JSON object`);
  const o = item as BatchItem;
  if (typeof (o.sentence ?? o.text) !== 'string') throw new Error(`${where}: needs "sentence" or "text" as a string`);
  if (o.lang !== undefined && !['en', 'fr', 'auto'].includes(String(o.lang))) throw new Error(`${where}: "lang" must be en, fr or auto`);
  return o;
}

/**
 * The lines of one story: consecutive lines with the same `source_url`, or with the same
 * headline once the outlet's parenthesis is left out (a press release and its reposts). They
 * are read in order as one article — place, period and actors carry from line to line — and
 * only then judged, so that a line referring back to what only a later line states ("over 2,100
 * of these fatalities") is judged on it.
 */
function storyKey(item: BatchItem): string | undefined {
  if (typeof item.source_url === 'string' && item.source_url.trim()) return `url:${item.source_url.trim()}`;
  return undefined;
}
const titleKey = (item: BatchItem) => (typeof item.source_title === 'string' && headlineText(item.source_title) ? `title:${fold(headlineText(item.source_title))}` : undefined);

/** Checks the lines of a batch, story by story; one {id, claims} per line, in order. */
export async function checkBatch(store: Store, items: BatchItem[], options: CheckOptions = {}): Promise<Array<{ id: unknown; claims: CheckedClaim[] }>> {
  const out: Array<{ id: unknown; claims: CheckedClaim[] }> = [];
  const incidents: IncidentSearches = new Map();
  for (let i = 0; i < items.length; ) {
    const first = items[i]!;
    const keys = [storyKey(first), titleKey(first)].filter((k): k is string => Boolean(k));
    let j = i + 1;
    while (j < items.length && keys.length && [storyKey(items[j]!), titleKey(items[j]!)].some((k) => k && keys.includes(k))) j++;
    const context = keys.length ? newReadingContext() : undefined;
    const readings: Reading[] = [];
    for (const [k, item] of items.slice(i, j).entries()) {
      readings.push(
        await readText(store, String(item.sentence ?? item.text), {
          ...options,
          ...(context ? { context } : {}),
          ...(k === 0 && typeof item.source_title === 'string' ? { headline: item.source_title } : {}),
          ...(typeof item.published === 'string' ? { published: item.published } : {}),
          ...(typeof item.lang === 'string' ? { lang: item.lang as Lang | 'auto' } : {}),
        }),
      );
    }
    for (const [k, reading] of readings.entries()) out.push({ id: items[i + k]!.id, claims: await judgeAll(store, reading, options, incidents) });
    i = j;
  }
  return out;
}
