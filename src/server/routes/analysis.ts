/**
 * The analyses (trend, victims, actor, episodes, spread, surges, brief), each answering in
 * the Answer shape of src/analysis/answer.ts — the same JSON as the command's --json.
 * Parameters are the command's flags with _ for - (min_admin1 for --min-admin1).
 */
import { z } from 'zod';
import {
  actorProfile, brief, briefHtml, briefMarkdown, episodes, loadAliases, parseGroup, PERIOD_KINDS, spread, surges, trend, victims,
} from '../../analysis/index.js';
import { CrisisError } from '../../model/errors.js';
import { alternatives, date, decimal, FILTER_PARAMS, filterOf, flag, isOn, MAX_IDS, maxIdsOf, oneOf, whole } from '../params.js';
import { json, text, type Api } from '../route.js';

const ANSWER = 'an Answer: {question, figures, sentence, filters, datasets, caveats, eventIds, eventCount, eventFilter}';
const answerResponse = { 'application/json': ANSWER };
const { actor: _actor, actor_exact: _exact, ...NOT_ACTOR } = FILTER_PARAMS;

const group = z.string()
  .meta({ description: 'named groups of countries or of admin1 areas, NAME=AREA,AREA, several separated by |', example: "coastal=Benin,Togo,Ghana,Côte d'Ivoire" })
  .optional();
const groupsOf = (value: string | undefined) => alternatives(value).map(parseGroup);

const TrendQuery = z.object({
  ...FILTER_PARAMS,
  by: oneOf('by', PERIOD_KINDS as ['year', 'quarter', 'month', 'week'], 'period: year (default), quarter, month or week (ISO, from Monday)'),
  metric: oneOf('metric', ['fatalities', 'events'], 'what to compare: fatalities (default) or events'),
  compare: z.string()
    .regex(/^[^|,]+[|,][^|,]+$/, { error: (i) => `compare "${i.input}" needs two periods, separated by | or ,` })
    .meta({ description: 'the two periods to compare, earlier first (default: the last two complete ones)', example: '2021|2022' })
    .optional(),
  max_ids: MAX_IDS,
});
const VictimsQuery = z.object({ ...FILTER_PARAMS, max_ids: MAX_IDS });
const ActorQuery = z.object({
  ...NOT_ACTOR,
  actor: z.string({ error: 'actor is required: the actor to profile, e.g. actor=Wagner' }).min(1, { error: 'actor is empty: name the actor to profile, e.g. actor=Wagner' })
    .meta({ description: 'the actor to profile, through the alias table ("Wagner" → "Wagner Group"); one name', example: 'Wagner' }),
  successors: flag('successors', 'also the names the actor took later (Wagner Group → Africa Corps)'),
  top: whole('top', 'deadliest events, partners and opponents listed (default 10)', 10, 1000),
  max_ids: MAX_IDS,
});
const EpisodesQuery = z.object({
  ...FILTER_PARAMS,
  days: whole('days', 'join events at most this many days apart (default 1: the same or next day)', 1),
  km: decimal('km', 'join places at most this many km apart (default 10)', 10),
  limit: whole('limit', 'episodes listed (default 10)', 10, 1000),
  max_ids: MAX_IDS,
});
const SpreadQuery = z.object({
  ...FILTER_PARAMS,
  by: oneOf('by', ['year', 'quarter'], 'period: year (default) or quarter'),
  group,
  max_ids: MAX_IDS,
});
const SurgesQuery = z.object({
  ...FILTER_PARAMS,
  window: whole('window', 'days in the rolling window (default 30)', 30),
  min: whole('min', 'least fatalities in the window for a country (default 100)', 100),
  min_admin1: whole('min_admin1', 'least fatalities in the window for an admin1 area (default 25)', 25),
  at: date('at', "the window's last day (default: the last day of event_date, else of the data)", '2022-04-15'),
  max_ids: MAX_IDS,
});
const BriefQuery = z.object({
  ...NOT_ACTOR,
  actor: z.string().meta({ description: 'an actor whose involvement gets a section (one name, through the alias table); it does not filter the rest', example: 'Wagner' }).optional(),
  successors: flag('successors', 'with actor: also the names it took later'),
  group,
  max_ids: MAX_IDS,
});

const numbers = (q: Record<string, string | undefined>, names: Record<string, string>) =>
  Object.fromEntries(Object.entries(names).filter(([param]) => q[param] !== undefined).map(([param, option]) => [option, Number(q[param])]));

function oneActor(value: string | undefined): string | undefined {
  const names = alternatives(value);
  if (names.length > 1) throw new CrisisError(`actor: one actor, not ${names.length}`, [`give one of: ${names.join(', ')}`]);
  return names[0];
}

export function analysisRoutes(api: Api): void {
  api.get({
    path: '/api/trend', tag: 'analyses', query: TrendQuery, responses: answerResponse,
    summary: 'Events or fatalities per period, and how they changed',
    description: 'As `crisismap trend --json`. Periods the data covers only in part are flagged and compared over the same days.',
  }, async (q, store) => {
    const compare = q.compare?.split(/[|,]/).map((p) => p.trim()) as [string, string] | undefined;
    return json(await trend(store, filterOf(q), {
      ...(q.by ? { by: q.by } : {}), ...(q.metric ? { metric: q.metric } : {}), ...(compare ? { compare } : {}), ...maxIdsOf(q.max_ids),
    }));
  });

  api.get({
    path: '/api/victims', tag: 'analyses', query: VictimsQuery, responses: answerResponse,
    summary: 'Who died: the breakdown behind a "who died" chart, as each source allows',
    description: 'As `crisismap victims --json`: UCDP attributes deaths to sides; ACLED does not, so its fatalities are split by the kind of event.',
  }, async (q, store) => json(await victims(store, filterOf(q), maxIdsOf(q.max_ids))));

  api.get({
    path: '/api/actor', tag: 'analyses', query: ActorQuery, responses: answerResponse,
    summary: 'Profile of an actor: where, when, with and against whom, how deadly',
    description: 'As `crisismap actor NAME --json`, with the name as `actor`. ACLED does not attribute deaths: these are people killed in incidents involving the actor.',
  }, async (q, store) => {
    const name = oneActor(q.actor);
    if (!name) throw new CrisisError(`actor "${q.actor}" names no actor`, ['name the actor to profile, e.g. actor=Wagner']);
    // Here `actor` names the profile's actor: it is not a filter on the events (as for the CLI's NAME).
    return json(await actorProfile(store, name, filterOf({ ...q, actor: undefined }), {
      aliases: loadAliases(), successors: isOn(q.successors), ...numbers(q, { top: 'top' }), ...maxIdsOf(q.max_ids),
    }));
  });

  api.get({
    path: '/api/episodes', tag: 'analyses', query: EpisodesQuery, responses: answerResponse,
    summary: 'The deadliest episodes: events grouped in space and time',
    description: 'As `crisismap episodes --json`: events at most `km` apart and `days` apart join one episode; episodes are ranked by fatalities.',
  }, async (q, store) => json(await episodes(store, filterOf(q), { ...numbers(q, { days: 'days', km: 'km', limit: 'limit' }), ...maxIdsOf(q.max_ids) })));

  api.get({
    path: '/api/spread', tag: 'analyses', query: SpreadQuery, responses: answerResponse,
    summary: 'Is violence spreading? New areas, the moving centre of events, named groups',
    description: 'As `crisismap spread --json`.',
  }, async (q, store) => json(await spread(store, filterOf(q), { ...(q.by ? { by: q.by } : {}), groups: groupsOf(q.group), ...maxIdsOf(q.max_ids) })));

  api.get({
    path: '/api/surges', tag: 'analyses', query: SurgesQuery, responses: answerResponse,
    summary: 'Where violence is surging now: fatalities at a level not seen in a year or three',
    description: 'As `crisismap surges --json`, in the manner of HDX Signals.',
  }, async (q, store) => json(await surges(store, filterOf(q), {
    ...numbers(q, { window: 'window', min: 'min', min_admin1: 'minAdmin1' }), ...(q.at ? { at: q.at } : {}), ...maxIdsOf(q.max_ids),
  })));

  const briefs = [
    ['', 'application/json', 'every section\'s full Answer (as `crisismap brief --json`)'],
    ['.html', 'text/html', 'a standalone HTML page; the filters and datasets are also in the X-Crisismap-* headers'],
    ['.md', 'text/markdown', 'Markdown; the filters and datasets are also in the X-Crisismap-* headers'],
  ] as const;
  for (const [suffix, type, holds] of briefs) {
    api.get({
      path: `/api/brief${suffix}`, tag: 'analyses', query: BriefQuery, responses: { [type]: holds },
      summary: `A situation report for a place and period${suffix ? `, as ${suffix.slice(1).toUpperCase()}` : ''}`,
      description: 'Chains the analyses (trend, victims, actor, episodes, spread, surges); every paragraph comes with its events and a data note.',
    }, async (q, store) => {
      const actor = oneActor(q.actor);
      const { actor: _a, ...filter } = filterOf(q);
      const answer = await brief(store, filter, {
        ...(actor ? { actor } : {}), aliases: loadAliases(), successors: isOn(q.successors), groups: groupsOf(q.group), ...maxIdsOf(q.max_ids),
      });
      const echo = { filters: answer.filters, datasets: answer.datasets };
      if (suffix === '.html') return text(briefHtml(answer), 'text/html', echo);
      if (suffix === '.md') return text(briefMarkdown(answer), 'text/markdown', echo);
      return json(answer);
    });
  }
}
