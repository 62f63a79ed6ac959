/**
 * The library's IndexedDB database ("newsletter-atlas-library", src/library/store) as the
 * browser tests read and write it, past the app: the saved tours, the settings, the quarantine.
 * Each call waits until the page's app has made the database (it opens after the first render).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const DB = 'newsletter-atlas-library';

/** Waits until the app has made its library database. */
export async function libraryReady(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async (db) => (await indexedDB.databases()).some((d) => d.name === db), DB), {
      timeout: 20_000,
    })
    .toBe(true);
}

/** Runs `op` on one store of the library ("get", "getAll", "put"), in the page. */
async function run(page: Page, store: string, op: 'get' | 'getAll' | 'put', arg?: unknown): Promise<unknown> {
  await libraryReady(page);
  return page.evaluate(
    ([db, store, op, arg]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(db as string);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const tx = idb.transaction(store as string, op === 'put' ? 'readwrite' : 'readonly');
          const os = tx.objectStore(store as string);
          const request = op === 'get' ? os.get(arg as string) : op === 'getAll' ? os.getAll() : os.put(arg);
          let result: unknown;
          request.onsuccess = () => (result = request.result);
          tx.oncomplete = () => {
            idb.close();
            resolve(result);
          };
          tx.onerror = () => {
            idb.close();
            reject(tx.error);
          };
        };
      }),
    [DB, store, op, arg] as const,
  );
}

/** The newsletter's saved tour (the tour file's JSON text), or null. */
export async function savedTour(page: Page, newsletter: string): Promise<string | null> {
  const record = (await run(page, 'tours', 'get', newsletter)) as { text?: string } | undefined;
  return record?.text ?? null;
}

/** Puts `text` as the newsletter's saved tour, newer than whatever is there (as another tab would). */
export async function putSavedTour(page: Page, newsletter: string, text: string): Promise<void> {
  const before = (await run(page, 'tours', 'get', newsletter)) as { revision?: number } | undefined;
  await run(page, 'tours', 'put', {
    newsletter,
    text,
    ...after(before),
  });
}

/** A stamp just after `before`'s (the library's last write wins), or the first one. */
function after(before: { revision?: number; updatedAt?: number } | undefined) {
  return { updatedAt: (before?.updatedAt ?? 0) + 1, revision: (before?.revision ?? 0) + 1 };
}

/** Puts a setting, newer than whatever is there. */
export async function putSetting(page: Page, key: string, value: unknown): Promise<void> {
  const before = (await run(page, 'settings', 'get', key)) as { revision?: number } | undefined;
  await run(page, 'settings', 'put', { key, value, ...after(before) });
}

/**
 * The library's tours and settings keyed as an offline copy carries them (and as localStorage
 * kept them before the library): `newsletter-atlas:tour:<id>` and `newsletter-atlas:<setting>`.
 */
export async function libraryEntries(page: Page): Promise<Record<string, string>> {
  const tours = (await run(page, 'tours', 'getAll')) as { newsletter: string; text: string }[];
  const settings = (await run(page, 'settings', 'getAll')) as { key: string; value: unknown }[];
  return Object.fromEntries([
    ...tours.map((t) => [`newsletter-atlas:tour:${t.newsletter}`, t.text]),
    ...settings.map((s) => [
      `newsletter-atlas:${s.key}`,
      typeof s.value === 'string' ? s.value : JSON.stringify(s.value),
    ]),
  ]);
}

/** A setting's value (the tour's theme: "tour-contrast"), or undefined. */
export async function setting(page: Page, key: string): Promise<unknown> {
  return ((await run(page, 'settings', 'get', key)) as { value?: unknown } | undefined)?.value;
}

/** The records the library has set aside (unreadable tours among them). */
export async function quarantined(
  page: Page,
): Promise<{ key: string; store: string; itemKey: string | null; value: unknown }[]> {
  return (await run(page, 'quarantine', 'getAll')) as never;
}

/** Puts a raw record (as another version of the app, or a damaged disk, might have left it) into one of the library's stores. */
export async function putRecord(page: Page, store: string, value: unknown): Promise<void> {
  await run(page, store, 'put', value);
}

/** The story titles of the newsletter's stored story edits (what a rename wrote), [] when none. */
export async function storedTitles(page: Page, newsletter: string): Promise<string[]> {
  const record = (await run(page, 'edits', 'get', newsletter)) as
    { storyEdits?: { title?: string }[] } | undefined;
  return (record?.storyEdits ?? []).flatMap((e) => (e.title === undefined ? [] : [e.title]));
}
