/**
 * Context for a moment of the flight (`<route file>.context.csv` beside its waypoints): features
 * that are not places the newsletter names but help a reader see where the moment was (a river, a
 * neighbouring city), each tied to the waypoint whose slide shows it. Pure data: no DOM.
 */
import { parseCsv, parseNumberCell, requireCell } from './csv';
import type { Waypoint } from './types';
import { DataError } from './types';

/** `river`: a line through its rows' points in `seq` order; `city`: a point. */
export type ContextKind = 'river' | 'city';
const KINDS: readonly ContextKind[] = ['river', 'city'];

export interface ContextFeature {
  id: string;
  kind: ContextKind;
  name: string;
  /** Index into the route's waypoints of the moment it belongs to. */
  waypoint: number;
  /** [lon, lat]: one point for a city, the line's points in order for a river. */
  points: [number, number][];
  /** The sources of its points, each once. */
  sources: string[];
}

/**
 * Parses a context file: `feature,kind,seq,name,lat,lon,waypoint,source,note`; rows of one
 * feature share its id, kind, name and waypoint (the waypoint's `seq` in the route file).
 */
export function parseContext(text: string, file: string, waypoints: readonly Waypoint[]): ContextFeature[] {
  const columns = ['feature', 'kind', 'seq', 'name', 'lat', 'lon', 'waypoint', 'source'];
  const rows = parseCsv(text, file, columns, ['note']);
  const byId = new Map<string, ContextFeature & { order: number[] }>();
  for (const row of rows) {
    const id = requireCell(
      row,
      'feature',
      file,
      'an id shared by the rows of one feature, like columbia-river',
    );
    const kind = row.values.kind as ContextKind;
    if (!KINDS.includes(kind)) {
      throw new DataError(file, row.line, 'kind', row.values.kind ?? '', `write one of ${KINDS.join(', ')}`);
    }
    const name = requireCell(row, 'name', file, 'the name shown on the map');
    const lat = parseNumberCell(row, 'lat', file, -90, 90);
    const lon = parseNumberCell(row, 'lon', file, -180, 180);
    const seq = row.values.waypoint ?? '';
    const waypoint = waypoints.findIndex((w) => String(w.seq) === seq);
    if (waypoint < 0) {
      throw new DataError(file, row.line, 'waypoint', seq, "write the seq of one of the route's waypoints");
    }
    const source = requireCell(row, 'source', file, 'every point needs a source');
    const order =
      kind === 'river'
        ? parseNumberCell(
            row,
            'seq',
            file,
            1,
            1e6,
            "not a number; write the point's place in the river's line, like 1",
          )
        : 0;
    let feature = byId.get(id);
    if (!feature) {
      feature = { id, kind, name, waypoint, points: [], sources: [], order: [] };
      byId.set(id, feature);
    } else if (feature.kind !== kind || feature.name !== name || feature.waypoint !== waypoint) {
      throw new DataError(
        file,
        row.line,
        'feature',
        id,
        'rows of one feature need the same kind, name and waypoint',
      );
    } else if (kind === 'city') {
      throw new DataError(file, row.line, 'feature', id, 'a city is one row');
    }
    feature.points.push([lon, lat]);
    feature.order.push(order);
    if (!feature.sources.includes(source)) feature.sources.push(source);
  }
  return [...byId.values()].map(({ order, points, ...f }) => {
    const sorted = points.map((p, i) => ({ p, o: order[i]! })).sort((a, b) => a.o - b.o);
    return { ...f, points: sorted.map((s) => s.p) };
  });
}
