/**
 * Web Mercator cannot show the poles: the app's Mercator map, its routes and the handout's
 * Mercator pages draw latitudes up to ±85° and no further (what lies beyond goes to the polar view).
 */
import type { Position } from 'geojson';

/** The Mercator maps' latitude limit, degrees. */
export const MERCATOR_LIMIT = 85;

/** True when a Mercator map can show the point ([lon, lat]). */
export const onMercator = (p: Position): boolean => Math.abs(p[1]!) <= MERCATOR_LIMIT;
