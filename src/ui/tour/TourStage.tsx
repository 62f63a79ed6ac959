/**
 * What a slide does to the map: fit its places; slides that show the flight (the title slide, the
 * flight's own slides, slides naming it) switch to the polar map, and flight slides put the plane
 * where it was at that moment. Renders nothing.
 */
import type { Position } from 'geojson';
import { useEffect } from 'react';
import type { Slide } from '../../core';
import type { TourFlight, TourMap } from './types';

export function TourStage({ slide, map, flight }: { slide: Slide; map: TourMap; flight: TourFlight | null }) {
  useEffect(() => {
    const moment = slide.flight;
    const flying = moment !== undefined && flight !== null && flight.track.waypoints.length > moment.waypoint;
    // A slide that shows the flight is shown on the polar map (Mercator cannot show the Pole).
    map.setPolar(flying || slide.polar === true);
    map.showPlane(flying);
    if (flying) flight.clock.set(moment.elapsedMs);
    // A moment with context (the landing: the river and the cities around the field) shows it,
    // and the map frames the moment's place with its context rather than the whole leg.
    const context = flying ? (flight.context ?? []).filter((f) => f.waypoint === moment.waypoint) : [];
    map.showContext(context);
    const here = flying ? flight.track.waypoints[moment.waypoint] : undefined;
    const points: Position[] =
      context.length && here ? [[here.lon, here.lat], ...context.flatMap((f) => f.points)] : slide.points;
    map.setPlaces(slide.places);
    // After the layout has settled (the map area changes size when the tour opens).
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        if (points.length) map.fit(points);
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
      map.setPlaces([]);
    };
  }, [slide, map, flight]);
  return null;
}
