import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/core';
import { cutAtLatitude, greatCirclePath } from '../../src/geo';

function route(file: string) {
  const path = fileURLToPath(new URL(`../../data/geo/routes/${file}`, import.meta.url));
  return parseRoute(readFileSync(path, 'utf8'), file);
}

/** Longitude brought into [-180, 180). */
const wrap = (lon: number) => lon - 360 * Math.floor((lon + 180) / 360);

/** A small seeded generator (mulberry32): the property test is the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** True when point p lies on the segment a→b (planar, within eps). */
function onSegment(p: Position, a: Position, b: Position, eps = 1e-9): boolean {
  const cross = (b[0]! - a[0]!) * (p[1]! - a[1]!) - (b[1]! - a[1]!) * (p[0]! - a[0]!);
  const len = Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!);
  if (Math.abs(cross) > eps * Math.max(1, len)) return false;
  const dot = (p[0]! - a[0]!) * (b[0]! - a[0]!) + (p[1]! - a[1]!) * (b[1]! - a[1]!);
  return dot >= -eps && dot <= len * len + eps;
}

describe('cutAtLatitude', () => {
  it('cuts the ANT-25 route where it leaves 85°N for the Pole and where it comes back', () => {
    const waypoints = route('ant25-1937.csv');
    const lines = greatCirclePath(waypoints);
    const { pieces, cuts } = cutAtLatitude(lines, 85);
    for (const piece of pieces) for (const p of piece) expect(p[1]!).toBeLessThanOrEqual(85);
    const main = cuts.filter((c) => c.line === 0);
    expect(main.map((c) => c.direction)).toEqual(['leave', 'return']);
    for (const c of main) {
      expect(c.position[1]).toBe(85);
      expect(c.side).toBe(1);
    }
    // It leaves at the radio position after Franz Josef Land (85°N on its meridian) and comes
    // back on the great circle from the Pole to Prince Patrick Island, i.e. on that meridian.
    const radio = waypoints.find((w) => w.lat === 85)!;
    const pole = waypoints.findIndex((w) => w.lat === 90);
    const after = waypoints[pole + 1]!;
    expect(wrap(main[0]!.position[0]!)).toBeCloseTo(radio.lon, 1);
    expect(wrap(main[1]!.position[0]!)).toBeCloseTo(after.lon, 1);
    // Every copy (shifted by ∓360°) is cut the same way, 360° apart.
    for (const c of cuts) {
      const twin = main.find((m) => m.direction === c.direction)!;
      expect(wrap(c.position[0]! - twin.position[0]!)).toBeCloseTo(0, 6);
    }
    // Two pieces per line: Moscow to 85°N, and 85°N down to Vancouver.
    expect(pieces).toHaveLength(2 * lines.length);
  });

  it('keeps every piece on the original line (no point moved, none invented off it)', () => {
    const lines = greatCirclePath(route('ant25-1937.csv'));
    const { pieces } = cutAtLatitude(lines, 85);
    const segments = lines.flatMap((l) => l.slice(1).map((b, i) => [l[i]!, b] as const));
    for (const piece of pieces) {
      for (const p of piece) expect(segments.some(([a, b]) => onSegment(p, a, b))).toBe(true);
    }
  });

  it('leaves a line that stays in range unchanged', () => {
    const lines = greatCirclePath(route('alsib-1942.csv'));
    const { pieces, cuts } = cutAtLatitude(lines, 85);
    expect(cuts).toEqual([]);
    expect(pieces).toEqual(lines);
  });

  it('cuts a synthetic line at the interpolated longitudes, both poles', () => {
    const line: Position[] = [
      [0, 80],
      [10, 90], // leaves at lon 5 (half-way to 90)
      [20, 80], // returns at lon 15
      [30, -80],
      [40, -90], // leaves south at lon 35
    ];
    const { pieces, cuts } = cutAtLatitude([line], 85);
    expect(cuts.map((c) => [c.direction, c.side, c.position[0], c.position[1]])).toEqual([
      ['leave', 1, 5, 85],
      ['return', 1, 15, 85],
      ['leave', -1, 35, -85],
    ]);
    expect(pieces).toEqual([
      [
        [0, 80],
        [5, 85],
      ],
      [
        [15, 85],
        [20, 80],
        [30, -80],
        [35, -85],
      ],
    ]);
  });

  it('a segment that crosses the whole range from beyond one limit to beyond the other', () => {
    const { pieces, cuts } = cutAtLatitude(
      [
        [
          [0, 90],
          [180, -90],
        ],
      ],
      45,
    );
    expect(cuts.map((c) => c.direction)).toEqual(['return', 'leave']);
    expect(pieces).toEqual([
      [
        [45, 45],
        [135, -45],
      ],
    ]);
  });

  it('does not cut a line that only touches the limit, from inside or outside', () => {
    const inside: Position[] = [
      [0, 80],
      [1, 85],
      [2, 80],
    ];
    expect(cutAtLatitude([inside], 85)).toEqual({ pieces: [inside], cuts: [] });
    const outside: Position[] = [
      [0, 89],
      [1, 85],
      [2, 89],
    ];
    expect(cutAtLatitude([outside], 85)).toEqual({ pieces: [], cuts: [] });
  });

  it('property: random lines are cut into in-range pieces, leaves and returns alternating', () => {
    const random = seeded(11);
    for (let run = 0; run < 200; run++) {
      const n = 2 + Math.floor(random() * 30);
      const line: Position[] = [];
      for (let i = 0; i < n; i++) line.push([random() * 720 - 360, random() * 180 - 90]);
      const limit = 30 + random() * 55;
      const { pieces, cuts } = cutAtLatitude([line], limit);
      for (const piece of pieces) {
        expect(piece.length).toBeGreaterThan(1);
        for (const p of piece) expect(Math.abs(p[1]!)).toBeLessThanOrEqual(limit);
      }
      for (const c of cuts) expect(Math.abs(c.position[1]!)).toBe(limit);
      // Along the line, the crossings alternate; a leave follows a start inside.
      const startsInside = Math.abs(line[0]![1]!) <= limit;
      cuts.forEach((c, i) => {
        const expected = (i % 2 === 0) === startsInside ? 'leave' : 'return';
        expect(c.direction).toBe(expected);
      });
      // Each piece starts at the line's start or at a return, and ends at its end or a leave.
      const returns = cuts.filter((c) => c.direction === 'return').length;
      expect(pieces.length).toBe(returns + (startsInside ? 1 : 0));
    }
  });
});
