/**
 * Actor profile: the events and fatalities of incidents involving an actor, by year,
 * month and admin1; its partners (the other actors on its side: actor and associated
 * actors) and opponents (the other side); interaction types; the share that targets
 * civilians; its deadliest events. The name goes through the alias table (aliases.ts).
 * ACLED does not attribute deaths: "killed in incidents involving X", never "killed by X".
 */
import { ANALYSIS_SUMMARIES } from './summaries.js';
import { checkNumber, param, ref, request } from '../model/param.js';
import { analysis, MAX_IDS } from './analysis.js';
import { CrisisError } from '../model/errors.js';
import { count, type CountRow, type Totals } from '../query/count.js';
import { listEvents } from '../query/events.js';
import { FILTER_PARAMS, type Filter } from '../query/filter.js';
import { closestActors } from '../query/resolve.js';
import { scopeOf } from '../query/scope.js';
import type { Store } from '../store/store.js';
import { DEFAULT_ALIASES, loadAliases, resolveActor, type AliasTable, type ResolvedActor } from './aliases.js';
import { caveatsOf, datasetCaveats, datePhrase, fmt, names, percent, scopePhrase, traceFilter, type AnalysisOptions, type Answer } from './answer.js';
import { interactionLabel } from './inter.js';
import { periodLabel } from './periods.js';

export interface ActorOptions extends AnalysisOptions {
  aliases?: AliasTable;
  /** Include the names the actor took later (e.g. Wagner Group → Africa Corps). */
  successors?: boolean;
  /** How many deadliest events, partners and opponents to list (default 10). */
  top?: number;
}

export interface Party extends Totals {
  actor: string;
}

export interface ActorFigures {
  actor: ResolvedActor;
  /** Stored actor names that matched, with the events each is involved in. */
  matched: Array<{ actor: string; events: number }>;
  total: Totals;
  byYear: CountRow[];
  byMonth: CountRow[];
  byAdmin1: CountRow[];
  partners: Party[];
  opponents: Party[];
  interactions: Array<CountRow & { label: string }>;
  civilianTargeting: Totals & { eventShare: number | null; fatalityShare: number | null };
  deadliest: Array<Record<string, unknown>>;
}

export async function actorProfile(store: Store, name: string, filter: Filter, options: ActorOptions = {}): Promise<Answer<ActorFigures>> {
  if (filter.actor?.length)
    throw new CrisisError(`the actor profile takes one actor, as its ${ref(ACTOR_NAME)}`, [
      `drop ${filter.actor.map((a) => ref(FILTER_PARAMS.actor, a)).join(' ')}, or run: ${request('count', [[FILTER_PARAMS.actor, '…']])} for several`,
    ]);
  const actor = resolveActor(name, options.aliases ?? DEFAULT_ALIASES, options.successors);
  const top = checkNumber(ACTOR_PARAMS.top, options.top);
  const scoped: Filter = { ...filter, actor: actor.names };
  const byYear = await count(store, scoped, ['year']);
  const total = byYear.total;
  const caveats: string[] = [];
  if (actor.alias) caveats.push(`"${actor.asked}" stands for ${names(actor.names.map((n) => `"${n}"`))} (alias table${actor.note ? `: ${actor.note}` : ''})`);
  if (actor.declined.length) caveats.push(`later names (${names(actor.declined)}) are left out; include them with ${ref(SUCCESSORS, '1')}`);
  if (total.events === 0) {
    const near = [...new Set((await Promise.all(actor.names.map((n) => closestActors(store, n)))).flat())];
    const sentence = `No event${scopePhrase(filter)}${datePhrase(filter)} involves an actor matching ${names(actor.names.map((n) => `"${n}"`))}${near.length ? `; closest names: ${near.join(', ')}` : ''}.`;
    return {
      question: `Who is ${actor.asked}, and what happened in incidents involving it?`,
      figures: empty(actor),
      sentence,
      filters: byYear.filters,
      datasets: byYear.datasets,
      caveats: caveatsOf(byYear.notes, caveats),
      eventIds: [],
      eventCount: 0,
      eventFilter: byYear.filters,
    };
  }
  const [byMonth, byAdmin1, interactions, civilian] = [
    await count(store, scoped, ['month']),
    await count(store, scoped, ['admin1']),
    await count(store, scoped, ['interaction']),
    await count(store, { ...scoped, civilianTargeting: true }),
  ];
  const sides = await partiesOf(store, scoped, actor.names, filter.actorExact === true);
  const deadliest = await listEvents(store, scoped, { order: 'fatalities', limit: top });
  const civ = civilian.total;
  const figures: ActorFigures = {
    actor,
    matched: sides.matched,
    total,
    byYear: byYear.rows,
    byMonth: byMonth.rows,
    byAdmin1: byAdmin1.rows,
    partners: sides.partners.slice(0, top),
    opponents: sides.opponents.slice(0, top),
    interactions: interactions.rows.map((r) => ({ ...r, label: interactionLabel(r.interaction as string | null) })),
    civilianTargeting: {
      events: civ.events,
      fatalities: civ.fatalities,
      eventShare: total.events ? civ.events / total.events : null,
      fatalityShare: total.fatalities ? civ.fatalities / total.fatalities : null,
    },
    deadliest: deadliest.events,
  };
  if (sides.matched.length > 1) caveats.push(`${sides.matched.length} stored names match: ${names(sides.matched.map((m) => m.actor))}`);
  caveats.push('ACLED does not attribute deaths to actors: these are deaths in incidents involving the actor, on any side');
  return {
    question: `Who is ${actor.asked}, and what happened in incidents involving it?`,
    figures,
    sentence: sentence(figures, byYear.filters),
    filters: byYear.filters,
    datasets: byYear.datasets,
    caveats: caveatsOf(byYear.notes, datasetCaveats(byYear.datasets), caveats),
    ...(await traceFilter(store, byYear.filters, total.events, options)),
  };
}

/**
 * Which side the actor is on in each event (side 1: actor1 and its associated actors), and
 * who stood beside and against it. A name is the actor's own when it matches like the filter
 * does: a part of the name, any case (the whole name with --actor-exact).
 */
async function partiesOf(store: Store, filter: Filter, needles: string[], exact: boolean) {
  const scope = await scopeOf(store, filter);
  const fence = (side: string) => `chr(10) || lower(array_to_string(${side}, chr(10))) || chr(10)`;
  const one = exact ? (side: string) => `contains(${fence(side)}, chr(10) || ? || chr(10))` : (side: string) => `contains(${fence(side)}, ?)`;
  const onSide1 = needles.map(() => one('s1')).join(' OR ');
  const rows = await store.all(
    `WITH e AS (
      SELECT fatalities, list_filter(list_prepend(actor1, coalesce(assoc_actor_1, [])), x -> x IS NOT NULL) AS s1,
             list_filter(list_prepend(actor2, coalesce(assoc_actor_2, [])), x -> x IS NOT NULL) AS s2
      FROM events ${scope.where}),
    m AS (SELECT *, (${onSide1}) AS on1 FROM e)
    SELECT role, name, count(*) AS events, coalesce(sum(fatalities), 0) AS fatalities FROM (
      SELECT 'own' AS role, unnest(CASE WHEN on1 THEN s1 ELSE s2 END) AS name, fatalities FROM m
      UNION ALL
      SELECT 'other' AS role, unnest(CASE WHEN on1 THEN s2 ELSE s1 END) AS name, fatalities FROM m)
    GROUP BY ALL ORDER BY fatalities DESC, events DESC, name`,
    [...scope.params, ...needles.map((n) => n.trim().toLowerCase())],
  );
  const lower = needles.map((n) => n.trim().toLowerCase());
  const own = (n: string) => lower.some((l) => (exact ? n.toLowerCase() === l : n.toLowerCase().includes(l)));
  const party = (r: Record<string, unknown>): Party => ({ actor: String(r.name), events: Number(r.events), fatalities: Number(r.fatalities) });
  return {
    matched: rows
      .filter((r) => r.role === 'own' && own(String(r.name)))
      .map((r) => ({ actor: String(r.name), events: Number(r.events) }))
      .sort((a, b) => b.events - a.events),
    partners: rows.filter((r) => r.role === 'own' && !own(String(r.name))).map(party),
    opponents: rows.filter((r) => r.role === 'other').map(party),
  };
}

function empty(actor: ResolvedActor): ActorFigures {
  return {
    actor,
    matched: [],
    total: { events: 0, fatalities: 0 },
    byYear: [],
    byMonth: [],
    byAdmin1: [],
    partners: [],
    opponents: [],
    interactions: [],
    civilianTargeting: { events: 0, fatalities: 0, eventShare: null, fatalityShare: null },
    deadliest: [],
  };
}

function sentence(f: ActorFigures, filter: Filter): string {
  const who = f.matched.length === 1 ? f.matched[0]!.actor : `actors matching ${names(f.actor.names.map((n) => `"${n}"`))}`;
  const first = f.byMonth[0]?.month as string | undefined;
  const last = f.byMonth[f.byMonth.length - 1]?.month as string | undefined;
  const span = datePhrase(filter) || (first && last ? (first === last ? ` in ${periodLabel(first, 'month')}` : ` from ${periodLabel(first, 'month')} to ${periodLabel(last, 'month')}`) : '');
  const where = scopePhrase({ ...filter, actor: [] });
  const killed = f.total.fatalities === 1 ? '1 person was killed' : `${fmt(f.total.fatalities)} people were killed`;
  const civ = f.total.fatalities ? `; ${percent(f.civilianTargeting.fatalities, f.total.fatalities)} of those deaths were in events that targeted civilians` : '';
  return `${killed} in ${fmt(f.total.events)} incident${f.total.events === 1 ? '' : 's'} involving ${who}${where}${span}${civ}.`;
}

/** The actor to profile: the command line's NAME, the API's actor. */
export const ACTOR_NAME = param('text-list', {
  key: 'name',
  maxValues: 1,
  flag: null,
  positional: 'NAME',
  http: 'actor',
  label: 'Actor',
  required: true,
  example: 'Wagner',
  help: 'the actor to profile, through the alias table ("Wagner" → "Wagner Group"); one name',
});
export const SUCCESSORS = param('boolean', { key: 'successors', help: 'also the names the actor took later (Wagner Group → Africa Corps)' });
export const ALIASES = param('text', {
  key: 'aliases',
  http: null,
  placeholder: 'FILE',
  example: 'aliases.json',
  maxLength: 4096,
  help: 'your alias table, JSON: {"fama": ["Military Forces of Mali"]} (else $CRISISMAP_ALIASES)',
});

export const ACTOR_PARAMS = {
  name: ACTOR_NAME,
  successors: SUCCESSORS,
  aliases: ALIASES,
  top: param('whole', { key: 'top', min: 1, max: 1000, default: 10, help: 'deadliest events, partners and opponents listed' }),
  maxIds: MAX_IDS,
};

export const actorAnalysis = analysis<ActorFigures>({
  name: 'actor',
  summary: ANALYSIS_SUMMARIES.actor,
  about: `Events and fatalities in incidents involving the actor (as actor1, actor2 or an associated
actor) by year, month and admin1; its partners (the other actors on its side) and opponents
(the other side); interaction types; the share that targets civilians; its deadliest events.
ACLED does not attribute deaths: these are people killed in incidents involving the actor.

${ref(ACTOR_NAME)} goes through the alias table ("Wagner" → "Wagner Group"; see docs/analysis.md), which
a JSON file extends: --aliases FILE or $CRISISMAP_ALIASES. A name not in the table matches
as the actor filter does: a part of the stored name, any case.`,
  params: Object.values(ACTOR_PARAMS),
  without: ['actor', 'actorExact'],
  run: (store, filter, { name, aliases, ...o }) => actorProfile(store, (name as string[])[0]!, filter, { ...o, aliases: loadAliases(aliases as string | undefined) }),
  layout: ({ figures: f, eventCount }) => {
    if (!eventCount) return [];
    const parties = (list: ActorFigures['partners']) => list.map((p) => ({ actor: p.actor, events: p.events, fatalities: p.fatalities }));
    const c = f.civilianTargeting;
    return [
      { columns: ['year', 'events', 'fatalities'], rows: f.byYear, footer: [{ year: 'total', ...f.total }] },
      { columns: ['country', 'admin1', 'events', 'fatalities'], rows: f.byAdmin1.slice(0, 10) },
      { title: 'Partners (same side):', columns: ['actor', 'events', 'fatalities'], rows: parties(f.partners) },
      { title: 'Opponents (other side):', columns: ['actor', 'events', 'fatalities'], rows: parties(f.opponents) },
      { columns: ['interaction', 'label', 'events', 'fatalities'], rows: f.interactions },
      `Targeting civilians: ${c.events.toLocaleString('en-US')} events (${percent(c.events, f.total.events)}), ${c.fatalities.toLocaleString('en-US')} fatalities (${percent(c.fatalities, f.total.fatalities)})\n`,
      { title: 'Deadliest events:', columns: ['id', 'event_date', 'admin1', 'location', 'sub_event_type', 'fatalities'], rows: f.deadliest, width: 32 },
    ];
  },
  examples: ['crisismap actor Wagner --country Mali --to 2022-12-31', 'crisismap actor Wagner --successors --json', 'crisismap actor "Katiba Macina" --year 2022'],
});
