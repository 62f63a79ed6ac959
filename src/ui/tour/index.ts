/** The classroom tour: the Present button; the tour, editor, presenter and handout load lazily. */
export { Present } from './TourLauncher';
export type { TourFlight, TourMap, TourUrl } from './types';
/** The setting the tour's high-contrast theme is kept under in the library (the offline copy carries it). */
export { CONTRAST_SETTING } from './tourStore';
export type { OpenTourStore } from './useTourStore';
