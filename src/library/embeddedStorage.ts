/**
 * The teacher's saved choices (every localStorage entry whose key starts with `newsletter-atlas:`:
 * the tour's slide choices and notes, the high-contrast theme, …) travel inside the single-file
 * offline copy as JSON in `<script type="application/json" id="atlas-embedded-storage">`.
 *
 * On opening a copy, main.tsx imports web/seedStorage.ts before anything else, and it seeds
 * localStorage from that element (seedFromDocument) before the app reads storage. The rule (docs/offline-copy.md):
 *   - the first time a copy is opened in a browser, its entries are written, replacing entries of
 *     the same key (the copy shows what was saved into it); other entries are left alone;
 *   - every later opening of the same copy leaves storage alone, so changes made in the copy are
 *     kept across reloads.
 * Copies are told apart by `id`, a hash of their entries; the ids already applied are listed under
 * SEEDED_KEY. Chromium shares one localStorage between all file:// pages, hence the care.
 */
import { fingerprint } from '../core';

export const STORAGE_PREFIX = 'newsletter-atlas:';
export const EMBEDDED_ID = 'atlas-embedded-storage';
/** The ids of the copies whose entries this browser has applied (a JSON array); never embedded. */
export const SEEDED_KEY = `${STORAGE_PREFIX}offline-seeded`;
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
