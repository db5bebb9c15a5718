/**
 * Named groups of areas for spread (`--group coastal=Benin,Togo,Ghana,"Côte d'Ivoire"`):
 * each name is a country or an admin1 area as the store holds it. Country names go through
 * the one country table (model/countries.ts), so "Côte d'Ivoire", "DRC" or "Burma" work.
 */
import { param, ParamError, ref, refOf } from '../model/param.js';
import { CrisisError } from '../model/errors.js';
import type { Filter } from '../query/filter.js';
import { resolveFilter } from '../query/resolve.js';
import type { Store } from '../store/store.js';

export interface AreaGroup {
  name: string;
  /** Names as the store holds them. */
  areas: string[];
  level: 'country' | 'admin1';
}

/** Named groups of areas, for spread and the brief. */
export const GROUP = param('text-list', {
  key: 'group',
  placeholder: 'NAME=A,B',
  maxLength: 1000,
  example: "coastal=Benin,Togo,Ghana,Côte d'Ivoire",
  help: 'a named group of countries or of admin1 areas, NAME=AREA,AREA (repeatable; over HTTP several separated by |)',
});

/** "coastal=Benin,Togo,Ghana,Côte d'Ivoire" → { name, areas }; names may be quoted. */
export function parseGroup(text: string): { name: string; areas: string[] } {
  const at = text.indexOf('=');
  const name = text.slice(0, at).trim();
  const areas = text
    .slice(at + 1)
    .split(',')
    .map((a) =>
      a
        .trim()
        .replace(/^["']|["']$/g, '')
        .trim(),
    )
    .filter(Boolean);
  if (at < 1 || !name || !areas.length)
    throw new ParamError(refOf(GROUP), text, { kind: 'says', text: `${ref(GROUP)} "${text}" needs a name and areas` }, [`write it as NAME=AREA,AREA, e.g. ${ref(GROUP, GROUP.example)}`]);
  return { name, areas };
}

/** Each area as the store holds it: a country if one matches, else an admin1 area. */
export async function resolveGroup(store: Store, group: { name: string; areas: string[] }): Promise<AreaGroup> {
  const countries: string[] = [];
  const admin1: string[] = [];
  for (const area of group.areas) {
    const country = await tryResolve(store, { country: [area] });
    if (country) {
      countries.push(...country);
      continue;
    }
    const region = await tryResolve(store, { admin1: [area] });
    if (region) {
      admin1.push(...region);
      continue;
    }
    // Neither: let the country resolution say what the closest names are.
    await resolveFilter(store, { country: [area] }).catch((error: CrisisError) => {
      throw new CrisisError(`${ref(GROUP, group.name)}: no country or admin1 area "${area}"`, [...error.details.slice(0, 1), 'a group holds countries or admin1 areas as the store names them']);
    });
  }
  if (countries.length && admin1.length)
    throw new CrisisError(`${ref(GROUP, group.name)} mixes countries (${countries.join(', ')}) and admin1 areas (${admin1.join(', ')})`, ['make a group of countries or one of admin1 areas']);
  return { name: group.name, areas: [...new Set(countries.length ? countries : admin1)], level: countries.length ? 'country' : 'admin1' };
}

async function tryResolve(store: Store, filter: Filter): Promise<string[] | undefined> {
  try {
    const resolved = await resolveFilter(store, filter);
    return resolved.country ?? resolved.admin1;
  } catch (error) {
    if (error instanceof CrisisError) return undefined;
    throw error;
  }
}

/**
 * The filter restricted to a group: the group's areas AND the filter's own areas of that
 * level; null when nothing is left (a --country Mali filter leaves nothing of a coastal group).
 */
export function groupFilter(filter: Filter, group: AreaGroup): Filter | null {
  const own = filter[group.level];
  const areas = own?.length ? group.areas.filter((a) => own.includes(a)) : group.areas;
  return areas.length ? { ...filter, [group.level]: areas } : null;
}
