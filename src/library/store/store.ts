/**
 * The newsletter library: imported newsletters, each newsletter's edits and saved tour, and the
 * settings, over IndexedDB or, where the browser refuses it, memory. See index.ts.
 */
import { fingerprint } from '../../core';
import { IdbBackend, MemoryBackend, openIdb, type Backend, type Mode, type Tx } from './backend';
import {
  isId,
  keyOf,
  partKey,
  recordProblem,
  SOURCE_FORMATS,
  STORES,
  TEXT_PART_LENGTH,
  UPGRADES,
  type EditsRecord,
  type NewsletterMeta,
  type NewsletterSource,
  type QuarantineRecord,
  type ReviewChoice,
  type SettingRecord,
  type Stamp,
  type StoreName,
  type StoryEdit,
  type PartedText,
  type TextPartRecord,
  type TextRecord,
  type TombstoneRecord,
  type TourRecord,
  type Upgrade,
} from './schema';

export const DEFAULT_NAME = 'newsletter-atlas-library';

/** A mistake of the caller (unknown id, bad input, nothing to undo): nothing was changed. */
export class LibraryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibraryError';
  }
}

/** The browser refused a write: the change is kept in memory for this session only. */
export class StorageWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageWriteError';
  }
}

/** A newsletter that ships with the app: listed and found, never stored, never removed. */
export interface BundledNewsletter {
  id: string;
  title: string;
  date: string | null;
  fingerprint: string;
}

/** One newsletter of the library as listed. */
export interface LibraryEntry {
  id: string;
  title: string;
  date: string | null;
  fingerprint: string;
  bundled: boolean;
  /** When it was imported; null for a bundled newsletter. */
  addedAt: number | null;
  source: NewsletterSource | null;
  /** Its text's length; null for a bundled newsletter (its text ships with the app). */
  length: number | null;
}

/** An imported newsletter with its text. */
export interface Newsletter extends NewsletterMeta {
  text: string;
}

export interface NewsletterInput {
  /**
   * core/fingerprint.ts of `text`, when the caller has it already (the geoparse worker works it
   * out off the page's thread); else the store works it out.
   */
  fingerprint?: string;
  /** Kept when given (a newsletter exported elsewhere); else made from the text's fingerprint. */
  id?: string;
  title: string;
  date: string | null;
  source: NewsletterSource;
  text: string;
}

export type AddResult =
  | { status: 'added'; entry: LibraryEntry }
  /** The same text is in the library already (imported, or the bundled newsletter): nothing added. */
  | { status: 'duplicate'; entry: LibraryEntry };

/** A write: done, or refused because the item holds a newer write (then `record` is that one). */
export type WriteResult<T> = { written: true; record: T } | { written: false; record: T | null };

export type ChangeKind = 'newsletter' | 'edits' | 'tour' | 'setting' | 'quarantine' | 'storage';

export interface Change {
  kind: ChangeKind;
  /** The newsletter id, the setting's key, the quarantine key; "" for a storage change. */
  key: string;
  op: 'put' | 'delete';
  /** This page, or another tab of the same library. */
  origin: 'local' | 'remote';
}

export interface OpenOptions {
  /** The database's name (and its change channel's); tests give each their own. */
  name?: string;
  /** IndexedDB; null (or none in the browser) keeps the library in memory. */
  indexedDB?: IDBFactory | null;
  bundled?: readonly BundledNewsletter[];
  /** The clock items are stamped with (ms since 1970). */
  now?: () => number;
  /** Tell other tabs of changes and hear theirs (default: where BroadcastChannel exists). */
  broadcast?: boolean;
  /** The schema's upgrades (default UPGRADES); for tests of the upgrade path. */
  upgrades?: readonly Upgrade[];
}

const KIND_OF: Partial<Record<StoreName, ChangeKind>> = {
  newsletters: 'newsletter',
  texts: 'newsletter',
  edits: 'edits',
  tours: 'tour',
  settings: 'setting',
};

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : `${String(e)}`);

const isQuota = (e: unknown) =>
  e instanceof Error && (e.name === 'QuotaExceededError' || (e as { code?: number }).code === 22);

/** Why the library is not kept, for the page to say. */
function fallbackReason(e: unknown, during: 'open' | 'write' | 'read' | 'lost'): string {
  const session =
    'The library works in memory for this session only: what is added or changed now is lost when the page closes.';
  if (isQuota(e)) {
    return `The browser's storage for this site is full (${errorText(e)}). ${session} Free some space (or export the newsletters) and reload.`;
  }
  if (e instanceof Error && e.name === 'VersionError') {
    return `The library was saved by a newer version of the app (${e.message}); it is left as it is. ${session} Open the newer version, or reload.`;
  }
  if (e instanceof Error && e.name === 'VersionBlockedError')
    return `The library could not be opened: ${e.message}. ${session}`;
  if (during === 'lost') return `The library's storage was lost: ${String(e)}. ${session}`;
  return `The browser refused to ${during === 'open' ? 'open' : during === 'read' ? 'read' : 'save to'} the library's storage (${errorText(e)}): private browsing or storage disabled for this site? ${session}`;
}

function compareEntries(a: LibraryEntry, b: LibraryEntry): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  const added = (b.addedAt ?? -Infinity) - (a.addedAt ?? -Infinity);
  if (added !== 0 && !Number.isNaN(added)) return added;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const entryOf = (m: NewsletterMeta): LibraryEntry => ({
  id: m.id,
  title: m.title,
  date: m.date,
  fingerprint: m.fingerprint,
  bundled: false,
  addedAt: m.addedAt,
  source: { name: m.source.name, format: m.source.format },
  length: m.length,
});

const bundledEntry = (b: BundledNewsletter): LibraryEntry => ({
  id: b.id,
  title: b.title,
  date: b.date,
  fingerprint: b.fingerprint,
  bundled: true,
  addedAt: null,
  source: null,
  length: null,
});

/** What `remove` took away, kept for `undoRemove`. */
interface Removed {
  entry: LibraryEntry;
  records: [StoreName, object][];
}

/** Opens the library; never rejects: where the browser refuses storage it opens in memory. */
export async function openLibrary(options: OpenOptions = {}): Promise<LibraryStore> {
  const name = options.name ?? DEFAULT_NAME;
  const factory =
    options.indexedDB !== undefined ? options.indexedDB : typeof indexedDB === 'undefined' ? null : indexedDB;
  const store = new LibraryStore(name, options);
  if (!factory) {
    store.useMemory(
      'This browser gives the page no IndexedDB (private browsing, or storage disabled for this site): ' +
        'the library works in memory for this session only: what is added or changed now is lost when the page closes.',
    );
    return store;
  }
  try {
    store.useBackend(await openIdb(factory, name, options.upgrades ?? UPGRADES, (why) => store.lost(why)));
  } catch (e) {
    store.useMemory(fallbackReason(e, 'open'));
  }
  return store;
}

export class LibraryStore {
  /** True while changes are kept by the browser; false once in memory (see `reason`). */
  persistent = false;
  /** Why the library is not kept (for the page to say), or null while it is. */
  reason: string | null = null;
  /** Records set aside because they did not match the schema, as sentences for the page. */
  readonly problems: string[] = [];

  private backend: Backend = new MemoryBackend();
  private readonly bundled: readonly BundledNewsletter[];
  private readonly now: () => number;
  private readonly listeners = new Set<(change: Change) => void>();
  private channel: BroadcastChannel | null = null;
  private removed: Removed | null = null;
  /** The move to memory under way, so that failures at once move once. */
  private moving: Promise<void> | null = null;

  /** Use openLibrary. */
  constructor(
    private readonly name: string,
    options: OpenOptions,
  ) {
    this.bundled = options.bundled ?? [];
    this.now = options.now ?? Date.now;
    const broadcast = options.broadcast ?? typeof BroadcastChannel !== 'undefined';
    if (broadcast && typeof BroadcastChannel !== 'undefined') {
      try {
        this.channel = new BroadcastChannel(`${name}:changes`);
        this.channel.onmessage = (e: MessageEvent<unknown>) => this.heard(e.data);
      } catch {
        // No channel (refused by the browser): this tab hears other tabs' changes on its next read.
        this.channel = null;
      }
    }
  }

  /** @internal */
  useBackend(backend: IdbBackend): void {
    this.backend = backend;
    this.persistent = true;
    this.reason = null;
  }

  /** @internal */
  useMemory(reason: string): void {
    this.backend = new MemoryBackend();
    this.persistent = false;
    this.reason = reason;
    this.closeChannel();
  }

  /** @internal The database connection is gone: the library moves to memory. */
  lost(why: string): void {
    if (this.backend.kind === 'memory') return;
    void this.moveToMemory(this.backend, fallbackReason(why, 'lost'));
  }

  // ------------------------------------------------------------------ newsletters

  /** The bundled newsletters and the imported ones, newest first by date, then by time added. */
  async list(): Promise<LibraryEntry[]> {
    const metas = await this.readAll('newsletters');
    const bundledIds = new Set(this.bundled.map((b) => b.id));
    return [
      ...this.bundled.map(bundledEntry),
      ...metas.filter((m) => !bundledIds.has(m.id)).map(entryOf),
    ].sort(compareEntries);
  }

  /** The newsletter as listed (bundled or imported), or undefined. */
  async entry(id: string): Promise<LibraryEntry | undefined> {
    const b = this.bundled.find((x) => x.id === id);
    if (b) return bundledEntry(b);
    const meta = await this.readOne('newsletters', id);
    return meta ? entryOf(meta) : undefined;
  }

  /** An imported newsletter with its text; undefined when there is none (or it is a bundled one). */
  async get(id: string): Promise<Newsletter | undefined> {
    const [meta, head, parts] = await this.exec(
      ['newsletters', 'texts', 'textParts'],
      'readonly',
      async (tx) => {
        const meta = await tx.get('newsletters', id);
        const head = await tx.get('texts', id);
        // A long text's parts, one read (and one task) each.
        const parts: unknown[] = [];
        if (isParted(head) && recordProblem('texts', head) === null) {
          for (let i = 0; i < head.parts; i++) parts.push(await tx.get('textParts', partKey(id, i)));
        }
        return [meta, head, parts] as const;
      },
    );
    if (meta === undefined && head === undefined) return undefined;
    const problem =
      meta === undefined
        ? 'its text is kept but its title and date are missing'
        : head === undefined
          ? 'its title and date are kept but its text is missing'
          : (recordProblem('newsletters', meta) ??
            recordProblem('texts', head) ??
            partsProblem(id, head, parts));
    if (problem) {
      await this.quarantine('newsletters', id, problem);
      await this.quarantine('texts', id, problem);
      for (const [i, part] of parts.entries())
        if (part !== undefined) await this.quarantine('textParts', partKey(id, i), problem);
      return undefined;
    }
    const text = isParted(head)
      ? (parts as TextPartRecord[]).map((p) => p.text).join('')
      : (head as { text: string }).text;
    return { ...(meta as NewsletterMeta), text };
  }

  /** The library's newsletter with this fingerprint (core/fingerprint.ts), bundled ones first. */
  async findByFingerprint(print: string): Promise<LibraryEntry | undefined> {
    const b = this.bundled.find((x) => x.fingerprint === print);
    if (b) return bundledEntry(b);
    const metas = await this.readAll('newsletters');
    const found = metas.filter((m) => m.fingerprint === print).sort((x, y) => x.addedAt - y.addedAt)[0];
    return found ? entryOf(found) : undefined;
  }

  /** The library's newsletter with this text (however its line ends are written), or undefined. */
  findByText(text: string): Promise<LibraryEntry | undefined> {
    return this.findByFingerprint(fingerprint(text));
  }

  /** Adds a newsletter, unless the same text is in the library already (then says which). */
  async add(input: NewsletterInput): Promise<AddResult> {
    const problem = inputProblem(input);
    if (problem) throw new LibraryError(`The newsletter was not added: ${problem}.`);
    const print = input.fingerprint ?? fingerprint(input.text);
    const b = this.bundled.find((x) => x.fingerprint === print);
    if (b) return { status: 'duplicate', entry: bundledEntry(b) };
    if (input.id !== undefined && this.bundled.some((x) => x.id === input.id)) {
      throw new LibraryError(
        `The newsletter was not added: "${input.id}" is the id of a newsletter that ships with the app.`,
      );
    }
    const at = this.now();
    const result = await this.write(
      async (tx) => {
        const metas = (await tx.getAll('newsletters')).filter(
          (m): m is NewsletterMeta => recordProblem('newsletters', m) === null,
        );
        const same = metas.filter((m) => m.fingerprint === print).sort((x, y) => x.addedAt - y.addedAt)[0];
        if (same) return { status: 'duplicate' as const, meta: same };
        const taken = new Set(metas.map((m) => m.id));
        let id = input.id ?? `n-${print}`;
        if (input.id !== undefined && taken.has(id)) {
          throw new LibraryError(
            `The newsletter was not added: the library holds another newsletter with id "${id}".`,
          );
        }
        for (let n = 2; taken.has(id) || (await tx.get('newsletters', id)) !== undefined; n++)
          id = `n-${print}-${n}`;
        const fields = {
          id,
          title: input.title,
          date: input.date,
          addedAt: at,
          source: { name: input.source.name, format: input.source.format },
          fingerprint: print,
          length: input.text.length,
        };
        const meta = await this.putStamped<NewsletterMeta>(tx, 'newsletters', id, fields, at);
        if (!meta.written)
          throw new LibraryError(
            `The newsletter was not added: "${id}" was removed in another tab after this import began; import it again.`,
          );
        await this.putText(tx, id, input.text);
        return { status: 'added' as const, meta: meta.record };
      },
      (r) => (r.status === 'added' ? { kind: 'newsletter', key: r.meta.id, op: 'put' } : null),
    );
    return { status: result.status, entry: entryOf(result.meta) };
  }

  /** Changes an imported newsletter's title or date (last write wins). */
  async update(
    id: string,
    patch: { title?: string; date?: string | null },
  ): Promise<WriteResult<LibraryEntry>> {
    this.refuseBundled(id, 'changed');
    const at = this.now();
    const result = await this.write(
      async (tx) => {
        const meta = await tx.get('newsletters', id);
        if (meta === undefined || recordProblem('newsletters', meta)) {
          throw new LibraryError(`No newsletter "${id}" in the library to change.`);
        }
        const fields = { ...(meta as NewsletterMeta), ...patch };
        const problem = recordProblem('newsletters', { ...fields, updatedAt: at, revision: 1 });
        if (problem) throw new LibraryError(`The newsletter "${id}" was not changed: ${problem}.`);
        return this.putStamped<NewsletterMeta>(tx, 'newsletters', id, fields, at);
      },
      written(() => ({ kind: 'newsletter', key: id, op: 'put' })),
    );
    return result.written
      ? { written: true, record: entryOf(result.record) }
      : { written: false, record: result.record && entryOf(result.record) };
  }

  /**
   * Removes an imported newsletter with its saved tour: they are kept in this page until the next
   * removal, and `undoRemove` puts them back. A bundled newsletter is refused.
   *
   * Its edits (story edits and review choices) stay in the library, under its id: the same text
   * imported again gets the same id (`n-<fingerprint>`), and its corrections come back with it
   * (`keptEdits` finds them before the import adds it). The tour goes: it is a teacher's work
   * made of the stories, which a new import need not want, and every offline copy carries every
   * saved tour, so a removed newsletter's must not stay behind.
   */
  async remove(id: string): Promise<LibraryEntry> {
    this.refuseBundled(id, 'removed');
    const at = this.now();
    const removed = await this.write(
      async (tx) => {
        const meta = await tx.get('newsletters', id);
        if (meta === undefined) throw new LibraryError(`No newsletter "${id}" in the library to remove.`);
        const records: [StoreName, object][] = [];
        for (const store of ['newsletters', 'texts', 'tours'] as const) {
          const value = await tx.get(store, id);
          if (value !== undefined) records.push([store, value as object]);
          await tx.delete(store, id);
          await tx.put('tombstones', { key: `${store}:${id}`, updatedAt: at } satisfies TombstoneRecord);
        }
        // A long text's parts go with it (and come back with it on undo).
        for (let i = 0; ; i++) {
          const part = await tx.get('textParts', partKey(id, i));
          if (part === undefined) break;
          records.push(['textParts', part as object]);
          await tx.delete('textParts', partKey(id, i));
        }
        const entry: LibraryEntry =
          recordProblem('newsletters', meta) === null
            ? entryOf(meta as NewsletterMeta)
            : {
                id,
                title: id,
                date: null,
                fingerprint: '',
                bundled: false,
                addedAt: null,
                source: null,
                length: null,
              };
        return { entry, records };
      },
      () => ({ kind: 'newsletter', key: id, op: 'delete' }),
    );
    this.removed = removed;
    return removed.entry;
  }

  /** The newsletter `undoRemove` would bring back, or null. */
  get lastRemoved(): LibraryEntry | null {
    return this.removed?.entry ?? null;
  }

  /** Puts back the newsletter removed last (with its tour; its edits stayed), as a new write. */
  async undoRemove(): Promise<LibraryEntry> {
    const removed = this.removed;
    if (!removed)
      throw new LibraryError('Nothing to undo: no newsletter was removed on this page since it opened.');
    const at = this.now();
    await this.write(
      async (tx) => {
        for (const [store, value] of removed.records) {
          const key = keyOf(store, value)!;
          const restored: Record<string, unknown> = { ...value };
          if (store !== 'texts' && store !== 'textParts') {
            const old = restored as unknown as Stamp;
            restored.updatedAt = Math.max(at, old.updatedAt);
            restored.revision = old.revision + 1;
          }
          await tx.put(store, restored);
          await this.clearTombstone(tx, store, key);
        }
      },
      () => ({ kind: 'newsletter', key: removed.entry.id, op: 'put' }),
    );
    this.removed = null;
    return removed.entry;
  }

  // ------------------------------------------------------------------ edits, tours, settings

  /** The newsletter's story edits and review choices, or undefined when it has none. */
  getEdits(newsletter: string): Promise<EditsRecord | undefined> {
    return this.readOne('edits', newsletter);
  }

  /**
   * The edits kept of a removed newsletter that `add` would bring back: those under the id `add`
   * would give a text of this fingerprint (`id` when given and free, else `n-<fingerprint>`),
   * when no newsletter of the library has that id or this text. An import reads them before it
   * geoparses, so that the worker finds the places their review choices name.
   */
  async keptEdits(print: string, id?: string): Promise<EditsRecord | undefined> {
    if (this.bundled.some((b) => b.fingerprint === print)) return undefined;
    const metas = await this.readAll('newsletters');
    if (metas.some((m) => m.fingerprint === print)) return undefined;
    const taken = new Set([...metas.map((m) => m.id), ...this.bundled.map((b) => b.id)]);
    const key = id !== undefined && isId(id) && !taken.has(id) ? id : `n-${print}`;
    if (taken.has(key)) return undefined;
    const record = await this.getEdits(key);
    return record && (record.storyEdits.length > 0 || record.reviewChoices.length > 0) ? record : undefined;
  }

  async putEdits(
    newsletter: string,
    edits: { storyEdits: StoryEdit[]; reviewChoices: ReviewChoice[] },
  ): Promise<WriteResult<EditsRecord>> {
    const fields = { newsletter, storyEdits: edits.storyEdits, reviewChoices: edits.reviewChoices };
    this.check('edits', fields, `The edits of "${newsletter}" were not saved`);
    return this.putItem('edits', newsletter, fields, true);
  }

  /** The newsletter's saved tour (the tour file's JSON text), or undefined. */
  getTour(newsletter: string): Promise<TourRecord | undefined> {
    return this.readOne('tours', newsletter);
  }

  /**
   * Saves the newsletter's tour. The newsletter must be in the library (bundled or imported),
   * unless `allowUnknown` (the migration of tours kept before the library, of any text).
   */
  putTour(
    newsletter: string,
    text: string,
    options: { allowUnknown?: boolean } = {},
  ): Promise<WriteResult<TourRecord>> {
    const fields = { newsletter, text };
    this.check('tours', fields, `The tour of "${newsletter}" was not saved`);
    return this.putItem('tours', newsletter, fields, !options.allowUnknown);
  }

  /** Forgets the newsletter's saved tour. */
  clearTour(newsletter: string): Promise<void> {
    return this.deleteItem('tours', newsletter);
  }

  async getSetting(key: string): Promise<unknown> {
    return (await this.readOne('settings', key))?.value;
  }

  putSetting(key: string, value: unknown): Promise<WriteResult<SettingRecord>> {
    const fields = { key, value };
    this.check('settings', fields, `The setting "${key}" was not saved`);
    try {
      structuredClone(value);
    } catch (e) {
      throw new LibraryError(
        `The setting "${key}" was not saved: its value cannot be stored (${errorText(e)}).`,
      );
    }
    return this.putItem('settings', key, fields, false);
  }

  /** Every saved tour (an offline copy carries them all). */
  listTours(): Promise<TourRecord[]> {
    return this.readAll('tours');
  }

  /** Every setting (an offline copy carries them all). */
  listSettings(): Promise<SettingRecord[]> {
    return this.readAll('settings');
  }

  /** The records set aside because they did not match the schema. */
  async quarantined(): Promise<QuarantineRecord[]> {
    return (await this.exec(['quarantine'], 'readonly', (tx) =>
      tx.getAll('quarantine'),
    )) as QuarantineRecord[];
  }

  /**
   * Keeps `value` aside under its own key (a record found broken, or an entry that could not be
   * read elsewhere) and reports it in `problems`; the quarantine key.
   */
  async setAside(store: StoreName, itemKey: string | null, value: unknown, reason: string): Promise<string> {
    const key = await this.write(
      async (tx) => this.putQuarantine(tx, store, itemKey, value, reason),
      (k) => ({ kind: 'quarantine', key: k, op: 'put' }),
    );
    this.problems.push(
      `A ${store} record${itemKey === null ? '' : ` ("${itemKey}")`} could not be read (${reason}); it was set aside under "${key}".`,
    );
    return key;
  }

  /** @internal For the localStorage migration: the library's own bookkeeping. */
  async readMeta(key: string): Promise<unknown> {
    const record = (await this.exec(['meta'], 'readonly', (tx) => tx.get('meta', key))) as
      { value?: unknown } | undefined;
    return record?.value;
  }

  /** @internal */
  async writeMeta(key: string, value: unknown): Promise<void> {
    await this.write((tx) => tx.put('meta', { key, value }));
  }

  // ------------------------------------------------------------------ changes

  /** Calls `listener` on every change, this page's and other tabs'; returns the unsubscribe. */
  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the database and the channel (the store is not used after). */
  close(): void {
    this.closeChannel();
    this.backend.close();
    this.listeners.clear();
  }

  // ------------------------------------------------------------------ inside

  private refuseBundled(id: string, what: string): void {
    const b = this.bundled.find((x) => x.id === id);
    if (b) {
      throw new LibraryError(
        `"${b.title}" ships with the app and cannot be ${what}; only imported newsletters can.`,
      );
    }
  }

  private check(store: StoreName, fields: object, what: string): void {
    const problem = recordProblem(store, { ...fields, updatedAt: 0, revision: 1 });
    if (problem) throw new LibraryError(`${what}: ${problem}.`);
  }

  private async putItem<S extends 'edits' | 'tours' | 'settings'>(
    store: S,
    key: string,
    fields: object,
    ofNewsletter: boolean,
  ): Promise<WriteResult<S extends 'edits' ? EditsRecord : S extends 'tours' ? TourRecord : SettingRecord>> {
    const at = this.now();
    const result = await this.write(
      async (tx) => {
        if (
          ofNewsletter &&
          !this.bundled.some((b) => b.id === key) &&
          (await tx.get('newsletters', key)) === undefined
        ) {
          throw new LibraryError(
            `No newsletter "${key}" in the library: its ${store === 'tours' ? 'tour' : store} was not saved.`,
          );
        }
        return this.putStamped(tx, store, key, fields, at);
      },
      written(() => ({ kind: KIND_OF[store]!, key, op: 'put' })),
    );
    return result as never;
  }

  private async deleteItem(store: 'tours', key: string): Promise<void> {
    const at = this.now();
    await this.write(
      async (tx) => {
        await tx.delete(store, key);
        await tx.put('tombstones', { key: `${store}:${key}`, updatedAt: at } satisfies TombstoneRecord);
      },
      () => ({ kind: KIND_OF[store]!, key, op: 'delete' }),
    );
  }

  /**
   * Writes `fields` stamped `at` unless the item holds a newer write (or was removed later):
   * last write wins per item, by the writers' clocks. A broken record in the way is set aside.
   */
  private async putStamped<T extends Stamp>(
    tx: Tx,
    store: StoreName,
    key: string,
    fields: object,
    at: number,
  ): Promise<WriteResult<T>> {
    let existing = (await tx.get(store, key)) as T | undefined;
    if (existing !== undefined) {
      const problem = recordProblem(store, existing);
      if (problem) {
        await this.putQuarantine(tx, store, key, existing, problem);
        existing = undefined;
      }
    }
    if (existing && existing.updatedAt > at) return { written: false, record: existing };
    const tomb = (await tx.get('tombstones', `${store}:${key}`)) as TombstoneRecord | undefined;
    if (!existing && tomb && tomb.updatedAt > at) return { written: false, record: null };
    const record = { ...fields, updatedAt: at, revision: (existing?.revision ?? 0) + 1 } as unknown as T;
    await tx.put(store, record);
    if (tomb) await tx.delete('tombstones', `${store}:${key}`);
    return { written: true, record };
  }

  /**
   * Keeps newsletter `id`'s text: whole when it is short, else in parts of TEXT_PART_LENGTH, each
   * its own put (each put copies its part in the task that makes it; the next waits for the
   * last one's success, a task later), and a head that counts them. Parts left over from an
   * earlier text of that id are deleted.
   */
  private async putText(tx: Tx, id: string, text: string): Promise<void> {
    const count = text.length > TEXT_PART_LENGTH ? Math.ceil(text.length / TEXT_PART_LENGTH) : 0;
    for (let i = 0; i < count; i++) {
      const part = text.slice(i * TEXT_PART_LENGTH, (i + 1) * TEXT_PART_LENGTH);
      await tx.put('textParts', { key: partKey(id, i), id, index: i, text: part } satisfies TextPartRecord);
    }
    for (let i = count; (await tx.get('textParts', partKey(id, i))) !== undefined; i++)
      await tx.delete('textParts', partKey(id, i));
    const head: TextRecord = count ? { id, parts: count, length: text.length } : { id, text };
    await tx.put('texts', head);
    await this.clearTombstone(tx, 'texts', id);
  }

  private async clearTombstone(tx: Tx, store: StoreName, key: string): Promise<void> {
    if ((await tx.get('tombstones', `${store}:${key}`)) !== undefined)
      await tx.delete('tombstones', `${store}:${key}`);
  }

  private async putQuarantine(
    tx: Tx,
    store: StoreName,
    itemKey: string | null,
    value: unknown,
    reason: string,
  ): Promise<string> {
    const base = `${store}:${itemKey ?? '?'}:${new Date(this.now()).toISOString()}`;
    let key = base;
    for (let n = 2; (await tx.get('quarantine', key)) !== undefined; n++) key = `${base}#${n}`;
    await tx.put('quarantine', {
      key,
      store,
      itemKey,
      value,
      reason,
      at: this.now(),
    } satisfies QuarantineRecord);
    return key;
  }

  /** Sets a record found broken aside (when it is still there and still broken). */
  private async quarantine(store: StoreName, key: string, reason: string): Promise<void> {
    let moved: string | null = null;
    try {
      moved = await this.write(
        async (tx) => {
          const value = await tx.get(store, key);
          if (value === undefined) return null;
          const q = await this.putQuarantine(tx, store, key, value, recordProblem(store, value) ?? reason);
          await tx.delete(store, key);
          return q;
        },
        (q) => (q === null ? null : { kind: 'quarantine', key: q, op: 'put' }),
      );
    } catch (e) {
      // Kept where it is (the write failed): still reported, never thrown at the page.
      this.problems.push(
        `A ${store} record ("${key}") could not be read (${reason}) nor set aside (${errorText(e)}).`,
      );
      return;
    }
    if (moved !== null) {
      this.problems.push(
        `A ${store} record ("${key}") could not be read (${reason}); it was set aside under "${moved}".`,
      );
    }
  }

  private async readOne<S extends 'newsletters' | 'edits' | 'tours' | 'settings'>(
    store: S,
    key: string,
  ): Promise<
    | (S extends 'newsletters'
        ? NewsletterMeta
        : S extends 'edits'
          ? EditsRecord
          : S extends 'tours'
            ? TourRecord
            : SettingRecord)
    | undefined
  > {
    const value = await this.exec([store], 'readonly', (tx) => tx.get(store, key));
    if (value === undefined) return undefined;
    const problem = recordProblem(store, value);
    if (problem) {
      await this.quarantine(store, key, problem);
      return undefined;
    }
    return value as never;
  }

  private async readAll<S extends 'newsletters' | 'tours' | 'settings'>(
    store: S,
  ): Promise<(S extends 'newsletters' ? NewsletterMeta : S extends 'tours' ? TourRecord : SettingRecord)[]> {
    const values = await this.exec([store], 'readonly', (tx) => tx.getAll(store));
    const good: never[] = [];
    for (const value of values) {
      const problem = recordProblem(store, value);
      if (problem === null) good.push(value as never);
      else await this.quarantine(store, keyOf(store, value) ?? '', problem);
    }
    return good;
  }

  /**
   * Runs `fn` as one transaction on the backend. When the browser's storage fails, the library
   * moves to memory (with what it could read of the stored records) and runs `fn` there; for a
   * write, `refused` then says that the change is kept for this session only.
   */
  private async exec<T>(stores: readonly StoreName[], mode: Mode, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return (await this.execOrMemory(stores, mode, fn)).result;
  }

  private async execOrMemory<T>(
    stores: readonly StoreName[],
    mode: Mode,
    fn: (tx: Tx) => Promise<T>,
  ): Promise<{ result: T; refused: StorageWriteError | null }> {
    const backend = this.backend;
    try {
      return { result: await backend.run(stores, mode, fn), refused: null };
    } catch (e) {
      if (e instanceof LibraryError || backend.kind === 'memory') throw e;
      await this.moveToMemory(backend, fallbackReason(e, mode === 'readwrite' ? 'write' : 'read'));
      const result = await this.backend.run(stores, mode, fn);
      if (mode === 'readonly') return { result, refused: null };
      return {
        result,
        refused: new StorageWriteError(
          `The change was not saved: ${this.reason ?? errorText(e)} Until then the change is kept in memory.`,
        ),
      };
    }
  }

  /**
   * A readwrite transaction over every store, then its change announced (here and to other
   * tabs). When the browser refused it, the change is kept in memory and announced on this page,
   * and the write rejects with the StorageWriteError.
   */
  private async write<T>(
    fn: (tx: Tx) => Promise<T>,
    change?: (result: T) => Omit<Change, 'origin'> | null,
  ): Promise<T> {
    const { result, refused } = await this.execOrMemory(STORES, 'readwrite', fn);
    const c = change?.(result);
    if (c) this.announce(c);
    if (refused) throw refused;
    return result;
  }

  private async moveToMemory(from: Backend, reason: string): Promise<void> {
    if (this.backend !== from) return; // moved already
    if (!this.moving) {
      this.moving = (async () => {
        let records: Map<StoreName, unknown[]> | undefined;
        let note = '';
        try {
          records = await from.dump();
        } catch (e) {
          note = ` What was saved before could not be read back (${errorText(e)}); it is left in the browser's storage.`;
        }
        try {
          from.close();
        } catch {
          // closed already
        }
        this.backend = new MemoryBackend(records);
        this.persistent = false;
        this.reason = reason + note;
        this.closeChannel();
        this.emit({ kind: 'storage', key: '', op: 'put', origin: 'local' });
      })();
    }
    await this.moving;
  }

  private announce(change: Omit<Change, 'origin'>): void {
    this.emit({ ...change, origin: 'local' });
    try {
      this.channel?.postMessage({ library: this.name, ...change });
    } catch {
      // a closed channel: the other tabs read the database on their next change
    }
  }

  private heard(data: unknown): void {
    if (this.backend.kind === 'memory' || typeof data !== 'object' || data === null) return;
    const m = data as Partial<Change> & { library?: unknown };
    const kinds: ChangeKind[] = ['newsletter', 'edits', 'tour', 'setting', 'quarantine'];
    if (m.library !== this.name || !kinds.includes(m.kind as ChangeKind) || typeof m.key !== 'string') return;
    this.emit({
      kind: m.kind as ChangeKind,
      key: m.key,
      op: m.op === 'delete' ? 'delete' : 'put',
      origin: 'remote',
    });
  }

  private emit(change: Change): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (e) {
        console.error(`A library change listener failed: ${errorText(e)}`);
      }
    }
  }

  private closeChannel(): void {
    this.channel?.close();
    this.channel = null;
  }
}

/** Announces the change only when the write was done (not refused as older than the item). */
function written<T>(change: () => Omit<Change, 'origin'>) {
  return (result: WriteResult<T>) => (result.written ? change() : null);
}

/** A text record that keeps its text in parts (whatever else is wrong with it). */
function isParted(value: unknown): value is PartedText {
  return (
    typeof value === 'object' &&
    value !== null &&
    'parts' in value &&
    Number.isSafeInteger((value as PartedText).parts)
  );
}

/** Why the parts read for a parted text do not make it up (missing, out of order, not adding up), or null. */
function partsProblem(id: string, head: unknown, parts: readonly unknown[]): string | null {
  if (!isParted(head)) return null;
  const missing = parts.indexOf(undefined);
  if (missing >= 0) return `part ${missing + 1} of its ${head.parts} text parts is missing`;
  let length = 0;
  for (const [i, part] of parts.entries()) {
    const problem = recordProblem('textParts', part);
    if (problem) return `text part ${i + 1}: ${problem}`;
    const p = part as TextPartRecord;
    if (p.id !== id || p.index !== i) return `text part ${i + 1} is kept under another newsletter or number`;
    length += p.text.length;
  }
  return length === head.length ? null : `its text parts add up to ${length} characters, not ${head.length}`;
}

function inputProblem(input: NewsletterInput): string | null {
  if (typeof input !== 'object' || input === null) return 'no newsletter was given';
  if (input.id !== undefined && !isId(input.id)) return 'its id must be 1 to 200 characters';
  if (typeof input.title !== 'string') return 'its title is not text';
  if (input.date !== null && typeof input.date !== 'string') return 'its date is neither text nor null';
  if (typeof input.text !== 'string' || !/\S/.test(input.text)) return 'its text is empty';
  if (input.fingerprint !== undefined && !/^[0-9a-f]{8}$/.test(input.fingerprint))
    return 'its fingerprint is not 8 hex digits';
  const s = input.source as Partial<NewsletterSource> | undefined;
  if (!s || typeof s.name !== 'string' || !SOURCE_FORMATS.includes(s.format as never)) {
    return `its source must name the file and its format (${SOURCE_FORMATS.join(', ')})`;
  }
  return null;
}
