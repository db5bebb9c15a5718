// What the dashboard's JavaScript (public/) is type-checked against, beside the DOM and
// MapLibre (tsconfig.json's paths): the read-back it leaves on window for the end-to-end
// tests and the console (probe.js).

interface Window {
  crisismap?: {
    map?: import('maplibre-gl').Map;
    numbers?: typeof import('./public/probe.js').numbers;
    mapPixelOf?: typeof import('./public/probe.js').mapPixelOf;
  };
}
