/**
 * Episodes: events grouped in space and time — at the same or nearby places (within `km`),
 * on days at most `days` apart — ranked by fatalities. Answers "one of the peak death tolls
 * was recorded in March 2022 in Moura". Only events with fatalities and coordinates form
 * episodes (the count of those left out is given); an episode's event list then adds the
 * events without fatalities at its places and within its dates (docs/analysis.md#episodes).
 *   1. SQL: fatal events → runs of days at each exact location (islands)      (window functions)
 *   2. JS: islands within km and days joined into clusters                   (clusters.ts)
 *   3. SQL: the events of the top clusters, listed                           (one join)
 */
import { ANALYSIS_SUMMARIES } from './summaries.js';
import { checkNumber, param, ref } from '../model/param.js';
import { analysis, MAX_IDS } from './analysis.js';
import type { DuckDBValue } from '../store/duckdb.js';
import { count } from '../query/count.js';
import type { Filter } from '../query/filter.js';
import { scopeOf, whereAnd } from '../query/scope.js';
import type { Store } from '../store/store.js';
import { caveatsOf, datasetCaveats, datePhrase, fmt, names, scopePhrase, idLimit, traceIds, type AnalysisOptions, type Answer } from './answer.js';
import { clusterIslands, type Cluster } from './clusters.js';
import { isoOf } from './periods.js';

export interface EpisodeOptions extends AnalysisOptions {
  /** Events at most this many days apart join (default 1: the same or the next day). */
  days?: number;
  /** Events at most this many km apart join (default 10: a town and its surroundings). */
  km?: number;
  /** How many episodes to list, deadliest first (default 10). */
  limit?: number;
}

export interface Place {
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number;
  longitude: number;
}

export interface Episode {
  rank: number;
  first: string;
  last: string;
  fatalities: number;
  /** Events with fatalities in the episode. */
  fatalEvents: number;
  /** All its events: those with fatalities, and those without at its places and within its dates. */
  eventCount: number;
  /** The place with the most fatalities, and how many places the episode spans. */
  place: Place;
  places: number;
  /** Actors involved, by the number of the episode's events they are in. */
  actors: Array<{ actor: string; events: number }>;
  /** Ids of all its events in date order (capped at maxIds). */
  eventIds: string[];
  /** Its deadliest events, at most 20, deadliest first. */
  events: Array<{ id: string; event_date: string; location: string | null; event_type: string | null; sub_event_type: string | null; fatalities: number }>;
}

export interface EpisodeFigures {
  days: number;
  km: number;
  /** All episodes found; `episodes` lists the deadliest of them. */
  found: number;
  episodes: Episode[];
  /** Fatal events that could not be placed: no coordinates. */
  leftOut: { events: number; fatalities: number };
}

export async function episodes(store: Store, filter: Filter, options: EpisodeOptions = {}): Promise<Answer<EpisodeFigures>> {
  const days = checkNumber(EPISODES_PARAMS.days, options.days);
  const km = checkNumber(EPISODES_PARAMS.km, options.km);
  const limit = checkNumber(EPISODES_PARAMS.limit, options.limit);
  const scope = await scopeOf(store, filter);
  const counted = await count(store, filter);
  const clusters = await clustersOf(store, scope, days, km);
  const unplaced = whereAnd(scope, ['fatalities > 0', 'latitude IS NULL OR longitude IS NULL']);
  const left = await store.one(`SELECT count(*) AS events, coalesce(sum(fatalities), 0) AS fatalities FROM events ${unplaced.where}`, unplaced.params);
  const top = await describe(store, scope, clusters.slice(0, limit), idLimit(options));
  const figures: EpisodeFigures = { days, km, found: clusters.length, episodes: top, leftOut: { events: Number(left.events), fatalities: Number(left.fatalities) } };
  const caveats: string[] = [];
  if (figures.leftOut.events)
    caveats.push(
      `${fmt(figures.leftOut.events)} event${figures.leftOut.events === 1 ? '' : 's'} with ${fmt(figures.leftOut.fatalities)} fatalities ${figures.leftOut.events === 1 ? 'has' : 'have'} no coordinates and ${figures.leftOut.events === 1 ? 'is' : 'are'} left out of episodes`,
    );
  if (scope.filter.from || scope.filter.to || scope.filter.year) caveats.push('episodes are cut at the dates of the filter');
  caveats.push(
    `places are joined within ${km} km and days within ${days} of each other, in chains: an episode may stretch further than that from end to end; events located only to an area (ACLED geo_precision 3) sit at its centre`,
  );
  const where = `${scopePhrase(scope.filter)}${datePhrase(scope.filter)}`;
  return {
    question: `Which were the deadliest episodes${where}?`,
    figures,
    sentence: sentence(figures, where),
    filters: scope.filter,
    datasets: counted.datasets,
    caveats: caveatsOf(counted.notes, datasetCaveats(counted.datasets), caveats),
    // Episodes never share an event (they would have joined), so their counts add up.
    ...traceIds(
      top.flatMap((e) => e.eventIds),
      options,
      top.reduce((n, e) => n + e.eventCount, 0),
    ),
  };
}

/** Fatal events → runs of days at each exact location (islands) → clusters, deadliest first (steps 1 and 2). */
async function clustersOf(store: Store, scope: Awaited<ReturnType<typeof scopeOf>>, days: number, km: number): Promise<Cluster[]> {
  const fatal = whereAnd(scope, ['fatalities > 0', 'latitude IS NOT NULL', 'longitude IS NOT NULL']);
  const islands = await store.all(
    `WITH d AS (
      SELECT latitude, longitude, event_date, sum(fatalities) AS f, count(*) AS n FROM events ${fatal.where} GROUP BY ALL),
    g AS (SELECT *, CASE WHEN event_date - lag(event_date) OVER (PARTITION BY latitude, longitude ORDER BY event_date) > ? THEN 1 ELSE 0 END AS brk FROM d),
    i AS (SELECT *, sum(brk) OVER (PARTITION BY latitude, longitude ORDER BY event_date ROWS UNBOUNDED PRECEDING) AS island FROM g)
    SELECT latitude, longitude, (min(event_date) - DATE '1970-01-01')::INTEGER AS first, (max(event_date) - DATE '1970-01-01')::INTEGER AS last,
      sum(f) AS fatalities, sum(n) AS events
    FROM i GROUP BY latitude, longitude, island`,
    [...fatal.params, days],
  );
  return clusterIslands(
    islands.map((r) => ({
      latitude: Number(r.latitude),
      longitude: Number(r.longitude),
      first: Number(r.first),
      last: Number(r.last),
      fatalities: Number(r.fatalities),
      events: Number(r.events),
    })),
    km,
    days,
  );
}

/**
 * The dates and toll of the deadliest episodes only, without describing them (no places,
 * actors or events): for callers that need to know when an incident happened, cheaply.
 */
export async function episodeSpans(store: Store, filter: Filter, options: Pick<EpisodeOptions, 'days' | 'km' | 'limit'> = {}): Promise<Array<Pick<Episode, 'first' | 'last' | 'fatalities'>>> {
  const days = checkNumber(EPISODES_PARAMS.days, options.days);
  const km = checkNumber(EPISODES_PARAMS.km, options.km);
  const limit = checkNumber(EPISODES_PARAMS.limit, options.limit);
  const clusters = await clustersOf(store, await scopeOf(store, filter), days, km);
  return clusters.slice(0, limit).map((c) => ({ first: isoOf(c.first), last: isoOf(c.last), fatalities: c.fatalities }));
}

// An episode can hold thousands of events (daily shelling of one town for months): its
// deadliest ones are listed in full, every one of them by id.
const EVENTS_LISTED = 20;

/** The events of the top clusters, their places and their actors: one join, read four ways. */
async function describe(store: Store, scope: Awaited<ReturnType<typeof scopeOf>>, clusters: Cluster[], maxIds: number | undefined): Promise<Episode[]> {
  if (!clusters.length) return [];
  const values: string[] = [];
  const params: DuckDBValue[] = [];
  clusters.forEach((c, ep) => {
    const seen = new Set<string>();
    for (const island of c.islands) {
      const key = `${island.latitude},${island.longitude}`;
      if (seen.has(key)) continue;
      seen.add(key);
      values.push('(?::INTEGER, ?::DOUBLE, ?::DOUBLE, ?::DATE, ?::DATE)');
      params.push(ep, island.latitude, island.longitude, isoOf(c.first), isoOf(c.last));
    }
  });
  // One statement: the join runs once (materialized) and is read four ways, one row per episode.
  const rows = await store.all(
    `WITH j AS MATERIALIZED (
      SELECT v.ep AS ep, id, event_date, country, admin1, admin2, location, latitude, longitude, event_type, sub_event_type, fatalities, actors
      FROM events JOIN (VALUES ${values.join(', ')}) AS v(ep, lat, lon, d0, d1)
        ON latitude = v.lat AND longitude = v.lon AND event_date BETWEEN v.d0 AND v.d1 ${scope.where}),
    e AS (SELECT ep, count(*) AS n, list(id ORDER BY event_date, id)${maxIds !== undefined ? `[1:${maxIds}]` : ''} AS ids,
        list({'id': id, 'event_date': event_date, 'location': location, 'event_type': event_type, 'sub_event_type': sub_event_type, 'fatalities': fatalities}
          ORDER BY fatalities DESC, event_date, id)[1:${EVENTS_LISTED}] AS top
      FROM j GROUP BY ep),
    p AS (SELECT ep, count(*) OVER (PARTITION BY ep) AS places, country, admin1, admin2, location, latitude, longitude
      FROM j GROUP BY ep, country, admin1, admin2, location, latitude, longitude
      -- the place with the most fatalities names the episode; ties go to the one with more events
      QUALIFY row_number() OVER (PARTITION BY ep ORDER BY sum(fatalities) DESC, count(*) DESC, location) = 1),
    a AS (SELECT ep, list({'actor': actor, 'events': n} ORDER BY n DESC, actor) AS actors
      FROM (SELECT ep, actor, count(*) AS n FROM (SELECT ep, unnest(actors) AS actor FROM j) GROUP BY ALL) GROUP BY ep)
    SELECT * FROM e JOIN p USING (ep) LEFT JOIN a USING (ep) ORDER BY ep`,
    [...params, ...scope.params],
  );
  const byEp = new Map(rows.map((r) => [Number(r.ep), r]));
  return clusters.map((c, ep) => {
    const r = byEp.get(ep)!;
    return {
      rank: ep + 1,
      first: isoOf(c.first),
      last: isoOf(c.last),
      fatalities: c.fatalities,
      fatalEvents: c.events,
      eventCount: Number(r.n),
      place: placeOf(r),
      places: Number(r.places),
      actors: ((r.actors as Array<{ actor: string; events: number }> | null) ?? []).map((a) => ({ actor: a.actor, events: Number(a.events) })),
      eventIds: r.ids as string[],
      events: (r.top as Array<Record<string, unknown>>).map((x) => ({
        id: String(x.id),
        event_date: dateText(x.event_date),
        location: x.location as string | null,
        event_type: x.event_type as string | null,
        sub_event_type: x.sub_event_type as string | null,
        fatalities: Number(x.fatalities ?? 0),
      })),
    };
  });
}

// Dates nested in structs come back as Date objects (the store converts only top-level values).
const dateText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

function placeOf(r: Record<string, unknown>): Place {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return { country: s(r.country), admin1: s(r.admin1), admin2: s(r.admin2), location: s(r.location), latitude: Number(r.latitude), longitude: Number(r.longitude) };
}

/** "Moura (Djenne, Mopti, Mali)". */
export function placeName(p: Place, places = 1): string {
  const within = [p.admin2, p.admin1, p.country].filter((x, i, all) => x && x !== p.location && all.indexOf(x) === i);
  const name = `${p.location ?? p.admin2 ?? p.admin1 ?? p.country ?? 'an unnamed place'}${within.length ? ` (${within.join(', ')})` : ''}`;
  return places > 1 ? `${name} and ${places - 1} nearby place${places > 2 ? 's' : ''}` : name;
}

export function dateSpan(first: string, last: string): string {
  const d = (iso: string, parts: Intl.DateTimeFormatOptions) => new Date(`${iso}T00:00:00Z`).toLocaleString('en-GB', { ...parts, timeZone: 'UTC' });
  if (first === last) return d(first, { day: 'numeric', month: 'long', year: 'numeric' });
  if (first.slice(0, 7) === last.slice(0, 7)) return `${d(first, { day: 'numeric' })}–${d(last, { day: 'numeric', month: 'long', year: 'numeric' })}`;
  if (first.slice(0, 4) === last.slice(0, 4)) return `${d(first, { day: 'numeric', month: 'long' })} – ${d(last, { day: 'numeric', month: 'long', year: 'numeric' })}`;
  return `${d(first, { day: 'numeric', month: 'long', year: 'numeric' })} – ${d(last, { day: 'numeric', month: 'long', year: 'numeric' })}`;
}

function sentence(f: EpisodeFigures, where: string): string {
  const e = f.episodes[0];
  if (!e) return `No events with fatalities${where} can be placed: there are no episodes to rank.`;
  const who = e.actors.slice(0, 3).map((a) => a.actor);
  return (
    `The deadliest of ${fmt(f.found)} episode${f.found === 1 ? '' : 's'}${where} was at ${placeName(e.place, e.places)}, ${dateSpan(e.first, e.last)}: ` +
    // The table counts every event of the episode: name both when some killed no one.
    `${fmt(e.fatalities)} killed in ${fmt(e.eventCount)} event${e.eventCount === 1 ? '' : 's'}${e.fatalEvents !== e.eventCount ? ` (${fmt(e.fatalEvents)} of them deadly)` : ''}${who.length ? ` involving ${names(who)}` : ''}.`
  );
}

export const EPISODES_PARAMS = {
  days: param('whole', { key: 'days', min: 0, max: 366, default: 1, help: 'join events at most N days apart (1: the same or next day)' }),
  km: param('decimal', { key: 'km', min: 0, max: 1000, default: 10, help: 'join places at most N km apart' }),
  limit: param('whole', { key: 'limit', min: 1, max: 10_000, default: 10, help: 'episodes listed' }),
  maxIds: MAX_IDS,
};

export const episodesAnalysis = analysis<EpisodeFigures>({
  name: 'episodes',
  summary: ANALYSIS_SUMMARIES.episodes,
  about: `Groups events into episodes — at the same or nearby places (within ${ref(EPISODES_PARAMS.km)}), on days at most
${ref(EPISODES_PARAMS.days)} apart — and ranks them by fatalities: each with its dates, place, actors, fatalities
and events. Events with fatalities form the episodes; events without fatalities at the same
places and dates are listed with them. Events without coordinates are left out, and counted.`,
  params: Object.values(EPISODES_PARAMS),
  run: (store, filter, o) => episodes(store, filter, o as EpisodeOptions),
  layout: ({ figures }) => {
    const rows = figures.episodes.map((e) => ({
      rank: e.rank,
      dates: dateSpan(e.first, e.last),
      place: placeName(e.place, e.places),
      fatalities: e.fatalities,
      events: e.eventCount,
      actors: e.actors
        .slice(0, 3)
        .map((a) => a.actor)
        .join('; '),
    }));
    const lists = figures.episodes.slice(0, 3).map((e) => `#${e.rank} ${e.eventIds.slice(0, 12).join(', ')}${e.eventIds.length > 12 ? `, … (${e.eventCount} events; --json lists them all)` : ''}`);
    return rows.length ? [{ columns: ['rank', 'dates', 'place', 'fatalities', 'events', 'actors'], rows, width: 48 }, `\n${lists.join('\n')}`] : [];
  },
  examples: ['crisismap episodes --country Mali --year 2022', 'crisismap episodes --admin1 Mopti --days 3 --km 25 --json'],
});
