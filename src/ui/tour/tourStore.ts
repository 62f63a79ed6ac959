/**
 * Where the classroom tour keeps the teacher's choices: the library store (IndexedDB, or memory
 * when the browser refuses it): each newsletter's saved tour (the tour file's JSON text, under the
 * newsletter's id) and the high-contrast setting (`tour-contrast`: "high" or "normal"). What the
 * tour kept in localStorage before is moved into the store when it opens (library/store/migrate.ts).
 *
 * Nothing the teacher saved is lost:
 * - A read's result is kept while the record is the one read (same revision and time), so that a
 *   second read (React may open the tour twice) never finds the record emptied by the first one's
 *   rescue, and the reader is always told what happened; a record changed since (by another tab)
 *   is read again. Reads of the same newsletter at once share one read.
 * - A saved tour that cannot be read is set aside in the library's quarantine (one record per
 *   copy: a later unreadable tour never overwrites an earlier one), and only once that is done is
 *   the tour cleared; its text stays on the page, to download.
 * - When it cannot be set aside, the original stays under its key, and the tour does not save
 *   over it until the teacher downloads it or chooses to replace it.
 * - A save the browser refused is kept by the store in memory, and the tour says so with the
 *   store's reason; so does every save while the library works in memory.
 */
import {
  fingerprint,
  readSavedTour,
  serializeTour,
  type Atlas,
  type SavedTour,
  type TourContext,
} from '../../core';
import type { Change, LibraryStore } from '../../library/store';

/** The localStorage keys the tour used before the library (the migration's input). */
export const TOUR_KEY_PREFIX = 'newsletter-atlas:tour:';
export const CONTRAST_KEY = 'newsletter-atlas:tour-contrast';
/** Between a tour's key and the time of a copy rescued in localStorage: `<key>:unreadable:<ISO time>`. */
export const UNREADABLE = ':unreadable';

/** The setting the high-contrast theme is kept under ("high" or "normal"), as localStorage's `newsletter-atlas:tour-contrast` was. */
export const CONTRAST_SETTING = 'tour-contrast';

/** The id a tour is saved under: the library's (or catalog's) id, else one derived from the text. */
export function newsletterId(atlas: Atlas): string {
  return atlas.newsletter?.id ?? `text-${fingerprint(atlas.text)}`;
}

/** What the tour's persistence needs of the library store (the real one, or a stand-in in tests). */
export type TourLibrary = Pick<
  LibraryStore,
  'getTour' | 'putTour' | 'clearTour' | 'getSetting' | 'putSetting' | 'setAside' | 'subscribe'
> & { readonly persistent: boolean; readonly reason: string | null };

export interface LoadedTour {
  tour: SavedTour | null;
  /** Why the saved tour could not be read and where it is now (or what was repaired), or null. */
  problem: string | null;
  /** The text of the saved tour that could not be read (to download), or null. */
  unreadable: string | null;
  /**
   * The unreadable tour could not be set aside: it stays under its key and saves do not write
   * over it (see `replaceUnreadable`).
   */
  stuck: boolean;
}

/**
 * What became of a save: written; kept in memory only (the browser refused it, or the library
 * works in memory); not tried, as the key still holds an unreadable tour that could not be set
 * aside; or not written as another tab saved a newer tour (which `load` then gives).
 */
export type SaveResult = 'saved' | 'memory' | 'kept' | 'newer';

/** What the teacher is told after a change: nothing when it was saved. */
export function saveMessage(result: SaveResult, reason: string | null): string | null {
  if (result === 'saved') return null;
  if (result === 'newer')
    return 'Another window saved a newer tour at the same time: it is shown here instead of this change.';
  const kept = 'The tour goes on with the change on this page, and Export tour (JSON) keeps it in a file.';
  return result === 'kept'
    ? `This change was not saved, so as not to write over the unreadable saved tour. ${kept}`
    : `This change was not saved: the browser's storage is full or turned off${reason ? ` (${reason})` : ''}. ${kept} It is lost on reload unless saving works again.`;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const isWriteError = (e: unknown) => e instanceof Error && e.name === 'StorageWriteError';
const NONE: LoadedTour = { tour: null, problem: null, unreadable: null, stuck: false };

export type TourPersistence = ReturnType<typeof createTourPersistence>;

export function createTourPersistence(library: TourLibrary) {
  /** What each newsletter's record was when last read or written (`stamp`), and what it gave. */
  const loaded = new Map<string, { stamp: string | null; result: LoadedTour }>();
  /** Reads under way, shared by whoever asks at once. */
  const reading = new Map<string, Promise<LoadedTour>>();
  /** Newsletters whose unreadable tour could not be set aside: newsletter → that text. */
  const stuck = new Map<string, string>();

  const stampOf = (r: { updatedAt: number; revision: number } | undefined) =>
    r ? `${r.updatedAt}:${r.revision}` : null;

  function load(ctx: TourContext): Promise<LoadedTour> {
    const id = ctx.newsletter;
    const under = reading.get(id);
    if (under) return under;
    const p = readOnce(ctx).finally(() => reading.delete(id));
    reading.set(id, p);
    return p;
  }

  async function readOnce(ctx: TourContext): Promise<LoadedTour> {
    const id = ctx.newsletter;
    const record = await library.getTour(id);
    const stamp = stampOf(record);
    // Unchanged since the last read: the same answer (the banner of a rescue is not lost).
    const known = loaded.get(id);
    if (known && known.stamp === stamp) return known.result;
    const result = await readRecord(ctx, record?.text ?? null);
    // A tour set aside is cleared: its record is gone, and the next read finds none.
    loaded.set(id, { stamp: result.unreadable !== null && !result.stuck ? null : stamp, result });
    return result;
  }

  async function readRecord(ctx: TourContext, text: string | null): Promise<LoadedTour> {
    const id = ctx.newsletter;
    if (text === null) return NONE;
    let why: string;
    try {
      const { tour, repairs } = readSavedTour(text, ctx);
      return {
        tour,
        problem: repairs.length ? `The saved tour was repaired: ${repairs.join('; ')}.` : null,
        unreadable: null,
        stuck: false,
      };
    } catch (e) {
      why = (e as Error).message;
    }
    let copy: string;
    try {
      copy = await library.setAside('tours', id, text, `the saved tour could not be read: ${why}`);
    } catch (e) {
      stuck.set(id, text);
      return {
        tour: null,
        problem:
          `The saved tour could not be read (${why}). ` +
          (isWriteError(e)
            ? "The browser's storage is too full (or turned off) to keep a copy, so it was not moved: "
            : `It could not be set aside (${errorText(e)}), so it was not moved: `) +
          `it stays under "${id}". The default tour is shown; changes are not saved over it until you ` +
          `download it or replace it.`,
        unreadable: text,
        stuck: true,
      };
    }
    try {
      await library.clearTour(id);
    } catch (e) {
      // Kept in memory as cleared (the store's fallback); the original stays in the browser's storage.
      if (!isWriteError(e)) throw e;
    }
    return {
      tour: null,
      problem: `The saved tour could not be read (${why}); it was kept aside in the library as "${copy}" and the default tour is shown.`,
      unreadable: text,
      stuck: false,
    };
  }

  async function save(tour: SavedTour): Promise<SaveResult> {
    const id = tour.newsletter;
    if (stuck.has(id)) return 'kept';
    let result: Awaited<ReturnType<TourLibrary['putTour']>>;
    try {
      // A tour of a text the library does not hold (no library id) is kept too.
      result = await library.putTour(id, serializeTour(tour), { allowUnknown: id.startsWith('text-') });
    } catch (e) {
      if (isWriteError(e)) return 'memory';
      throw e;
    }
    if (!result.written) return 'newer';
    loaded.set(id, { stamp: stampOf(result.record), result: { ...NONE, tour } });
    return library.persistent ? 'saved' : 'memory';
  }

  return {
    load,
    save,
    /** Lets saves write over the unreadable tour (the teacher chose to). */
    replaceUnreadable: (newsletter: string) => {
      stuck.delete(newsletter);
    },
    /** Forgets the saved tour: the default tour again (false when an unreadable tour is in the way). */
    async clear(newsletter: string): Promise<boolean> {
      if (stuck.has(newsletter)) return false;
      try {
        await library.clearTour(newsletter);
      } catch (e) {
        if (!isWriteError(e)) throw e;
      }
      loaded.set(newsletter, { stamp: null, result: NONE });
      return true;
    },
    async readContrast(): Promise<boolean> {
      return (await library.getSetting(CONTRAST_SETTING)) === 'high';
    },
    /** Saves the theme; 'memory' when the browser refused it or the library works in memory. */
    async writeContrast(high: boolean): Promise<'saved' | 'memory'> {
      try {
        await library.putSetting(CONTRAST_SETTING, high ? 'high' : 'normal');
      } catch (e) {
        if (isWriteError(e)) return 'memory';
        throw e;
      }
      return library.persistent ? 'saved' : 'memory';
    },
    /** Calls `onChange` when another tab changes this newsletter's tour or the theme. */
    subscribeRemote(newsletter: string, onChange: (what: 'tour' | 'contrast') => void): () => void {
      return library.subscribe((c: Change) => {
        if (c.origin !== 'remote') return;
        if (c.kind === 'tour' && c.key === newsletter) onChange('tour');
        else if (c.kind === 'setting' && c.key === CONTRAST_SETTING) onChange('contrast');
      });
    },
    /** Why the library is not kept (for the tour's messages), or null. */
    reason: () => (library.persistent ? null : library.reason),
  };
}

/** One persistence per store, so that every view of the tour shares its reads. */
const byStore = new WeakMap<TourLibrary, TourPersistence>();
export function tourPersistence(library: TourLibrary): TourPersistence {
  let p = byStore.get(library);
  if (!p) byStore.set(library, (p = createTourPersistence(library)));
  return p;
}
