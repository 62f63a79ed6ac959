/**
 * Area names for the map's labels: countries (world-atlas carries each country's name) at the
 * point of their largest polygon farthest from its edges, and oceans and seas from
 * data/geo/seas.csv. Both come after every place in the label chooser.
 */
import type { Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { SeaLabel } from '../../core';
import { areaLabelPoint } from '../../geo';

/** A name written over an area of the map rather than beside a marker. */
export interface AreaLabel {
  id: string;
  name: string;
  kind: 'country' | 'sea';
  /** [lon, lat] */
  position: Position;
  /** Shown from this Mercator zoom up to maxZoom. */
  minZoom: number;
  maxZoom: number;
  /** The area's extent in Mercator degrees: a name wider than its country is not written. */
  width: number;
  /** Larger first, among area labels. */
  size: number;
}

/** Countries are named at world and continent zooms. */
const COUNTRY_MIN_ZOOM = 1;
const COUNTRY_MAX_ZOOM = 6;

/** Each topology's labels, worked out once: placing them takes most of a second, and every map (a newsletter opened, a tour slide) asks again. */
const labelsOf = new WeakMap<Topology, AreaLabel[]>();

/** The countries of a world-atlas topology (objects.countries, properties.name), one label each. */
export function countryLabels(topology: Topology): AreaLabel[] {
  let labels = labelsOf.get(topology);
  if (!labels) labelsOf.set(topology, (labels = placeCountryLabels(topology)));
  return labels;
}

function placeCountryLabels(topology: Topology): AreaLabel[] {
  const countries = topology.objects.countries as GeometryCollection<{ name?: string }> | undefined;
  if (!countries) return [];
  const out: AreaLabel[] = [];
  feature(topology, countries).features.forEach((f, i) => {
    const name = f.properties?.name;
    const g = f.geometry;
    if (!name || !g) return;
    const polygons: Position[][][] =
      g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    const at = areaLabelPoint(polygons);
    if (!at) return;
    out.push({
      id: `country-${f.id ?? i}`,
      name,
      kind: 'country',
      position: at.point,
      minZoom: COUNTRY_MIN_ZOOM,
      maxZoom: COUNTRY_MAX_ZOOM,
      width: at.width,
      size: at.area,
    });
  });
  return out;
}

/** Sea and ocean labels of data/geo/seas.csv; oceans (shown from farther out) count as larger. */
export function seaLabels(seas: readonly SeaLabel[]): AreaLabel[] {
  return seas.map((s) => ({
    id: `sea-${s.id}`,
    name: s.name,
    kind: 'sea',
    position: [s.lon, s.lat],
    minZoom: s.minZoom,
    maxZoom: s.maxZoom,
    width: Infinity,
    size: 1e6 / (1 + s.minZoom),
  }));
}
