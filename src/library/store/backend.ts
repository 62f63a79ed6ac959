/**
 * Where the library's records live: IndexedDB (through idb), or memory when the browser refuses
 * storage. Both run a function as one transaction: it sees its own writes, and its writes land
 * all together or not at all.
 */
import { wrap, type IDBPDatabase } from 'idb';
import { keyOf, STORES, type StoreName, type Upgrade } from './schema';

export interface Tx {
  get(store: StoreName, key: string): Promise<unknown>;
  getAll(store: StoreName): Promise<unknown[]>;
  put(store: StoreName, value: object): Promise<void>;
  delete(store: StoreName, key: string): Promise<void>;
}

export type Mode = 'readonly' | 'readwrite';

export interface Backend {
  readonly kind: 'indexeddb' | 'memory';
  run<T>(stores: readonly StoreName[], mode: Mode, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Every record of every store, as kept (for the move to memory). */
  dump(): Promise<Map<StoreName, unknown[]>>;
  close(): void;
}

/** Records in Maps, copied in and out (structuredClone) as IndexedDB copies them. */
export class MemoryBackend implements Backend {
  readonly kind = 'memory';
  private readonly data = new Map<StoreName, Map<string, unknown>>();
  /** Transactions run one after another, as IndexedDB's readwrite transactions do. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(initial?: Map<StoreName, unknown[]>) {
    for (const name of STORES) {
      const records = new Map<string, unknown>();
      for (const value of initial?.get(name) ?? []) {
        const key = keyOf(name, value);
        if (key !== null) records.set(key, structuredClone(value));
      }
      this.data.set(name, records);
    }
  }

  run<T>(_stores: readonly StoreName[], _mode: Mode, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const result = this.queue.then(() => this.transact(fn));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async transact<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    /** Writes of this transaction: store → key → value (undefined: deleted). */
    const staged = new Map<StoreName, Map<string, unknown>>();
    const current = (store: StoreName) => {
      const merged = new Map(this.data.get(store));
      for (const [key, value] of staged.get(store) ?? []) {
        if (value === undefined) merged.delete(key);
        else merged.set(key, value);
      }
      return merged;
    };
    const stage = (store: StoreName, key: string, value: unknown) => {
      if (!staged.has(store)) staged.set(store, new Map());
      staged.get(store)!.set(key, value);
    };
    const tx: Tx = {
      get: async (store, key) => structuredClone(current(store).get(key)),
      getAll: async (store) =>
        [...current(store).entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([, value]) => structuredClone(value)),
      put: async (store, value) => {
        const key = keyOf(store, value);
        if (key === null) throw new TypeError(`a ${store} record needs a text key`);
        stage(store, key, structuredClone(value));
      },
      delete: async (store, key) => stage(store, key, undefined),
    };
    const result = await fn(tx);
    for (const [store, writes] of staged) {
      const records = this.data.get(store)!;
      for (const [key, value] of writes) {
        if (value === undefined) records.delete(key);
        else records.set(key, value);
      }
    }
    return result;
  }

  async dump(): Promise<Map<StoreName, unknown[]>> {
    return new Map(
      STORES.map((name) => [name, [...this.data.get(name)!.values()].map((v) => structuredClone(v))]),
    );
  }

  close(): void {}
}

/** IndexedDB through idb. */
export class IdbBackend implements Backend {
  readonly kind = 'indexeddb';
  constructor(private readonly db: IDBPDatabase) {}

  async run<T>(stores: readonly StoreName[], mode: Mode, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const t = this.db.transaction([...stores], mode);
    const tx: Tx = {
      get: (store, key) => t.objectStore(store).get(key),
      getAll: (store) => t.objectStore(store).getAll(),
      put: async (store, value) => {
        await t.objectStore(store).put!(value);
      },
      delete: async (store, key) => {
        await t.objectStore(store).delete!(key);
      },
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (e) {
      t.done.catch(() => undefined);
      try {
        t.abort();
      } catch {
        // already finished or aborted by the error itself
      }
      throw e;
    }
    await t.done;
    return result;
  }

  async dump(): Promise<Map<StoreName, unknown[]>> {
    return this.run(STORES, 'readonly', async (tx) => {
      const all = new Map<StoreName, unknown[]>();
      for (const name of STORES) all.set(name, await tx.getAll(name));
      return all;
    });
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Opens (creating or upgrading) database `name` at version `upgrades.length` on `factory`: each
 * upgrade from the database's version on runs in turn. Rejects when a tab that cannot let go of
 * an older version blocks the upgrade (rather than waiting for ever). `onLost` is told when the
 * connection is gone: another tab upgrades the database, or the browser closed it.
 */
export async function openIdb(
  factory: IDBFactory,
  name: string,
  upgrades: readonly Upgrade[],
  onLost: (why: string) => void,
): Promise<IdbBackend> {
  const request = factory.open(name, upgrades.length);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result);
    for (let v = event.oldVersion; v < upgrades.length; v++) upgrades[v]!(db);
  });
  let blocked = false;
  const opened = wrap(request);
  const refused = new Promise<never>((_, reject) => {
    request.addEventListener('blocked', (event) => {
      blocked = true;
      reject(
        new DOMException(
          `another tab keeps version ${event.oldVersion} of the library open, so version ${event.newVersion} ` +
            'cannot be set up; close the other tabs of the app and reload',
          'VersionBlockedError',
        ),
      );
    });
  });
  // Opened after all, once the other tab let go: not used by this page.
  opened.then((db) => blocked && db?.close()).catch(() => undefined);
  const db = await Promise.race([opened, refused]);
  if (!db) throw new Error(`the browser opened no database "${name}"`);
  // Let go at once (a tab still holding the database would block the other tab's upgrade).
  db.addEventListener('versionchange', () => {
    // The library moves to memory first (its copy is read in a transaction begun now), then lets go.
    onLost('another tab opened the library with a newer version of the app; reload this page to use it');
    db.close();
  });
  db.addEventListener('close', () =>
    onLost('the browser closed the library (storage was cleared or failed)'),
  );
  return new IdbBackend(db);
}
