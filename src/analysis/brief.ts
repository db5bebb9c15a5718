/**
 * A situation report that chains the analyses for a place and period:
 *   1. headline numbers and change   trend.ts
 *   2. who died                      victims.ts
 *   3. the actor's involvement       actor.ts     (when an actor is named)
 *   4. the deadliest episodes        episodes.ts
 *   5. spread                        spread.ts
 *   6. current surges                surges.ts
 * Each section is the analysis's own Answer, so every paragraph keeps its events and its
 * data note; report.ts writes it as Markdown or HTML.
 */
import { ANALYSIS_SUMMARIES } from './summaries.js';
import { param } from '../model/param.js';
import { count } from '../query/count.js';
import type { Filter } from '../query/filter.js';
import type { Store } from '../store/store.js';
import type { AliasTable } from './aliases.js';
import { actorProfile, ALIASES, SUCCESSORS } from './actor.js';
import { loadAliases } from './aliases.js';
import { analysis, MAX_IDS } from './analysis.js';
import { GROUP, parseGroup } from './areas.js';
import { caveatsOf, datePhrase, names, scopePhrase, traceFilter, type AnalysisOptions, type Answer } from './answer.js';
import { dateSpan, episodes } from './episodes.js';
import { spread } from './spread.js';
import { surges } from './surges.js';
import { trend } from './trend.js';
import { victims } from './victims.js';

export interface BriefOptions extends AnalysisOptions {
  /** An actor whose involvement gets its own section (through the alias table). */
  actor?: string;
  aliases?: AliasTable;
  successors?: boolean;
  /** Named groups of areas for the spread section. */
  groups?: Array<{ name: string; areas: string[] }>;
  /** How many episodes to list (default 5). */
  episodes?: number;
}

export type SectionId = 'trend' | 'victims' | 'actor' | 'episodes' | 'spread' | 'surges';

export interface Section {
  id: SectionId;
  title: string;
  answer: Answer<unknown>;
}

export interface BriefFigures {
  title: string;
  sections: Section[];
}

// A brief shows a handful of ids per paragraph; its JSON still says how to list them all.
const BRIEF_IDS = 1000;

export const BRIEF_PARAMS = {
  actor: param('text-list', {
    key: 'briefActor',
    maxValues: 1,
    flag: 'actor',
    http: 'actor',
    label: 'Actor',
    example: 'Wagner',
    help: 'an actor whose involvement gets a section (one name, through the alias table); it does not filter the rest',
  }),
  successors: SUCCESSORS,
  aliases: ALIASES,
  group: GROUP,
  maxIds: { ...MAX_IDS, default: BRIEF_IDS },
};

export async function brief(store: Store, filter: Filter, options: BriefOptions = {}): Promise<Answer<BriefFigures>> {
  const ids = { maxIds: options.maxIds ?? BRIEF_IDS };
  const short = shortSpan(filter);
  const counted = await count(store, filter);
  const sections: Section[] = [];
  const add = (id: SectionId, title: string, answer: Answer<unknown>) => sections.push({ id, title, answer });

  // One year asked for: its headline is the change from the year before (the section's filters say so).
  const single = filter.year?.length === 1 && !filter.from && !filter.to ? filter.year[0]! : undefined;
  const headline = single !== undefined ? await trend(store, { ...filter, year: [single - 1, single] }, { ...ids, by: 'year' }) : await trend(store, filter, { ...ids, by: short ? 'month' : 'year' });
  add('trend', 'Headline numbers and change', headline);
  add('victims', 'Who died', await victims(store, filter, ids));
  if (options.actor) {
    const profile = await actorProfile(store, options.actor, filter, { ...ids, ...(options.aliases ? { aliases: options.aliases } : {}), successors: options.successors ?? false, top: 5 });
    add('actor', `Incidents involving ${profile.figures.matched.length === 1 ? profile.figures.matched[0]!.actor : options.actor}`, profile);
  }
  add('episodes', 'Deadliest episodes', await episodes(store, filter, { ...ids, limit: options.episodes ?? 5 }));
  add('spread', 'Spread', await spread(store, filter, { ...ids, by: short ? 'quarter' : 'year', ...(options.groups ? { groups: options.groups } : {}) }));
  const surging = await surges(store, filter, ids);
  // Named for the window it looked at: a brief about 2022 read in 2025 is not about "now".
  const window = surging.figures.at ? `Surges in the ${surging.figures.window} days to ${dateSpan(surging.figures.at, surging.figures.at)}` : 'Surges';
  add('surges', window, surging);

  const about = options.actor ? `, with the involvement of ${options.actor}` : '';
  const title = `Situation report: ${briefPlace(counted.filters) || 'all places'}${briefDates(counted.filters)}${about}`;
  return {
    question: `What is the situation${scopePhrase(counted.filters)}${datePhrase(counted.filters)}?`,
    figures: { title, sections },
    sentence: sections
      .map((s) => s.answer.sentence)
      .slice(0, options.actor ? 3 : 2)
      .join(' '),
    filters: counted.filters,
    datasets: counted.datasets,
    caveats: caveatsOf(counted.notes, ...sections.map((s) => s.answer.caveats.filter((c) => /SYNTHETIC|several datasets/.test(c)))),
    ...(await traceFilter(store, counted.filters, counted.total.events, ids)),
  };
}

/** A year or less: months and quarters say more than one or two years would. */
function shortSpan(filter: Filter): boolean {
  if (filter.year?.length) return filter.year.length === 1;
  if (filter.from && filter.to) return Date.parse(filter.to) - Date.parse(filter.from) <= 366 * 86_400_000;
  return false;
}

/** ", 2021-01-01 to 2022-12-31", ", 2022", or "". */
function briefDates(filter: Filter): string {
  if (filter.from || filter.to) return `, ${filter.from ?? 'start of data'} to ${filter.to ?? 'end of data'}`;
  return filter.year?.length ? `, ${names(filter.year.map(String))}` : '';
}

/** "Mali and Niger": the places a brief is about. */
export function briefPlace(filter: Filter): string {
  return names(filter.location ?? filter.admin2 ?? filter.admin1 ?? filter.country ?? []);
}

export const briefAnalysis = analysis<BriefFigures>({
  name: 'brief',
  summary: ANALYSIS_SUMMARIES.brief,
  about: `A situation report that chains the analyses: headline numbers and change (trend), who died
(victims), the involvement of an actor (actor), the deadliest episodes, spread, and current
surges. Every paragraph comes with the events behind it and a data note: dataset, version,
filters, caveats. A period of a year or less is shown by month and quarter, else by year.`,
  params: Object.values(BRIEF_PARAMS),
  without: ['actor', 'actorExact'],
  run: (store, filter, { briefActor, aliases, group, ...o }) =>
    brief(store, filter, {
      ...o,
      ...(briefActor ? { actor: (briefActor as string[])[0]! } : {}),
      aliases: loadAliases(aliases as string | undefined),
      groups: ((group as string[] | undefined) ?? []).map(parseGroup),
    }),
  layout: () => [],
  document: true,
  examples: ['crisismap brief --country Mali --from 2021-01-01 --to 2022-12-31 --actor Wagner', 'crisismap brief --country "Burkina Faso" --year 2023 --html --out burkina-2023.html'],
});
