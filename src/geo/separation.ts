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
  // Only pairs closer than minPx matter: sorted by x, each point is compared with those after it
  // while their x differs by less than the closest distance yet (a sweep, not every pair: a large
  // newsletter puts thousands of places in view).
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  let closest = minPx;
  for (let i = 0; i < sorted.length; i++) {
    const [xi, yi] = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const [xj, yj] = sorted[j]!;
      if (xj - xi >= closest) break;
      const d = Math.hypot(xi - xj, yi - yj);
      if (d < closest) closest = d;
    }
  }
  if (!Number.isFinite(closest) || closest >= minPx) return zoom;
  if (closest < 1e-9) return Infinity;
  return zoom + Math.log2(minPx / closest);
}
