/** The offline basemap: world-atlas land and country borders, drawn on a canvas, not interactive. */
import L from 'leaflet';
import type { Geometry, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { wrapGeometry } from '../geo';
import { toLatLng } from './coords';

export const LAND_STYLE: L.PathOptions = {
  stroke: true,
  color: '#9aa79a', // coastline
  weight: 0.6,
  fillColor: '#eef0e6',
  fillOpacity: 1,
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

/**
 * Builds the land and border layers of a world-atlas countries topology (objects.land and the
 * shared arcs of objects.countries), with shapes across ±180° unwrapped.
 */
export function createBasemapLayer(topology: Topology, renderer: L.Renderer): L.LayerGroup {
  const land = topology.objects.land as GeometryCollection | undefined;
  const countries = topology.objects.countries as GeometryCollection | undefined;
  const group = L.layerGroup();
  if (land) {
    const geometries: Geometry[] = feature(topology, land).features.map((f) => f.geometry);
    const polygons = geometries.flatMap((g) => wrapGeometry(g).polygons);
    const copies = WORLD_COPIES.flatMap((by) =>
      polygons.map((rings) => rings.map((r) => lineToLatLngs(r, by))),
    );
    group.addLayer(L.polygon(copies, { ...LAND_STYLE, renderer }));
  }
  if (countries) {
    const borders = mesh(topology, countries, (a, b) => a !== b);
    const lines = wrapGeometry(borders).lines;
    const copies = WORLD_COPIES.flatMap((by) => lines.map((line) => lineToLatLngs(line, by)));
    group.addLayer(L.polyline(copies, { ...BORDER_STYLE, renderer }));
  }
  return group;
}
