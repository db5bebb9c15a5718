/**
 * Every analysis, as it declares itself (analysis.ts): the CLI makes a command of each and the
 * server a route. Adding an analysis: its file, exporting its declaration, and one line here.
 */
import { actorAnalysis } from './actor.js';
import type { Analysis } from './analysis.js';
import { briefAnalysis } from './brief.js';
import { episodesAnalysis } from './episodes.js';
import { spreadAnalysis } from './spread.js';
import { surgesAnalysis } from './surges.js';
import { trendAnalysis } from './trend.js';
import { victimsAnalysis } from './victims.js';

export const ANALYSES: Array<Analysis<never>> = [trendAnalysis, victimsAnalysis, actorAnalysis, episodesAnalysis, spreadAnalysis, surgesAnalysis, briefAnalysis] as Array<Analysis<never>>;
