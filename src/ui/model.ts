/** What the views derive from an Atlas: map markers and routes, per-story places, search. */
import type { Position } from 'geojson';
import type { Atlas, Mention, Place } from '../core';
import { greatCirclePath, greatCirclePoints, onMercator } from '../geo';
import { isInView, routeStyle, type GeoBounds, type MapPlace, type MapRoute } from '../map';
import { lazyHaystack, type Searched } from './search';

export { matchesQuery, warmHaystacks } from './search';

/** A place's point as [lon, lat]. */
export const placePosition = (p: Place): Position => [p.lon, p.lat];

/** Distinct stories (index ≥ 0) among a place summary's stories. */
const storyCount = (stories: readonly number[]) => stories.filter((s) => s >= 0).length;

/** One marker per mentioned place; routes are drawn as lines instead. */
export function mapPlaces(atlas: Atlas): MapPlace[] {
  return atlas.places
    .filter((s) => s.place.kind !== 'route')
    .map((s) => ({
      id: s.place.id,
      name: s.place.name,
      position: placePosition(s.place),
      stories: storyCount(s.stories),
    }));
}

/** Every route of the gazetteer, each styled by its position in the gazetteer. */
export function mapRoutes(atlas: Atlas): MapRoute[] {
  return atlas.routes.map((r, i) => ({
    id: r.place.id,
    name: r.place.name,
    lines: greatCirclePath(r.waypoints),
    points: greatCirclePoints(r.waypoints),
    style: routeStyle(i),
    waypoints: r.waypoints.map(({ name, source, note }) => ({ name, source, note })),
  }));
}

/** The points a place stands for on the map: a route's waypoints, else its own point. */
export function placePoints(atlas: Atlas, place: Place): Position[] {
  if (place.kind === 'route') {
    const route = atlas.routes.find((r) => r.place.id === place.id);
    if (route && route.waypoints.length) return route.waypoints.map((w) => [w.lon, w.lat]);
  }
  return [placePosition(place)];
}

/** Places the Mercator map cannot show (every point beyond its latitudes: the Pole): ids. */
export function beyondMercator(atlas: Atlas): Set<string> {
  return new Set(
    atlas.places
      .filter((s) => placePoints(atlas, s.place).every((p) => !onMercator(p)))
      .map((s) => s.place.id),
  );
}

export interface StoryPlace {
  place: Place;
  mentions: number;
}

/** Per story: its mentions (text order) and its places, most mentioned first. */
export interface StoryInfo extends Searched {
  mentions: Mention[];
  places: StoryPlace[];
}

export function storyInfos(atlas: Atlas): StoryInfo[] {
  // Each story's mentions in text order, gathered in one pass (not one pass per story).
  const ofStory = new Map<number, Mention[]>();
  for (const m of atlas.mentions) {
    const list = ofStory.get(m.story);
    if (list) list.push(m);
    else ofStory.set(m.story, [m]);
  }
  const byName = new Intl.Collator('en').compare;
  return atlas.stories.map((story) => {
    const mentions = ofStory.get(story.index) ?? [];
    const counts = new Map<string, number>();
    for (const m of mentions) counts.set(m.placeId, (counts.get(m.placeId) ?? 0) + 1);
    const places = [...counts]
      .map(([id, n]) => ({ place: atlas.gazetteer.byId.get(id)!, mentions: n }))
      .filter((p) => p.place !== undefined)
      .sort((a, b) => b.mentions - a.mentions || byName(a.place.name, b.place.name));
    // What a search looks in, made on the first search (or in idle time, warmHaystacks), not
    // before the first marker: lower-casing a large newsletter's every story takes a while.
    // Assigned onto the lazy object: a spread would read (make) the haystack now.
    const searched = lazyHaystack(() => [
      story.title,
      atlas.text.slice(story.start, story.end),
      ...places.map((p) => p.place.name),
    ]);
    return Object.assign(searched, { mentions, places });
  });
}

/** True when at least one of the story's places is inside the map view. */
export function storyInView(atlas: Atlas, info: StoryInfo, bounds: GeoBounds): boolean {
  return info.places.some((p) => placePoints(atlas, p.place).some((pt) => isInView(bounds, pt)));
}

export const pluralize = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
