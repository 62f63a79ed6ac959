/**
 * Paths for drawing lines and rings into a rectangle (a map tile): the vertices in Web Mercator
 * world units, kept once in flat arrays with each line's box, and traced into the rectangle's
 * pixels with only what can show there.
 *
 * Two things are left out, and neither changes a pixel inside the rectangle:
 * - a line whose box (shifted a world either way) misses the rectangle;
 * - vertices in a run that lies wholly beyond one side of the rectangle (widened by `pad`).
 *   Such a run is replaced by a straight line from its first vertex to its last. That line stays
 *   beyond the same side, because a half-plane is convex. The area between the run and the line
 *   lies beyond that side too, so a fill inside the rectangle winds the same either way.
 *
 * A vertex inside the rectangle that is less than `tolerance` pixels from the last one drawn is
 * dropped too, so no drawn line moves by more than that.
 */
import type { Position } from 'geojson';
import { mercatorY } from './labelPoint';

/** Lines (or rings) in Web Mercator world units: the world is 0..1 across and down. */
export interface WorldLines {
  /** x, y, x, y, … of every line, one after another. */
  coords: Float64Array;
  /** Line i's vertices are coords[2 * starts[i]] up to coords[2 * starts[i + 1]]. */
  starts: Uint32Array;
  /** minX, minY, maxX, maxY of each line. */
  boxes: Float64Array;
}

/** What a path is drawn with: CanvasRenderingContext2D or Path2D, or a recorder in tests. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
}

/** Where the rectangle lies: pixel = world unit × scale − origin; its size; the margin kept. */
export interface PixelRect {
  originX: number;
  originY: number;
  /** Pixels per world unit (256 × 2^zoom for a 256-pixel tile). */
  scale: number;
  width: number;
  height: number;
  /** Beyond the rectangle this far, lines are no longer drawn as they run (half a stroke or more). */
  pad: number;
  /** Pixels: vertices closer than this to the last one drawn are dropped. */
  tolerance: number;
}

/** [lon, lat] → Web Mercator world units, latitude clamped to the Mercator limit. */
export const worldX = (lon: number) => (lon + 180) / 360;
export const worldY = (lat: number) => 0.5 - mercatorY(lat) / 360;

/** Lines of [lon, lat] positions (longitudes may pass ±180°), in world units with their boxes. */
export function worldLines(lines: readonly (readonly Position[])[]): WorldLines {
  let n = 0;
  for (const line of lines) n += line.length;
  const coords = new Float64Array(2 * n);
  const starts = new Uint32Array(lines.length + 1);
  const boxes = new Float64Array(4 * lines.length);
  let at = 0;
  lines.forEach((line, i) => {
    starts[i] = at;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of line) {
      const x = worldX(p[0]!);
      const y = worldY(p[1]!);
      coords[2 * at] = x;
      coords[2 * at + 1] = y;
      at++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    boxes.set([minX, minY, maxX, maxY], 4 * i);
  });
  starts[lines.length] = at;
  return { coords, starts, boxes };
}

const LEFT = 1;
const RIGHT = 2;
const ABOVE = 4;
const BELOW = 8;

/**
 * Traces the lines that reach the rectangle into `sink`, in its pixels, each on the world copy (or
 * copies) that reaches it; `closed`: rings (each closed), else open lines. Returns the number of
 * vertices drawn.
 */
export function traceLines(lines: WorldLines, rect: PixelRect, sink: PathSink, closed: boolean): number {
  const { coords, starts, boxes } = lines;
  const { originX, originY, scale, width, height, pad, tolerance } = rect;
  const [minX, minY, maxX, maxY] = [-pad, -pad, width + pad, height + pad];
  // The rectangle in world units, to test the lines' boxes against.
  const [wx0, wy0, wx1, wy1] = [
    (originX + minX) / scale,
    (originY + minY) / scale,
    (originX + maxX) / scale,
    (originY + maxY) / scale,
  ];
  const code = (x: number, y: number) =>
    (x < minX ? LEFT : x > maxX ? RIGHT : 0) | (y < minY ? ABOVE : y > maxY ? BELOW : 0);
  let drawn = 0;
  const count = starts.length - 1;
  for (const shift of [-1, 0, 1]) {
    for (let i = 0; i < count; i++) {
      const b = 4 * i;
      if (boxes[b]! + shift > wx1 || boxes[b + 2]! + shift < wx0) continue;
      if (boxes[b + 1]! > wy1 || boxes[b + 3]! < wy0) continue;
      const [from, to] = [starts[i]!, starts[i + 1]!];
      if (to - from < 2) continue;
      // The run since the last vertex drawn: the sides all of it lies beyond, and its last vertex.
      let run = 0;
      let pendingX = NaN;
      let pendingY = NaN;
      let lastX = 0;
      let lastY = 0;
      for (let k = from; k < to; k++) {
        const x = (coords[2 * k]! + shift) * scale - originX;
        const y = coords[2 * k + 1]! * scale - originY;
        const c = code(x, y);
        if (k === from) {
          sink.moveTo(x, y);
          drawn++;
          run = c;
          lastX = x;
          lastY = y;
          continue;
        }
        if ((run & c) !== 0) {
          // Still beyond a side every vertex since the last drawn lies beyond.
          run &= c;
          pendingX = x;
          pendingY = y;
          continue;
        }
        if (!Number.isNaN(pendingX)) {
          sink.lineTo(pendingX, pendingY);
          drawn++;
          lastX = pendingX;
          lastY = pendingY;
          pendingX = NaN;
        }
        if (c === 0 && k < to - 1 && Math.abs(x - lastX) + Math.abs(y - lastY) < tolerance) {
          run = 0;
          continue;
        }
        sink.lineTo(x, y);
        drawn++;
        run = c;
        lastX = x;
        lastY = y;
      }
      if (!Number.isNaN(pendingX)) {
        sink.lineTo(pendingX, pendingY);
        drawn++;
      }
      if (closed) sink.closePath();
    }
  }
  return drawn;
}
