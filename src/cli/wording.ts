/** How the command line names parameters and requests in messages: --km 2000, crisismap count --by country. */
import type { Namer, ParamRef } from '../model/param.js';

const quote = (value: string) => (/^[\w.:,|/=-]+$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`);

const withValue = (p: ParamRef, v: string) => (p.switch ? `--${p.flag}` : p.flag ? `--${p.flag} ${quote(v)}` : `${p.positional ?? p.key} ${quote(v)}`);

export const CLI_NAMES: Namer = {
  name: (p) => (p.flag ? `--${p.flag}` : (p.positional ?? p.key)),
  withValue,
  plain: (p) => p.flag ?? p.positional ?? p.key,
  request: (command, positional, pairs) => ['crisismap', command, ...(positional ? [quote(positional)] : []), ...pairs.map(([p, v]) => (v === undefined ? `--${p.flag}` : withValue(p, v)))].join(' '),
};
