/**
 * The checker's own options, declared once for `crisismap check` and POST /api/check (its
 * query; the text, its date and language come in the body). The filters are the ones every
 * command takes.
 */
import { MAX_IDS } from '../analysis/analysis.js';

export const CHECK_PARAMS = {
  // A text holds dozens of claims: 200 ids each keeps the answer readable; all lists every one.
  maxIds: { ...MAX_IDS, default: 200, example: '200', help: 'event ids listed per claim (its event count and events command cover them all); all lists every one' },
};
