import { readFileSync } from 'node:fs';
import type { FeatureCollection, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../src/core';
import {
  HANDOUT_DOT_RADIUS,
  HANDOUT_HEIGHT,
  HANDOUT_WIDTH,
  handoutMap,
} from '../../../src/ui/tour/handoutMap';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const ant25 = parseRoute(read('../../../data/geo/routes/ant25-1937.csv'), 'ant25-1937.csv');
const route: Position[] = ant25.map((w) => [w.lon, w.lat]);
const alsib = parseRoute(read('../../../data/geo/routes/alsib-1942.csv'), 'alsib-1942.csv');
const topology = JSON.parse(read('../../../node_modules/world-atlas/countries-110m.json')) as Topology;
const land = feature(topology, topology.objects.land as GeometryCollection) as FeatureCollection;

/** The points of an SVG path's "M…L…Z" data, per subpath. */
function subpaths(d: string): [number, number][][] {
  return d
    .split('M')
    .filter((s) => s.trim())
    .map((s) =>
      s
        .replace(/Z/g, '')
        .split('L')
        .map((xy) => xy.split(',').map(Number) as [number, number]),
    );
}

/** Segments longer than `min` lying along an edge of the map (within 3 units). */
function alongEdge(d: string, min = 60) {
  const near = (v: number, edge: number) => Math.abs(v - edge) < 3;
  return subpaths(d).flatMap((pts) =>
    pts.slice(1).flatMap((b, i) => {
      const a = pts[i]!;
      const long = Math.hypot(b[0] - a[0], b[1] - a[1]) > min;
      const edge =
        (near(a[1], 0) && near(b[1], 0)) ||
        (near(a[1], HANDOUT_HEIGHT) && near(b[1], HANDOUT_HEIGHT)) ||
        (near(a[0], 0) && near(b[0], 0)) ||
        (near(a[0], HANDOUT_WIDTH) && near(b[0], HANDOUT_WIDTH));
      return long && edge ? [[a, b]] : [];
    }),
  );
}

describe('handoutMap', () => {
  it('draws a page that shows the flight on the north polar map, the route through the Pole', () => {
    const map = handoutMap({ points: route, polar: true, land, routes: [route] });
    expect(map.projection).toBe('polar');
    expect(map.routes).toHaveLength(1);
    // The route goes through the Pole, in one piece, with nothing along the map's edges.
    expect(subpaths(map.routes[0]!)).toHaveLength(1);
    expect(alongEdge(map.routes[0]!)).toEqual([]);
    // Every place of the route is a dot inside the map, the Pole included (at the projection's centre
    // line: 10°E points straight down from it, as on the app's polar map).
    expect(map.dots).toHaveLength(route.length);
    for (const [x, y] of map.dots) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(HANDOUT_WIDTH);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(HANDOUT_HEIGHT);
    }
    const pole = map.dots[ant25.findIndex((w) => w.lat === 90)]!;
    const takeOff = map.dots[0]!;
    const landing = map.dots[map.dots.length - 1]!;
    // Moscow (38°E) lies below the Pole, Vancouver (-123°) above it.
    expect(takeOff[1]).toBeGreaterThan(pole[1]);
    expect(landing[1]).toBeLessThan(pole[1]);
    expect(map.land.length).toBeGreaterThan(1000);
    const pts = subpaths(map.routes[0]!).flat();
    expect(Math.min(...pts.map(([x, y]) => Math.hypot(x - pole[0], y - pole[1])))).toBeLessThan(1);
  });

  it('computes north from the projection: toward the Pole on the polar map, up on Mercator', () => {
    // A page about the landing: on the polar map north points from Vancouver toward the Pole.
    const landing = route.slice(-3);
    const polar = handoutMap({ points: landing, polar: true, land: null, routes: [route] });
    const mercator = handoutMap({ points: landing, polar: false, land: null, routes: [] });
    expect(mercator.projection).toBe('mercator');
    expect(mercator.north).toBe(0);
    // Seen from above the Pole with 10°E down, -123° lies up and to the left: north from there
    // points back down toward the Pole, far from up.
    expect(Math.abs(polar.north)).toBeGreaterThan(90);
    const [x0, y0] = polar.dots[polar.dots.length - 1]!;
    // A point a little north of the landing lies in the arrow's direction.
    const north = handoutMap({
      points: [...landing, [route.at(-1)![0]!, route.at(-1)![1]! + 2]],
      polar: true,
      land: null,
      routes: [],
    });
    const [x1, y1] = north.dots.at(-1)!;
    const [xa, ya] = north.dots.at(-2)!;
    const angle = (Math.atan2(x1 - xa, -(y1 - ya)) * 180) / Math.PI;
    expect(Math.abs(((angle - north.north + 540) % 360) - 180)).toBeLessThan(5);
    expect(x0).toBeGreaterThan(0);
    expect(y0).toBeGreaterThan(0);
  });

  it('fits an ordinary page to its places on Mercator, centred across the Pacific when they span it', () => {
    const points: Position[] = alsib.map((w) => [w.lon, w.lat]);
    const map = handoutMap({ points, polar: false, land, routes: [points] });
    expect(map.projection).toBe('mercator');
    expect(map.dots).toHaveLength(points.length);
    // Fitted: the dots fill most of the map's width or height, not a corner of a world map.
    const xs = map.dots.map((d) => d[0]);
    const ys = map.dots.map((d) => d[1]);
    const spread = Math.max(
      (Math.max(...xs) - Math.min(...xs)) / HANDOUT_WIDTH,
      (Math.max(...ys) - Math.min(...ys)) / HANDOUT_HEIGHT,
    );
    expect(spread).toBeGreaterThan(0.7);
    // The route is one line over the antimeridian, not two pieces running off to either edge.
    expect(subpaths(map.routes[0]!)).toHaveLength(1);
  });

  it('one place shows its region; a page of only polar places goes polar', () => {
    const one = handoutMap({ points: [[37.6, 55.75]], polar: false, land: null, routes: [] });
    expect(one.dots).toHaveLength(1);
    // Near the middle (Mercator stretches the box round it northwards a little).
    expect(Math.abs(one.dots[0]![0] - HANDOUT_WIDTH / 2)).toBeLessThan(5);
    expect(Math.abs(one.dots[0]![1] - HANDOUT_HEIGHT / 2)).toBeLessThan(HANDOUT_HEIGHT / 10);
    expect(handoutMap({ points: [[0, 90]], polar: false, land: null, routes: [] }).projection).toBe('polar');
  });

  it("names the places beside their dots, in the slide's order, none over another or a dot", () => {
    // The route's waypoints named after their own rows (data, not names typed here).
    const names = ant25.map((w) => ({ text: w.name, point: [w.lon, w.lat] as Position }));
    const map = handoutMap({ points: route, polar: true, land: null, routes: [route], names });
    expect(map.labels.length).toBeGreaterThan(2);
    // Chosen in the slide's order: each label's place comes later than the one before it.
    const at = map.labels.map((l) => Number(l.id));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    for (const l of map.labels) expect(l.text).toBe(names[Number(l.id)]!.text);
    const boxes = map.labels.map((l) => l.box);
    for (const [i, a] of boxes.entries()) {
      expect(a.minX).toBeGreaterThanOrEqual(0);
      expect(a.maxX).toBeLessThanOrEqual(HANDOUT_WIDTH);
      for (const b of boxes.slice(i + 1)) {
        expect(a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY).toBe(false);
      }
      for (const [x, y] of map.dots) {
        const r = HANDOUT_DOT_RADIUS;
        expect(a.minX < x + r && x - r < a.maxX && a.minY < y + r && y - r < a.maxY).toBe(false);
      }
    }
    // A name whose place the map cannot show is left out, not put on the edge.
    const mercator = handoutMap({
      points: [[37.6, 55.75]],
      polar: false,
      land: null,
      routes: [],
      names: [
        { text: 'here', point: [37.6, 55.75] },
        { text: 'beyond', point: [0, 90] },
      ],
    });
    expect(mercator.labels.map((l) => l.text)).toEqual(['here']);
  });
});
