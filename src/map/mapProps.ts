/** What the app gives the map (both projections' maps take the same props). */
import type { Position } from 'geojson';
import type { ContextFeature, SeaLabel } from '../core';
import type { LoadTopology } from './BasemapLayer';
import type { GeoBounds } from './coords';
import type { MapEmphasis, MapPlace } from './MarkerLayer';
import type { PlaneFeed } from './PlaneMarker';
import type { MapProjection } from './projection';
import type { MapRoute } from './RouteLayer';

/** Something the app asks the map to show; `seq` makes a repeated request a new one. */
export type ViewRequest =
  | { seq: number; kind: 'fit'; points: Position[] }
  | { seq: number; kind: 'center'; point: Position; minZoom?: number };

export interface AtlasMapProps {
  places: readonly MapPlace[];
  /** The places to draw of `places` (those a search finds); null or absent: all. */
  shown?: ReadonlySet<string> | null;
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
  /** Switch to the polar view: offered on Mercator where a route leaves it over the Pole. */
  onPolar?: () => void;
  /** Context features to draw (a river, neighbouring cities), with a north arrow; none: neither. */
  context?: readonly ContextFeature[];
  /** The open story's (slide's, place panel's) places, picked out on the map with their labels. */
  emphasis?: MapEmphasis | null;
  /** Ocean and sea names (data/geo/seas.csv), written on the water. */
  seas?: readonly SeaLabel[];
}
