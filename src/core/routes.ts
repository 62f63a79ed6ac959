import { parseCsv, parseNumberCell, requireCell } from './csv';
import { DataError, type Waypoint } from './types';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/;

/**
 * Parses a route's waypoint file (data/geo/routes/*.csv): `seq,name,lat,lon,time,source,note`,
 * one row per waypoint in order, a source on every row, times in UTC ISO 8601 or empty.
 */
export function parseRoute(text: string, file: string): Waypoint[] {
  let previousSeq = -Infinity;
  let previousTime = '';
  const waypoints = parseCsv(text, file, ['seq', 'name', 'lat', 'lon', 'time', 'source']).map((row) => {
    const seq = Number(row.values.seq);
    if (!Number.isInteger(seq) || seq <= previousSeq) {
      throw new DataError(
        file,
        row.line,
        'seq',
        row.values.seq ?? '',
        'seq must be whole numbers rising row by row',
      );
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
