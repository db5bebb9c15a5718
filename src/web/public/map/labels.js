/**
 * Cluster counts as HTML markers over the circles. A symbol layer would need glyphs from
 * a font server; markers need nothing, and their text is set with textContent. Markers are
 * kept per cluster id and only added or removed as clusters come and go. Since they are
 * outside the map's canvas, the PNG of the map draws them over it (mapPng).
 */
import { short } from '../dom.js';
import { canvasBlob } from '../download.js';

/** @param {typeof import('maplibre-gl')} maplibregl the MapLibre module @param {import('maplibre-gl').Map} map */
export function clusterLabels(maplibregl, map) {
  /** @type {Map<number, import('maplibre-gl').Marker>} */
  const shown = new Map();
  let pending = false;

  function refresh() {
    pending = false;
    const visible = map.getLayoutProperty('clusters', 'visibility') !== 'none';
    /** @type {Map<number, import('maplibre-gl').Marker>} */
    const next = new Map();
    if (visible && map.getSource('events')) {
      for (const f of map.querySourceFeatures('events', { filter: ['has', 'point_count'] })) {
        const id = f.properties.cluster_id;
        if (next.has(id)) continue;
        const marker =
          shown.get(id) ??
          new maplibregl.Marker({ element: label(f.properties.point_count), anchor: 'center' })
            .setLngLat(/** @type {[number, number]} */ (/** @type {import('geojson').Point} */ (f.geometry).coordinates))
            .addTo(map);
        next.set(id, marker);
      }
    }
    for (const [id, marker] of shown) if (!next.has(id)) marker.remove();
    shown.clear();
    for (const [id, marker] of next) shown.set(id, marker);
  }

  // After every frame the set of clusters may have changed; one refresh per frame is enough.
  map.on('render', () => {
    if (!pending && map.isSourceLoaded('events')) {
      pending = true;
      requestAnimationFrame(refresh);
    }
  });
  return {
    refresh,
    /** New data: cluster ids start again and may now name other clusters. */
    reset() {
      for (const marker of shown.values()) marker.remove();
      shown.clear();
    },
  };
}

/** @param {number} count */
function label(count) {
  const el = document.createElement('div');
  el.className = 'cluster-label';
  el.textContent = short(count);
  el.title = `${count.toLocaleString('en-US')} events: click to zoom in`;
  // Clicks go through to the circle underneath, which zooms in.
  el.style.pointerEvents = 'none';
  return el;
}

/**
 * A PNG of the map as on screen: the WebGL canvas (kept readable with preserveDrawingBuffer)
 * with the cluster counts drawn over it.
 * @param {import('maplibre-gl').Map} map @returns {Promise<Blob>}
 */
export async function mapPng(map) {
  map.triggerRepaint();
  await map.once('idle');
  const source = map.getCanvas();
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  const g = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  g.drawImage(source, 0, 0);
  const ratio = source.width / source.clientWidth;
  const box = source.getBoundingClientRect();
  g.font = `600 ${11 * ratio}px system-ui, sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillStyle = '#ffffff';
  for (const el of map.getContainer().querySelectorAll('.cluster-label')) {
    const r = el.getBoundingClientRect();
    g.fillText(el.textContent ?? '', (r.left + r.width / 2 - box.left) * ratio, (r.top + r.height / 2 - box.top) * ratio);
  }
  return canvasBlob(canvas);
}
