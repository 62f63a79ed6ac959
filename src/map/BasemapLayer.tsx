/**
 * The offline basemap (world-atlas 110m; 50m once zoomed in to 4 or more, loaded on demand), and
 * the optional online OpenStreetMap tiles. Switched on, the tiles are drawn over the bundled land,
 * which stays until they have loaded; tiles that cannot be loaded (no network, blocked) give way
 * to the bundled map again, with a note that says so.
 */
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMap } from 'react-leaflet';
import { createBasemapLayer } from './basemap';
import { safeCanvas } from './safeCanvas';
import type { MapProjection } from './projection';
import { loadOnce, type BasemapDetail, type LoadTopology } from './topologyCache';

export type { BasemapDetail, LoadTopology } from './topologyCache';
import { TILES_FAILED } from './messages';

const DETAIL_ZOOM = 4; // from this zoom on, the 50m atlas
const OSM_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** The online tiles: on their way, all in, or failed (none loaded, or some failed: keep the land). */
type TileState = 'loading' | 'loaded' | 'failed' | 'partial';

export function BasemapLayer({
  loadTopology,
  online,
  onError,
  projection = 'mercator',
}: {
  loadTopology: LoadTopology;
  online: boolean;
  onError: (message: string) => void;
  projection?: MapProjection;
}) {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  const [layers, setLayers] = useState<Partial<Record<BasemapDetail, L.Layer>>>({});
  const loading = useRef(new Set<BasemapDetail>());
  const renderer = useRef<L.Canvas | null>(null);

  useEffect(() => {
    if (!map.getPane('basemap')) map.createPane('basemap').style.zIndex = '150';
    const onZoom = () => setZoom(map.getZoom());
    map.on('zoomend', onZoom);
    return () => {
      map.off('zoomend', onZoom);
    };
  }, [map]);

  const wanted: BasemapDetail = zoom >= DETAIL_ZOOM ? '50m' : '110m';
  const wantedNow = useRef(wanted);
  useEffect(() => {
    wantedNow.current = wanted;
  }, [wanted]);

  // Load each resolution once, the first time it is wanted; the 1:50m atlas also in idle time once
  // the first is shown: making it takes a long task on a slow laptop, which would otherwise come
  // in the frame where a flight of the tour first zooms in past DETAIL_ZOOM. Only a wanted one
  // that fails says so.
  useEffect(() => {
    const load = (detail: BasemapDetail, say: boolean) => {
      if (layers[detail] || loading.current.has(detail)) return;
      loading.current.add(detail);
      renderer.current ??= safeCanvas({ pane: 'basemap', padding: 0.3 });
      const canvas = renderer.current;
      loadOnce(loadTopology, detail).then(
        (topology) => {
          // Made here, not in the state's updater: React would make it while it renders.
          const layer = createBasemapLayer(topology, canvas, projection);
          setLayers((l) => ({ ...l, [detail]: layer }));
        },
        (e: unknown) => {
          loading.current.delete(detail);
          // Loaded ahead of time, it may be wanted by the time it fails.
          if (say || wantedNow.current === detail)
            onError(`The ${detail} basemap could not be loaded: ${String(e)}`);
        },
      );
    };
    load(wanted, true);
    if (!layers['110m'] || layers['50m'] || typeof requestIdleCallback !== 'function') return;
    const idle = requestIdleCallback(() => load('50m', false), { timeout: 5000 });
    return () => cancelIdleCallback(idle);
  }, [wanted, layers, loadTopology, onError, projection]);

  // Show the best loaded resolution for the zoom, unless online tiles are on and have loaded.
  // OSM tiles are Web Mercator: the polar map keeps its own basemap.
  const osm = online && projection === 'mercator';
  const [tiles, setTiles] = useState<TileState>('loading');
  const [tilesFor, setTilesFor] = useState(osm);
  if (tilesFor !== osm) {
    // Switched on (again): a new try.
    setTilesFor(osm);
    setTiles('loading');
  }
  const shown = osm && tiles === 'loaded' ? undefined : (layers[wanted] ?? layers['110m']);
  useEffect(() => {
    if (!shown) return;
    shown.addTo(map);
    return () => {
      shown.remove();
    };
  }, [map, shown]);

  const tilesOn = osm && tiles !== 'failed';
  useEffect(() => {
    if (!tilesOn) return;
    let loaded = 0;
    let failed = 0;
    const layer = L.tileLayer(OSM_URL, {
      maxZoom: 19,
      attribution: '&copy; OpenStreetMap contributors',
    });
    layer.on('tileload', () => {
      loaded++;
    });
    layer.on('tileerror', () => {
      failed++;
      // Nothing came through: the tiles give way to the bundled map.
      if (loaded === 0) setTiles('failed');
    });
    // Every tile of the view has settled (Leaflet fires this after errors too).
    layer.on('load', () => setTiles(failed === 0 ? 'loaded' : loaded === 0 ? 'failed' : 'partial'));
    layer.addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, tilesOn]);

  // The note sits on the map itself (its container), where the missing tiles would be.
  return osm && (tiles === 'failed' || tiles === 'partial')
    ? createPortal(
        <p className="map-note tiles-note" role="status">
          {tiles === 'failed'
            ? TILES_FAILED
            : 'Some online tiles could not be loaded; the offline map shows under them.'}
        </p>,
        map.getContainer(),
      )
    : null;
}
