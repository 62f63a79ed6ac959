/**
 * The newsletter library's store (no React, no DOM beyond IndexedDB and BroadcastChannel).
 *
 * What is stored, in IndexedDB database "newsletter-atlas-library", schema version 2
 * (schema.ts: one upgrade function per version, UPGRADES[v] takes version v to v + 1):
 *   - newsletters + texts: each imported newsletter (id, title, date, time added, source file
 *     name and format, core/fingerprint.ts of its text) and, apart so that listing stays cheap,
 *     its plain text. The bundled newsletter ships with the app: it is listed and found by
 *     fingerprint (so its text is not imported again) but never stored, and cannot be removed.
 *   - textParts (version 2): a text longer than TEXT_PART_LENGTH (512 Ki characters) is kept in
 *     parts of that length, its texts record a head that counts them ({ id, parts, length }), so
 *     that no one write or read of a 10 MB newsletter holds the page for tens of milliseconds.
 *     Texts kept whole ({ id, text }: all of version 1's, and the short ones) are read as before.
 *   - edits: each newsletter's story edits and review choices (bundled ones too). They stay
 *     when the newsletter is removed: the same text imported again gets the same id, and its
 *     corrections come back with it (keptEdits);
 *   - tours: each newsletter's saved tour, as the tour file's JSON text;
 *   - settings: key → value (the tour's contrast, …);
 *   - tombstones (removals), quarantine (records that failed their check), meta (bookkeeping).
 * Every item carries updatedAt and revision: last write wins per item (an older write never
 * overwrites a newer one, nor brings back a newer removal); changes are told to subscribers,
 * and to the other tabs over a BroadcastChannel where there is one.
 *
 * Every record read back is checked against the schema; one that fails is set aside in the
 * quarantine (kept as it was, under its own key, and reported in `problems`), never thrown.
 *
 * Fallback: where IndexedDB is missing, refused (private browsing) or full, or the database was
 * made by a newer app, the library works in memory (with what it could read of the stored
 * records): `persistent` is false and `reason` says why, for the page to show. A write the
 * browser refused rejects with a StorageWriteError, and the in-memory library keeps the change.
 *
 * migrateLocalStorage (migrate.ts) moves the saved tours and settings kept in localStorage before
 * the library into it, once, verified before it is marked done.
 */
export {
  DEFAULT_NAME,
  LibraryError,
  LibraryStore,
  openLibrary,
  StorageWriteError,
  type AddResult,
  type BundledNewsletter,
  type Change,
  type ChangeKind,
  type LibraryEntry,
  type Newsletter,
  type NewsletterInput,
  type OpenOptions,
  type WriteResult,
} from './store';
export {
  migrateLocalStorage,
  MIGRATION_META_KEY,
  openAppLibrary,
  type LegacyStorage,
  type MigrationReport,
} from './migrate';
export {
  SCHEMA_VERSION,
  UPGRADES,
  type EditsRecord,
  type NewsletterSource,
  type QuarantineRecord,
  type ReviewChoice,
  type SourceFormat,
  type StoryEdit,
  type TourRecord,
} from './schema';
