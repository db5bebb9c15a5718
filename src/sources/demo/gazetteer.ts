// Real places for the synthetic Sahel scenario. Names follow ACLED's spelling
// (ASCII, no accents, "Timbuktu", "Tillaberi", "Ivory Coast") so that joins and
// filters written against real ACLED exports also work on the demo file.
// Coordinates are approximate town centres, rounded to 4 decimals like ACLED.
import { PLACE_TABLE } from './places.js';

export type CountryName = 'Mali' | 'Burkina Faso' | 'Niger' | 'Ivory Coast' | 'Benin' | 'Togo' | 'Ghana';

export interface Country {
  readonly name: CountryName;
  /** ISO 3166-1 numeric, which is what ACLED puts in its `iso` column. */
  readonly iso: number;
  /** ACLED's event_id_cnty prefix. */
  readonly idPrefix: string;
  /** Location name (in PLACES) used for capital-city demonstrations. */
  readonly capital: string;
}

export interface Place {
  readonly country: CountryName;
  readonly admin1: string;
  readonly admin2: string;
  readonly location: string;
  readonly latitude: number;
  readonly longitude: number;
}

// ACLED calls Cote d'Ivoire "Ivory Coast" in its country column and in actor names.
export const COUNTRIES: readonly Country[] = [
  { name: 'Mali', iso: 466, idPrefix: 'MLI', capital: 'Bamako' },
  { name: 'Burkina Faso', iso: 854, idPrefix: 'BFO', capital: 'Ouagadougou' },
  { name: 'Niger', iso: 562, idPrefix: 'NIR', capital: 'Niamey' },
  { name: 'Ivory Coast', iso: 384, idPrefix: 'CIV', capital: 'Abidjan' },
  { name: 'Benin', iso: 204, idPrefix: 'BEN', capital: 'Cotonou' },
  { name: 'Togo', iso: 768, idPrefix: 'TOG', capital: 'Lome' },
  { name: 'Ghana', iso: 288, idPrefix: 'GHA', capital: 'Accra' },
];

export const PLACES: readonly Place[] = Object.entries(PLACE_TABLE).flatMap(([country, regions]) =>
  Object.entries(regions).flatMap(([admin1, rows]) =>
    rows.map(([admin2, location, latitude, longitude]) => ({
      country: country as CountryName,
      admin1,
      admin2,
      location,
      latitude,
      longitude,
    })),
  ),
);

// Lookups run once per generated event (a million times for the benchmark
// file), hence the precomputed maps.
const BY_COUNTRY = new Map(COUNTRIES.map((c) => [c.name, c] as const));
const BY_LOCATION = new Map(PLACES.map((p) => [`${p.country}|${p.location}`, p] as const));
const BY_ADMIN1 = new Map<string, Place[]>();
for (const p of PLACES) {
  const key = `${p.country}|${p.admin1}`;
  BY_ADMIN1.set(key, [...(BY_ADMIN1.get(key) ?? []), p]);
}

export function countryInfo(name: CountryName): Country {
  const found = BY_COUNTRY.get(name);
  if (!found) throw new Error(`unknown country ${name}`);
  return found;
}

export function findPlace(country: CountryName, location: string): Place {
  const found = BY_LOCATION.get(`${country}|${location}`);
  if (!found) throw new Error(`unknown place ${location} (${country})`);
  return found;
}

export function placesIn(country: CountryName, admin1: string): readonly Place[] {
  const found = BY_ADMIN1.get(`${country}|${admin1}`);
  if (!found) throw new Error(`unknown admin1 ${admin1} (${country})`);
  return found;
}

/** Great-circle distance; used to keep episodes local and to find clusters. */
export function distanceKm(a: Pick<Place, 'latitude' | 'longitude'>, b: Pick<Place, 'latitude' | 'longitude'>): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
