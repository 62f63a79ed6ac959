/**
 * The one place where GeoJSON [lon, lat] becomes Leaflet [lat, lng] and back. Web Mercator cannot
 * show the poles: it draws latitudes up to ±85° (geo MERCATOR_LIMIT). Routes are cut there (geo
 * cutAtLatitude) and places beyond get no marker (AtlasMap); toLatLng still clamps, for view
 * requests and markers that must land somewhere.
 */
import type { LatLngBounds, LatLngTuple } from 'leaflet';
import type { Position } from 'geojson';
import { MERCATOR_LIMIT } from '../geo';

const clampLat = (lat: number) => Math.max(-MERCATOR_LIMIT, Math.min(MERCATOR_LIMIT, lat));

/** [lon, lat] → Leaflet [lat, lng], latitude clamped to ±85°. */
export function toLatLng(p: Position): LatLngTuple {
  return [clampLat(p[1]!), p[0]!];
}

/** [lon, lat] → Leaflet [lat, lng] as is, for the polar map (which shows the Pole). */
export function toLatLngExact(p: Position): LatLngTuple {
  return [p[1]!, p[0]!];
}

/** A visible map area in degrees; west/east may pass ±180° when the map shows beyond them. */
export interface GeoBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

export function fromLatLngBounds(b: LatLngBounds): GeoBounds {
  return { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() };
}

/** True when the point, as drawn (clamped), lies in the bounds, at its longitude or ±360°. */
export function isInView(bounds: GeoBounds, p: Position): boolean {
  const lat = clampLat(p[1]!);
  if (lat < bounds.south || lat > bounds.north) return false;
  return [0, -360, 360].some((k) => p[0]! + k >= bounds.west && p[0]! + k <= bounds.east);
}
