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

/**
 * The tour's part of the app's URL state: which slide the tour (?present=N) or the presenter
 * window (?presenter=N) shows, and the ways to change it. The app keeps it with the rest of the
 * state a URL restores, so back and forward restore it too.
 */
export interface TourUrl {
  /** The tour's 1-based slide, null while it is closed. */
  present: number | null;
  /** The presenter window's 1-based slide, null in every other window. */
  presenter: number | null;
  /** Opens the tour at its first slide, as a new history entry (Back leaves the tour). */
  open: () => void;
  /** The tour shows this 1-based slide (the history entry is rewritten). */
  slide: (n: number) => void;
  /** The presenter window shows this 1-based slide. */
  presenterSlide: (n: number) => void;
  /** The tour is left. */
  close: () => void;
}
