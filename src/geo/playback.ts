/**
 * Playback along a route: where the plane is at a moment of the flight, how far it has flown,
 * and which way it heads. Between waypoints the path is the great circle; between the
 * waypoints that sources give a time for, the ground speed is taken as constant.
 */
import { bearing } from '@turf/bearing';
import { distance } from '@turf/distance';
import type { Waypoint } from '../core';

export interface Track {
  waypoints: readonly Waypoint[];
  /** Great-circle km from the first waypoint to each waypoint. */
  cumulativeKm: number[];
  /** Epoch ms at each waypoint: from the sources where given, else interpolated by distance. */
  times: number[];
  totalKm: number;
  startMs: number;
  endMs: number;
}

export interface TrackPosition {
  lat: number;
  lon: number;
  /** Degrees clockwise from true north, 0–360. */
  heading: number;
  kmFlown: number;
  kmRemaining: number;
  /** Index of the leg: from waypoints[leg] to waypoints[leg + 1]. */
  leg: number;
  elapsedMs: number;
}

const KM = { units: 'kilometers' } as const;

/**
 * Builds a playback track. The first and last waypoints need a time; the others may have one.
 *
 * @example buildTrack(ant25).totalKm // ≈ 9,000 km
 */
export function buildTrack(waypoints: readonly Waypoint[]): Track {
  const first = waypoints[0];
  const last = waypoints[waypoints.length - 1];
  if (!first?.time || !last?.time || waypoints.length < 2) {
    throw new Error('buildTrack: a track needs two waypoints or more, the first and the last with a time');
  }
  const cumulativeKm = [0];
  for (let i = 1; i < waypoints.length; i++) {
    const a = waypoints[i - 1]!;
    const b = waypoints[i]!;
    cumulativeKm.push(cumulativeKm[i - 1]! + distance([a.lon, a.lat], [b.lon, b.lat], KM));
  }
  // Times: known where a source gives one; in between, proportional to distance.
  const known = waypoints.flatMap((w, i) => (w.time ? [i] : []));
  const times = waypoints.map((w) => (w.time ? Date.parse(w.time) : NaN));
  for (let k = 1; k < known.length; k++) {
    const i0 = known[k - 1]!;
    const i1 = known[k]!;
    const span = cumulativeKm[i1]! - cumulativeKm[i0]!;
    for (let i = i0 + 1; i < i1; i++) {
      const f = span > 0 ? (cumulativeKm[i]! - cumulativeKm[i0]!) / span : 0;
      times[i] = times[i0]! + f * (times[i1]! - times[i0]!);
    }
  }
  return {
    waypoints,
    cumulativeKm,
    times,
    totalKm: cumulativeKm[cumulativeKm.length - 1]!,
    startMs: times[0]!,
    endMs: times[times.length - 1]!,
  };
}

/**
 * The plane's position `elapsedMs` after take-off (clamped to the flight): continuous, and
 * monotonic in distance flown.
 */
export function positionAt(track: Track, elapsedMs: number): TrackPosition {
  const t = Math.min(Math.max(track.startMs + elapsedMs, track.startMs), track.endMs);
  const { times, cumulativeKm, waypoints } = track;
  let leg = 0;
  while (leg < times.length - 2 && times[leg + 1]! <= t) leg++;
  const t0 = times[leg]!;
  const t1 = times[leg + 1]!;
  const f = t1 > t0 ? (t - t0) / (t1 - t0) : 1;
  const a = waypoints[leg]!;
  const b = waypoints[leg + 1]!;
  const [lat, lon] = intermediatePoint(a, b, f);
  const kmFlown = cumulativeKm[leg]! + f * (cumulativeKm[leg + 1]! - cumulativeKm[leg]!);
  // Heading: the great circle's course here, toward the leg's end (or from its start, at the end).
  const heading = f < 1 ? bearing([lon, lat], [b.lon, b.lat]) : finalBearing(a, b);
  return {
    lat,
    lon,
    heading: (heading + 360) % 360,
    kmFlown,
    kmRemaining: track.totalKm - kmFlown,
    leg,
    elapsedMs: t - track.startMs,
  };
}

const RAD = Math.PI / 180;

/** The point a fraction `f` of the way along the great circle from a to b, as [lat, lon]. */
export function intermediatePoint(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
  f: number,
): [number, number] {
  const φ1 = a.lat * RAD;
  const λ1 = a.lon * RAD;
  const φ2 = b.lat * RAD;
  const λ2 = b.lon * RAD;
  const δ =
    2 *
    Math.asin(
      Math.sqrt(Math.sin((φ2 - φ1) / 2) ** 2 + Math.cos(φ1) * Math.cos(φ2) * Math.sin((λ2 - λ1) / 2) ** 2),
    );
  if (δ === 0) return [a.lat, a.lon];
  const A = Math.sin((1 - f) * δ) / Math.sin(δ);
  const B = Math.sin(f * δ) / Math.sin(δ);
  const x = A * Math.cos(φ1) * Math.cos(λ1) + B * Math.cos(φ2) * Math.cos(λ2);
  const y = A * Math.cos(φ1) * Math.sin(λ1) + B * Math.cos(φ2) * Math.sin(λ2);
  const z = A * Math.sin(φ1) + B * Math.sin(φ2);
  return [Math.atan2(z, Math.sqrt(x * x + y * y)) / RAD, Math.atan2(y, x) / RAD];
}

/** The course on arrival at b along the great circle from a. */
function finalBearing(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return (bearing([b.lon, b.lat], [a.lon, a.lat]) + 180) % 360;
}
