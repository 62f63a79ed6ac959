/**
 * The offline basemap: world-atlas land and country borders, not interactive: drawn in canvas tiles
 * on the Mercator map, on one canvas on the polar map.
 */
import L from 'leaflet';
import type { Geometry, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { clipToLatitude, graticule, traceLines, worldLines, wrapGeometry, type WorldLines } from '../geo';
import { toLatLngExact } from './coords';
import { POLAR_MIN_LAT, type MapProjection } from './projection';

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

/** Tiles are drawn for no longer than this in one task (then the rest in the next). */
const TILE_BUDGET_MS = 8;
const TILE_SIZE = 256;
/** Pixels beyond a tile within which lines are drawn as they run: more than a stroke's width. */
const TILE_PAD = 4;
/** Pixels: a vertex closer than this to the last one drawn is left out (Leaflet's smoothFactor 1 simplifies by as much). */
const TILE_TOLERANCE = 0.5;

interface PendingTile {
  canvas: HTMLCanvasElement;
  coords: L.Coords;
  done: L.DoneCallback;
}

/**
 * The Mercator basemap as canvas tiles. Drawn as one canvas path (Leaflet's canvas renderer), the
 * land was drawn again whole at the end of every move, in one task: for the 1:50m world on a slow
 * laptop a few hundred milliseconds in which no click, key or slide could be painted. Tiles are
 * drawn a few at a time, each task short; a tile once drawn is kept while it is near the view; and
 * until a zoom's tiles are drawn, Leaflet shows the last zoom's, scaled. Each tile draws the land
 * (one path, filled nonzero) and then the borders over it, from vertices in world units kept once
 * (geo worldLines), only the lines that reach it (geo traceLines). The map wraps the tiles round
 * the world, so one copy of the world is kept: a tile draws the lines that pass ±180° shifted.
 */
class BasemapTiles extends L.GridLayer {
  private readonly pending: PendingTile[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly land: WorldLines,
    private readonly borders: WorldLines,
    options: L.GridLayerOptions,
  ) {
    super(options);
  }

  override createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
    const canvas = L.DomUtil.create('canvas', 'leaflet-tile basemap-tile');
    const ratio = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
    canvas.width = canvas.height = Math.round(TILE_SIZE * ratio);
    this.pending.push({ canvas, coords, done });
    this.timer ??= setTimeout(() => this.drawSome(), 0);
    return canvas;
  }

  override onRemove(map: L.Map): this {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.length = 0;
    return super.onRemove(map);
  }

  /** Draws the tiles in the order asked for (Leaflet asks from the view's centre out) until the budget is spent. */
  private drawSome() {
    this.timer = undefined;
    const t0 = performance.now();
    while (this.pending.length && performance.now() - t0 < TILE_BUDGET_MS) {
      const tile = this.pending.shift()!;
      // A tile the view left before it was drawn is not drawn.
      if (!tile.canvas.isConnected) continue;
      this.draw(tile);
      tile.done(undefined, tile.canvas);
    }
    if (this.pending.length) this.timer = setTimeout(() => this.drawSome(), 0);
  }

  private draw({ canvas, coords }: PendingTile) {
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const ratio = canvas.width / TILE_SIZE;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const rect = {
      originX: coords.x * TILE_SIZE,
      originY: coords.y * TILE_SIZE,
      scale: TILE_SIZE * 2 ** coords.z,
      width: TILE_SIZE,
      height: TILE_SIZE,
      pad: TILE_PAD,
      tolerance: TILE_TOLERANCE,
    };
    ctx.lineJoin = ctx.lineCap = 'round';
    ctx.beginPath();
    if (traceLines(this.land, rect, ctx, true)) {
      ctx.fillStyle = LAND_STYLE.fillColor!;
      ctx.fill(LAND_STYLE.fillRule as CanvasFillRule);
      ctx.strokeStyle = LAND_STYLE.color!;
      ctx.lineWidth = LAND_STYLE.weight!;
      ctx.stroke();
    }
    ctx.beginPath();
    if (traceLines(this.borders, rect, ctx, false)) {
      ctx.strokeStyle = BORDER_STYLE.color!;
      ctx.lineWidth = BORDER_STYLE.weight!;
      ctx.stroke();
    }
  }
}

/**
 * Builds the basemap of a world-atlas countries topology: land (objects.land) and the borders
 * (the shared arcs of objects.countries), with shapes across ±180° unwrapped. The Mercator map
 * draws them as tiles in the renderer's pane; the polar map on the renderer.
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
  return new BasemapTiles(worldLines(polygons.flat()), worldLines(lines), {
    pane: renderer.options.pane,
    tileSize: TILE_SIZE,
    // Tiles are drawn for the zoom a move ends at, not for each zoom a flight passes.
    updateWhenZooming: false,
    className: 'basemap-tiles',
  });
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
