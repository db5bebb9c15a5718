/**
 * The analyses: each takes (store, filter, options) and returns an Answer — figures, one
 * sentence, filters, datasets, caveats and the events behind the figures (docs/analysis.md).
 * This list is the public API of src/analysis; everything else is internal.
 */
export { type Answer, type AnalysisOptions, DEFAULT_MAX_IDS, eventsCommand } from './answer.js';
export { trend, type TrendOptions, type TrendFigures, type TrendPoint, type Change, type Metric } from './trend.js';
export { victims, type VictimsFigures, type Attributed, type Unattributed } from './victims.js';
export { actorProfile, type ActorOptions, type ActorFigures } from './actor.js';
export { DEFAULT_ALIASES, loadAliases, resolveActor, type Alias, type AliasTable, type ResolvedActor } from './aliases.js';
export { episodes, type EpisodeOptions, type EpisodeFigures, type Episode } from './episodes.js';
export { spread, type SpreadOptions, type SpreadFigures, type SpreadPeriod } from './spread.js';
export { parseGroup, type AreaGroup } from './areas.js';
export { surges, type SurgeOptions, type SurgeFigures, type Surge } from './surges.js';
export { brief, type BriefOptions, type BriefFigures, type Section } from './brief.js';
export { briefMarkdown, briefHtml, answerFooter } from './report.js';
export { haversineKm, bearing, compass } from './geo.js';
export { PERIOD_KINDS, type PeriodKind } from './periods.js';
