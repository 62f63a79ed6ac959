/**
 * How far the map zooms in: as far as its data shows something. The basemap's detail sets the
 * limit (`base`, see AtlasMap and projection.ts); where places of the newsletter lie too close
 * together to be told apart at that limit (Pearson Field and its museum, 60 m apart), the map may
 * zoom on until they stand apart (a marker's width), up to `most`. Over blank land it stops at
 * `base`. The map's options are read once, so the limit is set here, on every move.
 */
import { useEffect } from 'react';
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
  useEffect(() => {
    const update = () => {
      const zoom = map.getZoom();
      // The places in view (and a margin), in pixels: a box of degrees means little near the Pole.
      const size = map.getSize();
      const [mx, my] = [size.x / 4, size.y / 4];
      const seen = new Set<string>();
      const shown = places
        .map((p) => map.latLngToContainerPoint(toLatLngExact(p.position)))
        .filter((pt) => pt.x >= -mx && pt.x <= size.x + mx && pt.y >= -my && pt.y <= size.y + my)
        .filter((pt) => {
          // Without `twins`, places at one point count once (they never part by zooming).
          const key = `${pt.x.toFixed(3)},${pt.y.toFixed(3)}`;
          if (twins || !seen.has(key)) {
            seen.add(key);
            return true;
          }
          return false;
        })
        .map((pt) => [pt.x, pt.y] as [number, number]);
      const needed = most > base ? Math.ceil(zoomToSeparate(shown, zoom, SEPARATION_PX)) : base;
      // Never below the zoom shown: a limit that moves must not yank the view out.
      const max = Math.min(most, Math.max(base, needed, Math.ceil(zoom)));
      if (max !== map.getMaxZoom()) map.setMaxZoom(max);
    };
    update();
    map.on('moveend zoomend', update);
    return () => {
      map.off('moveend zoomend', update);
    };
  }, [map, base, most, places, twins]);
  return null;
}
