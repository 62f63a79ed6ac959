import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { clipLineToLatitude, clipRingToLatitude, clipToLatitude, graticule } from '../../src/geo';

function country(resolution: '110m' | '50m', id: string) {
  const path = fileURLToPath(
    new URL(`../../node_modules/world-atlas/countries-${resolution}.json`, import.meta.url),
  );
  const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology;
  const all = feature(topology, topology.objects.countries!) as FeatureCollection<Geometry>;
  const f = all.features.find((c) => c.id === id) as Feature<Polygon | MultiPolygon> | undefined;
  if (!f) throw new Error(`no country ${id} in world-atlas ${resolution}`);
  return f.geometry;
}

describe('clipToLatitude', () => {
  it.each(['110m', '50m'] as const)('removes Antarctica entirely (%s)', (res) => {
    expect(clipToLatitude(country(res, '010'), 10).polygons).toEqual([]);
  });

  it.each(['110m', '50m'] as const)('keeps Russia, every ring point at or above the line (%s)', (res) => {
    const { polygons } = clipToLatitude(country(res, '643'), 10);
    expect(polygons.length).toBeGreaterThan(5);
    for (const rings of polygons) {
      for (const ring of rings) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const p of ring) expect(p[1]).toBeGreaterThanOrEqual(10);
      }
    }
  });

  it('cuts a ring that straddles the line, and drops one wholly below', () => {
    const square = [
      [0, 0],
      [10, 0],
      [10, 20],
      [0, 20],
      [0, 0],
    ];
    const top = clipRingToLatitude(square, 10);
    expect(top.every((p) => p[1]! >= 10)).toBe(true);
    expect(top.some((p) => p[1] === 10)).toBe(true);
    expect(top[0]).toEqual(top[top.length - 1]);
    expect(clipRingToLatitude(square, 30)).toEqual([]);
  });

  it('splits a line where it dips below the line', () => {
    const parts = clipLineToLatitude(
      [
        [0, 20],
        [10, 0],
        [20, 20],
      ],
      10,
    );
    expect(parts).toEqual([
      [
        [0, 20],
        [5, 10],
      ],
      [
        [15, 10],
        [20, 20],
      ],
    ]);
  });
});

describe('graticule', () => {
  it('has parallels from 10°N to 80°N and 12 meridians, densified', () => {
    const lines = graticule(10);
    expect(lines).toHaveLength(8 + 12);
    expect(lines[0]!.every((p) => p[1] === 10)).toBe(true);
    expect(lines[0]!.length).toBeGreaterThan(100);
  });
});
