/** Great-circle paths through a route's waypoints, ready for a planar (Mercator) renderer. */
import { distance } from '@turf/distance';
import { greatCircle } from '@turf/great-circle';
import type { Position } from 'geojson';
import { wrapLine } from './antimeridian';

/** A point in WGS84 degrees, as a route waypoint has it. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** Densify to about one point per this many km, so long legs curve smoothly. */
const KM_PER_POINT = 50;
/** Legs shorter than this (km) are drawn straight: no curve to show. */
const STRAIGHT_KM = 1;

/** The points of one great-circle leg, from `a` to `b` inclusive (wrapLine unwraps them later). */
function leg(a: LatLon, b: LatLon): Position[] {
  const from: Position = [a.lon, a.lat];
  const to: Position = [b.lon, b.lat];
  const km = distance(from, to, { units: 'kilometers' });
  if (km < STRAIGHT_KM) return [from, to];
  const npoints = Math.max(2, Math.ceil(km / KM_PER_POINT));
  const geometry = greatCircle(from, to, { npoints }).geometry;
  // turf splits a leg that crosses ±180° into a MultiLineString; join it, unwrapping below.
  const points = geometry.type === 'LineString' ? geometry.coordinates : geometry.coordinates.flat();
  return points.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
}

/**
 * The densified great-circle path through `waypoints`, one leg at a time, as planar lines (the path,
 * and a copy shifted by ∓360° where it passes ±180°): no segment jumps more than 180° in longitude.
 *
 * @example greatCirclePath([{ lat: 64.5, lon: -165.4 }, { lat: 64.7, lon: 170.4 }]).length // 2
 */
export function greatCirclePath(waypoints: readonly LatLon[]): Position[][] {
  if (waypoints.length === 0) return [];
  return wrapLine(greatCirclePoints(waypoints));
}

/**
 * The densified great-circle path through `waypoints` as one line of [lon, lat], longitudes in
 * [-180, 180] and not unwrapped: for a projection with no seam at ±180° (the polar map).
 *
 * @example greatCirclePoints([{ lat: 55.9, lon: 38 }, { lat: 45.6, lon: -122.7 }]) // over the Pole
 */
export function greatCirclePoints(waypoints: readonly LatLon[]): Position[] {
  if (waypoints.length === 0) return [];
  if (waypoints.length === 1) return [[waypoints[0]!.lon, waypoints[0]!.lat]];
  const points: Position[] = [];
  for (let i = 1; i < waypoints.length; i++) {
    const part = leg(waypoints[i - 1]!, waypoints[i]!);
    points.push(...(i === 1 ? part : part.slice(1)));
  }
  return points;
}
