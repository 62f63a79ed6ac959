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
});
