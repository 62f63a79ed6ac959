/**
 * What a slide does to the map: fit its places; flight slides switch to the polar map and put
 * the plane where it was at that moment. Renders nothing.
 */
import { useEffect } from 'react';
import type { Slide } from '../../core';
import type { TourFlight, TourMap } from './types';

export function TourStage({ slide, map, flight }: { slide: Slide; map: TourMap; flight: TourFlight | null }) {
  useEffect(() => {
    const moment = slide.flight;
    const flying = moment !== undefined && flight !== null && flight.track.waypoints.length > moment.waypoint;
    map.setPolar(flying);
    map.showPlane(flying);
    if (flying) flight.clock.set(moment.elapsedMs);
    map.setPlaces(slide.places);
    // After the layout has settled (the map area changes size when the tour opens).
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        if (slide.points.length) map.fit(slide.points);
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
