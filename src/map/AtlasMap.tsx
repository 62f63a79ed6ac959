/**
 * The map: offline basemap, routes, place markers; it reports what it shows (bounds) and carries
 * out view requests (fit these points, centre on that one) from the app.
 */
import L from 'leaflet';
import { lazy, Suspense, useEffect } from 'react';
import { MapContainer, useMap } from 'react-leaflet';
import { BasemapLayer } from './BasemapLayer';
import { fromLatLngBounds, type GeoBounds } from './coords';
import { useAreaLabels, type AreaLabel } from './labels';
import { MapLegend } from './legend';
import { MapAttribution } from './MapAttribution';
import type { AtlasMapProps } from './mapProps';
import { MarkerLayer } from './MarkerLayer';
import { PlaneMarker } from './PlaneMarker';
import { RouteLayer } from './RouteLayer';
import { ViewController } from './ViewController';

export type { AtlasMapProps, ViewRequest } from './mapProps';

// Wide enough to centre the map on ±180° (shapes are drawn there and on their ∓360° copies).
const WORLD: L.LatLngBoundsExpression = [
  [-85, -360],
  [85, 360],
];

const NO_AREAS: readonly AreaLabel[] = [];

// proj4 and proj4leaflet (~50 KB gzipped) load only when the polar view is opened.
const PolarMap = lazy(() => import('./PolarMap'));

export function AtlasMap(props: AtlasMapProps) {
  const areas = useAreaLabels(props.loadTopology, props.seas);
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
      <MapLegend routes={props.routes} emphasis={(props.emphasis?.places.length ?? 0) > 0} />
      <BasemapLayer loadTopology={props.loadTopology} online={props.online} onError={props.onBasemapError} />
      <RouteLayer routes={props.routes} />
      <MarkerLayer
        places={props.places}
        selectedId={props.selectedPlaceId}
        onSelect={props.onSelectPlace}
        emphasis={props.emphasis}
        // Online tiles write their own country and sea names.
        areas={props.online ? NO_AREAS : areas}
      />
      {props.plane && <PlaneMarker feed={props.plane} />}
      <BoundsReporter onChange={props.onBoundsChange} />
      <ViewController view={props.view} />
    </MapContainer>
  );
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
