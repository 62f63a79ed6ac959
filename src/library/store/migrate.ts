/**
 * Moves what the app kept in localStorage before the library (the saved tours and the settings,
 * every `newsletter-atlas:` entry) into the library, once and without loss:
 *   1. each entry is copied into the library and read back;
 *   2. only the entries whose copy reads back the same are marked migrated (in the library's own
 *      bookkeeping, with the fingerprint of what was copied); the others are tried again next time;
 *   3. the originals stay in localStorage, unless `removeOriginals` is asked for: then only the
 *      verified ones go, and never while the library itself is only in memory.
 * A saved tour that is not a tour file is set aside in the library's quarantine (and stays in
 * localStorage); the rescued `:unreadable:` copies and the offline copy's bookkeeping stay in
 * localStorage as they are. Running it again changes nothing, except for an entry changed in
 * localStorage since (an offline copy's saved choices, a tab of the app before the library): it is
 * copied again while the library's item is still the one migrated (else both are left, reported).
 */
import { fingerprint, MAX_TOUR_SIZE, TOUR_FORMAT } from '../../core';
import { SEEDED_KEY, seedLibrary, STORAGE_PREFIX, type EmbeddedStorage } from '../embeddedStorage';
import { openLibrary, type LibraryStore, type OpenOptions } from './store';

/** The keys the tour used in localStorage (ui/tour/tourStore.ts). */
export const LEGACY_TOUR_PREFIX = `${STORAGE_PREFIX}tour:`;
export const LEGACY_UNREADABLE = ':unreadable';
/** The library's record of what was migrated: localStorage key → what became of it. */
export const MIGRATION_META_KEY = 'migration:localStorage';

/** What the migration needs of localStorage (a Map-backed stand-in in the tests). */
export type LegacyStorage = Pick<Storage, 'getItem' | 'removeItem' | 'key' | 'length'>;

interface Done {
  /** Fingerprint of the entry's text as it was copied. */
  fingerprint: string;
  outcome: 'migrated' | 'quarantined' | 'in-library';
  /** Where it went: `tour:<newsletter>`, `setting:<key>`, `quarantine:<key>`. */
  to: string;
}

export interface MigrationReport {
  /** Copied now, read back the same, and marked migrated. */
  migrated: { key: string; to: string }[];
  /** Migrated by an earlier run (left alone). */
  already: string[];
  /**
   * Migrated by an earlier run, then changed both in localStorage and in the library: left alone
   * in both (the library's copy counts). Changed in localStorage only, it is migrated again.
   */
  changedSince: string[];
  /** Not a tour file: set aside in the library's quarantine, and left in localStorage. */
  quarantined: { key: string; reason: string; quarantineKey: string }[];
  /** The library had its own item there already (newer than localStorage): left alone, both kept. */
  inLibrary: string[];
  /** Left in localStorage as they are (rescued unreadable tours, the offline copy's bookkeeping). */
  kept: string[];
  /** Could not be copied or did not read back the same: left in localStorage, tried again next time. */
  failed: { key: string; reason: string }[];
  /** Originals removed from localStorage (removeOriginals only). */
  removed: string[];
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Why `text` is not a saved tour file, or null (its slides are checked when the tour opens it). */
function tourProblem(text: string): string | null {
  if (text.length > MAX_TOUR_SIZE) return 'it is larger than a tour file may be';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `it is not JSON (${errorText(e)})`;
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== TOUR_FORMAT) {
    return `it is not a "${TOUR_FORMAT}" file`;
  }
  return null;
}

function keysOf(storage: LegacyStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && key.startsWith(STORAGE_PREFIX)) keys.push(key);
  }
  return keys.sort();
}

export async function migrateLocalStorage(
  library: LibraryStore,
  storage: LegacyStorage | null,
  options: { removeOriginals?: boolean } = {},
): Promise<MigrationReport> {
  const report: MigrationReport = {
    migrated: [],
    already: [],
    changedSince: [],
    quarantined: [],
    inLibrary: [],
    kept: [],
    failed: [],
    removed: [],
  };
  if (!storage) return report;
  let keys: string[];
  try {
    keys = keysOf(storage);
  } catch (e) {
    report.failed.push({
      key: `${STORAGE_PREFIX}*`,
      reason: `localStorage could not be listed (${errorText(e)})`,
    });
    return report;
  }
  const recorded = (await library.readMeta(MIGRATION_META_KEY)) as Record<string, Done> | undefined;
  const done: Record<string, Done> = { ...(typeof recorded === 'object' && recorded ? recorded : {}) };
  const fresh: Record<string, Done> = {};

  for (const key of keys) {
    if (key === SEEDED_KEY || key.includes(LEGACY_UNREADABLE)) {
      report.kept.push(key);
      continue;
    }
    let text: string | null;
    try {
      text = storage.getItem(key);
    } catch (e) {
      report.failed.push({ key, reason: `it could not be read (${errorText(e)})` });
      continue;
    }
    if (text === null) continue;
    const print = fingerprint(text);
    const before = done[key];
    let replace = false;
    if (before) {
      if (before.fingerprint === print) {
        report.already.push(key);
        continue;
      }
      // Changed in localStorage since (by a tab of the app before the library, or an offline
      // copy's saved choices): newer than the library's copy while that is still the migrated one.
      if (before.outcome === 'migrated') {
        if ((await libraryPrint(library, key)) !== before.fingerprint) {
          report.changedSince.push(key);
          continue;
        }
        replace = true;
      }
    }
    try {
      const outcome = await copyEntry(library, key, text, report, replace);
      if (outcome) fresh[key] = { fingerprint: print, ...outcome };
    } catch (e) {
      report.failed.push({ key, reason: errorText(e) });
    }
  }

  if (Object.keys(fresh).length === 0) return report;
  // Marked migrated only once copied and read back; then the mark itself is read back.
  const marks = { ...done, ...fresh };
  try {
    await library.writeMeta(MIGRATION_META_KEY, marks);
    const back = (await library.readMeta(MIGRATION_META_KEY)) as Record<string, Done> | undefined;
    if (JSON.stringify(back) !== JSON.stringify(marks))
      throw new Error('the mark did not read back the same');
  } catch (e) {
    // Copied but not marked: the next run sees the library's items and leaves them (inLibrary).
    report.failed.push({
      key: MIGRATION_META_KEY,
      reason: `the migration could not be marked done (${errorText(e)})`,
    });
    return report;
  }
  if (options.removeOriginals && library.persistent) {
    for (const [key, mark] of Object.entries(fresh)) {
      if (mark.outcome !== 'migrated') continue;
      try {
        storage.removeItem(key);
        report.removed.push(key);
      } catch (e) {
        report.failed.push({ key, reason: `the original could not be removed (${errorText(e)})` });
      }
    }
  }
  return report;
}

/** The fingerprint of what the library holds for localStorage entry `key`, or null. */
async function libraryPrint(library: LibraryStore, key: string): Promise<string | null> {
  const value = key.startsWith(LEGACY_TOUR_PREFIX)
    ? (await library.getTour(key.slice(LEGACY_TOUR_PREFIX.length)))?.text
    : await library.getSetting(key.slice(STORAGE_PREFIX.length));
  return typeof value === 'string' ? fingerprint(value) : null;
}

/** Copies one entry (over the library's when `replace`) and reads it back; what became of it, or null when it failed (in `report`). */
async function copyEntry(
  library: LibraryStore,
  key: string,
  text: string,
  report: MigrationReport,
  replace: boolean,
): Promise<Omit<Done, 'fingerprint'> | null> {
  if (key.startsWith(LEGACY_TOUR_PREFIX)) {
    const newsletter = key.slice(LEGACY_TOUR_PREFIX.length);
    const problem = tourProblem(text);
    if (problem) {
      const quarantineKey = await library.setAside(
        'tours',
        newsletter,
        text,
        `the saved tour in localStorage "${key}": ${problem}`,
      );
      report.quarantined.push({ key, reason: problem, quarantineKey });
      return { outcome: 'quarantined', to: `quarantine:${quarantineKey}` };
    }
    if (!replace && (await library.getTour(newsletter)) !== undefined) {
      report.inLibrary.push(key);
      return { outcome: 'in-library', to: `tour:${newsletter}` };
    }
    await library.putTour(newsletter, text, { allowUnknown: true });
    if ((await library.getTour(newsletter))?.text !== text) {
      report.failed.push({ key, reason: 'the copy in the library did not read back the same' });
      return null;
    }
    report.migrated.push({ key, to: `tour:${newsletter}` });
    return { outcome: 'migrated', to: `tour:${newsletter}` };
  }
  const setting = key.slice(STORAGE_PREFIX.length);
  if (!replace && (await library.getSetting(setting)) !== undefined) {
    report.inLibrary.push(key);
    return { outcome: 'in-library', to: `setting:${setting}` };
  }
  await library.putSetting(setting, text);
  if ((await library.getSetting(setting)) !== text) {
    report.failed.push({ key, reason: 'the copy in the library did not read back the same' });
    return null;
  }
  report.migrated.push({ key, to: `setting:${setting}` });
  return { outcome: 'migrated', to: `setting:${setting}` };
}

/**
 * Opens the page's library as the app uses it: the store (IndexedDB, or memory), then, before
 * anything reads it, the entries kept in localStorage before the library migrated into it (once,
 * verified; the originals stay), then an offline copy's embedded choices seeded into it on the
 * copy's first opening (embeddedStorage.ts). What could not be moved or seeded is said in the
 * store's `problems` (and stays where it was); the store is given in any case.
 */
export async function openAppLibrary(
  options: OpenOptions,
  page: { storage: LegacyStorage | null; embedded: EmbeddedStorage | null },
): Promise<LibraryStore> {
  const store = await openLibrary(options);
  try {
    const report = await migrateLocalStorage(store, page.storage);
    for (const { key, reason } of report.failed) {
      store.problems.push(
        `"${key}" was not moved from localStorage into the library (${reason}); it is kept there and tried again on the next opening.`,
      );
    }
  } catch (e) {
    store.problems.push(
      `The choices saved before the library were not moved into it (${errorText(e)}); they are kept in localStorage and tried again on the next opening.`,
    );
  }
  if (page.embedded) {
    try {
      const seeded = await seedLibrary(page.embedded, store);
      for (const { key, reason } of seeded.failed) {
        store.problems.push(
          `The offline copy's saved choice "${key}" could not be put in the library (${reason}).`,
        );
      }
    } catch (e) {
      store.problems.push(
        `The offline copy's saved choices could not be put in the library (${errorText(e)}).`,
      );
    }
  }
  return store;
}
