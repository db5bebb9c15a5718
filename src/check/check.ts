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
import { detectLang, extractClaims, newReadingContext, type Claim, type ReadingContext } from './claims.js';
import { storeFacts } from './coverage.js';
import { judgeClaim, type Judgement } from './judge.js';
import type { Lang } from './numbers.js';
import { parsePublished } from './periods.js';

export type CheckedClaim = Omit<Claim, 'source'> & Judgement & { id: number; source?: Claim['source'] };

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

export async function checkText(store: Store, text: string, options: CheckOptions = {}): Promise<CheckReport> {
  const facts = await storeFacts(store);
  const body = text.normalize('NFC');
  const lang = !options.lang || options.lang === 'auto' ? detectLang(body) : options.lang;
  const published = options.published ?? parsePublished(undefined).day;
  const aliases = checkAliases(options.aliases ?? loadAliases());
  const claims = extractClaims(body, {
    lang,
    published,
    aliases,
    gazetteer: facts.gazetteer,
    ...(options.context ? { context: options.context } : {}),
    ...(options.headline ? { headline: options.headline } : {}),
  });
  const checked: CheckedClaim[] = [];
  for (const [i, claim] of claims.entries()) {
    const judged = options.extractOnly
      ? { verdict: 'not_checkable' as const, explanation: 'Not judged (extraction only).' }
      : await judgeClaim(store, claim, { published: parsePublished(published).day, ...(options.filter ? { filter: options.filter } : {}), ...(options.maxIds !== undefined ? { maxIds: options.maxIds } : {}) }).catch((error: unknown) => {
          // A filter the store refuses (an unknown dataset given by the user) is the caller's to fix; anything else about one claim is that claim's.
          if (error instanceof CrisisError && options.filter && Object.keys(options.filter).length) throw error;
          if (!(error instanceof CrisisError)) throw error;
          return { verdict: 'not_checkable' as const, explanation: `Not checkable: ${error.message}.` };
        });
    checked.push({ id: i + 1, ...claim, ...judged });
  }
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

/**
 * What a batch carries from line to line: consecutive lines of the same `source_url` are
 * sentences of one article, read in order, so place, period and actors carry over as they do
 * between the sentences of one text; a new article starts afresh from its headline.
 */
export interface BatchCarry {
  url?: string;
  context?: ReadingContext;
}
export const newBatchCarry = (): BatchCarry => ({});

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

export async function checkBatchItem(store: Store, item: BatchItem, options: CheckOptions = {}, carry?: BatchCarry): Promise<{ id: unknown; claims: CheckedClaim[] }> {
  const url = typeof item.source_url === 'string' && item.source_url.trim() ? item.source_url.trim() : undefined;
  let article: Pick<CheckOptions, 'context' | 'headline'> = {};
  if (carry && url) {
    if (carry.url === url && carry.context) article = { context: carry.context };
    else {
      carry.url = url;
      carry.context = newReadingContext();
      article = { context: carry.context, ...(typeof item.source_title === 'string' ? { headline: item.source_title } : {}) };
    }
  } else {
    if (carry) {
      carry.url = undefined;
      carry.context = undefined;
    }
    if (typeof item.source_title === 'string') article = { headline: item.source_title };
  }
  const report = await checkText(store, String(item.sentence ?? item.text), {
    ...options,
    ...article,
    ...(typeof item.published === 'string' ? { published: item.published } : {}),
    ...(typeof item.lang === 'string' ? { lang: item.lang as Lang | 'auto' } : {}),
  });
  return { id: item.id, claims: report.claims };
}
