/**
 * Charts and maps a newsroom can publish (docs/charts.md, docs/maps.md). This list is the
 * public API of src/render; everything else is internal.
 *   chart(store, kind, filter)  → Chart   → chartSvg / chartSpec / writeChart
 *   map(store, filter, options) → MapFigure (svg, data, table) → writeMap / mapGeoJson
 */
export { chart, parseKind, type ChartOptions } from './chart.js';
export { CHART_KINDS, chartSvg, chartSpec, type Chart, type ChartKind, type Table } from './spec.js';
export { barChart } from './charts/bar.js';
export { stackedChart } from './charts/stacked.js';
export { lineChart } from './charts/line.js';
export { pieChart } from './charts/pie.js';
export { trendChart } from './charts/trend.js';
export { victimsChart } from './charts/victims.js';
export { actorChart } from './charts/actor.js';
export { METRICS, type Metric } from './charts/common.js';
export { map, mapFigure, BOUNDARY_SOURCE, type MapFigure, type MapFigureOptions } from './map.js';
export { mapData, MAP_LEVELS, type MapData, type MapLevel, type MapOptions, type Area, type Place, type Unmatched } from './map-data.js';
export { mapGeoJson, type MapCollection } from './geojson.js';
export { boundaries, type Boundaries, type Shape } from './boundaries.js';
export { normalizeName, COUNTRY_ALIASES, ADMIN1_ALIASES } from './names.js';
export { writeChart, writeMap, chartOutput, mapOutput, formatOf, CHART_FORMATS, MAP_FORMATS, type Format } from './output.js';
export { svgToPng, pngSize } from './png.js';
export { CHART_PARAMS, MAP_PARAMS, METRIC, chartOptions } from './params.js';
export { briefDocument, renderBriefFigures, type BriefFigureMap, type DocumentFormat } from './brief.js';
export { type FigureText, SYNTHETIC_LABEL } from './figure.js';
