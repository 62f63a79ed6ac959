/**
 * The app's Atlas of a worker result: the page's curated gazetteer and routes (from loadData),
 * with the places of the broad gazetteer the result names added; and how the page finds the places
 * review choices name. Apart from client.ts so that the page can use them without loading the
 * worker's client.
 */
import type { Atlas, CatalogEntry, Gazetteer, Place, RouteData } from '../core';
import type { GeoparseResult, ReviewData } from './protocol';

/** No review data: nothing to review, no candidates, no places of earlier choices. */
export const NO_REVIEW: ReviewData = { unmatched: [], candidates: {}, chosen: [] };

/**
 * The result of an atlas (atlasFromResult's inverse): its text, stories, mentions and places,
 * with the file's name and format and the review's data.
 */
export function resultOfAtlas(
  atlas: Atlas,
  from: Pick<GeoparseResult, 'name' | 'format'> & Partial<Pick<GeoparseResult, 'review' | 'fingerprint'>>,
): GeoparseResult {
  return {
    name: from.name,
    format: from.format,
    text: atlas.text,
    newsletter: atlas.newsletter,
    stories: atlas.stories,
    mentions: atlas.mentions,
    places: atlas.places,
    unsearched: atlas.unsearched,
    furniture: atlas.furniture,
    ...(from.fingerprint ? { fingerprint: from.fingerprint } : {}),
    review: from.review ?? NO_REVIEW,
  };
}

/**
 * @param named the newsletter as the library names it, for a text the catalog does not know
 *   (the masthead, the tour and the handout show its title; its id keys the saved tour).
 */
export function atlasFromResult(
  result: GeoparseResult,
  base: { gazetteer: Gazetteer; routes: RouteData[] },
  named: CatalogEntry | null = null,
): Atlas {
  const added: Place[] = [];
  for (const { place } of result.places) if (!base.gazetteer.byId.has(place.id)) added.push(place);
  const places = [...base.gazetteer.places, ...added];
  return {
    text: result.text,
    newsletter: result.newsletter ?? named,
    stories: result.stories,
    mentions: result.mentions,
    places: result.places,
    routes: base.routes,
    gazetteer: { places, byId: new Map(places.map((p) => [p.id, p])), rules: base.gazetteer.rules },
    furniture: result.furniture,
    unsearched: result.unsearched,
  };
}

/**
 * How the page finds a place a review choice names: the page's curated gazetteer, the result's
 * places and candidates, and the places the request's choices named (review.chosen).
 */
export function reviewResolver(
  result: Pick<GeoparseResult, 'review' | 'places'>,
  base: { gazetteer: Gazetteer },
): (id: string) => Place | undefined {
  const known = new Map<string, Place>();
  for (const p of result.review.chosen) known.set(p.id, p);
  for (const list of Object.values(result.review.candidates)) for (const p of list) known.set(p.id, p);
  for (const { place } of result.places) known.set(place.id, place);
  return (id) => base.gazetteer.byId.get(id) ?? known.get(id);
}
