/** Shared types of the core. Pure data: no DOM, no Node. Coordinates are WGS84 degrees. */

export const PLACE_KINDS = ['country', 'region', 'city', 'water', 'landmark', 'continent', 'route'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** One row of data/geo/gazetteer.csv. */
export interface Place {
  id: string;
  name: string;
  /** Surface forms as written in text; case matters. */
  aliases: string[];
  kind: PlaceKind;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2, '' where none. */
  country: string;
  /** Wikidata Q-id, '' where none. */
  wikidata: string;
  source: string;
  /** For kind 'route': file name under data/geo/routes/. */
  route: string;
  /** 1-based line of the place's row in the gazetteer file, for error messages (0: not curated). */
  line: number;
  /** The GeoNames id, for a place of the broad gazetteer that came from GeoNames. */
  geonames?: number;
}

/** Where a mention's place came from: the curated gazetteer or the broad (GeoNames-based) one. */
export type MentionSource = 'curated' | 'geonames';

/** One row of data/geo/rules.csv, split at its brackets. */
export interface Rule {
  /** Text that must stand right before the mention ('' = anything). */
  before: string;
  /** The bracketed mention, or the whole phrase for a non-mention rule. */
  mention: string;
  /** Text that must stand right after the mention ('' = anything). */
  after: string;
  /** Gazetteer id, or null: the phrase is not a place mention. */
  resolvesTo: string | null;
  note: string;
  /** 1-based line in the rules file, for error messages. */
  line: number;
}

export interface Gazetteer {
  places: Place[];
  byId: Map<string, Place>;
  rules: Rule[];
}

/** A route of the gazetteer with its waypoints. */
export interface RouteData {
  place: Place;
  waypoints: Waypoint[];
}

/** A newsletter text with its file name (with its folder, for error messages). */
export interface NewsletterText {
  file: string;
  text: string;
}

/** One row of a data/geo/routes/*.csv file. */
export interface Waypoint {
  seq: number;
  name: string;
  lat: number;
  lon: number;
  /** UTC ISO 8601, or null where no source gives a time. */
  time: string | null;
  source: string;
  note: string;
}

export type StoryKind = 'article' | 'headline';

export interface Story {
  /** 0-based, in text order. */
  index: number;
  title: string;
  kind: StoryKind;
  /** JavaScript string offsets into the original text; end exclusive, trailing blank lines excluded. */
  start: number;
  end: number;
}

export interface Mention {
  placeId: string;
  /** Exact substring of the original text. */
  text: string;
  start: number;
  end: number;
  /** Index of the story the mention is in, or -1 outside any story (e.g. the footer). */
  story: number;
  /** The sentence around the mention, as offsets into the original text. */
  snippetStart: number;
  snippetEnd: number;
  /** How sure the finder is that this is the place meant, 0–1 (1: a curated newsletter's answer). */
  confidence: number;
  source: MentionSource;
  /**
   * 'demonym' for a word like "Russian" read as a mention of its country; 'street' for a street
   * or road ("Orchard St.") read as a mention of its town; else 'name'.
   */
  form: 'name' | 'demonym' | 'street';
}

/** Where a mention stands in the text: its words, its story and its sentence (a review's names share it). */
export type MentionSpan = Pick<Mention, 'text' | 'start' | 'end' | 'story' | 'snippetStart' | 'snippetEnd'>;

/** An error a user can cause with bad data: names the file, line, column and value. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string,
    readonly value: string,
    readonly problem: string,
  ) {
    super(`${file}:${line}: column "${column}": ${problem} (got ${JSON.stringify(value)})`);
    this.name = 'DataError';
  }
}
