import { describe, expect, it } from 'vitest';
import { spreadApart } from '../../src/map/spreadApart';

describe('spreadApart', () => {
  it('leaves circles that do not touch where they are', () => {
    expect(
      spreadApart([
        { x: 0, y: 0, r: 5 },
        { x: 100, y: 0, r: 5 },
      ]),
    ).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('pushes overlapping circles apart along the line between them, each by half', () => {
    const [a, b] = spreadApart(
      [
        { x: 0, y: 0, r: 10 },
        { x: 10, y: 0, r: 10 },
      ],
      2,
    );
    expect(a![0]).toBeCloseTo(-6);
    expect(b![0]).toBeCloseTo(6);
    expect(a![1]).toBeCloseTo(0);
  });

  it('separates circles at the very same point, and three in a crowd end up apart', () => {
    const circles = [
      { x: 50, y: 50, r: 12 },
      { x: 50, y: 50, r: 12 },
      { x: 55, y: 52, r: 12 },
    ];
    const moved = spreadApart(circles, 2, 30).map((o, i) => [circles[i]!.x + o[0], circles[i]!.y + o[1]]);
    for (let i = 0; i < moved.length; i++) {
      for (let j = i + 1; j < moved.length; j++) {
        const d = Math.hypot(moved[i]![0]! - moved[j]![0]!, moved[i]![1]! - moved[j]![1]!);
        expect(d).toBeGreaterThan(24 - 0.5);
      }
    }
  });
});
