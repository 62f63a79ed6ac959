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

const ringsToLatLngs = (rings: Position[][]) => rings.map((ring) => ring.map(toLatLng));

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
    const polygons = geometries.flatMap((g) => wrapGeometry(g).polygons).map(ringsToLatLngs);
    group.addLayer(L.polygon(polygons, { ...LAND_STYLE, renderer }));
  }
  if (countries) {
    const borders = mesh(topology, countries, (a, b) => a !== b);
    const lines = wrapGeometry(borders).lines.map((line) => line.map(toLatLng));
    group.addLayer(L.polyline(lines, { ...BORDER_STYLE, renderer }));
  }
  return group;
}
