/**
 * Where the classroom tour keeps the teacher's choices: localStorage, under
 * `newsletter-atlas:tour:<newsletter id>` (the saved-tour JSON) and `newsletter-atlas:tour-contrast`.
 * A saved tour that cannot be read is moved aside to `<key>:unreadable`, never thrown away.
 */
import {
  fingerprint,
  parseSavedTour,
  serializeTour,
  type Atlas,
  type SavedTour,
  type TourContext,
} from '../../core';

export const TOUR_KEY_PREFIX = 'newsletter-atlas:tour:';
export const CONTRAST_KEY = 'newsletter-atlas:tour-contrast';

/** The newsletter whose tour was last read or written on this page. */
let activeKey: string | null = null;

/** The id a tour is saved under: the catalog id, else one derived from the text. */
export function newsletterId(atlas: Atlas): string {
  return atlas.newsletter?.id ?? `text-${fingerprint(atlas.text)}`;
}

export const tourKey = (newsletter: string) => `${TOUR_KEY_PREFIX}${newsletter}`;

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): boolean {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export interface LoadedTour {
  tour: SavedTour | null;
  /** Why the saved tour could not be read (it was kept under `<key>:unreadable`), or null. */
  problem: string | null;
}

/** The saved tour of `ctx.newsletter`, or null when none is saved. */
export function loadSavedTour(ctx: TourContext): LoadedTour {
  const key = tourKey(ctx.newsletter);
  activeKey = key;
  const text = read(key);
  if (text === null) return { tour: null, problem: null };
  try {
    return { tour: parseSavedTour(text, ctx), problem: null };
  } catch (e) {
    write(`${key}:unreadable`, text);
    write(key, null);
    return {
      tour: null,
      problem: `The saved tour could not be read (${(e as Error).message}); it was kept under "${key}:unreadable" and the default tour is shown.`,
    };
  }
}

/** Saves the tour; false when the browser refused (storage full or disabled). */
export function saveTour(tour: SavedTour): boolean {
  const key = tourKey(tour.newsletter);
  activeKey = key;
  return write(key, serializeTour(tour));
}

/** Forgets the saved tour: the default tour again. */
export function clearSavedTour(newsletter: string): boolean {
  return write(tourKey(newsletter), null);
}

/**
 * The saved tour's JSON text of the newsletter in use (for the offline copy), else of any
 * newsletter with one saved; null when none is saved.
 */
export function currentSavedTourText(): string | null {
  if (activeKey !== null) {
    const text = read(activeKey);
    if (text !== null) return text;
  }
  try {
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key && key.startsWith(TOUR_KEY_PREFIX) && !key.endsWith(':unreadable')) return read(key);
    }
  } catch {
    return null;
  }
  return null;
}

export const readContrast = () => read(CONTRAST_KEY) === 'high';
export const writeContrast = (high: boolean) => write(CONTRAST_KEY, high ? 'high' : 'normal');
