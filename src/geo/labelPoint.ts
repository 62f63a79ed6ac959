/**
 * Where to write an area's name: the point of its largest polygon farthest from the polygon's
 * edges (its pole of inaccessibility, found by polylabel), measured in Web Mercator degrees so the
 * point looks central on the map. Pure: no DOM.
 */
import type { Position } from 'geojson';
import polylabel from 'polylabel';
import { MERCATOR_LIMIT } from './mercator';

/** Web Mercator y in degrees (x is the longitude), latitude clamped to the Mercator limit (±85°). */
export function mercatorY(lat: number): number {
  const phi = (Math.max(-MERCATOR_LIMIT, Math.min(MERCATOR_LIMIT, lat)) * Math.PI) / 180;
  return (Math.log(Math.tan(Math.PI / 4 + phi / 2)) * 180) / Math.PI;
}

const inverseMercatorY = (y: number) => (Math.atan(Math.sinh((y * Math.PI) / 180)) * 180) / Math.PI;

type Pt = [number, number];

/** How near the found point is to the farthest one, as a share of the polygon's extent. */
const PRECISION = 1 / 200;

/** Planar area of a ring (shoelace), absolute. */
function ringArea(ring: Pt[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  return Math.abs(s / 2);
}

export interface AreaLabelPoint {
  /** [lon, lat] of the label. */
  point: Position;
  /** The largest polygon's extent in Mercator degrees (width, height), to tell if a name fits. */
  width: number;
  height: number;
  /** The largest polygon's area in square Mercator degrees (larger areas are named first). */
  area: number;
}

/**
 * The label point of a set of polygons (GeoJSON Polygon / MultiPolygon coordinates as a list of
 * polygons of [lon, lat] rings), or null when there is none.
 */
export function areaLabelPoint(polygons: readonly Position[][][]): AreaLabelPoint | null {
  let rings: Pt[][] | null = null;
  let bestArea = -1;
  for (const polygon of polygons) {
    const projected = polygon.map((r) => r.map((p): Pt => [p[0]!, mercatorY(p[1]!)]));
    const outer = projected[0];
    if (!outer || outer.length < 3) continue;
    const area = ringArea(outer);
    if (area > bestArea) {
      bestArea = area;
      rings = projected;
    }
  }
  if (!rings) return null;
  const outer = rings[0]!;
  const xs = outer.map((p) => p[0]);
  const ys = outer.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const best = polylabel(rings, Math.max(maxX - minX, maxY - minY) * PRECISION);
  return {
    point: [best[0], inverseMercatorY(best[1])],
    width: maxX - minX,
    height: maxY - minY,
    area: bestArea,
  };
}
