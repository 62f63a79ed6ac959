import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import {
  longitudeExtent,
  maxLongitudeJump,
  planarArea,
  unwrapLongitudes,
  unwrapRing,
  wrapGeometry,
  wrapLine,
  wrapPolygon,
} from '../../src/geo';

function countries(resolution: '110m' | '50m') {
  const path = fileURLToPath(
    new URL(`../../node_modules/world-atlas/countries-${resolution}.json`, import.meta.url),
  );
  const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology;
  return feature(topology, topology.objects.countries!) as FeatureCollection<Geometry, { name: string }>;
}

function country(resolution: '110m' | '50m', id: string) {
  const f = countries(resolution).features.find((c) => c.id === id) as
    Feature<Polygon | MultiPolygon> | undefined;
  if (!f) throw new Error(`no country ${id} in world-atlas ${resolution}`);
  return f.geometry;
}

const area = planarArea;

/** Even-odd point-in-polygon on the plane, holes included. */
function inside(polygon: readonly Position[][], [x, y]: Position): boolean {
  let hit = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) hit = !hit;
    }
  }
  return hit;
}

const rings = (geometry: Polygon | MultiPolygon) =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

describe('unwrapLongitudes / wrapLine', () => {
  it('keeps longitudes continuous across ±180°', () => {
    expect(
      unwrapLongitudes([
        [179, 0],
        [-179, 1],
        [-170, 2],
      ]),
    ).toEqual([
      [179, 0],
      [181, 1],
      [190, 2],
    ]);
  });

  it('adds a shifted copy for a line that passes 180°', () => {
    const lines = wrapLine([
      [170, 65],
      [-170, 65],
    ]);
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual([
      [170, 65],
      [190, 65],
    ]);
    expect(lines).toContainEqual([
      [-190, 65],
      [-170, 65],
    ]);
  });

  it('leaves an ordinary line alone', () => {
    expect(
      wrapLine([
        [10, 50],
        [20, 55],
      ]),
    ).toEqual([
      [
        [10, 50],
        [20, 55],
      ],
    ]);
  });
});

describe.each(['110m', '50m'] as const)('world-atlas %s', (resolution) => {
  it.each([
    ['643', 'Russia'],
    ['242', 'Fiji'],
    ['010', 'Antarctica'],
  ])('no output ring of %s (%s) jumps more than 180° in longitude', (id) => {
    const input = country(resolution, id);
    // The input really does smear: that is what the helper is for.
    expect(Math.max(...rings(input).flat().map(maxLongitudeJump))).toBeGreaterThan(180);
    const { polygons } = wrapGeometry(input);
    expect(polygons.length).toBeGreaterThanOrEqual(rings(input).length);
    for (const ring of polygons.flat()) expect(maxLongitudeJump(ring)).toBeLessThanOrEqual(180);
  });

  it('every country of the atlas comes out without jumps', () => {
    for (const f of countries(resolution).features) {
      for (const ring of wrapGeometry(f.geometry).polygons.flat()) {
        expect(maxLongitudeJump(ring), f.properties.name).toBeLessThanOrEqual(180);
      }
    }
  });

  it('Russia: Chukotka is drawn on both map edges, and the main ring spans a sensible width', () => {
    const polygons = wrapGeometry(country(resolution, '643')).polygons;
    // Chukotka at 175°E and at 175°W is in Russia, at either edge of the map.
    const anadyr: Position = [175, 66];
    const chukotka: Position = [-175, 66];
    expect(polygons.some((p) => inside(p, anadyr))).toBe(true);
    expect(polygons.some((p) => inside(p, chukotka))).toBe(true);
    expect(polygons.some((p) => inside(p, [chukotka[0]! + 360, chukotka[1]!]))).toBe(true);
    // The mainland runs from the Baltic (~20°E) to the Bering Strait (~190°E): under 180° wide.
    const widest = Math.max(...polygons.map((p) => longitudeExtent(p)[1] - longitudeExtent(p)[0]));
    expect(widest).toBeGreaterThan(150);
    expect(widest).toBeLessThan(180);
    // Nothing in the middle of the Atlantic or of Alaska.
    expect(polygons.some((p) => inside(p, [-30, 60]))).toBe(false);
    expect(polygons.some((p) => inside(p, [-150, 65]))).toBe(false);
  });

  it('Fiji: the islands astride 180° are small and do not cover the Pacific', () => {
    const input = country(resolution, '242');
    const polygons = wrapGeometry(input).polygons;
    for (const p of polygons) {
      const [min, max] = longitudeExtent(p);
      expect(max - min).toBeLessThan(6);
      expect(area(p[0]!)).toBeLessThan(10);
    }
    // The naive ring is drawn as a band across the Pacific; the wrapped ones are not.
    const naive = rings(input);
    const crossing = naive.find((p) => maxLongitudeJump(p[0]!) > 180)![0]!;
    const lats = crossing.map((p) => p[1]!);
    const midPacific: Position = [0, (Math.min(...lats) + Math.max(...lats)) / 2];
    expect(polygons.some((p) => inside(p, midPacific))).toBe(false);
    // The middle of Viti Levu is still in Fiji.
    expect(polygons.some((p) => inside(p, [178.0, -17.8]))).toBe(true);
  });

  it('Antarctica: the ring round the pole is closed along the pole and covers it', () => {
    const polygons = wrapGeometry(country(resolution, '010')).polygons;
    const main = polygons.reduce((a, b) => (area(b[0]!) > area(a[0]!) ? b : a));
    const [min, max] = longitudeExtent(main);
    expect(max - min).toBeCloseTo(360, 0);
    expect(Math.min(...main[0]!.map((p) => p[1]!))).toBe(-90);
    expect(inside(main, [0, -89])).toBe(true);
    expect(inside(main, [100, -80])).toBe(true);
    expect(inside(main, [0, -50])).toBe(false);
    // 360° wide, from the pole up to about 65–85°S: a few thousand square degrees, not the globe.
    expect(area(main[0]!)).toBeGreaterThan(3000);
    expect(area(main[0]!)).toBeLessThan(12000);
  });
});

describe('unwrapRing / wrapPolygon on small shapes', () => {
  it('closes a ring round the north pole along the pole', () => {
    const ring: Position[] = [
      [-180, 80],
      [-90, 81],
      [0, 80],
      [90, 81],
      [180, 80],
    ];
    const out = unwrapRing(ring);
    expect(maxLongitudeJump(out)).toBeLessThanOrEqual(180);
    expect(out.filter((p) => p[1] === 90).length).toBeGreaterThan(2);
    expect(out[out.length - 1]).toEqual(out[0]);
  });

  it('moves a hole next to its outer ring', () => {
    const outer: Position[] = [
      [170, 0],
      [190, 0],
      [190, 10],
      [170, 10],
      [170, 0],
    ];
    const hole: Position[] = [
      [-178, 4],
      [-176, 4],
      [-176, 6],
      [-178, 6],
      [-178, 4],
    ];
    const [first] = wrapPolygon([outer, hole]);
    const [min, max] = longitudeExtent([first![0]!]);
    const [hMin, hMax] = longitudeExtent([first![1]!]);
    expect(hMin).toBeGreaterThan(min);
    expect(hMax).toBeLessThan(max);
  });
});
