import { describe, expect, it } from 'vitest';
import { areaLabelPoint, mercatorY } from '../../src/geo';

describe('areaLabelPoint', () => {
  it('puts the label of a square in its middle', () => {
    const square = [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
    ];
    const at = areaLabelPoint([square])!;
    expect(at.point[0]).toBeCloseTo(5, 0);
    expect(mercatorY(at.point[1]!)).toBeCloseTo(mercatorY(10) / 2, 0);
  });

  it('keeps the label inside an L-shaped country, where the bounding box centre is outside', () => {
    // An L: the box's centre (5, 5) lies in the missing corner.
    const l = [
      [
        [0, 0],
        [10, 0],
        [10, 3],
        [3, 3],
        [3, 10],
        [0, 10],
        [0, 0],
      ],
    ];
    const [x, y] = areaLabelPoint([l])!.point as [number, number];
    const inside = (x >= 0 && x <= 10 && y >= 0 && y <= 3) || (x >= 0 && x <= 3 && y >= 0 && y <= 10);
    expect(inside).toBe(true);
  });

  it('labels the largest of several polygons (the mainland, not an island)', () => {
    const box = (x: number, y: number, s: number) => [
      [
        [x, y],
        [x + s, y],
        [x + s, y + s],
        [x, y + s],
        [x, y],
      ],
    ];
    const at = areaLabelPoint([box(50, 0, 1), box(0, 0, 20)])!;
    expect(at.point[0]).toBeGreaterThan(5);
    expect(at.point[0]).toBeLessThan(15);
    expect(at.width).toBeCloseTo(20);
    expect(areaLabelPoint([])).toBeNull();
  });
});
