/** Carries out the app's view requests (fit these points, centre on that one) on either map. */
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { onMercator } from '../geo';
import { toLatLng, toLatLngExact } from './coords';
import type { ViewRequest } from './mapProps';
import { POLAR_MIN_LAT, type MapProjection } from './projection';

/** True when the reader asked for reduced motion: the map then jumps to a view instead of flying. */
export const prefersReducedMotion = () =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Room round fitted places: a margin, plus half a marker (or the plane) drawn at the edge one. */
const FIT_PADDING = 60;
/** A small map (a phone, the tour's narrow strip) keeps at least this share of its size for the places. */
const MIN_ROOM = 0.4;

/**
 * Fit padding that keeps the fitted places clear of the map's own controls: the zoom buttons
 * (top left), the attribution line (bottom right) and whatever else sits in a corner, measured
 * as drawn, plus the usual margin.
 */
export function fitPadding(map: L.Map): { topLeft: L.Point; bottomRight: L.Point } {
  const box = map.getContainer().getBoundingClientRect();
  let [top, right, bottom, left] = [0, 0, 0, 0];
  map
    .getContainer()
    .querySelectorAll<HTMLElement>('.leaflet-control-container .leaflet-control')
    .forEach((c) => {
      const r = c.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return;
      // A control spans a side if it is wider than tall: it then pads that side (top or bottom);
      // else it pads the side it stands on (left or right).
      const nearTop = r.top - box.top < box.bottom - r.bottom;
      const nearLeft = r.left - box.left < box.right - r.right;
      if (r.width > r.height * 2) {
        if (nearTop) top = Math.max(top, r.bottom - box.top);
        else bottom = Math.max(bottom, box.bottom - r.top);
      } else if (nearLeft) left = Math.max(left, r.right - box.left);
      else right = Math.max(right, box.right - r.left);
    });
  const size = map.getSize();
  const pad = (a: number, b: number, side: number): [number, number] => {
    const [p, q] = [a + FIT_PADDING, b + FIT_PADDING];
    // Too little room left: shrink both sides' padding alike.
    const most = side * (1 - MIN_ROOM);
    return p + q <= most ? [p, q] : [(p * most) / (p + q), (q * most) / (p + q)];
  };
  const [l, r] = pad(left, right, size.x);
  const [t, b] = pad(top, bottom, size.y);
  return { topLeft: L.point(l, t), bottomRight: L.point(r, b) };
}
/** A [lon, lat] point with both numbers finite. */
const finitePoint = (p: readonly number[]) => Number.isFinite(p[0]) && Number.isFinite(p[1]);

const FIT_MAX_ZOOM = 8; // a story about one city shows its region, not a street
const CENTER_ZOOM = 6;

export function ViewController({
  view,
  projection = 'mercator',
  fitMaxZoom = FIT_MAX_ZOOM,
}: {
  view: ViewRequest | null;
  projection?: MapProjection;
  /** How far a fit may zoom in (further where the map shows detailed context). */
  fitMaxZoom?: number;
}) {
  const map = useMap();
  useEffect(() => {
    if (!view) return;
    // A hidden map (the tour printing its handout, a page opened in print media) has no size to
    // fit to: every zoom and centre would come out NaN, and Leaflet and the polar projection throw
    // on them. Leaflet's size is cached until a resize: the container's own size counts too.
    const { x: width, y: height } = map.getSize();
    const box = map.getContainer();
    if (width === 0 || height === 0 || box.clientWidth === 0 || box.clientHeight === 0) return;
    const points = view.kind === 'fit' ? view.points.filter(finitePoint) : [];
    const jump = prefersReducedMotion();
    const fly = { duration: 0.8 };
    if (view.kind === 'fit' && projection === 'polar') {
      // A box of latitudes and longitudes means nothing near the Pole: fit the projected points,
      // those on the polar map (north of its edge) when there are any.
      if (points.length === 0) return;
      const z = map.getZoom();
      const shown = points.filter((p) => p[1]! >= POLAR_MIN_LAT);
      const box = L.bounds((shown.length ? shown : points).map((p) => map.project([p[1]!, p[0]!], z)));
      const { topLeft, bottomRight } = fitPadding(map);
      const size = map.getSize().subtract(topLeft).subtract(bottomRight);
      const span = box.getSize();
      const scale = Math.min(size.x / Math.max(span.x, 1), size.y / Math.max(span.y, 1));
      const most = Math.min(fitMaxZoom, map.getMaxZoom());
      const zoom = Math.max(map.getMinZoom(), Math.min(most, map.getScaleZoom(scale, z)));
      // The box's centre goes to the middle of the room left between the paddings.
      const shift = bottomRight.subtract(topLeft).divideBy(2);
      const centrePx = map.project(map.unproject(box.getCenter(), z), zoom).add(shift);
      const center = map.unproject(centrePx, zoom);
      if (!Number.isFinite(zoom) || !Number.isFinite(center.lat) || !Number.isFinite(center.lng)) return;
      if (jump) map.setView(center, zoom, { animate: false });
      else map.flyTo(center, zoom, fly);
    } else if (view.kind === 'fit') {
      if (points.length === 0) return;
      // Points beyond Mercator's latitudes (the Pole) are not framed on Mercator: with nothing
      // else to show, the map stays where it is (flying there would show an empty ocean; the place
      // panel offers the polar view).
      const drawable = projection === 'polar' ? points : points.filter((p) => onMercator(p));
      if (drawable.length === 0) return;
      const bounds = L.latLngBounds(drawable.map(toLatLng));
      const { topLeft, bottomRight } = fitPadding(map);
      const fit = { paddingTopLeft: topLeft, paddingBottomRight: bottomRight, maxZoom: fitMaxZoom };
      // flyToBounds throws "Invalid LatLng object: (NaN, NaN)" on a zoom it cannot work out.
      const zoom = Math.min(fitMaxZoom, map.getBoundsZoom(bounds, false, topLeft.add(bottomRight)));
      if (!bounds.isValid() || !Number.isFinite(map.getZoom()) || !Number.isFinite(zoom)) return;
      if (jump) map.fitBounds(bounds, { ...fit, animate: false });
      else map.flyToBounds(bounds, { ...fit, ...fly });
    } else {
      const zoom = Math.max(map.getZoom(), view.minZoom ?? CENTER_ZOOM);
      if (!finitePoint(view.point) || !Number.isFinite(zoom)) return;
      if (projection !== 'polar' && !onMercator(view.point)) return; // as for a fit, above
      const at = (projection === 'polar' ? toLatLngExact : toLatLng)(view.point);
      if (jump) map.setView(at, zoom, { animate: false });
      else map.flyTo(at, zoom, fly);
    }
    // Only a new request (seq) moves the map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, view?.seq]);
  return null;
}
