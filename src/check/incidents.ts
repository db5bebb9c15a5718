/**
 * The incident a claim counts, when the text names one ("the massacre", "the attack", "these
 * victims") but not its days: the deadliest episode of the store (analysis/episodes.ts) in the
 * claim's place and period, as a reader with the data at hand would take it. Judging "at least
 * 500 killed in the massacre" against a whole country's year says nothing; against the episode
 * it says whether the toll holds. The episode is named in the verdict, so a wrong match shows.
 */
import { episodes, type Episode } from '../analysis/episodes.js';
import type { Filter } from '../query/filter.js';
import type { Store } from '../store/store.js';
import type { Claim } from './claims.js';

const DAY = 86400000;

/**
 * The episode the claim is about, or undefined when the claim is not about one incident, is
 * already dated to the day, or the store holds no episode there and then. A period the text does
 * not give (the default) is no bound for a town: "the incident at Moura", in a report a year
 * later, is the deadliest one there before publication.
 */
export async function identifyIncident(store: Store, claim: Claim, filter: Filter, published?: string): Promise<Episode | undefined> {
  if (!claim.incident || !claim.period || claim.metric !== 'total') return undefined;
  if ((Date.parse(claim.period.to) - Date.parse(claim.period.from)) / DAY < 1) return undefined;
  const window: Filter = { ...filter };
  if (claim.period.assumed && filter.location?.length) {
    delete window.from;
    window.to = published ?? claim.period.to;
  }
  const found = await episodes(store, window, { limit: 1, maxIds: 0 });
  return found.figures.episodes[0];
}
