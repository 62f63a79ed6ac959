import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { distance } from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/core';
import { greatCirclePath, greatCirclePoints, maxLongitudeJump } from '../../src/geo';

function route(file: string) {
  const path = fileURLToPath(new URL(`../../data/geo/routes/${file}`, import.meta.url));
  return parseRoute(readFileSync(path, 'utf8'), file);
}

const nearest = (lines: number[][][], to: number[]) =>
  Math.min(...lines.flat().map((p) => distance(p, to, { units: 'kilometers' })));

describe('greatCirclePath', () => {
  it('ANT-25 (1937) passes within 50 km of the North Pole, with no jump over 180°', () => {
    const lines = greatCirclePath(route('ant25-1937.csv'));
    expect(lines.length).toBeGreaterThan(0);
    expect(nearest(lines, [0, 90])).toBeLessThan(50);
    for (const line of lines) expect(maxLongitudeJump(line)).toBeLessThanOrEqual(180);
    // Densified: far more points than waypoints.
    expect(lines[0]!.length).toBeGreaterThan(50);
  });

  it('Alaska–Siberia crosses the antimeridian between Nome and Markovo without a jump', () => {
    const waypoints = route('alsib-1942.csv');
    const lines = greatCirclePath(waypoints);
    // The path, and its copy on the other side of the map.
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(maxLongitudeJump(line)).toBeLessThanOrEqual(180);
    // Every waypoint lies on one of the lines (at its own longitude or shifted by 360°).
    for (const w of waypoints) {
      expect(nearest(lines, [w.lon, w.lat]), w.name).toBeLessThan(1);
    }
    // Uelkal (179.3°W) and Markovo (170.4°E) are ~500 km apart: the path goes the short way.
    const main = lines[0]!;
    const total = main.slice(1).reduce((km, p, i) => km + distance(main[i]!, p, { units: 'kilometers' }), 0);
    expect(total).toBeLessThan(12000);
  });

  it('handles a single waypoint and an empty route', () => {
    expect(greatCirclePath([])).toEqual([]);
    expect(greatCirclePath([{ lat: 1, lon: 2 }])).toEqual([[[2, 1]]]);
  });

  it('draws every route file without jumps', () => {
    for (const file of ['ant25-1935.csv', 'ant25-1937-planned.csv', 'gromov-1937.csv']) {
      for (const line of greatCirclePath(route(file)))
        expect(maxLongitudeJump(line), file).toBeLessThanOrEqual(180);
    }
  });
});

describe('greatCirclePoints', () => {
  it('ANT-25 (1937) as one raw line over the Pole, longitudes within ±180°', () => {
    const points = greatCirclePoints(route('ant25-1937.csv'));
    expect(points.length).toBeGreaterThan(50);
    expect(nearest([points], [0, 90])).toBeLessThan(50);
    for (const p of points) expect(Math.abs(p[0]!)).toBeLessThanOrEqual(180);
  });
});
