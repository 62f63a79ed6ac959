/**
 * Newsletter furniture: the "READ ALSO: …", "LEARN MORE: …" and "Read more" lines and tails that
 * link elsewhere in the e-mail and are no part of a story's text. Curated per newsletter in
 * data/newsletters/<name>.furniture.csv (line, text: the exact furniture text on that line), found
 * here as ranges of the newsletter text so the reader and the slides can show them as what they are.
 */
import { parseCsv, requireCell } from './csv';
import { DataError } from './types';

/** A stretch [start, end) of the newsletter text. */
export interface TextRange {
  start: number;
  end: number;
}

/** No-break spaces as spaces (one for one, so offsets stay). */
const spaces = (s: string) => s.replace(/\u00a0/g, ' ');

/** The furniture file that goes with a story index: x.stories.csv → x.furniture.csv. */
export const furnitureFileFor = (storiesFile: string) =>
  storiesFile.replace(/\.stories\.csv$/, '.furniture.csv');

/** The furniture ranges of `text` listed in a furniture CSV; throws DataError for a text not on its line. */
export function parseFurniture(text: string, csv: string, file: string): TextRange[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return parseCsv(csv, file, ['line', 'text'])
    .map((row) => {
      const raw = row.values.line ?? '';
      const line = Number(raw);
      const start = lineStarts[line - 1];
      if (!Number.isInteger(line) || start === undefined) {
        throw new DataError(
          file,
          row.line,
          'line',
          raw,
          `write a line number of the text (1 to ${lineStarts.length})`,
        );
      }
      const wanted = requireCell(row, 'text', file, 'the furniture text as it stands on the line');
      const end = lineStarts[line] ?? text.length;
      // The newsletter is full of no-break spaces; the CSV may write them as plain spaces.
      const at = spaces(text.slice(start, end)).lastIndexOf(spaces(wanted));
      if (at < 0) {
        throw new DataError(file, row.line, 'text', wanted, `line ${line} of the text has no such words`);
      }
      return { start: start + at, end: start + at + wanted.length };
    })
    .sort((a, b) => a.start - b.start);
}
