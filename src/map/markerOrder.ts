/**
 * The order Tab moves through the map's markers: reading order (rows of the screen from top to
 * bottom, west to east within a row) or, with a story open, the story's text order (the place
 * mentioned first comes first; a cluster where its first-mentioned place is; markers the story
 * does not mention follow, in reading order). Pure: screen positions in, keys out.
 */

export interface OrderedMarker {
  key: string;
  /** Screen position of the marker's centre, in pixels. */
  x: number;
  y: number;
  /** The places the marker stands for (one, or a cluster's). */
  places: readonly string[];
}

/** Markers whose centres are less than this many pixels apart vertically share a row. */
export const ROW_HEIGHT = 40;

/**
 * Keys in reading order: rows by screen y (a row starts at its topmost marker and is
 * `rowHeight` tall), west to east within a row. With `textOrder` (place ids in the order the open
 * story mentions them), the story's places first in that order.
 */
export function markerOrder(
  markers: readonly OrderedMarker[],
  textOrder: readonly string[] = [],
  rowHeight = ROW_HEIGHT,
): string[] {
  const byY = [...markers].sort((a, b) => a.y - b.y || a.x - b.x || cmp(a.key, b.key));
  const row = new Map<string, number>();
  let rowTop = -Infinity;
  let n = -1;
  for (const m of byY) {
    if (m.y - rowTop >= rowHeight) {
      n++;
      rowTop = m.y;
    }
    row.set(m.key, n);
  }
  const reading = (a: OrderedMarker, b: OrderedMarker) =>
    row.get(a.key)! - row.get(b.key)! || a.x - b.x || cmp(a.key, b.key);

  const rankOf = new Map<string, number>();
  textOrder.forEach((id, i) => {
    if (!rankOf.has(id)) rankOf.set(id, i);
  });
  // Each marker's rank once (a cluster of a large newsletter stands for thousands of places), not
  // in every comparison of the sort.
  const rank = new Map<string, number>();
  for (const m of markers) {
    let r = Infinity;
    if (rankOf.size) for (const p of m.places) r = Math.min(r, rankOf.get(p) ?? Infinity);
    rank.set(m.key, r);
  }
  return [...markers]
    .sort((a, b) => {
      const ra = rank.get(a.key)!;
      const rb = rank.get(b.key)!;
      if (ra !== rb) return ra - rb;
      return reading(a, b);
    })
    .map((m) => m.key);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
