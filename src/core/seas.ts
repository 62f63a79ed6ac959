/**
 * Ocean and sea names the map writes on the water (data/geo/seas.csv:
 * `id,name,lon,lat,min_zoom,max_zoom,source,note`), each at a point with a source, shown between
 * two zoom levels of the world map.
 */
import { parseCsv, parseNumberCell, requireCell, uniqueIds } from './csv';
import { DataError } from './types';

export interface SeaLabel {
  id: string;
  name: string;
  lon: number;
  lat: number;
  /** Shown from this zoom of the world (Mercator) map on… */
  minZoom: number;
  /** …up to this one. */
  maxZoom: number;
  source: string;
}

export function parseSeas(text: string, file: string): SeaLabel[] {
  const once = uniqueIds(file);
  return parseCsv(text, file, ['id', 'name', 'lon', 'lat', 'min_zoom', 'max_zoom', 'source'], ['note']).map(
    (row) => {
      const id = requireCell(row, 'id', file, 'write a slug like arctic-ocean');
      if (!/^[a-z0-9-]+$/.test(id)) {
        throw new DataError(file, row.line, 'id', id, 'write a slug of a-z, 0-9 and -, like bering-sea');
      }
      once(row, id);
      const name = requireCell(row, 'name', file, 'write the name to show on the map');
      const lon = parseNumberCell(row, 'lon', file, -180, 180);
      const lat = parseNumberCell(row, 'lat', file, -90, 90);
      const minZoom = parseNumberCell(row, 'min_zoom', file, 0, 18);
      const maxZoom = parseNumberCell(row, 'max_zoom', file, 0, 18);
      if (maxZoom < minZoom) {
        throw new DataError(
          file,
          row.line,
          'max_zoom',
          row.values.max_zoom ?? '',
          `less than min_zoom (${minZoom}): write a zoom of ${minZoom} or more`,
        );
      }
      const source = requireCell(row, 'source', file, 'say where the point comes from');
      return { id, name, lon, lat, minZoom, maxZoom, source };
    },
  );
}
