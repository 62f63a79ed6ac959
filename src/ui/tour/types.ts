/** What the tour asks of the app: its map and its flight playback (shared by every tour file). */
import type { Position } from 'geojson';
import type { ContextFeature, Moment } from '../../core';
import type { Track } from '../../geo';

/** What the tour may ask of the app's map. */
export interface TourMap {
  /** Fit these [lon, lat] points (the app's view request). */
  fit: (points: Position[]) => void;
  /** Show the polar map (flight slides) or the world map. */
  setPolar: (on: boolean) => void;
  /** Show the flight's plane on the map, at the clock's time. */
  showPlane: (on: boolean) => void;
  /** Show context features (a river, neighbouring cities) and a north arrow; [] hides them. */
  showContext: (features: readonly ContextFeature[]) => void;
  /** Pick out the slide's places on the map (gazetteer ids); none when the slide is gone. */
  setPlaces: (ids: readonly string[]) => void;
}

/** The app's flight playback: the track the plane follows, the newsletter's moments, the clock. */
export interface TourFlight {
  track: Track;
  moments: readonly Moment[];
  clock: { set: (elapsedMs: number) => void };
  /** Context for its moments (data: `<route>.context.csv`). */
  context?: readonly ContextFeature[];
}
