/**
 * The incident a claim counts, when the text names one ("the massacre", "the attack", "these
 * victims") but not its days: the deadliest episode of the store (analysis/episodes.ts) in the
 * claim's place and period, as a reader with the data at hand would take it. Judging "at least
 * 500 killed in the massacre" against a whole country's year says nothing; against the episode
 * it says whether the toll holds. The episode is named in the verdict, so a wrong match shows.
 */
import { episodeSpans, type Episode } from '../analysis/episodes.js';
import type { Filter } from '../query/filter.js';
import type { Store } from '../store/store.js';
import type { Claim } from './claims.js';
import { fold } from './text.js';

const DAY = 86400000;

/** "A recent massacre", "the latest attack", "un nouveau massacre": an incident of the days before publication, not the deadliest ever there. */
const RECENT = /\b(?:recent(?:ly)?|latest|recente?s?|recemment)\b|\b(?:new|nouvel(?:le)?|nouveau)\s+(?:[\w'-]+\s+)?(?:attack|massacre|raid|ambush|assault|attaque|tuerie|embuscade|attentat)/;

/**
 * The episode the claim is about, or undefined when the claim is not about one incident, is
 * dated to the week or closer, or the store holds no episode there and then. A period the text does
 * not give (the default) is no bound for a town: "the incident at Moura", in a report a year
 * later, is the deadliest one there before publication — unless the text calls it recent. A
 * period that is a guess inside a wider stretch (`within`) is searched for in the stretch.
 */
export async function identifyIncident(store: Store, claim: Claim, filter: Filter, published?: string, searched?: IncidentSearches): Promise<Incident | undefined> {
  if (!claim.incident || !claim.period || claim.metric !== 'total') return undefined;
  const window: Filter = { ...filter };
  if (claim.period.assumed && filter.location?.length && !RECENT.test(fold(claim.sentence))) {
    delete window.from;
    window.to = published ?? claim.period.to;
  } else if (claim.period.within) {
    // The days are a guess (a text known only to the month): the incident may be anywhere in the stretch.
    window.from = claim.period.within.from;
    window.to = claim.period.within.to;
  } else if ((Date.parse(claim.period.to) - Date.parse(claim.period.from)) / DAY < WEEK) return undefined;
  // The claims of one text or batch often name the same incident: one search each.
  const key = JSON.stringify(window);
  let found = searched?.get(key);
  if (!found) {
    found = episodeSpans(store, window, { limit: 1 }).then((spans) => spans[0]);
    searched?.set(key, found);
  }
  return found;
}

/** An incident as the store holds it: its first and last days and its toll. */
export type Incident = Pick<Episode, 'first' | 'last' | 'fatalities'>;

/** Searches already made while checking one text or batch, by window. */
export type IncidentSearches = Map<string, Promise<Incident | undefined>>;

/** A week is already the size of an incident: the text's own week, or the default week before publication, stands. */
const WEEK = 8;
