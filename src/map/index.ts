export { AtlasMap, type AtlasMapProps, type ViewRequest } from './AtlasMap';
export { type BasemapDetail, type LoadTopology } from './BasemapLayer';
export { isInView, toLatLng, toLatLngExact, type GeoBounds } from './coords';
export { storiesLabel, type MapEmphasis, type MapPlace } from './MarkerLayer';
export { routeStyle, ROUTE_STYLES, type MapRoute } from './RouteLayer';
export { POLAR_MIN_LAT, type MapProjection } from './projection';
export { PlaneMarker, type PlaneFeed } from './PlaneMarker';
export {
  chooseLabels,
  clusterLabelText,
  labelPriority,
  countryLabels,
  seaLabels,
  type AreaLabel,
  type Box,
  type ChosenLabel,
  type LabelCandidate,
  type MarkerBox,
} from './labels';
export { loadOnce } from './topologyCache';
export { afterPaint, usePainted } from './afterPaint';
