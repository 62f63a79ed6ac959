import type { ReactNode } from 'react';

/** A stretch of `text` [from, to) with the given ranges rendered by `render`, the rest as plain text. */
export function highlight<R extends { start: number; end: number }>(
  text: string,
  from: number,
  to: number,
  ranges: readonly R[],
  render: (piece: string, index: number, range: R) => ReactNode,
): ReactNode[] {
  const out: ReactNode[] = [];
  let at = from;
  ranges
    .filter((r) => r.start >= from && r.end <= to)
    .sort((a, b) => a.start - b.start)
    .forEach((r, i) => {
      if (r.start < at) return; // overlapping ranges: keep the first
      if (r.start > at) out.push(text.slice(at, r.start));
      out.push(render(text.slice(r.start, r.end), i, r));
      at = r.end;
    });
  if (at < to) out.push(text.slice(at, to));
  return out;
}
