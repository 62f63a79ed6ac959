/**
 * Geoparsing a text the curated data was not made for: the broad finder's mentions and the
 * curated finder's, combined. The curated gazetteer's entries are candidates like any other:
 * - where both name the same words, evidence in the text that made the broad finder's choice
 *   (a "City, State" pattern, the text's geography) wins ("Vancouver" in an article about British
 *   Columbia); without such evidence the curated place decides: the broad candidate that is the
 *   same place (with GeoNames' position), else the curated place itself;
 * - a longer name wins over a shorter one inside it ("Washington County" over "Washington",
 *   "the Alaska-Siberia air route" over "Alaska");
 * - a street or numbered road ("Orchard St.", "Route 128") is a mention of the town named
 *   right after it (", Alexandria"), else of the town named last before it in its story, else
 *   the next; the names inside it are no mentions of their own ("Wichita Drive"). A street with
 *   no town in its story is left out;
 * - what only one finder found is kept.
 */
import { distance } from '@turf/distance';
import type { BroadGeoparser } from '../atlas';
import type { Gazetteer, Mention, Place, PlaceKind, Story } from '../types';
import { normalizeText } from '../normalize';
import { sentenceFinder } from '../mentions';
import type { BroadGazetteer, BroadKind, BroadPlace } from './format';
import type { UnmatchedName } from '../review/types';
import { findBroadMentions, type BroadMention, type Lexicon, type UnmatchedSpan } from './finder';
import { placeKey } from './key';
import { findStreets } from './streets';

/** Two points this close are taken for the same place. */
export const SAME_PLACE_KM = 100;
/** A curated region and a broad admin-1 or admin-2 of its country this close are the same. */
const REGION_KM = 400;
/** The confidence of a curated place found in a text it was not curated for, with no broad rival. */
const CURATED_ELSEWHERE = 0.8;
/** The confidence of a street placed at its town: the town is likely, the point is the town's. */
const STREET = 0.5;

const KIND: Record<BroadKind, PlaceKind> = {
  continent: 'continent',
  country: 'country',
  admin1: 'region',
  water: 'water',
  region: 'region',
  mountains: 'landmark',
  lake: 'water',
  river: 'water',
  admin2: 'region',
  capital: 'city',
  city: 'city',
};

const SOURCE_NOTE: Record<BroadKind, string> = {
  continent: 'broad gazetteer: continents',
  country:
    'broad gazetteer: country names from i18n-iso-countries, position from world-atlas (Natural Earth) or, for the largest, data/geo/broad/country-points.csv',
  admin1: 'broad gazetteer: GeoNames admin-1 name; position from us-atlas or the mean of its GeoNames places',
  admin2: 'broad gazetteer: GeoNames admin-2 name; position from us-atlas or the mean of its GeoNames places',
  capital: 'GeoNames cities500',
  city: 'GeoNames cities500',
  water: 'curated: data/geo/broad/places.csv',
  region: 'curated: data/geo/broad/places.csv',
  mountains: 'curated: data/geo/broad/places.csv',
  lake: 'curated: data/geo/broad/places.csv',
  river: 'curated: data/geo/broad/places.csv',
};

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A stable id for a broad place: its GeoNames id, else its kind, country, region and name. */
export function broadPlaceId(p: BroadPlace): string {
  if (p.geonames > 0) return `geonames-${p.geonames}`;
  const parts = [p.kind, p.country.toLowerCase(), p.admin1.toLowerCase(), slug(p.name)].filter(
    (x) => x !== '',
  );
  return parts.join('-');
}

/**
 * The Places made of broad places, by gazetteer index, with the place each was made of (a text
 * names the same few places thousands of times); kept while the place at the index is the same.
 */
const made = new Map<number, { from: BroadPlace; place: Place }>();
/** Past this many places, `made` starts again (a bound on memory). */
const REMEMBERED_PLACES = 50_000;
const samePlace = (a: BroadPlace, b: BroadPlace) =>
  a === b ||
  (a.name === b.name &&
    a.kind === b.kind &&
    a.lat === b.lat &&
    a.lon === b.lon &&
    a.country === b.country &&
    a.admin1 === b.admin1 &&
    a.geonames === b.geonames);

/** A broad place as a Place of the atlas (made once, then the same Place for the same place). */
export function broadPlace(p: BroadPlace): Place {
  const known = made.get(p.index);
  if (known && samePlace(known.from, p)) return known.place;
  if (made.size >= REMEMBERED_PLACES) made.clear();
  const place = makePlace(p);
  made.set(p.index, { from: p, place });
  return place;
}

function makePlace(p: BroadPlace): Place {
  return {
    id: broadPlaceId(p),
    name: p.name,
    aliases: [],
    kind: KIND[p.kind],
    lat: p.lat,
    lon: p.lon,
    country: p.country,
    wikidata: '',
    source: SOURCE_NOTE[p.kind],
    route: '',
    line: 0,
    ...(p.geonames > 0 ? { geonames: p.geonames } : {}),
  };
}

/** Great-circle kilometres between two places (turf, as the eval's scoring measures them). */
const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
  distance([a.lon, a.lat], [b.lon, b.lat], { units: 'kilometers' });

/**
 * A curated place and a broad one that are the same: the same country; a region of the same
 * country within REGION_KM (states are large, and their centres drawn differently); any other
 * place within SAME_PLACE_KM.
 */
function sameEntity(curated: Place, p: BroadPlace): boolean {
  if (curated.kind === 'country' || p.kind === 'country') {
    return curated.kind === p.kind && curated.country === p.country;
  }
  if (curated.kind === 'region' && (p.kind === 'admin1' || p.kind === 'admin2')) {
    return curated.country === p.country && km(curated, p) <= REGION_KM;
  }
  return km(curated, p) <= SAME_PLACE_KM;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * The mentions of `text` by both finders, in text order, each in its story (mentions outside
 * every story are dropped, as the curated finder does), with the broad places they name added to
 * a copy of the gazetteer.
 */
export function combineMentions(
  text: string,
  stories: readonly Story[],
  curated: readonly Mention[],
  gazetteer: Gazetteer,
  places: BroadGazetteer,
  lexicon: Lexicon,
  /** Also the names that matched no place (the review's): a scan of their own, so only when asked. */
  withUnmatched = false,
): { mentions: Mention[]; gazetteer: Gazetteer; unmatched: UnmatchedName[] } {
  const missed: UnmatchedSpan[] = [];
  const broad = findBroadMentions(text, places, lexicon, stories, withUnmatched ? missed : undefined);
  const added = new Map<string, Place>();
  type Pick = {
    start: number;
    end: number;
    place: Place;
    confidence: number;
    source: Mention['source'];
    form: Mention['form'];
  };
  const picks: Pick[] = [];
  const fromBroad = (b: BroadMention): Pick => {
    const place = broadPlace(b.place);
    const known = gazetteer.byId.get(place.id) ?? added.get(place.id);
    if (!known) added.set(place.id, place);
    return {
      start: b.start,
      end: b.end,
      place: known ?? place,
      confidence: b.confidence,
      source: 'geonames',
      form: b.form,
    };
  };
  /** The candidate that is `place`, of its own kind first (a city before the region of its name). */
  const twinAmongUncached = (place: Place, candidates: readonly number[]): number | undefined => {
    const same = candidates.filter((i) => sameEntity(place, places.place(i)));
    return same.find((i) => KIND[places.place(i).kind] === place.kind) ?? same[0];
  };
  // Asked again and again of the same place and name (the broad finder shares a name's list of
  // candidates between its mentions): answered once for each.
  const twinsAmong = new Map<readonly number[], Map<Place, number | undefined>>();
  const twinAmong = (place: Place, candidates: readonly number[]): number | undefined => {
    let byPlace = twinsAmong.get(candidates);
    if (!byPlace) twinsAmong.set(candidates, (byPlace = new Map()));
    if (byPlace.has(place)) return byPlace.get(place);
    const twin = twinAmongUncached(place, candidates);
    byPlace.set(place, twin);
    return twin;
  };
  const twins = new Map<string, BroadPlace | null>();
  /** The broad place that is `place`, found by its name or an alias, or null. */
  const twinByName = (place: Place): BroadPlace | null => {
    let twin = twins.get(place.id);
    if (twin === undefined) {
      twin = null;
      for (const name of [place.name, ...place.aliases]) {
        const i = twinAmong(place, places.lookup(name));
        if (i !== undefined) {
          twin = places.place(i);
          break;
        }
      }
      twins.set(place.id, twin);
    }
    return twin;
  };
  let j = 0;
  const taken = new Set<number>();
  for (const m of curated) {
    const place = gazetteer.byId.get(m.placeId)!;
    while (j < broad.length && broad[j]!.end <= m.start) {
      if (!taken.has(j)) picks.push(fromBroad(broad[j]!));
      taken.add(j);
      j++;
    }
    const rivals: number[] = [];
    for (let k = j; k < broad.length && broad[k]!.start < m.end; k++)
      if (overlaps(broad[k]!, m)) rivals.push(k);
    const longer = rivals.find((k) => broad[k]!.end - broad[k]!.start > m.end - m.start);
    const same = rivals.find((k) => broad[k]!.start === m.start && broad[k]!.end === m.end);
    rivals.forEach((k) => taken.add(k));
    if (longer !== undefined) {
      picks.push(fromBroad(broad[longer]!));
      continue;
    }
    const b = same !== undefined ? broad[same]! : undefined;
    if (b) {
      // The curated place among the broad candidates: it decides between them, unless evidence in
      // the text (a pattern, the text's geography) made the broad choice. Either way the place is
      // the broad gazetteer's, with GeoNames' position.
      const twin = twinAmong(place, b.candidates);
      const decided = b.by === 'pattern' || b.by === 'discourse' || b.by === 'geography';
      if (twin !== undefined) {
        const confidence = Math.max(b.confidence, CURATED_ELSEWHERE);
        picks.push(fromBroad(decided ? b : { ...b, place: places.place(twin), confidence }));
        continue;
      }
      if (decided) {
        picks.push(fromBroad(b));
        continue;
      }
    }
    const confidence = b ? Math.max(b.confidence, CURATED_ELSEWHERE) : CURATED_ELSEWHERE;
    // The same place under its own name in the broad gazetteer ("America" → United States).
    const named = twinByName(place);
    if (named) {
      picks.push(
        fromBroad({
          start: m.start,
          end: m.end,
          text: m.text,
          place: named,
          form: 'name',
          confidence,
          rivals: 0,
          by: 'only',
          candidates: [named.index],
        }),
      );
      continue;
    }
    picks.push({
      start: m.start,
      end: m.end,
      place,
      confidence,
      source: 'curated',
      form: 'name',
    });
  }
  for (; j < broad.length; j++) if (!taken.has(j)) picks.push(fromBroad(broad[j]!));
  picks.sort((a, b) => a.start - b.start);
  placeStreets(text, stories, picks);

  // Into stories, with the sentence around each.
  const norm = normalizeText(text);
  const sentence = sentenceFinder(text, norm);
  const mentions: Mention[] = [];
  let story = 0;
  let lastEnd = 0;
  for (const p of picks) {
    if (p.start < lastEnd) continue; // overlapping picks: the first (longer or earlier) stands
    while (story < stories.length && stories[story]!.end <= p.start) story++;
    if (story >= stories.length || stories[story]!.start > p.start) continue;
    const [snippetStart, snippetEnd] = sentence(p.start, p.end);
    mentions.push({
      placeId: p.place.id,
      text: text.slice(p.start, p.end),
      start: p.start,
      end: p.end,
      story,
      snippetStart,
      snippetEnd,
      confidence: p.confidence,
      source: p.source,
      form: p.form,
    });
    lastEnd = p.end;
  }
  const all = [...gazetteer.places, ...added.values()];
  return {
    mentions,
    gazetteer: { places: all, byId: new Map(all.map((p) => [p.id, p])), rules: gazetteer.rules },
    // A scan of their own (a sentence finder's calls go in text order).
    unmatched: missed.length
      ? unmatchedNames(text, stories, missed, mentions, sentenceFinder(text, norm))
      : [],
  };
}

/**
 * The finder's unmatched names that are in a story and no part of a mention (the curated finder
 * may know a name the broad gazetteer lacks), with their story and sentence.
 */
function unmatchedNames(
  text: string,
  stories: readonly Story[],
  missed: readonly UnmatchedSpan[],
  mentions: readonly Mention[],
  sentence: (start: number, end: number) => [number, number],
): UnmatchedName[] {
  const out: UnmatchedName[] = [];
  let k = 0;
  let story = 0;
  for (const u of missed) {
    while (k < mentions.length && mentions[k]!.end <= u.start) k++;
    if (k < mentions.length && mentions[k]!.start < u.end) continue;
    while (story < stories.length && stories[story]!.end <= u.start) story++;
    if (story >= stories.length || stories[story]!.start > u.start) continue;
    const [snippetStart, snippetEnd] = sentence(u.start, u.end);
    out.push({
      name: placeKey(u.text),
      text: text.slice(u.start, u.end),
      start: u.start,
      end: u.end,
      story,
      snippetStart,
      snippetEnd,
    });
  }
  return out;
}

type StreetPick = { start: number; end: number; place: Place; confidence: number; form: Mention['form'] };

/**
 * Adds the streets of `text` to `picks` (sorted by start, and left so), each as a mention of its
 * town (see the header), in place of the names inside it.
 */
function placeStreets<P extends StreetPick>(text: string, stories: readonly Story[], picks: P[]): void {
  const streets = findStreets(text);
  if (streets.length === 0) return;
  /** The index of the story holding offset `at`, or -1 (stories are sorted and apart). */
  const storyOf = (at: number) => {
    let lo = 0;
    let hi = stories.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = stories[mid]!;
      if (at < s.start) hi = mid - 1;
      else if (at >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  const towns = picks.filter((p) => p.place.kind === 'city' && p.form === 'name');
  const placed: P[] = [];
  let t = 0; // the first town starting at or after the street's end
  for (const street of streets) {
    while (t < towns.length && towns[t]!.start < street.end) t++;
    const story = storyOf(street.start);
    if (story < 0) continue;
    const after = towns[t];
    const before = towns[t - 1] && towns[t - 1]!.end <= street.start ? towns[t - 1] : undefined;
    const inStory = (p: P | undefined) => p !== undefined && storyOf(p.start) === story;
    const next = inStory(after) && /^,\s*$/.test(text.slice(street.end, after!.start)) ? after : undefined;
    const town = next ?? (inStory(before) ? before : inStory(after) ? after : undefined);
    if (town)
      placed.push({ ...town, start: street.start, end: street.end, confidence: STREET, form: 'street' });
  }
  if (placed.length === 0) return;
  // Merged in text order; the names inside a street are part of its name, not mentions.
  const merged: P[] = [];
  let k = 0;
  for (const p of picks) {
    while (k < placed.length && placed[k]!.start <= p.start) merged.push(placed[k++]!);
    const last = merged[merged.length - 1];
    if (last?.form === 'street' && last.start <= p.start && p.end <= last.end) continue;
    merged.push(p);
  }
  for (; k < placed.length; k++) merged.push(placed[k]!);
  // Copied back one by one: a spread of 100,000 items overflows the call stack.
  picks.length = 0;
  for (const p of merged) picks.push(p);
}

/** The broad gazetteer's geoparser for loadData. */
export function createBroadGeoparser(places: BroadGazetteer, lexicon: Lexicon): BroadGeoparser {
  return {
    combine: (text, stories, curated, gazetteer, withUnmatched) =>
      combineMentions(text, stories, curated, gazetteer, places, lexicon, withUnmatched),
  };
}
