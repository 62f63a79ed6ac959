/**
 * The broad gazetteer's curated files (data/geo/broad/, see data/README.md): what no package
 * has. Each parser checks its rows as the other curated data is checked and throws a DataError
 * naming the file, line and column; the build script checks what needs the packages (that a
 * country code or an admin-1 code exists).
 */
import { parseCsv, parseNumberCell, requireCell } from '../csv';
import { DataError } from '../types';
import type { BroadKind } from './format';
import { placeKey } from './key';

/** The kinds a row of places.csv may have. */
export const CURATED_KINDS = [
  'continent',
  'water',
  'region',
  'mountains',
  'lake',
  'river',
] as const satisfies readonly BroadKind[];
export type CuratedKind = (typeof CURATED_KINDS)[number];

export interface CuratedPlace {
  name: string;
  /** Other names, as written in text (no empty ones, none twice). */
  aliases: string[];
  kind: CuratedKind;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2 of the one country it lies in, or '' (in several, or none). */
  country: string;
  source: string;
  /** The 1-based line of the row, for errors found later. */
  line: number;
}

const ISO2 = /^[A-Z]{2}$/;

/**
 * A check that no two rows of `file` share an id: the second is a DataError at its own line
 * naming the first's.
 */
function oncePerRow(file: string) {
  const seen = new Map<string, number>();
  return (id: string, line: number, column: string, value: string, what = 'listed twice') => {
    const first = seen.get(id);
    if (first !== undefined) {
      throw new DataError(file, line, column, value, `${what} (first on line ${first}): keep one row`);
    }
    seen.set(id, line);
  };
}

/** data/geo/broad/places.csv: `name,aliases,kind,lat,lon,country,source[,note]`. */
export function parseCuratedPlaces(text: string, file: string): CuratedPlace[] {
  const once = oncePerRow(file);
  return parseCsv(text, file, ['name', 'aliases', 'kind', 'lat', 'lon', 'country', 'source'], ['note']).map(
    (row) => {
      const name = requireCell(row, 'name', file, 'write the name, like Caspian Sea');
      const kind = row.values.kind ?? '';
      if (!(CURATED_KINDS as readonly string[]).includes(kind)) {
        throw new DataError(file, row.line, 'kind', kind, `write one of ${CURATED_KINDS.join(', ')}`);
      }
      const id = `${kind}:${placeKey(name)}`;
      once(id, row.line, 'name', name, `a ${kind} of this name is listed twice`);
      const aliases = parseAliases(row.values.aliases ?? '', file, row.line, name);
      const lat = parseNumberCell(row, 'lat', file, -90, 90);
      const lon = parseNumberCell(row, 'lon', file, -180, 180);
      const country = row.values.country ?? '';
      if (country !== '' && !ISO2.test(country)) {
        throw new DataError(
          file,
          row.line,
          'country',
          country,
          'write an ISO 3166-1 alpha-2 code like RU, or leave it empty for a place in several countries',
        );
      }
      const source = requireCell(
        row,
        'source',
        file,
        'say where the point comes from, like "Wikipedia: Caspian Sea"',
      );
      return { name, aliases, kind: kind as CuratedKind, lat, lon, country, source, line: row.line };
    },
  );
}

function parseAliases(raw: string, file: string, line: number, name: string): string[] {
  if (raw === '') return [];
  const aliases = raw.split('|').map((a) => a.trim());
  const keys = new Set([placeKey(name)]);
  for (const alias of aliases) {
    if (alias.length < 2) {
      throw new DataError(file, line, 'aliases', raw, 'an empty or one-letter alias: remove the extra "|"');
    }
    const key = placeKey(alias);
    if (keys.has(key)) {
      throw new DataError(file, line, 'aliases', alias, 'the name or an alias listed twice: keep one');
    }
    keys.add(key);
  }
  return aliases;
}

export interface StateAbbreviation {
  abbreviation: string;
  /** ISO 3166-1 alpha-2 of the country. */
  country: string;
  /** GeoNames' admin-1 code within it ("MI"). */
  admin1: string;
  source: string;
  line: number;
}

/** data/geo/broad/state-abbreviations.csv: `abbreviation,admin1,source` (admin1 as "US.MI"). */
export function parseStateAbbreviations(text: string, file: string): StateAbbreviation[] {
  const once = oncePerRow(file);
  return parseCsv(text, file, ['abbreviation', 'admin1', 'source'], ['note']).map((row) => {
    const abbreviation = requireCell(
      row,
      'abbreviation',
      file,
      'write the abbreviation as printed, like Mich.',
    );
    once(placeKey(abbreviation), row.line, 'abbreviation', abbreviation);
    const code = row.values.admin1 ?? '';
    const m = /^([A-Z]{2})\.([A-Z0-9]{1,3})$/.exec(code);
    if (!m) {
      throw new DataError(file, row.line, 'admin1', code, 'write the GeoNames admin-1 code, like US.MI');
    }
    const source = requireCell(row, 'source', file, 'say where the abbreviation comes from');
    return { abbreviation, country: m[1]!, admin1: m[2]!, source, line: row.line };
  });
}

export interface CountryAlias {
  alias: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  source: string;
  line: number;
}

/** data/geo/broad/country-aliases.csv: `alias,country,source[,note]`: names i18n-iso-countries lacks. */
export function parseCountryAliases(text: string, file: string): CountryAlias[] {
  const once = oncePerRow(file);
  return parseCsv(text, file, ['alias', 'country', 'source'], ['note']).map((row) => {
    const alias = requireCell(row, 'alias', file, 'write the name as written in text, like Syria');
    if (alias.length < 2)
      throw new DataError(file, row.line, 'alias', alias, 'write a name of two letters or more');
    once(placeKey(alias), row.line, 'alias', alias);
    const country = row.values.country ?? '';
    if (!ISO2.test(country)) {
      throw new DataError(file, row.line, 'country', country, 'write an ISO 3166-1 alpha-2 code like SY');
    }
    const source = requireCell(row, 'source', file, 'say where the name comes from');
    return { alias, country, source, line: row.line };
  });
}

export interface CountryPoint {
  /** ISO 3166-1 alpha-2. */
  country: string;
  lat: number;
  lon: number;
  line: number;
}

/**
 * data/geo/broad/country-points.csv: `country,lat,lon,source[,note]`: the conventional point of a
 * large country, used instead of the centre of its largest polygon.
 */
export function parseCountryPoints(text: string, file: string): CountryPoint[] {
  const once = oncePerRow(file);
  return parseCsv(text, file, ['country', 'lat', 'lon', 'source'], ['note']).map((row) => {
    const country = row.values.country ?? '';
    if (!ISO2.test(country)) {
      throw new DataError(file, row.line, 'country', country, 'write an ISO 3166-1 alpha-2 code like RU');
    }
    once(country, row.line, 'country', country);
    const lat = parseNumberCell(row, 'lat', file, -90, 90);
    const lon = parseNumberCell(row, 'lon', file, -180, 180);
    requireCell(row, 'source', file, 'say where the point comes from');
    return { country, lat, lon, line: row.line };
  });
}

export interface CuratedDemonym {
  demonym: string;
  /** ISO 3166-1 alpha-2 of the country it names. */
  country: string;
  /** GeoNames' admin-1 code of the division it names ("WLS" for "Welsh"), or '' (the country). */
  admin1: string;
  source: string;
  line: number;
}

/**
 * data/geo/broad/demonyms.csv: `demonym,place,source[,note]`, where `place` is a country's
 * ISO 3166-1 alpha-2 code (`GB`) or a first-level division's GeoNames code (`GB.WLS`). A
 * demonym listed here names exactly the places of its rows (the build's rules are not tried
 * for it); its plural is made as for the others unless it has a row of its own.
 */
export function parseDemonyms(text: string, file: string): CuratedDemonym[] {
  const once = oncePerRow(file);
  return parseCsv(text, file, ['demonym', 'place', 'source'], ['note']).map((row) => {
    const demonym = requireCell(row, 'demonym', file, 'write the demonym, like British');
    const place = row.values.place ?? '';
    const m = /^([A-Z]{2})(?:\.([A-Z0-9]{1,3}))?$/.exec(place);
    if (!m) {
      throw new DataError(
        file,
        row.line,
        'place',
        place,
        'write an ISO 3166-1 alpha-2 code like GB, or a GeoNames admin-1 code like GB.WLS',
      );
    }
    const id = `${placeKey(demonym)} ${place}`;
    once(id, row.line, 'demonym', demonym);
    const source = requireCell(row, 'source', file, 'say where the demonym comes from');
    return { demonym, country: m[1]!, admin1: m[2] ?? '', source, line: row.line };
  });
}
