/**
 * The teacher's saved choices (each newsletter's saved tour, the high-contrast theme, …) travel
 * inside the single-file offline copy as JSON in
 * `<script type="application/json" id="atlas-embedded-storage">`, keyed as the app kept them in
 * localStorage before the library: `newsletter-atlas:tour:<newsletter id>` (the tour file's JSON)
 * and `newsletter-atlas:<setting>` (`newsletter-atlas:tour-contrast`: "high" or "normal").
 *
 * Making a copy (collectLibraryEntries): the tours of the library's newsletters and its settings,
 * over any `newsletter-atlas:` localStorage entry the library does not hold.
 *
 * Opening a copy (seedLibraryFromDocument, run by the library's opening, after the migration from
 * localStorage): the rule (docs/offline-copy.md):
 *   - the first time a copy is opened in a browser, its entries are written into the copy's
 *     library, replacing the tours and settings of the same key (the copy shows what was saved
 *     into it); other items are left alone;
 *   - every later opening of the same copy leaves the library alone, so changes made in the copy
 *     are kept across reloads.
 * Copies are told apart by `id`, a hash of their entries; the ids already applied are listed in
 * the library's bookkeeping (SEEDED_META). Chromium shares one storage between all file:// pages,
 * hence the care.
 *
 * seedStorage / seedFromDocument are the same rule over localStorage, as copies did before the
 * library (kept for reading localStorage-era state in tests and tools; the app seeds the library).
 */
import { fingerprint } from '../core';

export const STORAGE_PREFIX = 'newsletter-atlas:';
export const EMBEDDED_ID = 'atlas-embedded-storage';
/** The ids of the copies whose entries this browser has applied (a JSON array); never embedded. */
export const SEEDED_KEY = `${STORAGE_PREFIX}offline-seeded`;
/** The same list, in the library's bookkeeping. */
export const SEEDED_META = 'offline-seeded';
/** Between a tour's key and the time of a tour rescued before the library: `<key>:unreadable:<time>`. */
const UNREADABLE = ':unreadable';
const TOUR_PREFIX = `${STORAGE_PREFIX}tour:`;
const FORMAT = 'newsletter-atlas-storage';
const MAX_SEEDED_IDS = 50;

export interface EmbeddedStorage {
  format: typeof FORMAT;
  version: 1;
  /** FNV-1a hash of the entries (sorted by key): the same entries give the same id. */
  id: string;
  /** When the copy was made (ISO 8601), for people reading the file; not used by the app. */
  savedAt: string;
  entries: Record<string, string>;
}

/** The `newsletter-atlas:` entries of `storage`, sorted by key (SEEDED_KEY left out). */
export function collectEntries(storage: Storage): Record<string, string> {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && key.startsWith(STORAGE_PREFIX) && key !== SEEDED_KEY) keys.push(key);
  }
  return Object.fromEntries(keys.sort().map((key) => [key, storage.getItem(key) ?? '']));
}

export function makeEmbedded(entries: Record<string, string>, savedAt: string): EmbeddedStorage {
  const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { format: FORMAT, version: 1, id: fingerprint(JSON.stringify(sorted)), savedAt, entries: sorted };
}

/**
 * JSON that is safe inside a <script> element: `<`, `>` and `&` as \u escapes (so no `</script>`
 * or `<!--` can end or confuse the element), and U+2028/U+2029 too. JSON.parse reads it unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const EMBEDDED_ELEMENT = new RegExp(
  `\\s*<script type="application/json" id="${EMBEDDED_ID}">[^<]*</script>`,
  'g',
);

/**
 * The offline copy's HTML with `embedded` as its storage: any storage element already there is
 * replaced, the new one goes just before </body>.
 */
export function injectEmbedded(html: string, embedded: EmbeddedStorage): string {
  const clean = html.replace(EMBEDDED_ELEMENT, '');
  const end = clean.lastIndexOf('</body>');
  if (end < 0) throw new Error('the offline copy has no </body>: it is not the HTML page the build makes');
  const element = `<script type="application/json" id="${EMBEDDED_ID}">${jsonForScript(embedded)}</script>\n`;
  return clean.slice(0, end) + element + clean.slice(end);
}

/** Reads the element's text; throws a message saying what is wrong. */
export function parseEmbedded(text: string): EmbeddedStorage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const v = value as Partial<EmbeddedStorage> | null;
  if (typeof v !== 'object' || v === null || v.format !== FORMAT) {
    throw new Error(`expected an object with "format": "${FORMAT}"`);
  }
  if (v.version !== 1) throw new Error(`unknown version ${JSON.stringify(v.version)} (this app reads 1)`);
  if (typeof v.id !== 'string' || !v.id) throw new Error('"id" is missing');
  const entries = v.entries as unknown;
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    throw new Error('"entries" must be an object of key → string');
  }
  for (const [key, entry] of Object.entries(entries)) {
    if (!key.startsWith(STORAGE_PREFIX) || key === SEEDED_KEY) {
      throw new Error(`entry "${key}" is not a ${STORAGE_PREFIX}… key this app saves`);
    }
    if (typeof entry !== 'string') throw new Error(`entry "${key}" is not a string`);
  }
  return v as EmbeddedStorage;
}

function seededIds(storage: Storage): string[] {
  try {
    const ids: unknown = JSON.parse(storage.getItem(SEEDED_KEY) ?? '[]');
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export interface SeedResult {
  /** The copy's id, when it has embedded storage. */
  id: string | null;
  /** Keys written now (first opening of this copy). */
  written: string[];
  /** True when this copy's entries had been applied before, so storage was left alone. */
  alreadySeeded: boolean;
}

/** Applies the rule above; the embedded entries are written only on the copy's first opening. */
export function seedStorage(embedded: EmbeddedStorage, storage: Storage): SeedResult {
  const ids = seededIds(storage);
  if (ids.includes(embedded.id)) return { id: embedded.id, written: [], alreadySeeded: true };
  const written: string[] = [];
  for (const [key, value] of Object.entries(embedded.entries)) {
    storage.setItem(key, value);
    written.push(key);
  }
  storage.setItem(SEEDED_KEY, JSON.stringify([...ids, embedded.id].slice(-MAX_SEEDED_IDS)));
  return { id: embedded.id, written, alreadySeeded: false };
}

/**
 * Seeds `storage` from the page's embedded storage element, if it has one. A broken element is
 * reported on the console and otherwise ignored: the copy still opens, without the saved choices.
 */
export function seedFromDocument(doc: Document, storage: Storage): SeedResult {
  const element = doc.getElementById(EMBEDDED_ID);
  if (!element) return { id: null, written: [], alreadySeeded: false };
  try {
    return seedStorage(parseEmbedded(element.textContent ?? ''), storage);
  } catch (e) {
    console.error(
      `${doc.location?.pathname.split('/').pop() || 'this page'}: the saved choices in ` +
        `<script id="${EMBEDDED_ID}"> could not be read: ${e instanceof Error ? e.message : String(e)}. ` +
        'The copy opens without them; make a new copy with "Download for offline".',
    );
    return { id: null, written: [], alreadySeeded: false };
  }
}

/**
 * The offline copy's own HTML as it was loaded (the single-file build only), so that a copy can
 * save itself again. Recorded by web/seedStorage.ts before React renders into #root.
 */
export let offlineSource: string | null = null;

/** Records the page's HTML as the copy to save again (web/seedStorage.ts, before the app renders). */
export function captureOfflineSource(doc: Document): void {
  offlineSource = `<!doctype html>\n${doc.documentElement.outerHTML}`;
}

/** localStorage, or null where the browser refuses it (storage blocked for local files, say). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** What the offline copy needs of the library store (library/store's LibraryStore). */
export interface CopyLibrary {
  listTours(): Promise<{ newsletter: string; text: string }[]>;
  listSettings(): Promise<{ key: string; value: unknown }[]>;
  putTour(newsletter: string, text: string, options?: { allowUnknown?: boolean }): Promise<unknown>;
  putSetting(key: string, value: unknown): Promise<unknown>;
  setAside(store: 'tours', itemKey: string | null, value: unknown, reason: string): Promise<string>;
  readMeta(key: string): Promise<unknown>;
  writeMeta(key: string, value: unknown): Promise<void>;
}

/**
 * The entries an offline copy carries: the library's saved tours and settings (text as it is,
 * anything else as JSON), over the `newsletter-atlas:` entries of `storage` that the library has
 * not taken over. A saved tour left in localStorage is not carried: the library moved it in when
 * it opened, so one it does not hold was cleared or set aside there (rescued `:unreadable:`
 * copies are carried, and set aside in the copy's library).
 */
export async function collectLibraryEntries(
  library: CopyLibrary,
  storage: Storage | null,
): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const [key, value] of Object.entries(storage ? collectEntries(storage) : {})) {
    if (!key.startsWith(TOUR_PREFIX) || key.includes(UNREADABLE)) entries[key] = value;
  }
  for (const { newsletter, text } of await library.listTours()) entries[`${TOUR_PREFIX}${newsletter}`] = text;
  for (const { key, value } of await library.listSettings()) {
    entries[`${STORAGE_PREFIX}${key}`] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return makeEmbedded(entries, '').entries;
}

export interface LibrarySeedResult extends SeedResult {
  /** Entries that could not be written, with the reason (the rest are written). */
  failed: { key: string; reason: string }[];
}

/** Applies the rule above to the library; the embedded entries are written only on the copy's first opening. */
export async function seedLibrary(
  embedded: EmbeddedStorage,
  library: CopyLibrary,
): Promise<LibrarySeedResult> {
  const recorded = await library.readMeta(SEEDED_META);
  const ids = Array.isArray(recorded) ? recorded.filter((id): id is string => typeof id === 'string') : [];
  if (ids.includes(embedded.id)) return { id: embedded.id, written: [], alreadySeeded: true, failed: [] };
  const written: string[] = [];
  const failed: { key: string; reason: string }[] = [];
  for (const [key, value] of Object.entries(embedded.entries)) {
    try {
      if (key.startsWith(TOUR_PREFIX) && key.includes(UNREADABLE)) {
        const newsletter = key.slice(TOUR_PREFIX.length, key.indexOf(UNREADABLE));
        await library.setAside(
          'tours',
          newsletter,
          value,
          `an unreadable tour carried by the offline copy as "${key}"`,
        );
      } else if (key.startsWith(TOUR_PREFIX)) {
        await library.putTour(key.slice(TOUR_PREFIX.length), value, { allowUnknown: true });
      } else {
        await library.putSetting(key.slice(STORAGE_PREFIX.length), value);
      }
      written.push(key);
    } catch (e) {
      failed.push({ key, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  // Marked applied even when some failed: the library said why, and a copy never overwrites twice.
  await library.writeMeta(SEEDED_META, [...ids, embedded.id].slice(-MAX_SEEDED_IDS));
  return { id: embedded.id, written, alreadySeeded: false, failed };
}

/** The page's embedded storage (an offline copy's), or null; a broken element is said on the console. */
export function embeddedStorageOf(doc: Document): EmbeddedStorage | null {
  const element = doc.getElementById(EMBEDDED_ID);
  if (!element) return null;
  try {
    return parseEmbedded(element.textContent ?? '');
  } catch (e) {
    console.error(
      `${doc.location?.pathname.split('/').pop() || 'this page'}: the saved choices in ` +
        `<script id="${EMBEDDED_ID}"> could not be read: ${e instanceof Error ? e.message : String(e)}. ` +
        'The copy opens without them; make a new copy with "Download for offline".',
    );
    return null;
  }
}
