/**
 * What the analysis commands (trend, victims, actor, episodes, spread, surges, brief) share:
 * their output flags, whole-number flags, and printing an Answer as a sentence, a table and
 * its footer, or as JSON. (Opening the store read-only is with-store.ts.)
 */
import type { Answer } from '../../analysis/answer.js';
import { answerFooter } from '../../analysis/report.js';
import { CrisisError } from '../../model/errors.js';
import type { IO } from '../command.js';
import { json } from '../format.js';

export const ANSWER_OPTIONS = {
  json: { type: 'boolean' },
  'max-ids': { type: 'string' },
} as const;

export const ANSWER_HELP = `  --json                  {"question","figures","sentence","filters","datasets","caveats","eventIds","eventCount","eventFilter"}
  --max-ids N|all         event ids in --json (default 10000; eventCount and eventFilter cover them all)`;

/** A flag that must be a whole number (or a decimal, when `decimal`), within bounds. */
export function numberFlag(value: unknown, name: string, fallback: number, decimal = false): number {
  if (value === undefined) return fallback;
  const text = String(value).trim();
  if (!(decimal ? /^\d+(\.\d+)?$/ : /^\d+$/).test(text)) throw new CrisisError(`--${name} "${text}" is not a ${decimal ? 'number' : 'whole number'}`, [`e.g. --${name} ${fallback}`]);
  return Number(text);
}

/** The sentence, what the command shows of the figures, then caveats, events, data and filters. */
export function printAnswer(io: IO, answer: Answer<unknown>, asJson: unknown, body = ''): void {
  if (asJson) {
    io.out(json(answer));
    return;
  }
  io.out(`${answer.sentence}\n\n${body ? `${body.trimEnd()}\n\n` : ''}${answerFooter(answer)}`);
}
