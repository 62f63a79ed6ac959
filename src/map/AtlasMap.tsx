/**
 * The map: offline basemap, routes, place markers; it reports what it shows (bounds) and carries
 * out view requests (fit these points, centre on that one) from the app.
 */
import L from 'leaflet';
import { lazy, memo, Suspense, useEffect, useMemo } from 'react';
import { MapContainer, useMap } from 'react-leaflet';
import { MERCATOR_LIMIT, onMercator } from '../geo';
import { usePainted } from './afterPaint';
import { BasemapLayer } from './BasemapLayer';
import { ContextLayer } from './ContextLayer';
import { fromLatLngBounds, type GeoBounds } from './coords';
import { useAreaLabels, type AreaLabel } from './labels';
import { MapLegend } from './legend';
import { MapAttribution } from './MapAttribution';
import type { AtlasMapProps } from './mapProps';
import { MarkerLayer } from './MarkerLayer';
import { PlaneMarker } from './PlaneMarker';
import { PolarCutMarks } from './PolarCutMarks';
import { CONTEXT_MAX_ZOOM } from './projection';
import { RouteLayer } from './RouteLayer';
import { ViewController } from './ViewController';
import { ZoomLimit } from './ZoomLimit';

export type { AtlasMapProps, ViewRequest } from './mapProps';

// Wide enough to centre the map on ±180° (shapes are drawn there and on their ∓360° copies).
const WORLD: L.LatLngBoundsExpression = [
  [-MERCATOR_LIMIT, -360],
  [MERCATOR_LIMIT, 360],
];

/**
 * How far in the Mercator map zooms. Offline, the basemap is world-atlas 1:50m (Natural Earth):
 * its coasts and borders have a vertex every few km, and at zoom 8 (~430 m a pixel at 45°) they
 * are already a few straight strokes; past it a view is mostly blank land with nothing more to
 * see (it went to 18 before: ten levels of beige). Only where places lie closer together than a
 * marker's width does the map zoom on, until they part (ZoomLimit). Online tiles (OpenStreetMap) hold detail down
 * to streets, so with them on the map zooms as far as they go.
 */
export const MERCATOR_MAX_ZOOM = 8;
const ONLINE_MAX_ZOOM = 18;
/**
 * Where places lie closer than a marker's width, the map zooms on until they part (ZoomLimit), at
 * most to 17: past the marker layer's last clustering level (16), where places at one point fan out.
 */
const PLACES_MAX_ZOOM = 17;
const NO_AREAS: readonly AreaLabel[] = [];

// proj4 and proj4leaflet (~50 KB gzipped) load only when the polar view is opened.
const PolarMap = lazy(() => import('./PolarMap'));

/**
 * Memoised: the app renders again on each search keystroke and each tick of its state; the map
 * and its layers render only when what they are given changes.
 */
export const AtlasMap = memo(function AtlasMap(props: AtlasMapProps) {
  if (props.projection === 'polar') {
    return (
      <Suspense fallback={<p className="map-loading">Loading the polar map…</p>}>
        <PolarMap {...props} />
      </Suspense>
    );
  }
  return <MercatorMap {...props} />;
});

function MercatorMap(props: AtlasMapProps) {
  const areas = useAreaLabels(props.loadTopology, props.seas);
  // What can wait (the routes, the marks where they leave the map, the zoom limit) is added
  // once the first frame is painted: a large newsletter's first markers do not wait for it.
  const painted = usePainted();
  // Web Mercator cannot show the Pole: places beyond its latitudes get a mark, not a marker.
  const { places, shown = null } = props;
  const drawable = useMemo(() => places.filter((p) => onMercator(p.position)), [places]);
  const beyond = useMemo(
    () => places.filter((p) => !onMercator(p.position) && (shown === null || shown.has(p.id))),
    [places, shown],
  );
  return (
    <MapContainer
      className="atlas-map"
      center={[35, 20]}
      zoom={2}
      minZoom={1}
      maxZoom={mercatorMaxZoom(props)}
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
      {painted && <RouteLayer routes={props.routes} />}
      {painted && <PolarCutMarks routes={props.routes} beyond={beyond} onPolar={props.onPolar} />}
      {props.context && <ContextLayer features={props.context} />}
      <MarkerLayer
        places={drawable}
        only={shown}
        selectedId={props.selectedPlaceId}
        onSelect={props.onSelectPlace}
        emphasis={props.emphasis}
        // Online tiles write their own country and sea names.
        areas={props.online ? NO_AREAS : areas}
      />
      {props.plane && <PlaneMarker feed={props.plane} />}
      <BoundsReporter onChange={props.onBoundsChange} />
      {painted && (
        <ZoomLimit
          base={mercatorMaxZoom(props)}
          most={props.online ? ONLINE_MAX_ZOOM : PLACES_MAX_ZOOM}
          // All the newsletter's places, not only those a search finds: the limit stays put as one types.
          places={drawable}
          twins
        />
      )}
      <ViewController
        view={props.view}
        fitMaxZoom={props.context?.length ? CONTEXT_MAX_ZOOM.mercator : undefined}
      />
    </MapContainer>
  );
}

const mercatorMaxZoom = (props: AtlasMapProps) =>
  props.online ? ONLINE_MAX_ZOOM : props.context?.length ? CONTEXT_MAX_ZOOM.mercator : MERCATOR_MAX_ZOOM;

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
