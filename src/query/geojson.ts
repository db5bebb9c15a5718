/** Events as a GeoJSON FeatureCollection of points, for QGIS, Datawrapper, MapLibre and the like. */
import type { EventList } from './events.js';

export interface EventCollection {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; id: string; geometry: { type: 'Point'; coordinates: [number, number] }; properties: Record<string, unknown> }>;
  /** Provenance, as a foreign member: GeoJSON readers ignore it, people do not. */
  crisismap: { filters: EventList['filters']; datasets: EventList['datasets']; matched: number; withoutCoordinates: number };
}

export function toGeoJson(list: EventList): EventCollection {
  const features: EventCollection['features'] = [];
  let withoutCoordinates = 0;
  for (const event of list.events) {
    const { latitude, longitude, ...properties } = event;
    if (typeof latitude !== 'number' || typeof longitude !== 'number') {
      withoutCoordinates++;
      continue;
    }
    features.push({ type: 'Feature', id: String(event.id), geometry: { type: 'Point', coordinates: [longitude, latitude] }, properties });
  }
  return { type: 'FeatureCollection', features, crisismap: { filters: list.filters, datasets: list.datasets, matched: list.matched, withoutCoordinates } };
}
