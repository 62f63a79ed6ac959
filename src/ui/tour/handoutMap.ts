/**
 * The handout's small maps, drawn by d3-geo (which cuts and clips shapes in any projection, the
 * antimeridian and the map's edges included): an ordinary page is Web Mercator centred on its
 * places and fitted to them; a page that shows the flight (or only places Mercator cannot show,
 * the Pole) is a north-polar azimuthal equal-area map, oriented as the app's polar map
 * (EPSG:3575: 10°E straight down from the Pole), with routes as great circles. Pure: no DOM.
 */
import {
  geoAzimuthalEqualArea,
  geoMercator,
  geoPath,
  type GeoPermissibleObjects,
  type GeoProjection,
} from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint, Position } from 'geojson';
import { onMercator } from '../../geo';
// The chooser itself, not the map package's index (that brings Leaflet, which needs a window).
import { chooseLabels, type ChosenLabel, type LabelCandidate } from '../../map/labels/chooseLabels';

/** The map's size in SVG units (its viewBox): the shape of the printed map. */
export const HANDOUT_WIDTH = 800;
export const HANDOUT_HEIGHT = 500;
/** Room between the places and the map's edge. */
const PAD = 36;
/** The smallest span shown, in degrees of latitude: one city (or a country's centre) shows its region. */
const MIN_SPAN = 16;
/** The polar map shows the north down to this latitude (as the app's polar map). */
const POLAR_EDGE_LAT = 10;
/** The central meridian of the app's polar map (EPSG:3575), pointing down from the Pole. */
const POLAR_LON0 = 10;

export type HandoutProjection = 'mercator' | 'polar';

export interface HandoutMapInput {
  /** [lon, lat] points of the slide's places. */
  points: readonly Position[];
  /** Show the slide as the polar map shows it (it shows the flight). */
  polar: boolean;
  /** Land as GeoJSON (world-atlas land), or null while it loads. */
  land: FeatureCollection | Feature | Geometry | null;
  /** Routes to draw, each its waypoints in order, drawn as great circles between them. */
  routes: readonly (readonly Position[])[];
  /** The places' names with their points, most important first (the slide's text order). */
  names?: readonly { text: string; point: Position }[];
}

export interface HandoutMapDrawing {
  projection: HandoutProjection;
  /** SVG path data, in the viewBox 0 0 HANDOUT_WIDTH HANDOUT_HEIGHT. */
  land: string;
  routes: string[];
  /** The places' dots, those inside the map. */
  dots: [number, number][];
  /** Which way north is at the map's centre, degrees clockwise from up (0 on Mercator). */
  north: number;
  /** The places' names placed beside their dots, none overlapping another or a dot. */
  labels: ChosenLabel[];
}

/** Print sizes, in viewBox units (800 units span the printed map's width). */
export const HANDOUT_LABEL_SIZE = 22;
export const HANDOUT_DOT_RADIUS = 6;
/** An average character's width for the labels' font, as a share of its size (measured: no DOM). */
const CHAR_WIDTH = 0.58;
/** The north arrow's corner (top right), kept free of labels. */
const NORTH_BOX = { minX: HANDOUT_WIDTH - 80, minY: 0, maxX: HANDOUT_WIDTH, maxY: 96 };

/** The names beside their dots, chosen by the map's own label chooser. */
function placeNames(
  names: readonly { text: string; xy: [number, number] }[],
  dots: readonly [number, number][],
): ChosenLabel[] {
  const r = HANDOUT_DOT_RADIUS;
  const candidates: LabelCandidate[] = names.map((n, i) => ({
    id: String(i),
    text: n.text,
    priority: i,
    x: n.xy[0],
    y: n.xy[1],
    width: n.text.length * HANDOUT_LABEL_SIZE * CHAR_WIDTH,
    height: HANDOUT_LABEL_SIZE * 1.2,
    radius: r,
  }));
  const markers = [
    ...dots.map(([x, y]) => ({ minX: x - r, minY: y - r, maxX: x + r, maxY: y + r })),
    NORTH_BOX,
  ];
  return chooseLabels(candidates, markers, {
    bounds: { minX: 4, minY: 4, maxX: HANDOUT_WIDTH - 4, maxY: HANDOUT_HEIGHT - 4 },
    gap: 4,
  });
}

const toRad = Math.PI / 180;

/** The circular mean of longitudes (a span across ±180° centres on the Pacific, not on 0°). */
function meanLongitude(points: readonly Position[]): number {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += Math.cos(p[0]! * toRad);
    y += Math.sin(p[0]! * toRad);
  }
  return x === 0 && y === 0 ? 0 : Math.atan2(y, x) / toRad;
}

/** The points and, round their middle, a box MIN_SPAN high: what the map must show. */
function fitTarget(points: readonly Position[], lon0: number): MultiPoint {
  const lats = points.map((p) => p[1]!);
  const south = Math.min(...lats);
  const north = Math.max(...lats);
  const mid = (south + north) / 2;
  const half = MIN_SPAN / 2;
  const k = Math.max(0.2, Math.cos(mid * toRad));
  const box: Position[] = [
    [lon0 - half / k, Math.max(-89, mid - half)],
    [lon0 + half / k, Math.min(89, mid + half)],
  ];
  return { type: 'MultiPoint', coordinates: [...points, ...box] };
}

/** Clockwise angle from up of the screen direction of north at the map's centre. */
function northAt(projection: GeoProjection): number {
  const centre = projection.invert?.([HANDOUT_WIDTH / 2, HANDOUT_HEIGHT / 2]);
  if (!centre) return 0;
  const a = projection(centre);
  const b = projection([centre[0], Math.min(89.9, centre[1] + 0.5)]);
  if (!a || !b) return 0;
  return Math.atan2(b[0] - a[0], -(b[1] - a[1])) / toRad;
}

/** Draws one slide's map: the projection chosen for it, fitted to its places. */
export function handoutMap(input: HandoutMapInput): HandoutMapDrawing {
  const mercatorPoints = input.points.filter(onMercator);
  const polar = input.polar || mercatorPoints.length === 0;
  const extent: [[number, number], [number, number]] = [
    [PAD, PAD],
    [HANDOUT_WIDTH - PAD, HANDOUT_HEIGHT - PAD],
  ];
  let projection: GeoProjection;
  if (polar) {
    const shown = input.points.filter((p) => p[1]! >= POLAR_EDGE_LAT);
    const target = shown.length ? shown : [[POLAR_LON0, 90]];
    projection = geoAzimuthalEqualArea()
      .rotate([-POLAR_LON0, -90])
      .clipAngle(90 - POLAR_EDGE_LAT)
      .fitExtent(extent, fitTarget(target, meanLongitude(target)));
  } else {
    const lon0 = meanLongitude(mercatorPoints);
    projection = geoMercator()
      .rotate([-lon0, 0])
      .fitExtent(extent, fitTarget(mercatorPoints, lon0) as GeoPermissibleObjects);
  }
  // Clipped to the map's box: shapes off the page are cut away, not carried in the file.
  projection.clipExtent([
    [0, 0],
    [HANDOUT_WIDTH, HANDOUT_HEIGHT],
  ]);
  const path = geoPath(projection).digits(1);
  const inside = (xy: [number, number] | null): xy is [number, number] =>
    xy !== null && xy[0] >= 0 && xy[0] <= HANDOUT_WIDTH && xy[1] >= 0 && xy[1] <= HANDOUT_HEIGHT;
  const shows = (p: Position) => (polar ? p[1]! >= POLAR_EDGE_LAT : onMercator(p));
  const dots = input.points
    .filter(shows)
    .map((p) => projection([p[0]!, p[1]!]))
    .filter(inside);
  // One name a place, at the first of its points the map shows.
  const named = (input.names ?? []).flatMap((n) => {
    const xy = shows(n.point) ? projection([n.point[0]!, n.point[1]!]) : null;
    return inside(xy) ? [{ text: n.text, xy }] : [];
  });
  return {
    projection: polar ? 'polar' : 'mercator',
    land: input.land ? (path(input.land) ?? '') : '',
    routes: input.routes
      .filter((r) => r.length > 1)
      .map((r) => path({ type: 'LineString', coordinates: r.map((p) => [p[0]!, p[1]!]) }) ?? ''),
    dots,
    north: polar ? northAt(projection) : 0,
    labels: placeNames(named, dots),
  };
}
