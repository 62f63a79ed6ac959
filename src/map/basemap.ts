/** The offline basemap: world-atlas land and country borders, drawn on a canvas, not interactive. */
import L from 'leaflet';
import type { Geometry, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { clipToLatitude, graticule, wrapGeometry } from '../geo';
import { toLatLng, toLatLngExact } from './coords';
import { POLAR_MIN_LAT, type MapProjection } from './projection';

export const LAND_STYLE: L.PathOptions = {
  stroke: true,
  color: '#9aa79a', // coastline
  weight: 0.6,
  fillColor: '#eef0e6',
  fillOpacity: 1,
  // One path of many rings (and three world copies): even-odd, Leaflet's default, would cancel
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

/**
 * Builds the land and border layers of a world-atlas countries topology (objects.land and the
 * shared arcs of objects.countries), with shapes across ±180° unwrapped.
 */
export function createBasemapLayer(
  topology: Topology,
  renderer: L.Renderer,
  projection: MapProjection = 'mercator',
): L.LayerGroup {
  if (projection === 'polar') return createPolarBasemapLayer(topology, renderer);
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
