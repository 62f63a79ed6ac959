/**
 * How far a map must zoom in for points to stand apart: a web map doubles its scale each zoom
 * level, so points `d` pixels apart at zoom z are `d · 2^(z' - z)` apart at zoom z'. Pure: screen
 * pixels in, a zoom level out.
 */

/**
 * The zoom at which the closest two of `points` (pixels at zoom `zoom`) are `minPx` apart; `zoom`
 * itself when there are fewer than two or they are already that far apart. Points at the very
 * same spot never part by zooming: Infinity (the caller's own limit applies; a marker layer fans
 * them out at its last clustering level).
 *
 * @example zoomToSeparate([[0, 0], [12, 0]], 8, 48) // 10
 */
export function zoomToSeparate(
  points: readonly (readonly [number, number])[],
  zoom: number,
  minPx: number,
): number {
  let closest = Infinity;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const d = Math.hypot(points[i]![0] - points[j]![0], points[i]![1] - points[j]![1]);
      if (d < closest) closest = d;
    }
  }
  if (!Number.isFinite(closest) || closest >= minPx) return zoom;
  if (closest < 1e-9) return Infinity;
  return zoom + Math.log2(minPx / closest);
}
