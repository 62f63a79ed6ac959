/**
 * Routes as SVG polylines (distinct colour and dash pattern, so not told apart by colour alone),
 * each path named for assistive technology: role="img", aria-label="Route: <name>". On Mercator a
 * route is cut where it leaves the drawable latitudes (over the Pole) and drawn in pieces: never
 * pulled along the map's edge (PolarCutMarks marks the cuts).
 */
import L from 'leaflet';
import type { Position } from 'geojson';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { cutAtLatitude, MERCATOR_LIMIT } from '../geo';
import { toLatLngExact } from './coords';
import type { MapProjection } from './projection';

export interface MapRoute {
  id: string;
  name: string;
  /** Planar lines ([lon, lat]): the path, then copies shifted by ∓360° (see geo/antimeridian). */
  lines: Position[][];
  /** The same path as one line, not unwrapped and with no copies: for the polar map. */
  points: Position[];
  /** Colour and dash pattern: fixed per route (see routeStyle), so hiding one changes no other. */
  style: { color: string; dashArray: string };
  /** Its waypoints in order, each with its source (and the curator's note), for the legend. */
  waypoints: readonly { name: string; source: string; note: string }[];
}

/** Colour and dash pattern per route, by position in the list. */
export const ROUTE_STYLES: readonly { color: string; dashArray: string }[] = [
  { color: '#b33c1f', dashArray: '' }, // solid
  { color: '#1f5fa8', dashArray: '10 7' }, // dashed
  { color: '#6a3d9a', dashArray: '2 6' }, // dotted
  { color: '#2c7a3f', dashArray: '14 5 3 5' }, // dash-dot
  { color: '#8a5a00', dashArray: '6 3' },
];

export const routeStyle = (i: number) => ROUTE_STYLES[i % ROUTE_STYLES.length]!;

export function RouteLayer({
  routes,
  projection = 'mercator',
}: {
  routes: readonly MapRoute[];
  projection?: MapProjection;
}) {
  const map = useMap();
  const groupRef = useRef<L.LayerGroup | null>(null);
  const rendererRef = useRef<L.SVG | null>(null);

  // Create once: an SVG renderer of its own (paths are DOM elements that can carry a name).
  useEffect(() => {
    rendererRef.current = L.svg({ padding: 0.5 });
    const group = L.layerGroup().addTo(map);
    groupRef.current = group;
    return () => {
      group.remove();
      groupRef.current = null;
    };
  }, [map]);

  // Update when the routes change.
  useEffect(() => {
    const group = groupRef.current;
    const renderer = rendererRef.current;
    if (!group || !renderer) return;
    group.clearLayers();
    routes.forEach((route) => {
      const { color, dashArray } = route.style;
      // The polar map has no seam at ±180° and shows the Pole: the path once, latitudes as they are.
      const polar = projection === 'polar';
      // Mercator: each copy cut at the drawable latitudes, latitudes as they are (no clamping).
      const lines = polar ? [route.points] : cutAtLatitude(route.lines, MERCATOR_LIMIT).pieces;
      lines.forEach((line, piece) => {
        const polyline = L.polyline(line.map(toLatLngExact), {
          color,
          dashArray,
          weight: 3,
          opacity: 0.9,
          interactive: false,
          className: `route-line route-${route.id}`,
          renderer,
        });
        polyline.on('add', () => {
          const path = polyline.getElement();
          if (!path) return;
          if (piece === 0) {
            path.setAttribute('role', 'img');
            path.setAttribute('aria-label', `Route: ${route.name}`);
          } else {
            // Its other pieces and the copy beyond ±180° are the same route: name it once.
            path.setAttribute('aria-hidden', 'true');
          }
        });
        group.addLayer(polyline);
      });
    });
  }, [routes, projection]);

  return null;
}
