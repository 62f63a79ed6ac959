/** The Arctic polar map, in a chunk of its own: it brings proj4 with it. */
import { useEffect } from 'react';
import { MapContainer } from 'react-leaflet';
import { BasemapLayer } from './BasemapLayer';
import { ContextLayer } from './ContextLayer';
import type { GeoBounds } from './coords';
import { useAreaLabels } from './labels';
import { MapLegend } from './legend';
import { MapAttribution } from './MapAttribution';
import type { AtlasMapProps } from './mapProps';
import { MarkerLayer } from './MarkerLayer';
import { PlaneMarker } from './PlaneMarker';
import { POLAR_CRS } from './polarCrs';
import { ZoomLimit } from './ZoomLimit';
import { CONTEXT_MAX_ZOOM, POLAR_CRS_ZOOMS, POLAR_MAX_ZOOM, POLAR_MIN_LAT } from './projection';
import { RouteLayer } from './RouteLayer';
import { ViewController } from './ViewController';

/** The Arctic map (EPSG:3575), centred on the Pole; its own MapContainer, keyed by projection. */
export default function PolarMap(props: AtlasMapProps) {
  const areas = useAreaLabels(props.loadTopology, props.seas);
  return (
    <MapContainer
      key="polar"
      className="atlas-map atlas-map-polar"
      crs={POLAR_CRS}
      center={[90, 0]}
      zoom={1}
      minZoom={0}
      maxZoom={POLAR_MAX_ZOOM}
      worldCopyJump={false}
      zoomSnap={0.5}
      keyboard
      attributionControl
    >
      <MapAttribution />
      <MapLegend routes={props.routes} emphasis={(props.emphasis?.places.length ?? 0) > 0} />
      <BasemapLayer
        loadTopology={props.loadTopology}
        online={false}
        onError={props.onBasemapError}
        projection="polar"
      />
      <RouteLayer routes={props.routes} projection="polar" />
      {props.context && <ContextLayer features={props.context} />}
      <MarkerLayer
        places={props.places}
        only={props.shown ?? null}
        selectedId={props.selectedPlaceId}
        onSelect={props.onSelectPlace}
        projection="polar"
        emphasis={props.emphasis}
        areas={areas}
      />
      {props.plane && <PlaneMarker feed={props.plane} />}
      <PolarBoundsReporter onChange={props.onBoundsChange} />
      <ZoomLimit
        base={props.context?.length ? CONTEXT_MAX_ZOOM.polar : POLAR_MAX_ZOOM}
        most={POLAR_CRS_ZOOMS}
        // All the newsletter's places, not only those a search finds: the limit stays put as one types.
        places={props.places}
      />
      <ViewController
        view={props.view}
        projection="polar"
        fitMaxZoom={props.context?.length ? CONTEXT_MAX_ZOOM.polar : undefined}
      />
    </MapContainer>
  );
}

/** The polar map's corners are no longitude range: it reports the whole drawn area instead. */
function PolarBoundsReporter({ onChange }: { onChange: (b: GeoBounds) => void }) {
  useEffect(() => {
    onChange({ west: -180, south: POLAR_MIN_LAT, east: 180, north: 90 });
  }, [onChange]);
  return null;
}
