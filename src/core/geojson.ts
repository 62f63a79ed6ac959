import type { Atlas } from './atlas';

type Position = [number, number];

export interface MentionFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: Position } | { type: 'LineString'; coordinates: Position[] };
  properties: {
    id: string;
    name: string;
    text: string;
    start: number;
    end: number;
    story: number;
    storyTitle: string;
    /** The place's kind (country, city, route, …), or 'demonym' for "Russian" as a mention of Russia. */
    kind: string;
    /** How sure the finder is, 0–1. */
    confidence: number;
    /** 'curated' or 'geonames' (the broad gazetteer). */
    source: string;
    /** ISO 3166-1 alpha-2, where known. */
    country?: string;
    /** The GeoNames id, where the place came from GeoNames. */
    geonames?: number;
  };
}

export interface MentionCollection {
  type: 'FeatureCollection';
  features: MentionFeature[];
}

/**
 * The mentions of an atlas as an RFC 7946 FeatureCollection, one Feature per mention in text
 * order: a Point for a place, a LineString through the waypoints for a route. This is the
 * CLI's output contract; keep it stable.
 */
export function mentionsToGeoJSON(atlas: Atlas): MentionCollection {
  const routeLines = new Map(
    atlas.routes.map((r) => [r.place.id, r.waypoints.map((w): Position => [w.lon, w.lat])]),
  );
  return {
    type: 'FeatureCollection',
    features: atlas.mentions.map((m) => {
      const place = atlas.gazetteer.byId.get(m.placeId)!;
      const line = routeLines.get(place.id);
      return {
        type: 'Feature',
        geometry: line
          ? { type: 'LineString', coordinates: line }
          : { type: 'Point', coordinates: [place.lon, place.lat] },
        properties: {
          id: place.id,
          name: place.name,
          text: m.text,
          start: m.start,
          end: m.end,
          story: m.story,
          storyTitle: atlas.stories[m.story]?.title ?? '',
          kind: m.form === 'name' ? place.kind : m.form,
          confidence: Math.round(m.confidence * 100) / 100,
          source: m.source,
          ...(place.country !== '' ? { country: place.country } : {}),
          ...(place.geonames ? { geonames: place.geonames } : {}),
        },
      };
    }),
  };
}
