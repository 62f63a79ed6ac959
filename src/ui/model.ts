/** What the views derive from an Atlas: map markers and routes, per-story places, search. */
import type { Position } from 'geojson';
import { sortByName, type Atlas, type Mention, type Place, type Story } from '../core';
import { greatCirclePoints, onMercator, wrapLine } from '../geo';
import { isInView, routeStyle, type GeoBounds, type MapPlace, type MapRoute } from '../map';
import type { Searched } from './search';

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
  return atlas.routes.map((r, i) => {
    // The densified path once: the Mercator lines are it unwrapped at ±180° (greatCirclePath).
    const points = greatCirclePoints(r.waypoints);
    return {
      id: r.place.id,
      name: r.place.name,
      lines: r.waypoints.length ? wrapLine(points) : [],
      points,
      style: routeStyle(i),
      waypoints: r.waypoints.map(({ name, source, note }) => ({ name, source, note })),
    };
  });
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
  /** Made on first read (the list's rows on screen, a search, idle time), not before the first marker. */
  readonly places: StoryPlace[];
  /** How many places it has (`places.length`), counted without making and sorting them. */
  readonly placeCount: number;
}

/** What the stories of one atlas share: the place lookup. */
interface Shared {
  atlas: Atlas;
}

/**
 * A story's info. Its places (sorted by name) and its haystack (lower-cased) are made when first
 * read: the list's rows on screen, a search, idle time (warmHaystacks), not before the first
 * marker of a newsletter with thousands of stories. The getters live on the class, not on each
 * story.
 */
class LazyStoryInfo implements StoryInfo {
  private madePlaces: StoryPlace[] | undefined;
  private madeCount: number | undefined;
  private madeHaystack: string | undefined;
  constructor(
    private readonly shared: Shared,
    private readonly story: Story,
    readonly mentions: Mention[],
  ) {}

  get places(): StoryPlace[] {
    if (this.madePlaces) return this.madePlaces;
    const { atlas } = this.shared;
    const counts = new Map<string, number>();
    for (const m of this.mentions) counts.set(m.placeId, (counts.get(m.placeId) ?? 0) + 1);
    return (this.madePlaces = sortByName(
      [...counts]
        .map(([id, n]) => ({ place: atlas.gazetteer.byId.get(id)!, mentions: n }))
        .filter((p) => p.place !== undefined),
      (p) => p.place.name,
      (a, b) => b.mentions - a.mentions,
    ));
  }

  get placeCount(): number {
    if (this.madeCount !== undefined) return this.madeCount;
    if (this.madePlaces) return (this.madeCount = this.madePlaces.length);
    const { byId } = this.shared.atlas.gazetteer;
    const ids = new Set<string>();
    for (const m of this.mentions) if (byId.has(m.placeId)) ids.add(m.placeId);
    return (this.madeCount = ids.size);
  }

  get haystack(): string {
    return (this.madeHaystack ??= [
      this.story.title,
      this.shared.atlas.text.slice(this.story.start, this.story.end),
      ...this.places.map((p) => p.place.name),
    ]
      .join('\n')
      .toLocaleLowerCase('en'));
  }
}

export function storyInfos(atlas: Atlas): StoryInfo[] {
  // Each story's mentions in text order, gathered in one pass (not one pass per story).
  const ofStory = new Map<number, Mention[]>();
  for (const m of atlas.mentions) {
    const list = ofStory.get(m.story);
    if (list) list.push(m);
    else ofStory.set(m.story, [m]);
  }
  const shared: Shared = { atlas };
  return atlas.stories.map((story) => new LazyStoryInfo(shared, story, ofStory.get(story.index) ?? []));
}

/** True when at least one of the story's places is inside the map view. */
export function storyInView(atlas: Atlas, info: StoryInfo, bounds: GeoBounds): boolean {
  return info.places.some((p) => placePoints(atlas, p.place).some((pt) => isInView(bounds, pt)));
}

export const pluralize = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
