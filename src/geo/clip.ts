/**
 * Clipping to a latitude, for the polar map: shapes are cut at `lat = minLat` so that only the
 * part north of it is drawn. Rings that go round the South Pole (Antarctica) would otherwise come
 * out inside-out in a north-polar projection and paint the oceans as land. Pure: [lon, lat] in and
 * out; rings are unwrapped first (see antimeridian.ts), so longitudes may pass ±180°.
 */
import type { Geometry, Position } from 'geojson';
import { unwrapLongitudes, unwrapRing } from './antimeridian';

/** The point where the segment a→b crosses `lat` (a and b on either side of it). */
function crossing(a: Position, b: Position, lat: number): Position {
  const t = (lat - a[1]!) / (b[1]! - a[1]!);
  return [a[0]! + t * (b[0]! - a[0]!), lat];
}

/**
 * Sutherland–Hodgman against the horizontal line `lat = minLat`: the part of a closed ring north
 * of it (closed again), or [] when nothing of it is.
 *
 * @example clipRingToLatitude([[0, 0], [10, 0], [10, 20], [0, 20], [0, 0]], 10) // the top half
 */
export function clipRingToLatitude(ring: readonly Position[], minLat: number): Position[] {
  const n = ring.length;
  if (n === 0) return [];
  const closed = n > 1 && ring[0]![0] === ring[n - 1]![0] && ring[0]![1] === ring[n - 1]![1];
  const pts = closed ? ring.slice(0, -1) : ring.slice();
  const out: Position[] = [];
  for (let i = 0; i < pts.length; i++) {
    const cur = pts[i]!;
    const prev = pts[(i + pts.length - 1) % pts.length]!;
    const curIn = cur[1]! >= minLat;
    const prevIn = prev[1]! >= minLat;
    if (curIn) {
      if (!prevIn) out.push(crossing(prev, cur, minLat));
      out.push([cur[0]!, cur[1]!]);
    } else if (prevIn) {
      out.push(crossing(prev, cur, minLat));
    }
  }
  if (out.length < 3) return [];
  out.push([out[0]![0]!, out[0]![1]!]);
  return out;
}

/** The parts of a line north of `minLat`, split where it dips below. */
export function clipLineToLatitude(line: readonly Position[], minLat: number): Position[][] {
  const parts: Position[][] = [];
  let part: Position[] = [];
  for (let i = 0; i < line.length; i++) {
    const cur = line[i]!;
    const prev = i > 0 ? line[i - 1]! : undefined;
    const curIn = cur[1]! >= minLat;
    const prevIn = prev !== undefined && prev[1]! >= minLat;
    if (curIn) {
      if (prev !== undefined && !prevIn) part.push(crossing(prev, cur, minLat));
      part.push([cur[0]!, cur[1]!]);
    } else if (prevIn) {
      part.push(crossing(prev!, cur, minLat));
      if (part.length > 1) parts.push(part);
      part = [];
    }
  }
  if (part.length > 1) parts.push(part);
  return parts;
}

/** A polygon's rings clipped; a polygon whose every ring vanishes is dropped. */
function clipPolygon(rings: readonly (readonly Position[])[], minLat: number): Position[][][] {
  const clipped = rings.map((r) => clipRingToLatitude(unwrapRing(r), minLat)).filter((r) => r.length > 0);
  return clipped.length ? [clipped] : [];
}

/**
 * The polygons and lines of a geometry, clipped to latitudes ≥ `minLat`, rings and lines unwrapped
 * (no segment jumps more than 180° in longitude). Drawn with the even-odd rule, so which ring is a
 * hole needs no bookkeeping.
 *
 * @example clipToLatitude(antarctica, 10).polygons // []
 */
export function clipToLatitude(
  geometry: Geometry,
  minLat: number,
): { polygons: Position[][][]; lines: Position[][] } {
  switch (geometry.type) {
    case 'Polygon':
      return { polygons: clipPolygon(geometry.coordinates, minLat), lines: [] };
    case 'MultiPolygon':
      return { polygons: geometry.coordinates.flatMap((p) => clipPolygon(p, minLat)), lines: [] };
    case 'LineString':
      return { polygons: [], lines: clipLineToLatitude(unwrapLongitudes(geometry.coordinates), minLat) };
    case 'MultiLineString':
      return {
        polygons: [],
        lines: geometry.coordinates.flatMap((l) => clipLineToLatitude(unwrapLongitudes(l), minLat)),
      };
    case 'GeometryCollection': {
      const parts = geometry.geometries.map((g) => clipToLatitude(g, minLat));
      return { polygons: parts.flatMap((p) => p.polygons), lines: parts.flatMap((p) => p.lines) };
    }
    default:
      return { polygons: [], lines: [] };
  }
}

/**
 * A graticule as lines of [lon, lat]: parallels every `parallelStep`° from `minLat` up to 80°N,
 * and meridians every `meridianStep`° from `minLat` to 90°N, a point every `densify`°.
 */
export function graticule(minLat: number, parallelStep = 10, meridianStep = 30, densify = 2): Position[][] {
  const lines: Position[][] = [];
  const first = Math.ceil(minLat / parallelStep) * parallelStep;
  for (let lat = first; lat <= 80; lat += parallelStep) {
    const line: Position[] = [];
    for (let lon = -180; lon <= 180; lon += densify) line.push([lon, lat]);
    lines.push(line);
  }
  for (let lon = -180; lon < 180; lon += meridianStep) {
    const line: Position[] = [];
    for (let lat = minLat; lat < 90; lat += densify) line.push([lon, lat]);
    line.push([lon, 90]);
    lines.push(line);
  }
  return lines;
}
