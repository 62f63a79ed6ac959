/**
 * The stories' info the views read (src/ui/model.ts storyInfos): each story's mentions at once;
 * its places, their count and its search haystack made when first read, and the same as made
 * eagerly (a large newsletter's thousands of stories must not all be sorted before the first marker);
 * the routes' lines and points.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { loadAtlas } from '../../src/core';
import { greatCirclePath, greatCirclePoints } from '../../src/geo';
import { readDataFiles } from '../../src/cli/data';

// The map (Leaflet) needs a browser; the model uses only its route styles.
vi.mock('../../src/map', () => ({ routeStyle: (i: number) => ({ index: i }) }));
const { mapRoutes, storyInfos, matchesQuery } = await import('../../src/ui/model');

const text = readFileSync(
  new URL('../../data/newsletters/russian-embassy-newsletter-2020-06.txt', import.meta.url),
  'utf8',
);
const atlas = loadAtlas({ text, ...readDataFiles() });

describe('storyInfos', () => {
  it('gives each story its mentions in text order, and its places most mentioned first, then by name', () => {
    const infos = storyInfos(atlas);
    expect(infos).toHaveLength(atlas.stories.length);
    for (const story of atlas.stories) {
      const info = infos[story.index]!;
      const own = atlas.mentions.filter((m) => m.story === story.index);
      expect(info.mentions).toEqual(own);
      const counts = new Map<string, number>();
      for (const m of own) counts.set(m.placeId, (counts.get(m.placeId) ?? 0) + 1);
      expect(info.places.map((p) => [p.place.id, p.mentions])).toEqual(
        [...counts].sort(
          (a, b) =>
            b[1] - a[1] ||
            atlas.gazetteer.byId.get(a[0])!.name.localeCompare(atlas.gazetteer.byId.get(b[0])!.name, 'en'),
        ),
      );
    }
    expect(infos.some((i) => i.places.length > 1)).toBe(true);
  });

  it('counts a story’s places without making them, and the count is the places’ length', () => {
    const counted = storyInfos(atlas);
    const made = storyInfos(atlas);
    for (const i of made.keys()) {
      const count = counted[i]!.placeCount;
      expect(count).toBe(made[i]!.places.length);
      expect(counted[i]!.placeCount).toBe(count);
    }
  });

  it('searches a story’s title, text and place names, lower-cased, made once when first read', () => {
    const infos = storyInfos(atlas);
    const story = atlas.stories.find((s) => infos[s.index]!.places.length > 0)!;
    const info = infos[story.index]!;
    const name = info.places[0]!.place.name;
    const haystack = info.haystack;
    expect(haystack).toBe(
      [story.title, atlas.text.slice(story.start, story.end), ...info.places.map((p) => p.place.name)]
        .join('\n')
        .toLocaleLowerCase('en'),
    );
    expect(info.haystack).toBe(haystack);
    expect(matchesQuery(info, `  ${name.toUpperCase()} `)).toBe(true);
    expect(matchesQuery(info, `${name} nowhere-such-word`)).toBe(false);
    expect(matchesQuery(info, '   ')).toBe(true);
  });
});

describe('mapRoutes', () => {
  it('draws each route as its great-circle path (Mercator lines) and points (the polar map)', () => {
    const routes = mapRoutes(atlas);
    expect(routes.map((r) => r.id)).toEqual(atlas.routes.map((r) => r.place.id));
    expect(routes.length).toBeGreaterThan(0);
    for (const [i, r] of atlas.routes.entries()) {
      expect(routes[i]!.lines).toEqual(greatCirclePath(r.waypoints));
      expect(routes[i]!.points).toEqual(greatCirclePoints(r.waypoints));
    }
  });
});
