/** Where the build places a country or a US state or county: the centre of its largest polygon. */
import { geoArea, geoCentroid } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type Shape = Feature<Polygon | MultiPolygon, { name: string }>;

/** [lat, lon] of the centre of a shape's largest polygon (a country's mainland, not its islands). */
export function centre(shape: Shape): [number, number] {
  const g = shape.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best = polygons[0]!;
  let bestArea = -1;
  for (const coordinates of polygons) {
    // A ring wound the other way encloses the rest of the globe: its area is the sphere's less its own.
    const spherical = geoArea({ type: 'Polygon', coordinates });
    const area = Math.min(spherical, 4 * Math.PI - spherical);
    if (area > bestArea) [best, bestArea] = [coordinates, area];
  }
  const [lon, lat] = geoCentroid({ type: 'Polygon', coordinates: best });
  return [lat, lon];
}
