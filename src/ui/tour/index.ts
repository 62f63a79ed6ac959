/** The classroom tour: the Present button; the tour, editor, presenter and handout load lazily. */
export { Present } from './TourLauncher';
export type { TourFlight, TourMap, TourUrl } from './types';
export type { OpenTourStore } from './useTourStore';
