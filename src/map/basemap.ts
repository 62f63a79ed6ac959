/** The offline basemap: world-atlas land and country borders, drawn on a canvas, not interactive. */
import L from 'leaflet';
import type { Geometry, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { clipToLatitude, graticule, wrapGeometry } from '../geo';
import { toLatLng, toLatLngExact } from './coords';
import { POLAR_MIN_LAT, type MapProjection } from './projection';
import { safeCanvas } from './safeCanvas';

export const LAND_STYLE: L.PathOptions = {
  stroke: true,
  color: '#9aa79a', // coastline
  weight: 0.6,
  fillColor: '#eef0e6',
  fillOpacity: 1,
  // One path of many rings (a world copy): even-odd, Leaflet's default, would cancel
  // where rings overlap and leave whole continents of the 1:50m land unfilled. Lakes are holes
  // wound the other way, so nonzero keeps them.
  fillRule: 'nonzero',
  interactive: false,
};

export const BORDER_STYLE: L.PolylineOptions = {
  color: '#b9a9b9',
  weight: 0.8,
  interactive: false,
};

/** The world is drawn three times (shifted by -360°, 0, +360°), so the Pacific has both shores. */
const WORLD_COPIES = [-360, 0, 360];

const lineToLatLngs = (line: Position[], by: number) => line.map((p) => toLatLng([p[0]! + by, p[1]!]));

/** Each ring's vertices as the map's CRS puts them at zoom 0 (x, y, x, y, …). */
const atZoomZero = new WeakMap<readonly L.LatLng[], Float64Array>();

/**
 * Leaflet's Polyline._projectLatlngs, made cheap: Leaflet projects every vertex of a path through
 * its CRS (a sine and a logarithm each) whenever the zoom changes or a world copy is added, which
 * for the 1:50m land held up the end of every flight of the tour. A CRS's point at zoom z is its
 * point at zoom 0 times scale(z) / scale(0) (Leaflet's Transformation is linear in the scale), so
 * each ring is projected once, at zoom 0, and then scaled; rounded and shifted by the pixel origin
 * as latLngToLayerPoint does. For Web Mercator the scales are powers of two: the same pixels.
 */
export function projectScaled(
  this: { _map: L.Map },
  latlngs: readonly unknown[],
  result: L.Point[][],
  bounds: L.Bounds,
): void {
  if (!(latlngs[0] instanceof L.LatLng)) {
    for (const inner of latlngs) projectScaled.call(this, inner as readonly unknown[], result, bounds);
    return;
  }
  const map = this._map;
  const crs = map.options.crs ?? L.CRS.EPSG3857;
  const ring = latlngs as readonly L.LatLng[];
  let zero = atZoomZero.get(ring);
  if (!zero) {
    zero = new Float64Array(ring.length * 2);
    for (let i = 0; i < ring.length; i++) {
      const p = crs.latLngToPoint(ring[i]!, 0);
      zero[2 * i] = p.x;
      zero[2 * i + 1] = p.y;
    }
    atZoomZero.set(ring, zero);
  }
  const k = crs.scale(map.getZoom()) / crs.scale(0);
  const origin = map.getPixelOrigin();
  const points: L.Point[] = new Array<L.Point>(ring.length);
  for (let i = 0; i < ring.length; i++) {
    const point = L.point(
      Math.round(zero[2 * i]! * k) - origin.x,
      Math.round(zero[2 * i + 1]! * k) - origin.y,
    );
    points[i] = point;
    bounds.extend(point);
  }
  result.push(points);
}

/** The land and the borders of a world copy: paths whose vertices are projected once (projectScaled). */
const ScaledPolygon = L.Polygon.extend({ _projectLatlngs: projectScaled }) as unknown as typeof L.Polygon;
const ScaledPolyline = L.Polyline.extend({ _projectLatlngs: projectScaled }) as unknown as typeof L.Polyline;

/**
 * Builds the land and border layers of a world-atlas countries topology (objects.land and the
 * shared arcs of objects.countries), with shapes across ±180° unwrapped.
 */
export function createBasemapLayer(
  topology: Topology,
  renderer: L.Renderer,
  projection: MapProjection = 'mercator',
): L.Layer {
  if (projection === 'polar') return createPolarBasemapLayer(topology, renderer);
  const land = topology.objects.land as GeometryCollection | undefined;
  const countries = topology.objects.countries as GeometryCollection | undefined;
  const polygons = land
    ? feature(topology, land).features.flatMap((f) => wrapGeometry(f.geometry as Geometry).polygons)
    : [];
  const lines = countries ? wrapGeometry(mesh(topology, countries, (a, b) => a !== b)).lines : [];
  // The borders on a canvas of their own above the land's, so that a copy of the land added as
  // the map moves is never drawn over the borders of another.
  const borders = safeCanvas({ pane: renderer.options.pane, padding: renderer.options.padding });
  return new WorldCopies(
    WORLD_COPIES.map((by) => ({
      by,
      layers: [
        ...(polygons.length
          ? [
              new ScaledPolygon(
                polygons.map((rings) => rings.map((r) => lineToLatLngs(r, by))),
                { ...LAND_STYLE, renderer },
              ),
            ]
          : []),
        ...(lines.length
          ? [
              new ScaledPolyline(
                lines.map((line) => lineToLatLngs(line, by)),
                { ...BORDER_STYLE, renderer: borders },
              ),
            ]
          : []),
      ],
    })),
  );
}

/**
 * The world's copies, each on the map only while the view (widened by its own width each side)
 * reaches it: Leaflet projects every vertex of every path on the map at each zoom, and away from
 * ±180° one copy of the 1:50m world is all that shows, not three.
 */
class WorldCopies extends L.Layer {
  private readonly shown = new Set<number>();

  constructor(private readonly copies: readonly { by: number; layers: readonly L.Path[] }[]) {
    super();
  }

  override onAdd(map: L.Map): this {
    map.on('moveend', this.cull, this);
    this.cull();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend', this.cull, this);
    for (const c of this.copies) for (const l of c.layers) l.remove();
    this.shown.clear();
    return this;
  }

  private cull() {
    const map = this._map;
    if (!map) return;
    const b = map.getBounds();
    const span = Math.min(360, b.getEast() - b.getWest());
    const [west, east] = [b.getWest() - span, b.getEast() + span];
    const wanted = this.copies.filter((c) => c.by + 180 >= west && c.by - 180 <= east);
    // Land first, then borders: each kind draws on its own canvas in the order it is added.
    for (const c of this.copies) {
      if (!wanted.includes(c) && this.shown.has(c.by)) {
        for (const l of c.layers) l.remove();
        this.shown.delete(c.by);
      }
    }
    for (const c of wanted) {
      if (this.shown.has(c.by)) continue;
      for (const l of c.layers) l.addTo(map);
      this.shown.add(c.by);
    }
  }
}

export const GRATICULE_STYLE: L.PolylineOptions = {
  color: '#9a9a9a',
  weight: 0.5,
  opacity: 0.7,
  interactive: false,
};

const toExact = (line: Position[]) => line.map(toLatLngExact);

/**
 * The polar basemap: land and borders clipped to the northern hemisphere (rings round the South
 * Pole would come out inside-out), drawn once (no seam, no copies), and a graticule.
 */
function createPolarBasemapLayer(topology: Topology, renderer: L.Renderer): L.LayerGroup {
  const land = topology.objects.land as GeometryCollection | undefined;
  const countries = topology.objects.countries as GeometryCollection | undefined;
  const group = L.layerGroup();
  if (land) {
    const polygons = feature(topology, land).features.flatMap(
      (f) => clipToLatitude(f.geometry, POLAR_MIN_LAT).polygons,
    );
    group.addLayer(
      L.polygon(
        polygons.map((rings) => rings.map(toExact)),
        { ...LAND_STYLE, renderer },
      ),
    );
  }
  if (countries) {
    const lines = clipToLatitude(
      mesh(topology, countries, (a, b) => a !== b),
      POLAR_MIN_LAT,
    ).lines;
    group.addLayer(L.polyline(lines.map(toExact), { ...BORDER_STYLE, renderer }));
  }
  group.addLayer(L.polyline(graticule(POLAR_MIN_LAT).map(toExact), { ...GRATICULE_STYLE, renderer }));
  return group;
}
