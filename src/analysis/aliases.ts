/**
 * Actor aliases: the names people use ("Wagner", "JNIM") for the names datasets store
 * ("Wagner Group", "JNIM: Group for Support of Islam and Muslims"), and the names an actor
 * took later (successors), which a user may choose to include. The default table below is
 * extended, key by key, by a JSON file (--aliases FILE or $CRISISMAP_ALIASES):
 *   { "fama": { "names": ["Military Forces of Mali"] }, "wagner": ["Wagner Group", "PMC Wagner"] }
 * Names match like --actor: a part of the stored name, any case.
 */
import { existsSync, readFileSync } from 'node:fs';
import { CrisisError } from '../model/errors.js';

export interface Alias {
  /** Names as datasets store them (or a part of them). */
  names: string[];
  /** Names the actor took later; included only when asked for. */
  successors?: string[];
  /** Why the alias holds, for the docs and the answer's caveats. */
  note?: string;
}
export type AliasTable = Record<string, Alias>;

export const DEFAULT_ALIASES: AliasTable = {
  wagner: { names: ['Wagner Group'], successors: ['Africa Corps'], note: "Russia's Africa Corps was presented in 2023-2024 as taking over Wagner Group operations in Africa" },
  jnim: { names: ['JNIM: Group for Support of Islam and Muslims'] },
  isgs: { names: ['Islamic State (Greater Sahara)'], successors: ['Islamic State (Sahel)'], note: 'ACLED names the group Islamic State (Sahel) from March 2022' },
  'is sahel': { names: ['Islamic State (Sahel)', 'Islamic State (Greater Sahara)'], note: 'the group was Islamic State (Greater Sahara) until March 2022' },
  // ACLED's own name, and the one older releases of its data use.
  iswap: { names: ['Islamic State (West Africa)', 'Islamic State in West Africa Province (ISWAP)'] },
  'boko haram': { names: ['Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad'] },
  jas: { names: ['Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad'] },
  fama: { names: ['Military Forces of Mali'], note: 'all regimes: (2013-2020), (2020-2021), (2021-)' },
  barkhane: { names: ['Operation Barkhane'] },
  cma: { names: ['CMA: Coordination of Azawad Movements'] },
  'csp-psd': { names: ['CSP-PSD: Permanent Strategic Framework'] },
  vdp: { names: ['VDP: Volunteers for the Defense of the Homeland'] },
};

/** The default table, extended by a user file (the flag's, else $CRISISMAP_ALIASES). */
export function loadAliases(path: string | undefined = process.env.CRISISMAP_ALIASES || undefined): AliasTable {
  const table: AliasTable = { ...DEFAULT_ALIASES };
  if (!path) return table;
  if (!existsSync(path)) throw new CrisisError(`no alias file at ${path}`, ['give a JSON file: {"wagner": {"names": ["Wagner Group"], "successors": ["Africa Corps"]}}']);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CrisisError(`${path}: not JSON: ${(error as Error).message}`, ['the alias file is a JSON object: {"wagner": ["Wagner Group"]}']);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new CrisisError(`${path}: the alias file must hold a JSON object`, ['e.g. {"wagner": ["Wagner Group"]}']);
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) table[key.trim().toLowerCase()] = aliasOf(path, key, value);
  return table;
}

function aliasOf(path: string, key: string, value: unknown): Alias {
  const strings = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.trim());
  if (strings(value)) return { names: value as string[] };
  const o = value as Partial<Alias> | null;
  if (o && typeof o === 'object' && strings(o.names) && (o.successors === undefined || strings(o.successors))) {
    return { names: o.names!, ...(o.successors ? { successors: o.successors } : {}), ...(typeof o.note === 'string' ? { note: o.note } : {}) };
  }
  throw new CrisisError(`${path}: alias "${key}" needs a list of names`, [`write "${key}": ["Stored Name"] or "${key}": {"names": ["Stored Name"], "successors": ["Later Name"]}`]);
}

export interface ResolvedActor {
  /** What the user asked for. */
  asked: string;
  /** The names to match: the alias's (and its successors', if chosen), or what was asked. */
  names: string[];
  /** The alias key used, if any. */
  alias?: string;
  /** Successor names included. */
  successors: string[];
  /** Successor names the alias knows but that were not asked for. */
  declined: string[];
  note?: string;
}

export function resolveActor(asked: string, table: AliasTable = DEFAULT_ALIASES, withSuccessors = false): ResolvedActor {
  const name = asked.trim();
  if (!name) throw new CrisisError('no actor name given', ['e.g. crisismap actor Wagner']);
  const key = name.toLowerCase();
  const alias = table[key];
  if (!alias) return { asked: name, names: [name], successors: [], declined: [] };
  const successors = withSuccessors ? (alias.successors ?? []) : [];
  return {
    asked: name,
    names: [...new Set([...alias.names, ...successors])],
    alias: key,
    successors,
    declined: withSuccessors ? [] : (alias.successors ?? []),
    ...(alias.note ? { note: alias.note } : {}),
  };
}
