import { parseCsv, parseNumberCell, requireCell, uniqueIds, type CsvRow } from './csv';
import { normalizeSurface } from './mentions';
import { isWordChar } from './normalize';
import { DataError, PLACE_KINDS, type Gazetteer, type Place, type PlaceKind, type Rule } from './types';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const GAZETTEER_COLUMNS = ['id', 'name', 'aliases', 'kind', 'lat', 'lon', 'country', 'wikidata', 'source'];

/**
 * Parses and validates data/geo/gazetteer.csv. Any bad row (missing or out-of-range lat/lon,
 * duplicate id, empty name, unknown kind, no source, an empty alias, an alias of one letter or
 * one listed twice) throws a DataError naming file, line, column and value: nothing is silently
 * dropped. A file without places is an error too. (An alias shared by two places is checked
 * with the rules: see checkSharedAliases.)
 *
 * @example parseGazetteer('id,name,aliases,kind,lat,lon,country,wikidata,source\n' +
 *   'moscow,Moscow,Moscow,city,55.7558,37.6173,RU,Q649,Wikipedia: Moscow\n', 'gazetteer.csv')
 */
export function parseGazetteer(text: string, file: string): Place[] {
  const once = uniqueIds(file, (first) => `duplicate id: already used on line ${first}`);
  const rows = parseCsv(text, file, GAZETTEER_COLUMNS, ['route']);
  if (rows.length === 0) {
    throw new DataError(file, 2, '(rows)', '', 'no places: add at least one row under the header');
  }
  return rows.map((row) => {
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
    const aliases = parseAliases(row, file);
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

/** The `aliases` cell: `|`-separated surface forms, none empty, none of one letter, none twice. */
function parseAliases(row: CsvRow, file: string): string[] {
  const cell = row.values.aliases ?? '';
  if (cell === '') return [];
  const aliases = cell.split('|').map((a) => a.trim());
  const seen = new Set<string>();
  aliases.forEach((alias, k) => {
    if (alias === '') {
      throw new DataError(
        file,
        row.line,
        'aliases',
        cell,
        `alias ${k + 1} of ${aliases.length} is empty: separate aliases by a single "|", with none at either end`,
      );
    }
    if ([...alias].filter((ch) => isWordChar(ch)).length < 2) {
      throw new DataError(
        file,
        row.line,
        'aliases',
        alias,
        'an alias needs two letters or more (one letter would match wherever it stands alone): write the name in full',
      );
    }
    const surface = normalizeSurface(alias);
    if (seen.has(surface)) {
      throw new DataError(
        file,
        row.line,
        'aliases',
        alias,
        'this alias is listed twice for the place: keep one',
      );
    }
    seen.add(surface);
  });
  return aliases;
}

/**
 * Throws a DataError at the later place's row for an alias (as the place finder normalises it)
 * that two places share, unless a rule of `rulesFile` whose [mention] is that alias resolves it
 * to one of them: without one, the finder could not tell which place the text means. Where a
 * rule decides, text outside the rule's context means the place listed last.
 */
export function checkSharedAliases(
  places: readonly Place[],
  rules: readonly Rule[],
  file: string,
  rulesFile: string,
): void {
  const owner = new Map<string, Place>();
  for (const place of places) {
    for (const alias of place.aliases) {
      const surface = normalizeSurface(alias);
      const first = owner.get(surface);
      owner.set(surface, place);
      if (!first) continue;
      const decided = rules.some(
        (r) =>
          normalizeSurface(r.mention) === surface && (r.resolvesTo === first.id || r.resolvesTo === place.id),
      );
      if (decided) continue;
      throw new DataError(
        file,
        place.line,
        'aliases',
        alias,
        `also an alias of ${first.id} (line ${first.line}): keep it on one place, or add a row to ${rulesFile} ` +
          `whose [${alias}] in its words resolves to one of them`,
      );
    }
  }
}

/**
 * Parses data/geo/rules.csv: `pattern` holds the mention in [brackets] between the words that
 * decide it (`Vancouver Barracks, [Washington]` → washington-state); a pattern without
 * brackets and with an empty `resolves_to` marks a phrase that is no place mention.
 */
export function parseRules(text: string, file: string, byId: ReadonlyMap<string, Place>): Rule[] {
  return parseCsv(text, file, ['pattern', 'resolves_to'], ['note']).map((row) => {
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
