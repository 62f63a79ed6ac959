import { buildGazetteer, parseGazetteer, parseRules } from './gazetteer';
import { createPlaceFinder } from './mentions';
import { parseRoute } from './routes';
import { furnitureFileFor, parseFurniture, type TextRange } from './furniture';
import { findStories, parseCatalog, type CatalogEntry, type UnsearchedText } from './stories';
import { DataError, type Gazetteer, type Mention, type Place, type Story, type Waypoint } from './types';

/** A data file's name (for error messages) and its text. */
export interface DataFile {
  file: string;
  text: string;
}

/** The project's curated data, as texts: the web app imports them, the CLI reads them from disk. */
export interface AtlasData {
  gazetteer: DataFile;
  rules: DataFile;
  catalog: DataFile;
  /** Story index file name (as the catalog names it) → CSV text. */
  storyIndexes: Record<string, string>;
  /** Route file name (as the gazetteer names it) → CSV text. */
  routes: Record<string, string>;
  /** Furniture file name (x.furniture.csv beside x.stories.csv) → CSV text; optional per newsletter. */
  furniture?: Record<string, string>;
}

export interface PlaceSummary {
  place: Place;
  /** Indexes into Atlas.mentions. */
  mentions: number[];
  /** Distinct story indexes, ascending. */
  stories: number[];
}

export interface RouteData {
  place: Place;
  waypoints: Waypoint[];
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

/** Validates the curated data once; the result can geoparse many texts. Throws DataError. */
export function loadData(data: AtlasData) {
  const places = parseGazetteer(data.gazetteer.text, data.gazetteer.file);
  const byId = new Map(places.map((p) => [p.id, p]));
  const gazetteer = buildGazetteer(places, parseRules(data.rules.text, data.rules.file, byId));
  const catalog = parseCatalog(data.catalog.text, data.catalog.file);
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
        'no such file in data/geo/routes/',
      );
    }
    routes.push({ place, waypoints: parseRoute(csv, place.route) });
  });
  const finder = createPlaceFinder(gazetteer);

  /** Geoparses one text: its stories, its mentions, and the places they name. */
  function geoparse(text: string): Atlas {
    const { stories, newsletter, unsearched } = findStories(
      text,
      catalog,
      data.storyIndexes,
      data.catalog.file,
    );
    const mentions = finder.findMentions(text, stories);
    const furnitureFile = newsletter && furnitureFileFor(newsletter.stories);
    const furnitureCsv = furnitureFile ? data.furniture?.[furnitureFile] : undefined;
    const furniture = furnitureCsv ? parseFurniture(text, furnitureCsv, furnitureFile!) : [];
    return {
      text,
      newsletter,
      stories,
      mentions,
      places: summarize(mentions, gazetteer),
      routes,
      gazetteer,
      furniture,
      unsearched,
    };
  }
  return { gazetteer, catalog, routes, geoparse };
}

/**
 * Geoparses a newsletter with the curated data.
 *
 * @example loadAtlas({ text, ...data }).places.find((p) => p.place.id === 'moscow')
 */
export function loadAtlas(input: AtlasData & { text: string }): Atlas {
  return loadData(input).geoparse(input.text);
}

function summarize(mentions: readonly Mention[], gazetteer: Gazetteer): PlaceSummary[] {
  const byPlace = new Map<string, PlaceSummary>();
  mentions.forEach((m, i) => {
    let s = byPlace.get(m.placeId);
    if (!s)
      byPlace.set(m.placeId, (s = { place: gazetteer.byId.get(m.placeId)!, mentions: [], stories: [] }));
    s.mentions.push(i);
    if (s.stories[s.stories.length - 1] !== m.story) s.stories.push(m.story);
  });
  return [...byPlace.values()].sort((a, b) => a.place.name.localeCompare(b.place.name, 'en'));
}
