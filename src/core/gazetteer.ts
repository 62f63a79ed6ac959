import { parseCsv, parseNumberCell, requireCell, uniqueIds } from './csv';
import { DataError, PLACE_KINDS, type Gazetteer, type Place, type PlaceKind, type Rule } from './types';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const GAZETTEER_COLUMNS = ['id', 'name', 'aliases', 'kind', 'lat', 'lon', 'country', 'wikidata', 'source'];

/**
 * Parses and validates data/geo/gazetteer.csv. Any bad row (missing or out-of-range lat/lon,
 * duplicate id, empty name, unknown kind, no source) throws a DataError naming file, line,
 * column and value: nothing is silently dropped.
 *
 * @example parseGazetteer('id,name,aliases,kind,lat,lon,country,wikidata,source\n' +
 *   'moscow,Moscow,Moscow,city,55.7558,37.6173,RU,Q649,Wikipedia: Moscow\n', 'gazetteer.csv')
 */
export function parseGazetteer(text: string, file: string): Place[] {
  const once = uniqueIds(file, (first) => `duplicate id: already used on line ${first}`);
  return parseCsv(text, file, GAZETTEER_COLUMNS).map((row) => {
    const v = row.values;
    const id = requireCell(row, 'id', file, 'every place needs an id');
    if (!ID.test(id)) {
      throw new DataError(
        file,
        row.line,
        'id',
        id,
        'ids are lower-case words joined by hyphens, like new-york',
      );
    }
    once(row, id);
    const name = requireCell(row, 'name', file, 'every place needs a name');
    const kind = v.kind as PlaceKind;
    if (!PLACE_KINDS.includes(kind)) {
      throw new DataError(
        file,
        row.line,
        'kind',
        v.kind ?? '',
        `unknown kind: use one of ${PLACE_KINDS.join(', ')}`,
      );
    }
    const aliases = (v.aliases ?? '')
      .split('|')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    const route = v.route ?? '';
    if (kind === 'route' && route === '') {
      throw new DataError(file, row.line, 'route', route, 'a route needs the name of its waypoint file');
    }
    return {
      id,
      name,
      aliases,
      kind,
      lat: parseNumberCell(row, 'lat', file, -90, 90),
      lon: parseNumberCell(row, 'lon', file, -180, 180),
      country: v.country ?? '',
      wikidata: v.wikidata ?? '',
      source: requireCell(row, 'source', file, 'every coordinate needs a source'),
      route,
      line: row.line,
    };
  });
}

/**
 * Parses data/geo/rules.csv: `pattern` holds the mention in [brackets] between the words that
 * decide it (`Vancouver Barracks, [Washington]` → washington-state); a pattern without
 * brackets and with an empty `resolves_to` marks a phrase that is no place mention.
 */
export function parseRules(text: string, file: string, byId: ReadonlyMap<string, Place>): Rule[] {
  return parseCsv(text, file, ['pattern', 'resolves_to']).map((row) => {
    const pattern = requireCell(row, 'pattern', file, 'write the phrase, with the mention in [brackets]');
    const target = row.values.resolves_to ?? '';
    const m = /^([^[\]]*)\[([^[\]]+)\]([^[\]]*)$/.exec(pattern);
    if (target !== '' && !byId.has(target)) {
      throw new DataError(file, row.line, 'resolves_to', target, 'no place with this id in the gazetteer');
    }
    if (!m) {
      if (target !== '' || /[[\]]/.test(pattern)) {
        throw new DataError(
          file,
          row.line,
          'pattern',
          pattern,
          'put exactly one mention in [brackets], or leave resolves_to empty for a phrase that is no place',
        );
      }
      return {
        before: '',
        mention: pattern,
        after: '',
        resolvesTo: null,
        note: row.values.note ?? '',
        line: row.line,
      };
    }
    return {
      before: m[1]!,
      mention: m[2]!,
      after: m[3]!,
      resolvesTo: target === '' ? null : target,
      note: row.values.note ?? '',
      line: row.line,
    };
  });
}

/** Indexes places by id. */
export function buildGazetteer(places: Place[], rules: Rule[]): Gazetteer {
  return { places, byId: new Map(places.map((p) => [p.id, p])), rules };
}
