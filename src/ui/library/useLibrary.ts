/**
 * The library as the app sees it: the newsletters listed (newest first), the one the URL names
 * (?n=<id>; none for the bundled newsletter) loaded and geoparsed, and the actions that switch,
 * remove and restore. The store opens after the first render, so the bundled newsletter's first
 * marker waits for neither IndexedDB nor the worker.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fingerprint, type Atlas, type CandidatePlace } from '../../core';
import type { EmbeddedNewsletter } from '../../library';
import type { LibraryEntry, LibraryStore } from '../../library/store';
import { atlasFromResult } from '../../worker/atlas';
import type { GeoparseResult, ReviewData } from '../../worker/protocol';
import { isNewsletterId } from '../state';
import type { Current, Geoparse, LibrarySetup, ShownNewsletter } from './types';

/** A geoparsed newsletter kept in memory: its atlas and the worker's review data. */
interface Loaded {
  atlas: Atlas;
  review: ReviewData | null;
}

/** How many geoparsed newsletters are kept in memory for switching back without a new geoparse. */
const KEEP = 3;

/** The library id ?n= names in `search`, or null for the bundled newsletter. */
export function newsletterParam(search: string, bundledId: string): string | null {
  const n = new URLSearchParams(search).get('n');
  return n !== null && isNewsletterId(n) && n !== bundledId ? n : null;
}

/** The atlas of an imported newsletter: its worker result over the page's curated data, named as the library names it. */
function importedAtlas(result: GeoparseResult, entry: LibraryEntry, setup: LibrarySetup): Atlas {
  // Only the curated routes it tells of are drawn (the bundled newsletter's flights are not
  // every article's).
  const told = new Set(result.places.map((s) => s.place.id));
  const base = { ...setup.base, routes: setup.base.routes.filter((r) => told.has(r.place.id)) };
  return atlasFromResult(result, base, {
    id: entry.id,
    file: entry.source?.name ?? '',
    title: entry.title,
    date: entry.date ?? '',
    fingerprint: entry.fingerprint,
    stories: '',
    line: 0,
  });
}

/** The offline copy's own newsletter, as its atlas. */
function embeddedAtlas(embedded: EmbeddedNewsletter, setup: LibrarySetup): Atlas {
  const { entry, result } = embedded;
  return importedAtlas(
    result,
    {
      ...entry,
      fingerprint: fingerprint(result.text),
      bundled: false,
      addedAt: null,
      length: result.text.length,
    },
    setup,
  );
}

/** Puts the offline copy's own newsletter (and its edits, unless this browser has some) in the library. */
async function keepEmbedded(store: LibraryStore, embedded: EmbeddedNewsletter): Promise<void> {
  const { entry, result, edits } = embedded;
  try {
    if (!(await store.entry(entry.id))) {
      await store.add({
        id: entry.id,
        title: entry.title,
        date: entry.date,
        source: entry.source,
        text: result.text,
      });
    }
    if (!(await store.getEdits(entry.id))) await store.putEdits(entry.id, edits);
  } catch {
    // Kept in memory by the store (and said by its reason); the copy shows it from its own data.
  }
}

const shownOf = (entry: LibraryEntry): ShownNewsletter => ({
  id: entry.id,
  title: entry.title,
  date: entry.date,
  bundled: entry.bundled,
});

/** What the notice says of a removal: a newsletter's corrections stay in the library (store.remove). */
function removedNotice(title: string, corrected: boolean): string {
  return corrected
    ? `Removed “${title}”. Its corrections (story edits and review choices) are kept: they come back if the same text is imported again.`
    : `Removed “${title}”.`;
}

export interface Library {
  current: Current;
  /** Every newsletter, newest first (the bundled one included); null until the store has opened. */
  entries: LibraryEntry[] | null;
  /** Why the library is not kept by the browser (private mode, storage full), or null. */
  storageNote: string | null;
  /** What the library could not read or move (set aside or left where it was), for the reader. */
  problems: readonly string[];
  /** A one-line message for the reader (a link to a removed newsletter, a removal with Undo). */
  notice: { text: string; undo: boolean } | null;
  dismissNotice: () => void;
  /** Shows a message in the notice (after `open`, which clears it). */
  say: (text: string) => void;
  /** Shows a newsletter (null: the bundled one), as a new history entry. */
  open: (id: string | null) => void;
  remove: (id: string) => Promise<void>;
  undoRemove: () => Promise<void>;
  /** Cancels the geoparse of the newsletter being opened, and shows the bundled one. */
  cancelOpen: () => void;
  /** Keeps a geoparsed newsletter for opening at once (the import's result). */
  remember: (entry: LibraryEntry, result: GeoparseResult) => void;
  /** The broad gazetteer's places named like `query` (for the review). */
  search: (query: string) => Promise<CandidatePlace[]>;
  store: () => Promise<LibraryStore>;
  geoparse: () => Promise<Geoparse>;
}

export function useLibrary(setup: LibrarySetup): Library {
  const bundledId = setup.bundled.entry.id;
  const bundledNewsletter = useMemo<ShownNewsletter>(
    () => ({
      id: bundledId,
      title: setup.bundled.entry.title,
      date: setup.bundled.entry.date,
      bundled: true,
    }),
    [bundledId, setup.bundled.entry],
  );
  const embedded = setup.embedded ?? null;
  const pinned = embedded?.entry.id ?? null;
  // An offline copy made from a newsletter the reader brought opens on it, unless its link names another.
  const [id, setId] = useState(() =>
    new URLSearchParams(window.location.search).has('n') || !embedded
      ? newsletterParam(window.location.search, bundledId)
      : embedded.entry.id,
  );
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [storageNote, setStorageNote] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [notice, setNotice] = useState<Library['notice']>(null);
  const [loading, setLoading] = useState<Current | null>(null);
  // The geoparsed newsletters kept: a ref for the effects, its copy in state for rendering.
  const [first] = useState(
    () =>
      new Map<string, Loaded>(
        embedded
          ? [
              [
                embedded.entry.id,
                { atlas: embeddedAtlas(embedded, setup), review: embedded.result.review ?? null },
              ],
            ]
          : [],
      ),
  );
  const cache = useRef<Map<string, Loaded>>(new Map(first));
  const [kept, setKept] = useState<ReadonlyMap<string, Loaded>>(first);

  // One store and one worker client for the page, each loaded on first use.
  const storePromise = useRef<Promise<LibraryStore> | null>(null);
  const store = useCallback(() => (storePromise.current ??= setup.openStore()), [setup]);
  const geoparsePromise = useRef<Promise<Geoparse> | null>(null);
  const geoparse = useCallback(() => (geoparsePromise.current ??= setup.loadGeoparse()), [setup]);
  const search = useCallback(async (query: string) => (await setup.loadSearch())(query), [setup]);

  const refresh = useCallback(async () => {
    const s = await store();
    setEntries(await s.list());
    setStorageNote(s.persistent ? null : s.reason);
    // Read after the list: reading it may set a broken record aside, and say so here.
    setProblems([...s.problems]);
  }, [store]);

  useEffect(() => {
    let unsubscribe = () => {};
    let live = true;
    void store().then(async (s) => {
      if (!live) return;
      unsubscribe = s.subscribe((change) => {
        if (change.kind === 'newsletter' || change.kind === 'storage' || change.kind === 'quarantine') {
          void refresh();
        }
      });
      if (embedded) await keepEmbedded(s, embedded);
      void refresh();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [store, refresh, embedded]);

  const keep = useCallback(
    (key: string, loaded: Loaded) => {
      const c = cache.current;
      c.delete(key);
      c.set(key, loaded);
      // The copy's own newsletter stays: it cannot be geoparsed again there.
      for (const k of [...c.keys()]) if (c.size > KEEP && k !== pinned) c.delete(k);
      setKept(new Map(c));
    },
    [pinned],
  );

  const remember = useCallback(
    (entry: LibraryEntry, result: GeoparseResult) => {
      if (!entry.bundled)
        keep(entry.id, { atlas: importedAtlas(result, entry, setup), review: result.review });
    },
    [keep, setup],
  );

  // Back and forward switch newsletters as they restore the rest.
  useEffect(() => {
    const onPop = () => setId(newsletterParam(window.location.search, bundledId));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [bundledId]);

  const open = useCallback(
    (next: string | null) => {
      const n = next === bundledId ? null : next;
      const { pathname, hash } = window.location;
      // A copy that opens on its own newsletter names the bundled one in its links.
      const named = n ?? (embedded ? bundledId : null);
      window.history.pushState(
        null,
        '',
        `${pathname}${named === null ? '' : `?n=${encodeURIComponent(named)}`}${hash}`,
      );
      setNotice(null);
      setId(n);
    },
    [bundledId, embedded],
  );

  /** Back to the bundled newsletter, in place of the entry that named the one that failed. */
  const fallBack = useCallback((text: string) => {
    const { pathname, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${hash}`);
    setNotice({ text, undo: false });
    setId(null);
  }, []);

  const abortOpen = useRef<AbortController | null>(null);

  // Load the newsletter the URL names: from memory, else its text from the store, geoparsed.
  useEffect(() => {
    if (id === null || cache.current.has(id)) {
      setLoading(null);
      return;
    }
    const abort = new AbortController();
    abortOpen.current = abort;
    let live = true;
    setLoading({ status: 'loading', id, title: null, stage: 'Opening the library' });
    void (async () => {
      const s = await store();
      const item = await s.get(id);
      if (!live) return;
      if (!item) {
        fallBack(
          `There is no newsletter “${id}” in this library (it may have been removed); showing ${bundledNewsletter.title}.`,
        );
        return;
      }
      const entry = (await s.entry(id))!;
      setLoading({ status: 'loading', id, title: item.title, stage: 'Finding the places' });
      // Its review choices go with the text: the worker finds the places they name.
      const choices = (await s.getEdits(id))?.reviewChoices;
      const run = await geoparse();
      const outcome = await run(
        { name: item.source.name || item.title, text: item.text },
        {
          ...(choices?.length ? { choices } : {}),
          signal: abort.signal,
          onProgress: (p) =>
            live &&
            setLoading({
              status: 'loading',
              id,
              title: item.title,
              stage: p.stage === 'gazetteer' ? 'Downloading the place list' : 'Finding the places',
            }),
        },
      );
      if (!live) return;
      if (outcome.status === 'done') {
        keep(id, { atlas: importedAtlas(outcome.result, entry, setup), review: outcome.result.review });
        setLoading(null);
      } else if (outcome.status === 'cancelled') {
        fallBack(`Opening “${item.title}” was cancelled; showing ${bundledNewsletter.title}.`);
      } else {
        setLoading({ status: 'failed', id, title: item.title, message: outcome.message });
      }
    })();
    return () => {
      live = false;
      abort.abort();
    };
  }, [id, store, geoparse, keep, setup, fallBack, bundledNewsletter.title]);

  const cancelOpen = useCallback(() => {
    abortOpen.current?.abort();
    fallBack(`Showing ${bundledNewsletter.title}.`);
  }, [fallBack, bundledNewsletter.title]);

  const remove = useCallback(
    async (target: string) => {
      const s = await store();
      try {
        const edits = await s.getEdits(target).catch(() => undefined);
        const corrected = !!edits && (edits.storyEdits.length > 0 || edits.reviewChoices.length > 0);
        const entry = await s.remove(target);
        cache.current.delete(target);
        setKept(new Map(cache.current));
        if (target === id) open(null);
        setNotice({ text: removedNotice(entry.title, corrected), undo: true });
      } catch (e) {
        setNotice({ text: e instanceof Error ? e.message : String(e), undo: false });
      }
      await refresh();
    },
    [store, id, open, refresh],
  );

  const undoRemove = useCallback(async () => {
    const s = await store();
    try {
      const entry = await s.undoRemove();
      setNotice({ text: `“${entry.title}” is back in the library.`, undo: false });
    } catch (e) {
      setNotice({ text: e instanceof Error ? e.message : String(e), undo: false });
    }
    await refresh();
  }, [store, refresh]);

  const dismissNotice = useCallback(() => setNotice(null), []);
  const say = useCallback((text: string) => setNotice({ text, undo: false }), []);

  let current: Current;
  if (id === null)
    current = { status: 'ready', newsletter: bundledNewsletter, atlas: setup.bundled.atlas, review: null };
  else if (loading && (loading.status !== 'ready' ? loading.id === id : false)) current = loading;
  else {
    const loaded = kept.get(id);
    const atlas = loaded?.atlas;
    const entry = entries?.find((e) => e.id === id);
    current = atlas
      ? {
          status: 'ready',
          review: loaded.review,
          newsletter: entry
            ? shownOf(entry)
            : {
                id,
                title: atlas.newsletter?.title ?? id,
                date: atlas.newsletter?.date || null,
                bundled: false,
              },
          atlas,
        }
      : { status: 'loading', id, title: entry?.title ?? null, stage: 'Opening the library' };
  }

  return {
    current,
    entries,
    storageNote,
    problems,
    notice,
    dismissNotice,
    say,
    open,
    remove,
    undoRemove,
    cancelOpen,
    remember,
    search,
    store,
    geoparse,
  };
}
