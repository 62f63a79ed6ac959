/** The tour's slides, built from the atlas and the flight: shared by the tour and the presenter view. */
import { useMemo } from 'react';
import { buildSlides, type Atlas, type Moment, type TourContext } from '../../core';
import { newsletterId } from './tourStore';
import type { TourFlight } from './types';

/** The built slides and what the saved tour may refer to. */
export function useTourData(atlas: Atlas, flight: TourFlight | null) {
  return useMemo(() => {
    const route = flight ? atlas.routes.find((r) => r.waypoints === flight.track.waypoints) : undefined;
    const moments = new Map<string, readonly Moment[]>(
      route && flight ? [[route.place.id, flight.moments]] : [],
    );
    const slides = buildSlides(atlas, { moments });
    const ctx: TourContext = {
      newsletter: newsletterId(atlas),
      slideIds: slides.map((s) => s.id),
      placeIds: new Set(atlas.gazetteer.places.map((p) => p.id)),
    };
    return { slides, ctx };
  }, [atlas, flight]);
}
