import { describe, expect, it } from 'vitest';
import { centre, type Shape } from '../../../src/cli/gazetteer/shapes';

const shape = (coordinates: number[][][][]): Shape => ({
  type: 'Feature',
  properties: { name: 'Zemland' },
  geometry: { type: 'MultiPolygon', coordinates },
});
// d3-geo's winding: an outer ring runs clockwise (as seen on a map, north up).
const mainland = [
  [
    [130, -20],
    [140, -20],
    [140, -30],
    [130, -30],
    [130, -20],
  ],
];
const islet = (clockwise: boolean) => {
  const ring = [
    [123, -12],
    [123.1, -12],
    [123.1, -12.1],
    [123, -12.1],
    [123, -12],
  ];
  return [clockwise ? ring : ring.reverse()];
};

describe('centre', () => {
  it("takes the largest polygon's centre, also when an islet's ring is wound the other way round", () => {
    for (const clockwise of [true, false]) {
      const [lat, lon] = centre(shape([islet(clockwise), mainland]));
      expect(lat).toBeCloseTo(-25, 0);
      expect(lon).toBeCloseTo(135, 0);
    }
  });
});
