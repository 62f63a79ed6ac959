/** Carries out the app's view requests (fit these points, centre on that one) on either map. */
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { MAX_DRAW_LAT, toLatLng, toLatLngExact } from './coords';
import type { ViewRequest } from './mapProps';
import { POLAR_MIN_LAT, type MapProjection } from './projection';

/** True when the reader asked for reduced motion: the map then jumps to a view instead of flying. */
export const prefersReducedMotion = () =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const FIT_PADDING: L.PointExpression = [40, 40];
const FIT_MAX_ZOOM = 8; // a story about one city shows its region, not a street
const CENTER_ZOOM = 6;

export function ViewController({
  view,
  projection = 'mercator',
}: {
  view: ViewRequest | null;
  projection?: MapProjection;
}) {
  const map = useMap();
  useEffect(() => {
    if (!view) return;
    const jump = prefersReducedMotion();
    const fly = { duration: 0.8 };
    if (view.kind === 'fit' && projection === 'polar') {
      // A box of latitudes and longitudes means nothing near the Pole: fit the projected points,
      // those on the polar map (north of its edge) when there are any.
      if (view.points.length === 0) return;
      const z = map.getZoom();
      const shown = view.points.filter((p) => p[1]! >= POLAR_MIN_LAT);
      const box = L.bounds((shown.length ? shown : view.points).map((p) => map.project([p[1]!, p[0]!], z)));
      const size = map.getSize().subtract(L.point(FIT_PADDING).multiplyBy(2));
      const span = box.getSize();
      const scale = Math.min(size.x / Math.max(span.x, 1), size.y / Math.max(span.y, 1));
      const most = Math.min(FIT_MAX_ZOOM, map.getMaxZoom());
      const zoom = Math.max(map.getMinZoom(), Math.min(most, map.getScaleZoom(scale, z)));
      const center = map.unproject(box.getCenter(), z);
      if (jump) map.setView(center, zoom, { animate: false });
      else map.flyTo(center, zoom, fly);
    } else if (view.kind === 'fit') {
      if (view.points.length === 0) return;
      // Points beyond Mercator's latitudes (the Pole) only count when there is nothing else.
      const drawable = view.points.filter((p) => Math.abs(p[1]!) <= MAX_DRAW_LAT);
      const bounds = L.latLngBounds((drawable.length ? drawable : view.points).map(toLatLng));
      const fit = { padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM };
      if (jump) map.fitBounds(bounds, { ...fit, animate: false });
      else map.flyToBounds(bounds, { ...fit, ...fly });
    } else {
      const zoom = Math.max(map.getZoom(), view.minZoom ?? CENTER_ZOOM);
      const at = (projection === 'polar' ? toLatLngExact : toLatLng)(view.point);
      if (jump) map.setView(at, zoom, { animate: false });
      else map.flyTo(at, zoom, fly);
    }
    // Only a new request (seq) moves the map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, view?.seq]);
  return null;
}
