/**
 * How far the map zooms in: as far as its data shows something. The basemap's detail sets the
 * limit (`base`, see AtlasMap and projection.ts); where places of the newsletter lie too close
 * together to be told apart at that limit (Pearson Field and its museum, 60 m apart), the map may
 * zoom on until they stand apart (a marker's width), up to `most`. Over blank land it stops at
 * `base`. The map's options are read once, so the limit is set here, on every move.
 */
import { useEffect, useMemo } from 'react';
import { useMap } from 'react-leaflet';
import { zoomToSeparate } from '../geo';
import { toLatLngExact } from './coords';
import type { MapPlace } from './MarkerLayer';

/** Markers closer than this (px) are drawn as one cluster: the zoom that parts them is allowed. */
const SEPARATION_PX = 48;

export function ZoomLimit({
  base,
  most = base,
  places = [],
  twins = false,
}: {
  base: number;
  most?: number;
  places?: readonly MapPlace[];
  /** Places at one point part at `most` (the marker layer fans them out there): zoom to it for them. */
  twins?: boolean;
}) {
  const map = useMap();
  // Each place projected once, at zoom 0: a move scales these (a CRS's pixels grow linearly with
  // its scale) instead of projecting thousands of places again.
  const at0 = useMemo(() => places.map((p) => map.project(toLatLngExact(p.position), 0)), [map, places]);
  useEffect(() => {
    const crs = map.options.crs!;
    const update = () => {
      const zoom = map.getZoom();
      // The places in view (and a margin), in pixels: a box of degrees means little near the Pole.
      const size = map.getSize();
      const [mx, my] = [size.x / 4, size.y / 4];
      const k = crs.scale(zoom) / crs.scale(0);
      // Container pixels = pixels at this zoom − the pixel origin + the map pane's offset.
      const origin = map.getPixelOrigin();
      const pane = map.containerPointToLayerPoint([0, 0]);
      const seen = new Set<string>();
      const shown: [number, number][] = [];
      for (const p of at0) {
        const x = p.x * k - origin.x - pane.x;
        const y = p.y * k - origin.y - pane.y;
        if (x < -mx || x > size.x + mx || y < -my || y > size.y + my) continue;
        // Without `twins`, places at one point count once (they never part by zooming).
        if (!twins) {
          const key = `${x.toFixed(3)},${y.toFixed(3)}`;
          if (seen.has(key)) continue;
          seen.add(key);
        }
        shown.push([x, y]);
      }
      const needed = most > base ? Math.ceil(zoomToSeparate(shown, zoom, SEPARATION_PX)) : base;
      // Never below the zoom shown: a limit that moves must not yank the view out.
      const max = Math.min(most, Math.max(base, needed, Math.ceil(zoom)));
      if (max !== map.getMaxZoom()) map.setMaxZoom(max);
    };
    update();
    // Once per move (a flight ends with a zoomend and a moveend), in a task of its own: the limit
    // matters for the next zoom, not for the frame that ends this one.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(update, 0);
    };
    map.on('moveend zoomend', later);
    return () => {
      clearTimeout(timer);
      map.off('moveend zoomend', later);
    };
  }, [map, base, most, at0, twins]);
  return null;
}
