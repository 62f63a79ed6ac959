/**
 * Where the classroom tour keeps the teacher's choices: localStorage, under
 * `newsletter-atlas:tour:<newsletter id>` (the saved-tour JSON) and `newsletter-atlas:tour-contrast`.
 *
 * Nothing the teacher saved is lost:
 * - A read's result is kept while the key holds what it held after that read, so that a second
 *   read (React may render the tour twice before showing it) never finds the key emptied by the
 *   first one's rescue, and the reader is always told what happened; a key changed since (by
 *   another tab) is read again.
 * - A saved tour that cannot be read is copied aside, to `<key>:unreadable:<ISO time>` (one key
 *   per copy: a later unreadable tour never overwrites an earlier copy), and only once the copy is
 *   written and reads back the same is the original removed.
 * - When the copy cannot be written (storage full), the original stays under its key, and the
 *   tour does not save over it until the teacher downloads it or chooses to replace it.
 */
import {
  fingerprint,
  readSavedTour,
  serializeTour,
  type Atlas,
  type SavedTour,
  type TourContext,
} from '../../core';

export const TOUR_KEY_PREFIX = 'newsletter-atlas:tour:';
export const CONTRAST_KEY = 'newsletter-atlas:tour-contrast';
/** Between a tour's key and the time of a rescued copy: `<key>:unreadable:<ISO time>`. */
export const UNREADABLE = ':unreadable';

/** What the store needs of the browser's localStorage (a fake one in the unit tests). */
export type TourStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** The id a tour is saved under: the catalog id, else one derived from the text. */
export function newsletterId(atlas: Atlas): string {
  return atlas.newsletter?.id ?? `text-${fingerprint(atlas.text)}`;
}

export const tourKey = (newsletter: string) => `${TOUR_KEY_PREFIX}${newsletter}`;

export interface LoadedTour {
  tour: SavedTour | null;
  /** Why the saved tour could not be read and where it is now (or what was repaired), or null. */
  problem: string | null;
  /**
   * The unreadable tour could not be copied aside: it stays under its key and saves do not
   * write over it (see `unreadableText`, `replaceUnreadable`).
   */
  stuck: boolean;
}

/**
 * What became of a save: written; refused by the browser (storage full or disabled); or not
 * tried, as the key still holds an unreadable tour that could not be copied aside.
 */
export type SaveResult = 'saved' | 'full' | 'kept';

export function createTourStore(storage: () => TourStorage | null, now: () => Date) {
  /** What each key held when last read or written (`raw`, after any rescue), and what it gave. */
  const loaded = new Map<string, { raw: string | null; result: LoadedTour }>();
  /** Keys whose unreadable text could not be copied aside: key → that text. */
  const stuck = new Map<string, string>();
  /** The newsletter whose tour was last read or written on this page. */
  let activeKey: string | null = null;

  const store = (): TourStorage | null => {
    try {
      return storage();
    } catch {
      return null;
    }
  };
  const read = (key: string): string | null => {
    try {
      return store()?.getItem(key) ?? null;
    } catch {
      return null;
    }
  };
  const write = (key: string, value: string | null): boolean => {
    const s = store();
    if (!s) return false;
    try {
      if (value === null) s.removeItem(key);
      else s.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  };

  /** Copies `text` to a new `<key>:unreadable:<time>` key; the copy's key, or null when it could not be written. */
  function rescue(key: string, text: string): string | null {
    const stamp = now().toISOString();
    let copy = `${key}${UNREADABLE}:${stamp}`;
    for (let n = 2; read(copy) !== null; n++) copy = `${key}${UNREADABLE}:${stamp}#${n}`;
    if (!write(copy, text)) return null;
    if (read(copy) !== text) {
      write(copy, null);
      return null;
    }
    return copy;
  }

  function load(ctx: TourContext): LoadedTour {
    const key = tourKey(ctx.newsletter);
    activeKey = key;
    // Unchanged since the last read: the same answer (a second render must not find the key
    // emptied by the first one's rescue and lose the banner). Changed (a tour saved by another
    // tab, or put there by hand): read again.
    const known = loaded.get(key);
    if (known && known.raw === read(key)) return known.result;
    const result = readOnce(key, ctx);
    loaded.set(key, { raw: read(key), result });
    return result;
  }

  function readOnce(key: string, ctx: TourContext): LoadedTour {
    const text = read(key);
    if (text === null) return { tour: null, problem: null, stuck: false };
    let why: string;
    try {
      const { tour, repairs } = readSavedTour(text, ctx);
      return {
        tour,
        problem: repairs.length ? `The saved tour was repaired: ${repairs.join('; ')}.` : null,
        stuck: false,
      };
    } catch (e) {
      why = (e as Error).message;
    }
    const copy = rescue(key, text);
    if (copy !== null && write(key, null)) {
      return {
        tour: null,
        problem: `The saved tour could not be read (${why}); it was kept under "${copy}" and the default tour is shown.`,
        stuck: false,
      };
    }
    if (copy !== null) write(copy, null); // the original is still there: one copy is enough
    stuck.set(key, text);
    return {
      tour: null,
      problem:
        `The saved tour could not be read (${why}). Storage is too full to keep a copy, so it was not moved: ` +
        `it stays under "${key}". The default tour is shown; changes are not saved over it until you ` +
        `download it or replace it.`,
      stuck: true,
    };
  }

  function save(tour: SavedTour): SaveResult {
    const key = tourKey(tour.newsletter);
    activeKey = key;
    if (stuck.has(key)) return 'kept';
    if (!write(key, serializeTour(tour))) return 'full';
    loaded.set(key, { raw: read(key), result: { tour, problem: null, stuck: false } });
    return 'saved';
  }

  return {
    load,
    save,
    /** The text of the unreadable tour that stays under the newsletter's key, or null. */
    unreadableText: (newsletter: string) => stuck.get(tourKey(newsletter)) ?? null,
    /** Lets saves write over the unreadable tour (the teacher chose to). */
    replaceUnreadable: (newsletter: string) => {
      stuck.delete(tourKey(newsletter));
    },
    /** The keys of the copies of unreadable tours of `newsletter`, oldest first. */
    rescuedCopies(newsletter: string): string[] {
      const prefix = `${tourKey(newsletter)}${UNREADABLE}`;
      const s = store();
      const keys: string[] = [];
      try {
        for (let i = 0; s && i < s.length; i++) {
          const k = s.key(i);
          if (k?.startsWith(prefix)) keys.push(k);
        }
      } catch {
        return keys;
      }
      return keys.sort();
    },
    /** Forgets the saved tour: the default tour again (false when the browser refused). */
    clear(newsletter: string): boolean {
      const key = tourKey(newsletter);
      if (stuck.has(key)) return false;
      if (!write(key, null)) return false;
      loaded.set(key, { raw: null, result: { tour: null, problem: null, stuck: false } });
      return true;
    },
    /**
     * The saved tour's JSON text of the newsletter in use (for the offline copy), else of any
     * newsletter with one saved; null when none is saved.
     */
    currentSavedTourText(): string | null {
      if (activeKey !== null) {
        const text = read(activeKey);
        if (text !== null) return text;
      }
      const s = store();
      try {
        for (let i = 0; s && i < s.length; i++) {
          const key = s.key(i);
          if (key && key.startsWith(TOUR_KEY_PREFIX) && !key.includes(UNREADABLE)) return read(key);
        }
      } catch {
        return null;
      }
      return null;
    },
    read,
    write,
  };
}

/** The page's store, over window.localStorage. */
const page = createTourStore(
  () => window.localStorage,
  () => new Date(),
);

/** The saved tour of `ctx.newsletter` (null when none is saved), read again only when changed. */
export const loadSavedTour = page.load;
/** Saves the tour; says when the browser refused or an unreadable tour is in the way. */
export const saveTour = page.save;
export const clearSavedTour = page.clear;
export const unreadableText = page.unreadableText;
export const replaceUnreadable = page.replaceUnreadable;
export const currentSavedTourText = page.currentSavedTourText;

export const readContrast = () => page.read(CONTRAST_KEY) === 'high';
export const writeContrast = (high: boolean) => page.write(CONTRAST_KEY, high ? 'high' : 'normal');

/** The newsletter's saved tour as its JSON text (for the newsletter file's export), or null. */
export const savedTourText = (newsletter: string): string | null => page.read(tourKey(newsletter));
