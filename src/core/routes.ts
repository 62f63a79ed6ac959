import { parseCsv, parseIntegerCell, parseNumberCell, requireCell } from './csv';
import { DataError, type NewsletterText, type Waypoint } from './types';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/;

/**
 * Parses a route's waypoint file (data/geo/routes/*.csv): `seq,name,lat,lon,time,source,note`,
 * one row per waypoint in order, a source on every row, times in UTC ISO 8601 or empty.
 */
export function parseRoute(text: string, file: string): Waypoint[] {
  let previousSeq = -Infinity;
  let previousTime = '';
  const columns = ['seq', 'name', 'lat', 'lon', 'time', 'source'];
  const waypoints = parseCsv(text, file, columns, ['note']).map((row) => {
    const rising = 'seq must be whole numbers rising row by row';
    const seq = parseIntegerCell(row, 'seq', file, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, rising);
    if (seq <= previousSeq) {
      throw new DataError(file, row.line, 'seq', row.values.seq ?? '', rising);
    }
    previousSeq = seq;
    const time = row.values.time ?? '';
    if (time !== '') {
      if (!ISO_UTC.test(time) || Number.isNaN(Date.parse(time))) {
        throw new DataError(
          file,
          row.line,
          'time',
          time,
          'write UTC ISO 8601 like 1937-06-18T01:04Z, or leave empty',
        );
      }
      if (previousTime !== '' && Date.parse(time) < Date.parse(previousTime)) {
        throw new DataError(
          file,
          row.line,
          'time',
          time,
          `earlier than the previous waypoint's ${previousTime}`,
        );
      }
      previousTime = time;
    }
    return {
      seq,
      name: requireCell(row, 'name', file, 'every waypoint needs a name'),
      lat: parseNumberCell(row, 'lat', file, -90, 90),
      lon: parseNumberCell(row, 'lon', file, -180, 180),
      time: time === '' ? null : time,
      source: requireCell(row, 'source', file, 'every coordinate needs a source'),
      note: row.values.note ?? '',
    };
  });
  if (waypoints.length < 2)
    throw new DataError(file, 1, '(rows)', String(waypoints.length), 'a route needs two waypoints or more');
  return waypoints;
}

/** A moment of a flight told by the newsletter, shown when playback reaches its waypoint. */
export interface Moment {
  /** Index into the route's waypoints. */
  waypoint: number;
  /** 1-based line of the newsletter the quote is from. */
  line: number;
  quote: string;
  note: string;
}

/**
 * Parses a route's moments file (`seq,line,quote,note`): each `seq` must be a waypoint of the
 * route, and each quote must stand word for word on its line of `newsletter` (or, given the
 * catalog's newsletters, of one of them).
 */
export function parseMoments(
  text: string,
  file: string,
  waypoints: readonly Waypoint[],
  newsletter: string | readonly NewsletterText[],
): Moment[] {
  const texts = typeof newsletter === 'string' ? [{ file: 'the newsletter', text: newsletter }] : newsletter;
  const lines = texts.map((t) => t.text.split('\n'));
  const where =
    texts.length === 1
      ? texts[0]!.file
      : `any newsletter of the catalog (${texts.map((t) => t.file).join(', ') || 'none listed'})`;
  return parseCsv(text, file, ['seq', 'line', 'quote'], ['note']).map((row) => {
    const seq = parseIntegerCell(
      row,
      'seq',
      file,
      -Number.MAX_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER,
      'write the seq of a waypoint of the route',
    );
    const waypoint = waypoints.findIndex((w) => w.seq === seq);
    if (waypoint < 0)
      throw new DataError(
        file,
        row.line,
        'seq',
        row.values.seq ?? '',
        'no waypoint of the route has this seq',
      );
    const line = parseIntegerCell(
      row,
      'line',
      file,
      1,
      Number.MAX_SAFE_INTEGER,
      'write the 1-based line of the newsletter the quote is on',
    );
    const quote = requireCell(row, 'quote', file, 'the newsletter words to show');
    if (!lines.some((l) => l[line - 1]?.includes(quote))) {
      throw new DataError(
        file,
        row.line,
        'quote',
        quote,
        `not found word for word on line ${line} of ${where}`,
      );
    }
    return { waypoint, line, quote, note: row.values.note ?? '' };
  });
}
