/** What the library shell is given by the page's entry, and what it tells the views. */
import type { Atlas, CandidatePlace, Gazetteer, RouteData } from '../../core';
import type { EmbeddedNewsletter } from '../../library';
import type { BundledNewsletter, LibraryEntry, LibraryStore } from '../../library/store';
import type { GeoparseInput, GeoparseOptions, GeoparseOutcome } from '../../worker/client';
import type { ReviewData } from '../../worker/protocol';

/** Geoparses a text or file in the worker (src/worker/client.ts geoparseInWorker: never rejects). */
export type Geoparse = (input: GeoparseInput, options?: GeoparseOptions) => Promise<GeoparseOutcome>;

export interface LibrarySetup {
  /** The newsletter that ships with the app, geoparsed by the page with the curated data. */
  bundled: { entry: BundledNewsletter; atlas: Atlas };
  /** The page's curated gazetteer and routes, which every imported newsletter's atlas adds to. */
  base: { gazetteer: Gazetteer; routes: RouteData[] };
  /** Opens the library store (IndexedDB, or memory): called once, after the first render. */
  openStore: () => Promise<LibraryStore>;
  /** Loaded on first use, so the bundled newsletter's first marker never waits for the worker. */
  loadGeoparse: () => Promise<Geoparse>;
  /** The broad gazetteer's places named like a query (the worker's searchGazetteer: never rejects). */
  loadSearch: () => Promise<(query: string) => Promise<CandidatePlace[]>>;
  /** The newsletter an offline copy carries (library/embeddedNewsletter.ts), which it opens on. */
  embedded?: EmbeddedNewsletter | null;
}

/** The newsletter the app shows, as the masthead, the tour and the offline copy name it. */
export interface ShownNewsletter {
  /** Its library id (the bundled one's catalog id). */
  id: string;
  title: string;
  date: string | null;
  bundled: boolean;
}

/** The newsletter the URL names, as far as it is loaded. */
export type Current =
  | {
      status: 'ready';
      newsletter: ShownNewsletter;
      /** The finder's atlas, before the reader's edits and review choices. */
      atlas: Atlas;
      /** The worker's review data (candidates, unmatched names); null for the bundled newsletter. */
      review: ReviewData | null;
    }
  | { status: 'loading'; id: string; title: string | null; stage: string }
  | { status: 'failed'; id: string; title: string | null; message: string };

export type { LibraryEntry };
