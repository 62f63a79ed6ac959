/**
 * Tracing lines into a tile (src/geo/tilePath.ts): what is left out must not change a pixel inside
 * the tile, so a fill winds round every point inside it as the whole ring does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceLines, worldLines, worldX, worldY, type PathSink, type PixelRect } from '../../src/geo';

type Pt = [number, number];

/** A sink that keeps the traced paths, each as its vertices. */
function recorder() {
  const paths: Pt[][] = [];
  const sink: PathSink = {
    moveTo: (x, y) => paths.push([[x, y]]),
    lineTo: (x, y) => paths.at(-1)!.push([x, y]),
    closePath: () => {},
  };
  return { paths, sink };
}

/** The winding number of a closed ring round a point. */
function winding(ring: readonly Pt[], [px, py]: Pt): number {
  let w = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % ring.length]!;
    const cross = (x1 - x0) * (py - y0) - (px - x0) * (y1 - y0);
    if (y0 <= py && y1 > py && cross > 0) w++;
    else if (y0 > py && y1 <= py && cross < 0) w--;
  }
  return w;
}

/** Pixels → [lon, lat], for a rectangle at zoom 0 of a 256-pixel world with its origin at 0. */
const SCALE = 256;
const lonOf = (x: number) => (x / SCALE) * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / SCALE))) * 180) / Math.PI;

const RECT: PixelRect = {
  originX: 96,
  originY: 96,
  scale: SCALE,
  width: 64,
  height: 64,
  pad: 2,
  tolerance: 0,
};

describe('traceLines', () => {
  it('puts [lon, lat] where Web Mercator puts it, in the tile’s pixels', () => {
    expect(worldX(-180)).toBe(0);
    expect(worldX(0)).toBe(0.5);
    expect(worldY(0)).toBeCloseTo(0.5, 12);
    // Web Mercator's y at 60°N: ln(tan(45° + 30°)) / 2π below the top's 0.5.
    expect(worldY(60)).toBeCloseTo(0.5 - Math.log(Math.tan((75 * Math.PI) / 180)) / (2 * Math.PI), 12);
    // Clamped at the Mercator limit.
    expect(worldY(89)).toBe(worldY(85));
    const { paths, sink } = recorder();
    const rect = { originX: 512, originY: 300, scale: 1024, width: 256, height: 256, pad: 2, tolerance: 0 };
    traceLines(
      worldLines([
        [
          [0, 0],
          [10, 20],
          [20, 0],
        ],
      ]),
      rect,
      sink,
      true,
    );
    expect(paths).toHaveLength(1);
    const [x, y] = paths[0]![1]!;
    expect(x).toBeCloseTo(worldX(10) * 1024 - 512, 9);
    expect(y).toBeCloseTo(worldY(20) * 1024 - 300, 9);
  });

  it('draws a line past 180° on the tiles at both ends of the world', () => {
    // Across the antimeridian, from 170°E to 190°E (170°W), as the basemap unwraps it.
    const line = worldLines([
      [
        [170, 60],
        [190, 60],
      ],
    ]);
    const at = (originX: number) => {
      const { paths, sink } = recorder();
      traceLines(
        line,
        { originX, originY: 256, scale: 1024, width: 256, height: 256, pad: 2, tolerance: 0 },
        sink,
        false,
      );
      return paths.length;
    };
    expect(at(768), 'the last tile of the row (to 180°)').toBe(1);
    expect(at(0), 'the first tile of the row (from -180°)').toBe(1);
    expect(at(256), 'a tile it does not reach').toBe(0);
  });

  it('fills every point inside the tile as the whole ring does (random rings, seeded)', () => {
    const point = fc.tuple(
      fc.double({ min: 0, max: 256, noNaN: true }),
      fc.double({ min: 0, max: 256, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 3, maxLength: 40 }),
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
          {
            minLength: 20,
            maxLength: 20,
          },
        ),
        (ring, probes) => {
          const line = worldLines([ring.map(([x, y]) => [lonOf(x), latOf(y)])]);
          const { paths, sink } = recorder();
          traceLines(line, RECT, sink, true);
          // The ring as the tile's pixels, every vertex kept.
          const whole: Pt[] = ring.map(([x, y]) => [
            worldX(lonOf(x)) * SCALE - RECT.originX,
            worldY(latOf(y)) * SCALE - RECT.originY,
          ]);
          const traced = paths[0] ?? [];
          for (const [u, v] of probes) {
            const p: Pt = [u * RECT.width, v * RECT.height];
            expect(winding(traced, p)).toBe(winding(whole, p));
          }
          // Only the ring's own vertices are drawn, never more of them.
          expect(traced.length).toBeLessThanOrEqual(whole.length);
        },
      ),
      { seed: 1402, numRuns: 400 },
    );
  });

  it('leaves out the runs beyond the tile and the vertices closer than the tolerance', () => {
    // A ring that wanders far left of the tile and back, then crosses it in fine steps.
    const ring: Pt[] = [[100, 100], ...Array.from({ length: 50 }, (_, i): Pt => [10, 100 + i]), [100, 150]];
    for (let x = 100; x <= 150; x += 0.1) ring.push([x, 150]);
    ring.push([150, 100]);
    const line = worldLines([ring.map(([x, y]) => [lonOf(x), latOf(y)])]);
    const { paths, sink } = recorder();
    const drawn = traceLines(line, { ...RECT, tolerance: 0.5 }, sink, true);
    expect(drawn).toBe(paths[0]!.length);
    // Of the 50 vertices left of the tile, the first and the last; of the 500 steps of 0.1 pixel,
    // about one in six (0.1 five times over comes to just under 0.5).
    expect(drawn).toBeLessThan(ring.length / 4);
    expect(drawn).toBeGreaterThan(80);
    expect(paths[0]!.filter(([x]) => x < -RECT.pad).length, 'vertices drawn left of the tile').toBe(2);
  });
});
