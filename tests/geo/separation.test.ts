import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoomToSeparate } from '../../src/geo';

describe('zoomToSeparate', () => {
  it('doubles the distance per zoom level', () => {
    expect(
      zoomToSeparate(
        [
          [0, 0],
          [12, 0],
        ],
        8,
        48,
      ),
    ).toBeCloseTo(10, 9);
    expect(
      zoomToSeparate(
        [
          [0, 0],
          [3, 4],
        ],
        5,
        40,
      ),
    ).toBeCloseTo(8, 9);
  });

  it('is the closest pair that counts', () => {
    const points: [number, number][] = [
      [0, 0],
      [100, 0],
      [100, 6],
    ];
    expect(zoomToSeparate(points, 3, 48)).toBeCloseTo(6, 9);
  });

  it('needs no zoom for points already apart or one point; points at one spot never part', () => {
    expect(
      zoomToSeparate(
        [
          [0, 0],
          [60, 0],
        ],
        4,
        48,
      ),
    ).toBe(4);
    expect(zoomToSeparate([[5, 5]], 4, 48)).toBe(4);
    expect(zoomToSeparate([], 4, 48)).toBe(4);
    expect(
      zoomToSeparate(
        [
          [5, 5],
          [5, 5],
        ],
        4,
        48,
      ),
    ).toBe(Infinity);
  });

  it('equals the closest of all pairs, however the points lie (a sweep, not every pair)', () => {
    const allPairs = (points: [number, number][], zoom: number, minPx: number) => {
      let closest = Infinity;
      for (let i = 0; i < points.length; i++)
        for (let j = i + 1; j < points.length; j++)
          closest = Math.min(
            closest,
            Math.hypot(points[i]![0] - points[j]![0], points[i]![1] - points[j]![1]),
          );
      if (!Number.isFinite(closest) || closest >= minPx) return zoom;
      return closest < 1e-9 ? Infinity : zoom + Math.log2(minPx / closest);
    };
    const point = fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }));
    fc.assert(
      fc.property(fc.array(point, { maxLength: 60 }), fc.integer({ min: 1, max: 80 }), (points, minPx) => {
        expect(zoomToSeparate(points, 4, minPx)).toBe(allPairs(points, 4, minPx));
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});
