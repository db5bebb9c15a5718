/**
 * Who died: the breakdown behind a "who died" chart, done as each source allows.
 * UCDP attributes deaths: side A, side B, civilians, unknown, with the sides named.
 * ACLED does not: its fatalities are split by the kind of event they happened in
 * (events targeting civilians, battles, remote violence, the rest) and, for battles and
 * remote violence, by the actor types of the parties. Rules: docs/counting.md ("Who died").
 */
import { ANALYSIS_SUMMARIES } from './summaries.js';
import { analysis, MAX_IDS } from './analysis.js';
import { CIVILIAN_TARGETING_SQL } from '../query/compile.js';
import { count } from '../query/count.js';
import type { Filter } from '../query/filter.js';
import { scopeOf, whereAnd } from '../query/scope.js';
import type { Store } from '../store/store.js';
import { caveatsOf, datasetCaveats, datePhrase, fmt, percent, scopePhrase, traceFilter, type AnalysisOptions, type Answer } from './answer.js';
import { partiesLabel } from './inter.js';

export interface Part {
  events: number;
  fatalities: number;
}
export interface PartiesPart extends Part {
  parties: string;
}
export interface SideActor {
  actor: string;
  deaths: number;
  events: number;
}

export interface Attributed {
  events: number;
  /** UCDP's best estimate, summed. */
  best: number;
  sideA: number;
  sideB: number;
  civilians: number;
  unknown: number;
  /** Who side A and side B were, deadliest first. */
  sideAActors: SideActor[];
  sideBActors: SideActor[];
  /** Events whose four death counts do not add up to best. */
  mismatched: number;
}

export interface Unattributed extends Part {
  civilianTargeting: Part;
  battles: Part & { byParties: PartiesPart[] };
  remoteViolence: Part & { byParties: PartiesPart[] };
  /** Riots, protests, strategic developments and any other event not in the parts above. */
  other: Part;
  /** Where "targets civilians" came from: the civilian_targeting column, the event type, or both. */
  civilianTargetingFrom: 'column' | 'event type' | 'both';
}

export interface VictimsFigures {
  total: Part;
  /** Events whose source attributes deaths to sides (UCDP); null when there are none. */
  attributed: Attributed | null;
  /** Events whose source does not (ACLED and the like); null when there are none. */
  unattributed: Unattributed | null;
}

const ATTRIBUTED = 'deaths_a IS NOT NULL OR deaths_b IS NOT NULL OR deaths_civilians IS NOT NULL OR deaths_unknown IS NOT NULL';
const BATTLES = 'Battles';
const REMOTE = 'Explosions/Remote violence';
export const ACLED_CAVEAT =
  'ACLED does not say who died: these are fatalities in events of each kind, not deaths of civilians or of fighters; an event targeting civilians may also have killed its attackers';

export async function victims(store: Store, filter: Filter, options: AnalysisOptions = {}): Promise<Answer<VictimsFigures>> {
  const scope = await scopeOf(store, filter);
  const counted = await count(store, filter);
  const [attributed, unattributed] = await Promise.all([attributedPart(store, scope), unattributedPart(store, scope)]);
  const figures: VictimsFigures = { total: { events: counted.total.events, fatalities: counted.total.fatalities }, attributed, unattributed };
  const caveats: string[] = [];
  if (unattributed) {
    caveats.push(ACLED_CAVEAT);
    if (unattributed.civilianTargetingFrom !== 'column') caveats.push('where the data has no civilian_targeting column, events of type Violence against civilians count as targeting civilians');
  }
  if (attributed?.mismatched) caveats.push(`in ${fmt(attributed.mismatched)} UCDP events, deaths of side A, side B, civilians and unknown do not add up to the best estimate`);
  if (attributed && unattributed) caveats.push('UCDP and ACLED parts are shown apart: their categories do not mean the same thing');
  const where = `${scopePhrase(scope.filter)}${datePhrase(scope.filter)}`;
  return {
    question: `Who died${where}: civilians or armed men?`,
    figures,
    sentence: sentence(figures, where),
    filters: scope.filter,
    datasets: counted.datasets,
    caveats: caveatsOf(counted.notes, datasetCaveats(counted.datasets), caveats),
    ...(await traceFilter(store, scope.filter, counted.total.events, options)),
  };
}

async function attributedPart(store: Store, scope: Awaited<ReturnType<typeof scopeOf>>): Promise<Attributed | null> {
  const { where, params } = whereAnd(scope, [ATTRIBUTED]);
  const t = await store.one(
    `SELECT count(*) AS events, sum(fatalities) AS best, sum(deaths_a) AS a, sum(deaths_b) AS b,
      sum(deaths_civilians) AS civ, sum(deaths_unknown) AS unk,
      count(*) FILTER (WHERE coalesce(deaths_a, 0) + coalesce(deaths_b, 0) + coalesce(deaths_civilians, 0) + coalesce(deaths_unknown, 0) <> fatalities) AS mismatched
    FROM events ${where}`,
    params,
  );
  if (!Number(t.events)) return null;
  const sides = await store.all(
    `SELECT s.side AS side, s.actor AS actor, sum(s.deaths) AS deaths, count(*) AS events
    FROM (SELECT unnest([{'side': 'A', 'actor': actor1, 'deaths': deaths_a}, {'side': 'B', 'actor': actor2, 'deaths': deaths_b}]) AS s FROM events ${where})
    GROUP BY ALL ORDER BY deaths DESC, actor`,
    params,
  );
  const named = (side: string) => sides.filter((s) => s.side === side).map((s) => ({ actor: String(s.actor), deaths: Number(s.deaths ?? 0), events: Number(s.events) }));
  return {
    events: Number(t.events),
    best: Number(t.best ?? 0),
    sideA: Number(t.a ?? 0),
    sideB: Number(t.b ?? 0),
    civilians: Number(t.civ ?? 0),
    unknown: Number(t.unk ?? 0),
    sideAActors: named('A'),
    sideBActors: named('B'),
    mismatched: Number(t.mismatched),
  };
}

async function unattributedPart(store: Store, scope: Awaited<ReturnType<typeof scopeOf>>): Promise<Unattributed | null> {
  const { where, params } = whereAnd(scope, [`NOT (${ATTRIBUTED})`]);
  const rows = await store.all(
    `SELECT ${CIVILIAN_TARGETING_SQL} AS civ, civilian_targeting IS NULL AS by_type, event_type, inter1, inter2,
      count(*) AS events, coalesce(sum(fatalities), 0) AS fatalities
    FROM events ${where} GROUP BY ALL`,
    params,
  );
  if (!rows.length) return null;
  const part = (): Part => ({ events: 0, fatalities: 0 });
  const out: Unattributed = {
    ...part(),
    civilianTargeting: part(),
    battles: { ...part(), byParties: [] },
    remoteViolence: { ...part(), byParties: [] },
    other: part(),
    civilianTargetingFrom: 'column',
  };
  const add = (p: Part, r: Record<string, unknown>) => {
    p.events += Number(r.events);
    p.fatalities += Number(r.fatalities);
  };
  for (const r of rows) {
    add(out, r);
    if (r.civ === true) {
      add(out.civilianTargeting, r);
    } else if (r.event_type === BATTLES || r.event_type === REMOTE) {
      const kind = r.event_type === BATTLES ? out.battles : out.remoteViolence;
      add(kind, r);
      const parties = partiesLabel(r.inter1 as string | null, r.inter2 as string | null);
      const row = kind.byParties.find((p) => p.parties === parties) ?? kind.byParties[kind.byParties.push({ parties, ...part() }) - 1]!;
      add(row, r);
    } else add(out.other, r);
  }
  for (const kind of [out.battles, out.remoteViolence]) kind.byParties.sort((a, b) => b.fatalities - a.fatalities || b.events - a.events || a.parties.localeCompare(b.parties));
  const [fromColumn, fromType] = [rows.some((r) => !r.by_type), rows.some((r) => r.by_type)];
  out.civilianTargetingFrom = fromColumn && fromType ? 'both' : fromColumn ? 'column' : 'event type';
  return out;
}

function sentence(f: VictimsFigures, where: string): string {
  if (f.total.events === 0) return `No events match${where}: there is no one to count.`;
  const parts: string[] = [];
  const u = f.unattributed;
  if (u) {
    const share = (n: number) => `${fmt(n)} (${percent(n, u.fatalities)})`;
    const lead = u.battles.byParties[0];
    const battles = `${share(u.battles.fatalities)} in battles${lead && lead.fatalities > 0 ? `, ${lead.fatalities * 2 > u.battles.fatalities ? 'most of them' : 'the largest share'} between ${lead.parties.toLowerCase().replace(' – ', ' and ')}` : ''}`;
    parts.push(
      `Of ${fmt(u.fatalities)} fatalities${where}${f.attributed ? ' in ACLED-style data' : ''}, ${share(u.civilianTargeting.fatalities)} were in events that targeted civilians, ${battles}, ` +
        `${share(u.remoteViolence.fatalities)} in explosions and remote violence and ${share(u.other.fatalities)} in other events; the data does not say how many of those killed were civilians.`,
    );
  }
  const a = f.attributed;
  if (a) {
    const share = (n: number) => `${fmt(n)} (${percent(n, a.best)})`;
    const who = (list: SideActor[]) => (list[0] && list[0].deaths > 0 ? `, mostly ${list[0].actor}` : '');
    parts.push(
      `Of ${fmt(a.best)} deaths UCDP records${where} (best estimate), ${share(a.civilians)} were civilians, ${share(a.sideA)} on side A${who(a.sideAActors)}, ` +
        `${share(a.sideB)} on side B${who(a.sideBActors)} and ${share(a.unknown)} of unknown status.`,
    );
  }
  return parts.join(' ');
}

export const victimsAnalysis = analysis<VictimsFigures>({
  name: 'victims',
  summary: ANALYSIS_SUMMARIES.victims,
  about: `UCDP attributes deaths: side A, side B, civilians and unknown, with the sides named.
ACLED does not: its fatalities are split by the kind of event they happened in — events
that target civilians (the civilian_targeting column, or the Violence against civilians
type where that column is absent), battles and remote violence by the actor types of the
parties, and the rest — and the answer says so. Rules: docs/counting.md ("Who died").`,
  params: [MAX_IDS],
  run: (store, filter, o) => victims(store, filter, o as AnalysisOptions),
  layout: ({ figures: f }) => {
    const layout = [];
    const u = f.unattributed;
    if (u) {
      const row = (part: string, p: { events: number; fatalities: number }) => ({ part, events: p.events, fatalities: p.fatalities, share: percent(p.fatalities, u.fatalities) });
      layout.push({
        columns: ['part', 'events', 'fatalities', 'share'],
        rows: [
          row('events targeting civilians', u.civilianTargeting),
          row('battles', u.battles),
          ...u.battles.byParties.map((p) => row(`- ${p.parties}`, p)),
          row('explosions/remote violence', u.remoteViolence),
          ...u.remoteViolence.byParties.map((p) => row(`- ${p.parties}`, p)),
          row('other events', u.other),
        ],
        footer: [row(f.attributed ? 'total (sources that do not say who died)' : 'total', u)],
      });
    }
    const a = f.attributed;
    if (a) {
      const row = (part: string, deaths: number) => ({ part, deaths, share: percent(deaths, a.best) });
      layout.push({
        columns: ['part', 'deaths', 'share'],
        rows: [
          row('civilians', a.civilians),
          row('side A', a.sideA),
          ...a.sideAActors.slice(0, 5).map((s) => row(`- ${s.actor}`, s.deaths)),
          row('side B', a.sideB),
          ...a.sideBActors.slice(0, 5).map((s) => row(`- ${s.actor}`, s.deaths)),
          row('unknown', a.unknown),
        ],
        footer: [row('total (UCDP best estimate)', a.best)],
      });
    }
    return layout;
  },
  examples: ['crisismap victims --country Mali --year 2022', 'crisismap victims --dataset ucdp --json'],
});
