/**
 * Newsletter furniture: the "READ ALSO: …", "LEARN MORE: …" and "Read more" lines and tails that
 * link elsewhere in the e-mail and are no part of a story's text. Curated per newsletter in
 * data/newsletters/<name>.furniture.csv (line, text: the exact furniture text on that line), found
 * here as ranges of the newsletter text so the reader and the slides can show them as what they are.
 */
import { parseCsv, parseIntegerCell, requireCell } from './csv';
import { lineEnd, lineStarts } from './lines';
import { DataError } from './types';

/** A stretch [start, end) of the newsletter text. */
export interface TextRange {
  start: number;
  end: number;
}

/** A piece of a stretch of text: newsletter furniture or not, with its offsets [start, end). */
export interface TextPiece {
  text: string;
  furniture: boolean;
  start: number;
  end: number;
}

/**
 * Splits `text` [from, to) into pieces, cut wherever one of `ranges` (in any order) starts or
 * ends; a piece is furniture if a range covers it. Empty when `from >= to`.
 *
 * @example splitByRanges('ab READ ALSO', 0, 12, [{ start: 3, end: 12 }])
 *   // → [{ text: 'ab ', furniture: false, start: 0, end: 3 }, { text: 'READ ALSO', furniture: true, start: 3, end: 12 }]
 */
export function splitByRanges(
  text: string,
  from: number,
  to: number,
  ranges: readonly TextRange[],
): TextPiece[] {
  if (from >= to) return [];
  const cuts = new Set([from, to]);
  for (const r of ranges) {
    if (r.start > from && r.start < to) cuts.add(r.start);
    if (r.end > from && r.end < to) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  return points.slice(1).map((end, i) => {
    const start = points[i]!;
    const furniture = ranges.some((r) => r.start <= start && start < r.end);
    return { text: text.slice(start, end), furniture, start, end };
  });
}

/** No-break spaces as spaces (one for one, so offsets stay). */
const spaces = (s: string) => s.replace(/\u00a0/g, ' ');

/** The furniture file that goes with a story index: x.stories.csv → x.furniture.csv. */
export const furnitureFileFor = (storiesFile: string) =>
  storiesFile.replace(/\.stories\.csv$/, '.furniture.csv');

/** The furniture ranges of `text` listed in a furniture CSV; throws DataError for a text not on its line. */
export function parseFurniture(text: string, csv: string, file: string): TextRange[] {
  const starts = lineStarts(text);
  return parseCsv(csv, file, ['line', 'text'], ['note'])
    .map((row) => {
      const line = parseIntegerCell(
        row,
        'line',
        file,
        1,
        starts.length,
        `write a line number of the text (1 to ${starts.length})`,
      );
      const start = starts[line - 1]!;
      const wanted = requireCell(row, 'text', file, 'the furniture text as it stands on the line');
      const end = lineEnd(text, starts, line - 1);
      // The newsletter is full of no-break spaces; the CSV may write them as plain spaces.
      const at = spaces(text.slice(start, end)).lastIndexOf(spaces(wanted));
      if (at < 0) {
        throw new DataError(file, row.line, 'text', wanted, `line ${line} of the text has no such words`);
      }
      return { start: start + at, end: start + at + wanted.length };
    })
    .sort((a, b) => a.start - b.start);
}
