/**
 * A map's data as GeoJSON for QGIS, Datawrapper or MapLibre: each area with data as its
 * boundary and values, each place as a point, and under `crisismap` (a foreign member that
 * readers ignore) the filters, datasets and every name that matched no boundary.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { MapFigure } from './map.js';
import { BOUNDARY_SOURCE } from './map.js';

export interface MapCollection extends FeatureCollection<Geometry> {
  crisismap: Record<string, unknown>;
}

export function mapGeoJson(figure: MapFigure): MapCollection {
  const { data } = figure;
  const areas: Feature[] = data.areas.map((a) => ({
    type: 'Feature',
    id: `${a.country}/${a.shape.properties.name}`,
    geometry: rightHanded(a.shape.geometry),
    properties: {
      name: a.names.join(' / '),
      boundary: a.shape.properties.name,
      country: a.country,
      level: data.level,
      events: a.events,
      fatalities: a.fatalities,
      value: a.value,
    },
  }));
  const places: Feature[] = data.places.map((p) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: { name: p.name, events: p.events, fatalities: p.fatalities, value: p.value, unmatched: p.unmatched },
  }));
  return {
    type: 'FeatureCollection',
    features: [...areas, ...places],
    crisismap: {
      title: figure.text.title,
      level: data.level,
      metric: data.metric,
      filters: data.filters,
      datasets: data.datasets,
      total: data.total,
      unmatched: data.unmatched,
      notes: figure.text.notes,
      boundaries: BOUNDARY_SOURCE,
    },
  };
}

/**
 * d3-geo wants exterior rings clockwise; GeoJSON (RFC 7946) wants them counter-clockwise.
 * The files crisismap writes follow the RFC, for the tools that read them.
 */
function rightHanded(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const flip = (rings: Position[][]) => rings.map((r) => [...r].reverse());
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: flip(geometry.coordinates) } : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(flip) };
}
