/**
 * The basemap's paths project each ring once, at zoom 0, and scale it (src/map/basemap.ts
 * projectScaled): for Web Mercator the pixels must be Leaflet's own, at whole and half zooms and
 * any pixel origin, for every ring of the world's land.
 */
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it, vi } from 'vitest';

// Leaflet reads a few browser globals as it loads; none of them is used here.
vi.stubGlobal('window', globalThis);
vi.stubGlobal('devicePixelRatio', 1);
vi.stubGlobal('navigator', { userAgent: 'node', platform: 'node' });
vi.stubGlobal('document', {
  documentElement: { style: {} },
  createElement: () => ({ style: {}, getContext: () => null }),
  createElementNS: () => ({}),
});
const L = (await import('leaflet')).default;
const { projectScaled } = await import('../../src/map/basemap');

const topology = JSON.parse(
  readFileSync(new URL('../../node_modules/world-atlas/countries-110m.json', import.meta.url), 'utf8'),
) as Topology;
const land = feature(topology, topology.objects.land!) as unknown as {
  features: { geometry: Polygon | MultiPolygon }[];
};
const rings: L.LatLng[][][] = land.features.flatMap((f) =>
  (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).map((polygon) =>
    polygon.map((ring) => ring.map(([lon, lat]) => L.latLng(Math.max(-85, Math.min(85, lat!)), lon! + 360))),
  ),
);

/** What Leaflet's paths read of their map, at one zoom and pixel origin. */
function mapAt(zoom: number, origin: [number, number]) {
  const map = {
    options: { crs: L.CRS.EPSG3857 },
    _zoom: zoom,
    getZoom: () => zoom,
    getPixelOrigin: () => L.point(origin[0], origin[1]),
    project: L.Map.prototype.project,
    latLngToLayerPoint: L.Map.prototype.latLngToLayerPoint,
  };
  return { _map: map as unknown as L.Map };
}

const asNumbers = (rings: L.Point[][]) => rings.map((r) => r.flatMap((p) => [p.x, p.y]));

describe('projectScaled (the basemap)', () => {
  it('gives the pixels Leaflet gives, ring by ring, with the same bounds', () => {
    expect(rings.length).toBeGreaterThan(50);
    const leaflet = (L.Polyline.prototype as unknown as { _projectLatlngs: typeof projectScaled })
      ._projectLatlngs;
    for (const zoom of [1, 2, 2.5, 4, 6.5, 8]) {
      for (const origin of [
        [0, 0],
        [1234, -567],
        [-98765, 4321],
      ] as [number, number][]) {
        const layer = mapAt(zoom, origin);
        const ours: L.Point[][] = [];
        const theirs: L.Point[][] = [];
        const [ourBounds, theirBounds] = [L.bounds([]), L.bounds([])];
        // Twice: the second time from the rings' kept zoom-0 points.
        for (let round = 0; round < 2; round++) {
          ours.length = 0;
          projectScaled.call(layer, rings, ours, ourBounds);
        }
        leaflet.call({ ...layer, _projectLatlngs: leaflet }, rings, theirs, theirBounds);
        expect(asNumbers(ours)).toEqual(asNumbers(theirs));
        expect([ourBounds.min, ourBounds.max]).toEqual([theirBounds.min, theirBounds.max]);
      }
    }
  });
});
