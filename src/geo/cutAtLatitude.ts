/**
 * Cutting planar lines at a latitude limit, for a map that cannot show the poles (Web Mercator):
 * the parts of a route within [-limit, limit] are drawn as they are, and where the route leaves
 * that range (over a pole) it is cut, never pulled along the map's edge. Pure: [lon, lat] in and
 * out; longitudes may pass ±180° (lines unwrapped, as greatCirclePath gives them).
 */
import type { Position } from 'geojson';

/** Where a line leaves the latitude range, or comes back into it. */
export interface LatitudeCut {
  /** The crossing, exactly at the limit (lat = limit or -limit); lon interpolated. */
  position: Position;
  /** 'leave': the line goes out of range here; 'return': it comes back in. */
  direction: 'leave' | 'return';
  /** Which pole side: 1 for the northern limit, -1 for the southern one. */
  side: 1 | -1;
  /** Index of the input line the crossing belongs to. */
  line: number;
}

export interface CutLines {
  /** The parts of the lines inside the range, in order, each of two points or more. */
  pieces: Position[][];
  /** Every crossing of the limit, in order along each line. */
  cuts: LatitudeCut[];
}

/** The part t ∈ [lo, hi] of the segment a→b (t = 0 at a) whose latitude lies in [-limit, limit]. */
function insideSpan(a: Position, b: Position, limit: number): [number, number] | null {
  const la = a[1]!;
  const dl = b[1]! - la;
  if (dl === 0) return Math.abs(la) <= limit ? [0, 1] : null;
  const t1 = (-limit - la) / dl;
  const t2 = (limit - la) / dl;
  const lo = Math.max(0, Math.min(t1, t2));
  const hi = Math.min(1, Math.max(t1, t2));
  return lo <= hi ? [lo, hi] : null;
}

/** The point at t of a→b, its latitude snapped to ±limit when it lies on the limit. */
function at(a: Position, b: Position, t: number, limit: number): Position {
  if (t === 0) return [a[0]!, a[1]!];
  if (t === 1) return [b[0]!, b[1]!];
  const lat = a[1]! + t * (b[1]! - a[1]!);
  const snapped = Math.abs(Math.abs(lat) - limit) < 1e-9 ? Math.sign(lat) * limit : lat;
  return [a[0]! + t * (b[0]! - a[0]!), snapped];
}

const sideOf = (p: Position): 1 | -1 => (p[1]! >= 0 ? 1 : -1);

/**
 * The parts of `lines` within latitudes [-limit, limit], and where each line leaves and comes
 * back into that range. A line that never leaves comes out as it went in (as one piece). A point
 * exactly on the limit counts as inside; a line that only touches the limit is not cut.
 *
 * @example cutAtLatitude([[[0, 80], [0, 90], [10, 80]]], 85).cuts.map((c) => c.direction) // ['leave', 'return']
 */
export function cutAtLatitude(lines: readonly (readonly Position[])[], limit: number): CutLines {
  const pieces: Position[][] = [];
  const cuts: LatitudeCut[] = [];
  lines.forEach((line, index) => {
    let piece: Position[] = [];
    const finish = () => {
      if (piece.length > 1) pieces.push(piece);
      piece = [];
    };
    if (line.length === 1 && Math.abs(line[0]![1]!) <= limit) pieces.push([[line[0]![0]!, line[0]![1]!]]);
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      const span = insideSpan(a, b, limit);
      if (!span) continue; // the whole segment is beyond the limit
      const [lo, hi] = span;
      if (lo === hi) {
        // Only one point of the segment is in range, on the limit: the line leaves from `a` if it
        // was inside; else it only touches the limit from outside (no cut).
        if (piece.length > 0 && lo === 0) {
          cuts.push({ position: [a[0]!, a[1]!], direction: 'leave', side: sideOf(a), line: index });
          finish();
        }
        continue;
      }
      if (lo > 0) {
        // Comes back into range inside this segment.
        const enter = at(a, b, lo, limit);
        cuts.push({ position: enter, direction: 'return', side: sideOf(enter), line: index });
        piece = [enter];
      } else if (piece.length === 0) {
        piece = [[a[0]!, a[1]!]];
      }
      if (hi < 1) {
        const exit = at(a, b, hi, limit);
        const last = piece[piece.length - 1]!;
        if (last[0] !== exit[0] || last[1] !== exit[1]) piece.push(exit);
        cuts.push({ position: exit, direction: 'leave', side: sideOf(exit), line: index });
        finish();
      } else {
        piece.push([b[0]!, b[1]!]);
      }
    }
    finish();
  });
  return { pieces, cuts };
}
