// What the dashboard's JavaScript (public/) is type-checked against, beside the DOM:
// the MapLibre module it imports from /vendor/ (served from node_modules), and the
// read-back it leaves on window for the end-to-end tests and the console (probe.js).
declare module '/vendor/maplibre-gl.js' {
  export * from 'maplibre-gl';
}

interface Window {
  crisismap?: {
    map?: import('maplibre-gl').Map;
    numbers?: typeof import('./public/probe.js').numbers;
    mapPixelOf?: typeof import('./public/probe.js').mapPixelOf;
  };
}
