/**
 * The map: offline basemap, routes, place markers; it reports what it shows (bounds) and carries
 * out view requests (fit these points, centre on that one) from the app.
 */
import L from 'leaflet';
import type { Position } from 'geojson';
import { lazy, Suspense, useEffect } from 'react';
import { MapContainer, useMap } from 'react-leaflet';
import { BasemapLayer, type LoadTopology } from './BasemapLayer';
import { fromLatLngBounds, toLatLng, type GeoBounds } from './coords';
import { MarkerLayer, type MapPlace } from './MarkerLayer';
import { PlaneMarker, type PlaneFeed } from './PlaneMarker';
import type { MapProjection } from './projection';
import { RouteLayer, type MapRoute } from './RouteLayer';

/** Something the app asks the map to show; `seq` makes a repeated request a new one. */
export type ViewRequest =
  | { seq: number; kind: 'fit'; points: Position[] }
  | { seq: number; kind: 'center'; point: Position; minZoom?: number };

export interface AtlasMapProps {
  places: readonly MapPlace[];
  routes: readonly MapRoute[];
  selectedPlaceId: string | null;
  onSelectPlace: (id: string) => void;
  onBoundsChange: (bounds: GeoBounds) => void;
  view: ViewRequest | null;
  loadTopology: LoadTopology;
  online: boolean;
  onBasemapError: (message: string) => void;
  /** Web Mercator, or the Arctic polar projection (a map of its own: a CRS cannot change). */
  projection?: MapProjection;
  /** Flight playback: the plane to show moving along its track. */
  plane?: PlaneFeed | null;
}

// Wide enough to centre the map on ±180° (shapes are drawn there and on their ∓360° copies).
const WORLD: L.LatLngBoundsExpression = [
  [-85, -360],
  [85, 360],
];

// proj4 and proj4leaflet (~50 KB gzipped) load only when the polar view is opened.
const PolarMap = lazy(() => import('./PolarMap'));

export function AtlasMap(props: AtlasMapProps) {
  if (props.projection === 'polar') {
    return (
      <Suspense fallback={<p className="map-loading">Loading the polar map…</p>}>
        <PolarMap {...props} />
      </Suspense>
    );
  }
  return (
    <MapContainer
      className="atlas-map"
      center={[35, 20]}
      zoom={2}
      minZoom={1}
      maxZoom={18}
      maxBounds={WORLD}
      maxBoundsViscosity={0.8}
      worldCopyJump={false}
      zoomSnap={0.5}
      keyboard
      attributionControl
    >
      <MapAttribution />
      <BasemapLayer loadTopology={props.loadTopology} online={props.online} onError={props.onBasemapError} />
      <RouteLayer routes={props.routes} />
      <MarkerLayer places={props.places} selectedId={props.selectedPlaceId} onSelect={props.onSelectPlace} />
      {props.plane && <PlaneMarker feed={props.plane} />}
      <BoundsReporter onChange={props.onBoundsChange} />
      <ViewController view={props.view} />
    </MapContainer>
  );
}

export function MapAttribution() {
  const map = useMap();
  useEffect(() => {
    const control = map.attributionControl;
    const text = 'Basemap: Natural Earth via world-atlas';
    control.addAttribution(text);
    return () => {
      control.removeAttribution(text);
    };
  }, [map]);
  return null;
}

function BoundsReporter({ onChange }: { onChange: (b: GeoBounds) => void }) {
  const map = useMap();
  useEffect(() => {
    const report = () => onChange(fromLatLngBounds(map.getBounds()));
    map.whenReady(report);
    map.on('moveend', report);
    return () => {
      map.off('moveend', report);
    };
  }, [map, onChange]);
  return null;
}

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
      // A box of latitudes and longitudes means nothing near the Pole: fit the projected points.
      if (view.points.length === 0) return;
      const z = map.getZoom();
      const box = L.bounds(view.points.map((p) => map.project([p[1]!, p[0]!], z)));
      const size = map.getSize().subtract(L.point(FIT_PADDING).multiplyBy(2));
      const span = box.getSize();
      const scale = Math.min(size.x / Math.max(span.x, 1), size.y / Math.max(span.y, 1));
      const zoom = Math.max(map.getMinZoom(), Math.min(FIT_MAX_ZOOM, map.getScaleZoom(scale, z)));
      const center = map.unproject(box.getCenter(), z);
      if (jump) map.setView(center, zoom, { animate: false });
      else map.flyTo(center, zoom, fly);
    } else if (view.kind === 'fit') {
      if (view.points.length === 0) return;
      const bounds = L.latLngBounds(view.points.map(toLatLng));
      const fit = { padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM };
      if (jump) map.fitBounds(bounds, { ...fit, animate: false });
      else map.flyToBounds(bounds, { ...fit, ...fly });
    } else {
      const zoom = Math.max(map.getZoom(), view.minZoom ?? CENTER_ZOOM);
      if (jump) map.setView(toLatLng(view.point), zoom, { animate: false });
      else map.flyTo(toLatLng(view.point), zoom, fly);
    }
    // Only a new request (seq) moves the map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, view?.seq]);
  return null;
}
