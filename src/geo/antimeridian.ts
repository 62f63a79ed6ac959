/**
 * Planar drawing of spherical shapes that cross the antimeridian (±180°).
 *
 * world-atlas 2 stitches rings across ±180°, so a naive planar renderer (Leaflet's L.geoJSON)
 * draws Chukotka or Fiji as a band across the whole map. These functions unwrap longitudes to be
 * continuous, close rings that go round a pole along that pole, and add a copy shifted by ∓360°
 * where a shape extends past ±180°, so both map edges show it. Pure: [lon, lat] in, [lon, lat] out.
 */
import type { Geometry, Position } from 'geojson';

/** Steps used to close a pole-wrapping ring along the pole, in degrees of longitude. */
const POLE_STEP = 10;

/**
 * Rewrites longitudes so that no segment jumps more than 180°: each point is moved by a multiple of
 * 360° to be nearest its predecessor. The first point keeps its longitude.
 *
 * @example unwrapLongitudes([[179, 0], [-179, 1]]) // [[179, 0], [181, 1]]
 */
export function unwrapLongitudes(line: readonly Position[]): Position[] {
  const out: Position[] = [];
  let prev: number | undefined;
  for (const p of line) {
    let lon = p[0]!;
    if (prev !== undefined) lon -= 360 * Math.round((lon - prev) / 360);
    out.push([lon, p[1]!]);
    prev = lon;
  }
  return out;
}

/** The largest longitude jump between consecutive points (degrees); 0 for fewer than two points. */
export function maxLongitudeJump(line: readonly Position[]): number {
  let max = 0;
  for (let i = 1; i < line.length; i++) max = Math.max(max, Math.abs(line[i]![0]! - line[i - 1]![0]!));
  return max;
}

/** [min, max] longitude of some lines. */
export function longitudeExtent(lines: readonly (readonly Position[])[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const line of lines) {
    for (const p of line) {
      min = Math.min(min, p[0]!);
      max = Math.max(max, p[0]!);
    }
  }
  return [min, max];
}

/** Absolute planar (shoelace) area of a ring, in square degrees. */
export function planarArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    sum += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  }
  return Math.abs(sum / 2);
}

const shift = (line: readonly Position[], by: number): Position[] => line.map((p) => [p[0]! + by, p[1]!]);

/** Shifts lines by a multiple of 360° so that their longitude midpoint lies in [-180, 180). */
function recentre(lines: Position[][]): Position[][] {
  const [min, max] = longitudeExtent(lines);
  const by = -360 * Math.floor(((min + max) / 2 + 180) / 360);
  return by === 0 ? lines : lines.map((l) => shift(l, by));
}

/**
 * Copies of a shape (given as its lines or rings) shifted by ∓360° for each side on which it
 * extends past ±180°; the shape itself first.
 */
function withEdgeCopies(lines: Position[][]): Position[][][] {
  const [min, max] = longitudeExtent(lines);
  const copies = [lines];
  if (max > 180) copies.push(lines.map((l) => shift(l, -360)));
  if (min < -180) copies.push(lines.map((l) => shift(l, 360)));
  return copies;
}

/**
 * Unwraps a closed ring. When the unwrapped ring does not come back to its starting longitude it
 * goes round a pole (Antarctica): it is then closed along that pole, in steps, so that no segment
 * jumps more than 180°.
 */
export function unwrapRing(ring: readonly Position[]): Position[] {
  const out = unwrapLongitudes(ring);
  if (out.length < 2) return out;
  const first = out[0]!;
  const last = out[out.length - 1]!;
  const winding = last[0]! - first[0]!;
  if (Math.abs(winding) < 180) return out;
  // The ring goes round a pole: which one is told by its mean latitude.
  const meanLat = out.reduce((s, p) => s + p[1]!, 0) / out.length;
  const poleLat = meanLat < 0 ? -90 : 90;
  const steps = Math.ceil(Math.abs(winding) / POLE_STEP);
  out.push([last[0]!, poleLat]);
  for (let i = 1; i < steps; i++) out.push([last[0]! - (winding * i) / steps, poleLat]);
  out.push([first[0]!, poleLat], [first[0]!, first[1]!]);
  return out;
}

/**
 * A polygon (outer ring, then holes) as one or more planar polygons: rings unwrapped, holes moved
 * next to their outer ring, and shifted copies where it extends past ±180°.
 *
 * @example wrapPolygon(fiji.coordinates[0]).length // 2: the islands at 180° and their copy at -180°
 */
export function wrapPolygon(rings: readonly (readonly Position[])[]): Position[][][] {
  const unwrapped = rings.map(unwrapRing);
  // Planar area decides which ring is outside: in world-atlas 50m, Antarctica's first ring is a
  // tiny circle round the pole and its coast the second (a spherical "hole"). Closed along the
  // pole, the coast becomes the outer ring and the circle a sliver hole (drawn even-odd).
  const biggest = unwrapped.reduce(
    (best, ring, i) => (planarArea(ring) > planarArea(unwrapped[best]!) ? i : best),
    0,
  );
  const [outer, ...holes] = [unwrapped[biggest], ...unwrapped.filter((_, i) => i !== biggest)];
  if (!outer) return [];
  const [min, max] = longitudeExtent([outer]);
  const mid = (min + max) / 2;
  const aligned = holes.map((hole) => {
    const [hMin, hMax] = longitudeExtent([hole]);
    return shift(hole, -360 * Math.round(((hMin + hMax) / 2 - mid) / 360));
  });
  return withEdgeCopies(recentre([outer, ...aligned]));
}

/**
 * A line as one or more planar lines: unwrapped, and shifted copies where it extends past ±180°.
 *
 * @example wrapLine([[170, 65], [-170, 65]]) // [[[170, 65], [190, 65]], [[-190, 65], [-170, 65]]]
 */
export function wrapLine(line: readonly Position[]): Position[][] {
  return withEdgeCopies(recentre([unwrapLongitudes(line)])).map((copy) => copy[0]!);
}

/**
 * The polygons of a (Multi)Polygon geometry, or the lines of a (Multi)LineString, ready for a
 * planar renderer. Other geometry types give nothing.
 */
export function wrapGeometry(geometry: Geometry): { polygons: Position[][][]; lines: Position[][] } {
  switch (geometry.type) {
    case 'Polygon':
      return { polygons: wrapPolygon(geometry.coordinates), lines: [] };
    case 'MultiPolygon':
      return { polygons: geometry.coordinates.flatMap(wrapPolygon), lines: [] };
    case 'LineString':
      return { polygons: [], lines: wrapLine(geometry.coordinates) };
    case 'MultiLineString':
      return { polygons: [], lines: geometry.coordinates.flatMap(wrapLine) };
    case 'GeometryCollection': {
      const parts = geometry.geometries.map(wrapGeometry);
      return { polygons: parts.flatMap((p) => p.polygons), lines: parts.flatMap((p) => p.lines) };
    }
    default:
      return { polygons: [], lines: [] };
  }
}
