/**
 * The admin1 choropleth's areas, from either of two sources:
 *  - /api/map.geojson?level=admin1, where the server has matched the data's names to the
 *    shipped boundaries (with its table of other spellings) and lists what matched none;
 *  - or, from a server without that route, counts per admin1 (/api/count?by=admin1) joined
 *    here onto each country's boundaries (/api/boundaries/admin1.geojson?country=NAME) by
 *    name, compared without case, accents or punctuation ("Ségou" = "Segou").
 * Both give the same shape: features with {country, admin1, names, events, fatalities,
 * value, selected}, the rows that match no boundary, and the classes' breaks.
 */

/**
 * From the server's map GeoJSON: areas as drawn, their data names joined by " / ", and,
 * for the names that match no boundary, the places of their events (drawn as circles).
 */
export function fromMapGeoJson(collection, metric, chosen) {
  // Chosen areas are outlined: admin1 areas by the admin1 filter, countries by the country filter.
  const level = collection.crisismap?.level === 'country' ? 'country' : 'admin1';
  const selected = new Set((chosen[level] ?? []).map(nameKey));
  const features = collection.features.map((f, i) => {
    const p = f.properties ?? {};
    if (f.geometry?.type === 'Point') {
      return { type: 'Feature', id: i, geometry: f.geometry, properties: { unmatched: true, place: p.name, events: p.events ?? 0, fatalities: p.fatalities ?? 0, value: p[metric] ?? p.value ?? 0 } };
    }
    const names = String(p.name ?? p.boundary ?? '').split(' / ');
    return {
      type: 'Feature',
      id: i,
      geometry: f.geometry,
      properties: {
        key: `${nameKey(p.country)}|${level === 'admin1' ? nameKey(names[0]) : ''}`,
        level,
        country: p.country,
        admin1: level === 'admin1' ? names[0] : null,
        names: names.join(' / '),
        events: p.events ?? 0,
        fatalities: p.fatalities ?? 0,
        value: p[metric] ?? p.value ?? 0,
        selected: names.some((n) => selected.has(nameKey(n))),
      },
    };
  });
  const unmatched = (collection.crisismap?.unmatched ?? []).map((u) => ({ country: u.country, admin1: u.admin1, events: u.events, fatalities: u.fatalities }));
  const areas = features.filter((f) => !f.properties.unmatched);
  return { collection: { type: 'FeatureCollection', features }, unmatched, breaks: breaksOf(areas.map((f) => f.properties.value)) };
}

/** "Ségou" → "segou", "Centre-Nord" → "centrenord". */
export const nameKey = (name) =>
  String(name ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * @param {Map<string, any[]>} shapes each data country's admin1 features
 * @param {Array<{ country: string, admin1: string | null, events: number, fatalities: number }>} rows
 * @param {'events' | 'fatalities'} metric
 * @param {{ admin1?: string[] }} chosen the filter's own areas, outlined
 */
export function joinCounts(shapes, rows, metric, chosen) {
  const byKey = new Map(rows.map((r) => [`${nameKey(r.country)}|${nameKey(r.admin1)}`, r]));
  const used = new Set();
  const selected = new Set((chosen.admin1 ?? []).map(nameKey));
  const features = [];
  for (const [country, list] of shapes) {
    for (const f of list) {
      const name = f.properties?.name ?? f.properties?.admin1 ?? '';
      const key = `${nameKey(country)}|${nameKey(name)}`;
      const row = byKey.get(key);
      if (row) used.add(key);
      features.push({
        type: 'Feature',
        id: features.length,
        geometry: f.geometry,
        properties: {
          key,
          country,
          admin1: row?.admin1 ?? name,
          names: row?.admin1 ?? name,
          events: row?.events ?? 0,
          fatalities: row?.fatalities ?? 0,
          value: row?.[metric] ?? 0,
          selected: selected.has(nameKey(row?.admin1 ?? name)),
        },
      });
    }
  }
  const unmatched = rows.filter((r) => !used.has(`${nameKey(r.country)}|${nameKey(r.admin1)}`));
  return { collection: { type: 'FeatureCollection', features }, unmatched, breaks: breaksOf(rows.map((r) => r[metric])) };
}

/** Five classes at the quintiles of the non-zero values, rounded to two significant digits. */
export function breaksOf(values) {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (!sorted.length) return [1];
  const round = (v) => {
    const p = 10 ** Math.max(0, Math.floor(Math.log10(v)) - 1);
    return Math.max(1, Math.floor(v / p) * p);
  };
  const out = [1];
  for (const q of [0.2, 0.4, 0.6, 0.8]) {
    const b = round(sorted[Math.floor(q * (sorted.length - 1))]);
    if (b > out[out.length - 1]) out.push(b);
  }
  return out;
}
