/**
 * The story list's window (issue 14, "Scale"): a 1 MB newsletter has thousands of stories, and
 * only the rows on screen (and a margin round them) are in the page. Rows have measured heights
 * (their chips wrap), estimated until they have been drawn once; these pure helpers lay the rows
 * out and pick the ones that cross the view.
 */

/** Where each row starts (offsets[i], in px from the list's top) and the list's whole height. */
export interface RowLayout {
  offsets: Float64Array;
  total: number;
}

/** Lays out `count` rows one under the other, row i `height(i)` px tall. */
export function layoutRows(count: number, height: (i: number) => number): RowLayout {
  const offsets = new Float64Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    offsets[i] = at;
    at += height(i);
  }
  return { offsets, total: at };
}

/**
 * The rows [start, end) that cross [top - margin, bottom + margin] (px from the list's top): the
 * first row whose bottom is below the top, by binary search, then on to the first row that starts
 * below the bottom. Empty (start === end) when the list has no rows.
 */
export function rowsInView(
  layout: RowLayout,
  top: number,
  bottom: number,
  margin: number,
): { start: number; end: number } {
  const { offsets, total } = layout;
  const n = offsets.length;
  const from = top - margin;
  const to = bottom + margin;
  // The last row starting at or above `from` (its bottom is below `from`, or it is the last).
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const rowEnd = mid + 1 < n ? offsets[mid + 1]! : total;
    if (rowEnd <= from) lo = mid + 1;
    else hi = mid;
  }
  const start = Math.min(lo, n);
  let end = start;
  while (end < n && offsets[end]! < to) end++;
  return { start, end };
}

/** A row's height before it is drawn: a title line, its chips (about four to a line), the count. */
export function estimateRowHeight(chips: number): number {
  return 76 + 22 * Math.ceil(chips / 4);
}
