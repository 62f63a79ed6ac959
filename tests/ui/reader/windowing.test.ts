/**
 * The story list's window (issue 14, "Scale"): rows laid out one under the other, and the rows
 * that cross the view (with a margin) picked by binary search, checked against a plain scan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateRowHeight, layoutRows, rowsInView } from '../../../src/ui/reader/windowing';

/** The rows a plain scan finds crossing [from, to]: each row's [top, bottom) overlapping it. */
function scan(heights: readonly number[], from: number, to: number): number[] {
  const out: number[] = [];
  let at = 0;
  heights.forEach((h, i) => {
    if (at + h > from && at < to) out.push(i);
    at += h;
  });
  return out;
}

describe('layoutRows', () => {
  it('places each row under the one before and sums the heights', () => {
    const { offsets, total } = layoutRows(4, (i) => [10, 30, 5, 20][i]!);
    expect([...offsets]).toEqual([0, 10, 40, 45]);
    expect(total).toBe(65);
  });

  it('lays out no rows as an empty list of height 0', () => {
    const { offsets, total } = layoutRows(0, () => 10);
    expect(offsets.length).toBe(0);
    expect(total).toBe(0);
  });
});

describe('rowsInView', () => {
  it('picks the rows that cross the view and its margin, and only those', () => {
    // 100 rows of 50 px: a view of 200 px at 1,000 px with 100 px of margin: 900 to 1,300 px.
    const layout = layoutRows(100, () => 50);
    expect(rowsInView(layout, 1000, 1200, 100)).toEqual({ start: 18, end: 26 });
  });

  it('starts at the first row at the top and ends with the last at the bottom', () => {
    const layout = layoutRows(10, () => 50);
    expect(rowsInView(layout, 0, 100, 0)).toEqual({ start: 0, end: 2 });
    expect(rowsInView(layout, 450, 10_000, 0)).toEqual({ start: 9, end: 10 });
    expect(rowsInView(layout, 10_000, 11_000, 0)).toEqual({ start: 10, end: 10 });
    expect(
      rowsInView(
        layoutRows(0, () => 50),
        0,
        800,
        600,
      ),
    ).toEqual({ start: 0, end: 0 });
  });

  it('gives a contiguous run of exactly the rows a plain scan finds (any heights, any view)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 0, max: 1_000 }),
        (heights, top, height, margin) => {
          const { start, end } = rowsInView(
            layoutRows(heights.length, (i) => heights[i]!),
            top,
            top + height,
            margin,
          );
          const found = Array.from({ length: end - start }, (_, k) => start + k);
          expect(found).toEqual(scan(heights, top - margin, top + height + margin));
        },
      ),
      { seed: 14, numRuns: 300 },
    );
  });
});

describe('estimateRowHeight', () => {
  it('grows with the chips a row has, a line for about every four', () => {
    expect(estimateRowHeight(0)).toBeLessThan(estimateRowHeight(1));
    expect(estimateRowHeight(1)).toBe(estimateRowHeight(4));
    expect(estimateRowHeight(5)).toBeGreaterThan(estimateRowHeight(4));
  });
});
