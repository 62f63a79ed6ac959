/** Shared by the library store's tests: a fresh IndexedDB per test, a settable clock, cleanup. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { wrap } from 'idb';
import { afterEach } from 'vitest';
import {
  openLibrary,
  type LibraryStore,
  type NewsletterInput,
  type OpenOptions,
} from '../../../src/library/store';

let count = 0;
const open: LibraryStore[] = [];

afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

/** A clock the test moves by hand. */
export function clock(start = 1_000_000) {
  let t = start;
  return {
    now: () => t,
    set: (ms: number) => {
      t = ms;
    },
  };
}

/** A new, empty IndexedDB and a database name (and channel) of this test's own. */
export function freshDb(): { factory: IDBFactory; name: string } {
  return { factory: new IDBFactory(), name: `library-test-${++count}` };
}

/** Opens a library (closed after the test). */
export async function openTest(
  db: { factory: IDBFactory | null; name: string },
  options: Omit<OpenOptions, 'name' | 'indexedDB'> = {},
): Promise<LibraryStore> {
  const store = await openLibrary({ name: db.name, indexedDB: db.factory, ...options });
  open.push(store);
  return store;
}

export const BUNDLED = {
  id: 'bundled-2020-06',
  title: 'The bundled newsletter',
  date: '2020-06',
  fingerprint: 'aaaaaaaa',
};

export function input(title: string, date: string | null, text = `${title}\nA story.`): NewsletterInput {
  return { title, date, source: { name: `${title}.txt`, format: 'text' }, text };
}

/** Writes `value` straight into `store` of the test's database, past the library's checks. */
export async function writeRaw(db: { factory: IDBFactory; name: string }, store: string, value: unknown) {
  const idb = await wrap(db.factory.open(db.name));
  try {
    await idb!.put(store, value);
  } finally {
    idb!.close();
  }
}

/** Every record of `store` in the test's database, as stored. */
export async function readRaw(db: { factory: IDBFactory; name: string }, store: string): Promise<unknown[]> {
  const idb = await wrap(db.factory.open(db.name));
  try {
    return await idb!.getAll(store);
  } finally {
    idb!.close();
  }
}
