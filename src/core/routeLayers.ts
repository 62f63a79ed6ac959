/**
 * Which routes the map draws and how (data/geo/route-layers.csv), and the files that go with the
 * flight, found by their names beside its waypoints in data/geo/routes/: for `ant25-1937.csv`,
 * `ant25-1937.moments.csv`, `ant25-1937.figures.csv`, `ant25-1937.clocks.csv` and
 * `ant25-1937.context.csv`. The code names
 * no route: the data does.
 */
import { parseContext, type ContextFeature } from './context';
import { parseCsv, parseNumberCell, requireCell, uniqueIds } from './csv';
import { parseFigures, type Figure } from './figures';
import { parseMoments, type Moment } from './routes';
import { DataError, type NewsletterText, type RouteData } from './types';

/**
 * How a route is drawn: `flight` is the one played back (always drawn, no checkbox; a story that
 * names it offers the polar view); `shown` has a checkbox, ticked on opening; `optional` has a
 * checkbox, unticked on opening.
 */
export type LayerKind = 'flight' | 'shown' | 'optional';
const KINDS: readonly LayerKind[] = ['flight', 'shown', 'optional'];

export interface RouteLayer {
  id: string;
  layer: LayerKind;
  note: string;
  /** 1-based line of the layers file. */
  line: number;
}

export interface RouteLayers {
  layers: RouteLayer[];
  /** The flight's route id, or null when no route is the flight. */
  flight: string | null;
  /** The routes drawn on opening: the flight and the `shown` ones, in file order. */
  shown: string[];
}

/**
 * Parses data/geo/route-layers.csv (`id,layer,note`) against the gazetteer's route ids: every
 * route listed once, no unknown id, at most one flight.
 */
export function parseRouteLayers(text: string, file: string, routeIds: readonly string[]): RouteLayers {
  const once = uniqueIds(file);
  let flight: RouteLayer | null = null;
  const rows = parseCsv(text, file, ['id', 'layer'], ['note']);
  const layers = rows.map((row): RouteLayer => {
    const id = requireCell(row, 'id', file, "write the route's id as in data/geo/gazetteer.csv");
    if (!routeIds.includes(id)) {
      throw new DataError(
        file,
        row.line,
        'id',
        id,
        `no route of data/geo/gazetteer.csv has this id: write one of ${routeIds.join(', ')}`,
      );
    }
    once(row, id);
    const kind = row.values.layer ?? '';
    if (!KINDS.includes(kind as LayerKind)) {
      throw new DataError(file, row.line, 'layer', kind, `write one of ${KINDS.join(', ')}`);
    }
    const layer: RouteLayer = { id, layer: kind as LayerKind, note: row.values.note ?? '', line: row.line };
    if (layer.layer === 'flight') {
      if (flight) {
        throw new DataError(
          file,
          row.line,
          'layer',
          kind,
          `line ${flight.line} already makes ${flight.id} the flight, and there can be one: write shown or optional`,
        );
      }
      flight = layer;
    }
    return layer;
  });
  const listed = new Set(layers.map((l) => l.id));
  const missing = routeIds.find((id) => !listed.has(id));
  if (missing !== undefined) {
    throw new DataError(
      file,
      rows.length + 2,
      'id',
      missing,
      'this route of data/geo/gazetteer.csv has no row: add one with layer flight, shown or optional',
    );
  }
  const found = flight as RouteLayer | null;
  return {
    layers,
    flight: found ? found.id : null,
    shown: layers.filter((l) => l.layer !== 'optional').map((l) => l.id),
  };
}

/** A clock the playback shows beside UTC, e.g. Moscow time in 1937. */
export interface Clock {
  label: string;
  /** Hours ahead of UTC (negative: behind). */
  offsetHours: number;
  source: string;
  note: string;
}

/** Parses a flight's clocks file (`label,utc_offset_h,source,note`), one clock a row. */
export function parseClocks(text: string, file: string): Clock[] {
  return parseCsv(text, file, ['label', 'utc_offset_h', 'source'], ['note']).map((row) => {
    const offsetHours = parseNumberCell(
      row,
      'utc_offset_h',
      file,
      -12,
      14,
      'write the hours ahead of UTC, from -12 to 14, like 3 or -8',
    );
    return {
      label: requireCell(row, 'label', file, 'the name shown beside the time, like Moscow'),
      offsetHours,
      source: requireCell(row, 'source', file, 'every clock needs a source for its offset'),
      note: row.values.note ?? '',
    };
  });
}

/** The flight with what its files tell: the newsletter's moments, documented lengths, clocks. */
export interface FlightData {
  route: RouteData;
  moments: Moment[];
  figures: Figure[];
  clocks: Clock[];
  /** Context for its moments: a river, neighbouring cities (`<route>.context.csv`). */
  context: ContextFeature[];
}

/** The kinds of file that may stand beside a route's `<name>.csv` as `<name>.<kind>.csv`. */
export const COMPANION_KINDS = ['moments', 'figures', 'clocks', 'context'] as const;

/** The file name of a route's companion of `kind`: `ant25-1937.csv` → `ant25-1937.moments.csv`. */
export function companionFile(route: RouteData, kind: (typeof COMPANION_KINDS)[number]): string {
  return `${(route.place.route || route.place.id).replace(/\.csv$/, '')}.${kind}.csv`;
}

/**
 * The flight of `layers`, with its moments, figures and clocks read from `files` (base name →
 * text, as the routes are given to loadAtlas): `<route file>.<kind>.csv` beside the route's own
 * `<route file>.csv`; a file that is not there gives nothing of its kind. Null when no route is
 * the flight.
 */
export function loadFlight(
  layers: RouteLayers,
  routes: readonly RouteData[],
  files: Readonly<Record<string, string>>,
  newsletter: string | readonly NewsletterText[],
  dir = 'data/geo/routes/',
): FlightData | null {
  if (layers.flight === null) return null;
  const route = routes.find((r) => r.place.id === layers.flight);
  if (!route) return null;
  return loadRouteFiles(route, files, newsletter, dir);
}

/**
 * A route with what the files beside it tell (see loadFlight): every route's files are
 * checked, though only the flight's are shown.
 */
export function loadRouteFiles(
  route: RouteData,
  files: Readonly<Record<string, string>>,
  newsletter: string | readonly NewsletterText[],
  dir = 'data/geo/routes/',
): FlightData {
  const read = <T>(
    kind: (typeof COMPANION_KINDS)[number],
    parse: (text: string, file: string) => T[],
  ): T[] => {
    const name = companionFile(route, kind);
    const text = files[name];
    return text === undefined ? [] : parse(text, dir + name);
  };
  return {
    route,
    moments: read('moments', (text, file) => parseMoments(text, file, route.waypoints, newsletter)),
    figures: read('figures', parseFigures),
    clocks: read('clocks', parseClocks),
    context: read('context', (text, file) => parseContext(text, file, route.waypoints)),
  };
}
