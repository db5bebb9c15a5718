/**
 * The one country table (countries.tsv): every name ACLED, UCDP GED and people use for a
 * country → its ISO 3166 alpha-3 code, and one name to show for it. Imports store the code
 * beside the source's own spelling; filters and groups go through the code, so "Myanmar"
 * (ACLED) and "Myanmar (Burma)" (UCDP) are one country. docs/data-model.md says more.
 */
import { readFileSync } from 'node:fs';

export interface Country {
  /** ISO 3166 alpha-3 (XKX Kosovo; ISO 3166-3 codes for former states). */
  code: string;
  /** The one name shown for the country (ACLED's spelling). */
  name: string;
  /** Every other name the table knows for it, as written in the table. */
  aliases: string[];
}

/** "Côte d’Ivoire" → "cote d ivoire": the form names are compared in (case, accents, punctuation ignored). */
export function countryKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The same key in DuckDB SQL, so an import can look names up in a join. Keep the two in step (countries.test.ts). */
export function countryKeySql(column: string): string {
  return `trim(regexp_replace(replace(lower(strip_accents(${column})), '&', ' and '), '[^a-z0-9]+', ' ', 'g'))`;
}

function load(): Country[] {
  const text = readFileSync(new URL('./countries.tsv', import.meta.url), 'utf8');
  const lines = text
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .slice(1);
  return lines.map((line) => {
    const [code = '', name = '', aliases = ''] = line.split('\t');
    return {
      code: code.trim(),
      name: name.trim(),
      aliases: aliases
        .split('|')
        .map((a) => a.trim())
        .filter(Boolean),
    };
  });
}

export const COUNTRIES: readonly Country[] = load();

const byKey = new Map<string, Country>();
const byCode = new Map<string, Country>();
for (const country of COUNTRIES) {
  if (byCode.has(country.code)) throw new Error(`countries.tsv: code ${country.code} appears twice`);
  byCode.set(country.code, country);
  for (const name of [country.name, ...country.aliases]) {
    const key = countryKey(name);
    const other = byKey.get(key);
    if (other && other !== country) throw new Error(`countries.tsv: "${name}" names both ${other.code} and ${country.code}`);
    byKey.set(key, country);
  }
}

/** The country a name (any spelling the table knows) or an alpha-3 code stands for. */
export function findCountry(nameOrCode: string): Country | undefined {
  const trimmed = nameOrCode.trim();
  return byKey.get(countryKey(trimmed)) ?? (/^[A-Za-z]{3}$/.test(trimmed) ? byCode.get(trimmed.toUpperCase()) : undefined);
}

export function countryByCode(code: string): Country | undefined {
  return byCode.get(code);
}

/** Every name the table writes (raw), its compared form (key), code and shown name: what imports join against. */
export function countryNames(): Array<{ raw: string; key: string; code: string; name: string }> {
  return COUNTRIES.flatMap((c) => [...new Set([c.name, ...c.aliases])].map((raw) => ({ raw, key: countryKey(raw), code: c.code, name: c.name })));
}
