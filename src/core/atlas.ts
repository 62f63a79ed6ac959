import { buildGazetteer, checkSharedAliases, parseGazetteer, parseRules } from './gazetteer';
import { fingerprint } from './fingerprint';
import { sortByName } from './nameOrder';
import { createPlaceFinder, type PlaceFinder } from './mentions';
import { parseRoute } from './routes';
import {
  COMPANION_KINDS,
  loadRouteFiles,
  parseRouteLayers,
  type FlightData,
  type RouteLayers,
} from './routeLayers';
import { furnitureFileFor, parseFurniture, type TextRange } from './furniture';
import { parseSeas, type SeaLabel } from './seas';
import type { UnmatchedName } from './review/types';
import {
  findStories,
  parseCatalog,
  parseStoryIndex,
  storiesFromIndex,
  type CatalogEntry,
  type UnsearchedText,
} from './stories';
import {
  DataError,
  type Gazetteer,
  type Mention,
  type NewsletterText,
  type Place,
  type RouteData,
  type Story,
} from './types';

export type { RouteData } from './types';

/** A data file's name (for error messages) and its text. */
export interface DataFile {
  file: string;
  text: string;
}

/**
 * The project's curated data, as texts: the web app imports them, the CLI reads them from disk.
 * File names in errors are given with their folder: the gazetteer's folder holds `routes/`
 * (data/geo/gazetteer.csv → data/geo/routes/), and the catalog's folder holds the newsletters,
 * their story indexes and furniture (data/newsletters/).
 */
export interface AtlasData {
  gazetteer: DataFile;
  rules: DataFile;
  catalog: DataFile;
  /** Story index file name (as the catalog names it) → CSV text. */
  storyIndexes: Record<string, string>;
  /**
   * Every file of the routes folder, by name → text: the route files the gazetteer names and
   * their companions (`<route>.moments.csv`, `.figures.csv`, `.clocks.csv`, `.context.csv`). Any
   * other file there is an error.
   */
  routes: Record<string, string>;
  /** Furniture file name (x.furniture.csv beside x.stories.csv) → CSV text; optional per newsletter. */
  furniture?: Record<string, string>;
  /** Newsletter text file name (as the catalog names it) → text. */
  newsletters: Record<string, string>;
  /** data/geo/route-layers.csv: how each route is drawn. */
  routeLayers: DataFile;
  /** data/geo/seas.csv: sea names on the map. */
  seas: DataFile;
}

/** The folder part of a file name, with its slash ('' for a bare name). */
const folderOf = (file: string) => file.slice(0, file.lastIndexOf('/') + 1);

export interface PlaceSummary {
  place: Place;
  /** Indexes into Atlas.mentions. */
  mentions: number[];
  /** Distinct story indexes, ascending. */
  stories: number[];
}

export interface Atlas {
  text: string;
  /** The catalog entry when the text is a known newsletter, else null (stories were segmented). */
  newsletter: CatalogEntry | null;
  stories: Story[];
  mentions: Mention[];
  /** One per place mentioned at least once, by name. */
  places: PlaceSummary[];
  routes: RouteData[];
  gazetteer: Gazetteer;
  /**
   * The newsletter's furniture ("READ ALSO: …", "Read more"): ranges of `text`, in text order, as
   * curated in data/newsletters/*.furniture.csv; none for an unknown newsletter.
   */
  furniture: TextRange[];
  /**
   * The visible text in no story (the mail footer, as a rule), where no place was looked for:
   * nothing is left out without being listed here.
   */
  unsearched: UnsearchedText[];
}

/**
 * Validates the curated data once (every file, as the app and the CLI both need it); the result
 * can geoparse many texts. Throws DataError naming file (with its folder), line and column.
 */
/**
 * A second place finder for texts the curated data was not made for (the broad gazetteer's,
 * src/core/places/combine.ts: createBroadGeoparser): given the text, its stories and the curated
 * finder's mentions (without their sentences: snippets of their own words), the mentions to keep,
 * each with its sentence, and the gazetteer they refer to. Passed in, not
 * imported, so the app loads it only where it needs it.
 */
export interface BroadGeoparser {
  combine(
    text: string,
    stories: readonly Story[],
    curated: readonly Mention[],
    gazetteer: Gazetteer,
    /** Also the names that matched no place (for the review; a pass of its own, so only when asked). */
    withUnmatched?: boolean,
  ): { mentions: Mention[]; gazetteer: Gazetteer; unmatched?: UnmatchedName[] };
}

export function loadData(data: AtlasData, broad?: BroadGeoparser) {
  const places = parseGazetteer(data.gazetteer.text, data.gazetteer.file);
  const byId = new Map(places.map((p) => [p.id, p]));
  const rules = parseRules(data.rules.text, data.rules.file, byId);
  checkSharedAliases(places, rules, data.gazetteer.file, data.rules.file);
  const gazetteer = buildGazetteer(places, rules);
  const catalog = parseCatalog(data.catalog.text, data.catalog.file);
  const newsletters = checkCatalog(catalog, data);
  const routesDir = `${folderOf(data.gazetteer.file)}routes/`;
  const routes: RouteData[] = [];
  places.forEach((place) => {
    if (place.kind !== 'route') return;
    const csv = data.routes[place.route];
    if (csv === undefined) {
      throw new DataError(
        data.gazetteer.file,
        place.line,
        'route',
        place.route,
        `no such file in ${routesDir}`,
      );
    }
    routes.push({ place, waypoints: parseRoute(csv, routesDir + place.route) });
  });
  checkRouteFolder(routes, data.routes, routesDir, data.gazetteer.file);
  const routeLayers: RouteLayers = parseRouteLayers(
    data.routeLayers.text,
    data.routeLayers.file,
    routes.map((r) => r.place.id),
  );
  let flight: FlightData | null = null;
  for (const route of routes) {
    const files = loadRouteFiles(route, data.routes, newsletters, routesDir);
    if (route.place.id === routeLayers.flight) flight = files;
  }
  const seas: SeaLabel[] = parseSeas(data.seas.text, data.seas.file);
  // Made on the first geoparse: a newsletter the library hands over geoparsed (the worker's
  // result) is shown without it.
  let finder: PlaceFinder | undefined;

  /** Geoparses one text: its stories, its mentions, and the places they name. */
  const geoparse = (text: string): Atlas => run(text, false).atlas;

  /**
   * geoparse, and the names where a place stands that matched no place (the broad finder's,
   * for the review: none for a known newsletter or without the broad gazetteer).
   */
  const geoparseForReview = (text: string) => run(text, true);

  function run(text: string, withUnmatched: boolean): { atlas: Atlas; unmatched: UnmatchedName[] } {
    const { stories, newsletter, unsearched } = findStories(
      text,
      catalog,
      data.storyIndexes,
      data.catalog.file,
    );
    // A known newsletter: its curated answer. Any other text: both gazetteers' candidates (the
    // broad geoparser finds the sentence around every mention it keeps, so the curated finder
    // need not).
    const combining = newsletter === null && broad !== undefined;
    finder ??= createPlaceFinder(gazetteer);
    const curated = finder.findMentions(text, stories, { snippets: !combining });
    const combined = combining
      ? broad.combine(text, stories, curated, gazetteer, withUnmatched)
      : { mentions: curated, gazetteer };
    const mentions = combined.mentions;
    const furnitureFile = newsletter && furnitureFileFor(newsletter.stories);
    const furnitureCsv = furnitureFile ? data.furniture?.[furnitureFile] : undefined;
    const furniture = furnitureCsv ? parseFurniture(text, furnitureCsv, furnitureFile!) : [];
    const atlas: Atlas = {
      text,
      newsletter,
      stories,
      mentions,
      places: summarize(mentions, combined.gazetteer),
      routes,
      gazetteer: combined.gazetteer,
      furniture,
      unsearched,
    };
    return { atlas, unmatched: 'unmatched' in combined ? (combined.unmatched ?? []) : [] };
  }
  return { gazetteer, catalog, routes, routeLayers, flight, seas, geoparse, geoparseForReview };
}

/**
 * Geoparses a newsletter with the curated data.
 *
 * @example loadAtlas({ text, ...data }).places.find((p) => p.place.id === 'moscow')
 */
export function loadAtlas(input: AtlasData & { text: string }): Atlas {
  return loadData(input).geoparse(input.text);
}

/**
 * Checks that each catalog row names a newsletter file whose fingerprint it gives, and a story
 * index (and furniture, if any) that fits that text; returns the newsletters, named with their
 * folder.
 */
function checkCatalog(catalog: readonly CatalogEntry[], data: AtlasData): NewsletterText[] {
  const dir = folderOf(data.catalog.file);
  return catalog.map((entry) => {
    const text = data.newsletters[entry.file];
    if (text === undefined) {
      throw new DataError(
        data.catalog.file,
        entry.line,
        'file',
        entry.file,
        `no such newsletter in ${dir}: write the name of its .txt file there`,
      );
    }
    const actual = fingerprint(text);
    if (actual !== entry.fingerprint) {
      throw new DataError(
        data.catalog.file,
        entry.line,
        'fingerprint',
        entry.fingerprint,
        `matches no newsletter file: ${dir}${entry.file} has fingerprint ${actual}; ` +
          'write that if the text was changed on purpose, else restore the text',
      );
    }
    const index = data.storyIndexes[entry.stories];
    if (index === undefined) {
      throw new DataError(
        data.catalog.file,
        entry.line,
        'stories',
        entry.stories,
        `no such story index in ${dir}`,
      );
    }
    storiesFromIndex(text, parseStoryIndex(index, dir + entry.stories), dir + entry.stories);
    const furnitureFile = furnitureFileFor(entry.stories);
    const furniture = data.furniture?.[furnitureFile];
    if (furniture !== undefined) parseFurniture(text, furniture, dir + furnitureFile);
    return { file: dir + entry.file, text };
  });
}

/**
 * Checks that every file of the routes folder is a route of the gazetteer or a companion of one
 * (`<route>.<kind>.csv`): a file named after no route would be read by nothing.
 */
function checkRouteFolder(
  routes: readonly RouteData[],
  files: Readonly<Record<string, string>>,
  dir: string,
  gazetteerFile: string,
): void {
  const known = new Set(routes.map((r) => r.place.route));
  for (const name of Object.keys(files).sort()) {
    if (known.has(name)) continue;
    const m = /^(.*)\.([^.]+)\.csv$/.exec(name);
    const kind = m && (COMPANION_KINDS as readonly string[]).includes(m[2]!) ? m[2]! : null;
    if (kind && known.has(`${m![1]}.csv`)) continue;
    throw new DataError(
      dir + name,
      1,
      '(file)',
      name,
      kind
        ? `a ${kind} file of route file ${m![1]}.csv, which no route of ${gazetteerFile} names: ` +
            `rename it after a route's file (${[...known].join(', ')}), or add the route`
        : `neither a route of ${gazetteerFile} nor a companion of one ` +
            `(<route>.${COMPANION_KINDS.join('|')}.csv): rename or remove it`,
    );
  }
}

/** The places of `mentions` (indexes into it), by name: Atlas.places. */
export function summarize(mentions: readonly Mention[], gazetteer: Gazetteer): PlaceSummary[] {
  const byPlace = new Map<string, PlaceSummary>();
  mentions.forEach((m, i) => {
    let s = byPlace.get(m.placeId);
    if (!s)
      byPlace.set(m.placeId, (s = { place: gazetteer.byId.get(m.placeId)!, mentions: [], stories: [] }));
    s.mentions.push(i);
    if (s.stories[s.stories.length - 1] !== m.story) s.stories.push(m.story);
  });
  return sortByName([...byPlace.values()], (s) => s.place.name);
}
