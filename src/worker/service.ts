/**
 * The geoparse worker's message handling as a plain object, so it runs in Node as in the worker:
 * the curated data and the compiled gazetteer's bytes are passed in. The first request loads the
 * gazetteer (once; a failed load is tried again by the next request), then each request reads
 * its input (readDocument for bytes: no DOM), finds its stories and mentions and replies with the
 * parts of the Atlas the app needs. Every request ends in exactly one reply: done, cancelled or
 * error (with a reason a person can act on), never a thrown error.
 */
import { fingerprint, loadData, type Atlas, type AtlasData, type BroadGeoparser } from '../core';
import { FormatError, readDocument, type ReadDocument } from '../core/formats';
import {
  createBroadGeoparser,
  GazetteerFormatError,
  lexiconOf,
  openGazetteer,
  type BroadGazetteer,
} from '../core/places';
import {
  createGazetteerSearch,
  reviewItems,
  type CandidatePlace,
  type GazetteerSearch,
  type ReviewChoice,
  type UnmatchedName,
} from '../core/review';
import {
  CANDIDATES,
  resultReplies,
  type GeoparseInput,
  type Progress,
  type Reply,
  type Request,
  type ReviewData,
} from './protocol';
import { resultOfAtlas } from './atlas';

/** The compiled gazetteer could not be had; its message says what to do. */
export class GazetteerLoadError extends Error {}

export interface ServiceOptions {
  /** The curated data (data/geo, data/newsletters), read once on the first request. */
  data: () => AtlasData;
  /** The bytes of data/compiled/places.bin; calls `onBytes` as they arrive. */
  gazetteer: (onBytes: (received: number, total: number | null) => void) => Promise<Uint8Array>;
  /** Where replies go (the worker's postMessage), with the buffers they move. */
  post: (reply: Reply, transfer?: ArrayBuffer[]) => void;
  /** Where the gazetteer comes from, for messages. */
  source?: string;
}

/** What the first request loads: the geoparser, the broad gazetteer and its search. */
interface Loaded {
  data: ReturnType<typeof loadData>;
  places: BroadGazetteer;
  search: GazetteerSearch;
}

export interface GeoparseService {
  /** Handles one message; the promise settles when the request has had its reply (it never rejects). */
  handle(request: Request): Promise<void>;
}

export function createGeoparseService(options: ServiceOptions): GeoparseService {
  const source = options.source ?? 'the broad gazetteer (places.bin)';
  const cancelled = new Set<number>();
  let ready: Promise<Loaded> | null = null;

  async function load(progress: (p: Progress) => void): Promise<Loaded> {
    let bytes: Uint8Array;
    progress({ stage: 'gazetteer', received: 0, total: null });
    try {
      bytes = await options.gazetteer((received, total) => progress({ stage: 'gazetteer', received, total }));
    } catch (e) {
      if (e instanceof GazetteerLoadError) throw e;
      throw new GazetteerLoadError(
        `${source} could not be loaded (${(e as Error).message}): check the connection to the server and try again`,
      );
    }
    progress({ stage: 'opening' });
    let broad: BroadGeoparser;
    let places: BroadGazetteer;
    try {
      places = openGazetteer(bytes);
      broad = createBroadGeoparser(places, lexiconOf(places));
    } catch (e) {
      if (!(e instanceof GazetteerFormatError)) throw e;
      throw new GazetteerLoadError(
        `${source} is not a gazetteer this app can read (${e.message}): rebuild it with npm run gazetteer, then npm run build`,
      );
    }
    return { data: loadData(options.data(), broad), places, search: createGazetteerSearch(places) };
  }

  /** The loaded geoparser; only the first request (or the first after a failed load) loads it. */
  function geoparser(progress: (p: Progress) => void): Promise<Loaded> {
    if (!ready) {
      ready = load(progress);
      ready.catch(() => (ready = null));
    }
    return ready;
  }

  async function read(input: GeoparseInput): Promise<ReadDocument> {
    if ('text' in input) return { format: 'text', text: input.text };
    if ('bytes' in input) return readDocument(input.name, input.bytes);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await input.file.arrayBuffer());
    } catch (e) {
      // Moved or changed on the disk since it was picked, or the browser may not read it.
      throw new FormatError(
        `could not be read (${e instanceof Error ? e.message : String(e)}); pick the file again`,
      );
    }
    return readDocument(input.name, bytes);
  }

  async function geoparse(id: number, input: GeoparseInput, choices: readonly ReviewChoice[]): Promise<void> {
    const progress = (p: Progress) => options.post({ type: 'progress', id, progress: p });
    /** True (and the request answered as cancelled) when it was cancelled since it began. */
    const stop = () => {
      if (!cancelled.has(id)) return false;
      options.post({ type: 'cancelled', id });
      return true;
    };
    /**
     * stop(), after the messages that came in meanwhile were handled: the stages' promises settle
     * as microtasks, before any message event, so a Cancel is read only after a task's turn.
     */
    const stopBetweenStages = async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return stop();
    };
    try {
      const loaded = await geoparser(progress);
      if (await stopBetweenStages()) return;
      progress({ stage: 'reading' });
      const doc = await read(input);
      if (await stopBetweenStages()) return;
      progress({ stage: 'geoparsing' });
      const { atlas, unmatched } = loaded.data.geoparseForReview(doc.text);
      const review = reviewData(loaded, atlas, unmatched, choices);
      if (await stopBetweenStages()) return;
      const result = resultOfAtlas(atlas, {
        name: input.name,
        format: doc.format,
        fingerprint: fingerprint(atlas.text),
        review,
      });
      for (const { reply, transfer } of resultReplies(id, result, !('text' in input)))
        options.post(reply, transfer);
    } catch (e) {
      if (stop()) return;
      if (e instanceof FormatError) {
        options.post({ type: 'error', id, kind: 'format', message: `${input.name}: ${e.message}` });
      } else if (e instanceof GazetteerLoadError) {
        options.post({ type: 'error', id, kind: 'gazetteer', message: e.message });
      } else {
        const message = e instanceof Error ? e.message : String(e);
        options.post({
          type: 'error',
          id,
          kind: 'internal',
          message: `${input.name} could not be geoparsed: ${message}`,
        });
      }
    } finally {
      cancelled.delete(id);
    }
  }

  async function search(id: number, query: string, limit: number): Promise<void> {
    try {
      const loaded = await geoparser((progress) => options.post({ type: 'progress', id, progress }));
      options.post({ type: 'found', id, places: loaded.search.search(query, limit) });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      options.post({
        type: 'error',
        id,
        kind: e instanceof GazetteerLoadError ? 'gazetteer' : 'internal',
        message,
      });
    }
  }

  const running = new Set<number>();
  return {
    async handle(request) {
      if (request.type === 'cancel') {
        if (running.has(request.id)) cancelled.add(request.id);
        return;
      }
      if (request.type === 'search') {
        await search(request.id, request.query, request.limit);
        return;
      }
      running.add(request.id);
      try {
        await geoparse(request.id, request.input, request.choices ?? []);
      } finally {
        running.delete(request.id);
      }
    },
  };
}

/**
 * The review's part of a result: the unmatched names, up to CANDIDATES places for each group to
 * review (the place chosen now first, then the gazetteer's places of the name, larger and more
 * populous first; none for an unmatched name), and the place each choice names, found by id in
 * the curated or the broad gazetteer (so the page can apply a choice made in an earlier session,
 * whatever place it named; the first such look-up indexes every id, a fraction of a second).
 */
function reviewData(
  loaded: Loaded,
  atlas: Atlas,
  unmatched: UnmatchedName[],
  choices: readonly ReviewChoice[],
): ReviewData {
  const { search } = loaded;
  const candidates: Record<string, CandidatePlace[]> = {};
  for (const group of reviewItems(atlas, unmatched)) {
    const list: CandidatePlace[] = group.place ? [search.describe(group.place)] : [];
    // An unmatched name has no places of its name; the person searches (a search's first use
    // reads every name of the gazetteer, which a geoparse does not wait for).
    const found =
      group.kind === 'unmatched'
        ? []
        : loaded.places.lookup(group.text).slice(0, CANDIDATES).map(search.candidate);
    for (const p of found) {
      if (list.length >= CANDIDATES) break;
      if (!list.some((q) => q.id === p.id)) list.push(p);
    }
    candidates[group.name] = list;
  }
  const chosen: CandidatePlace[] = [];
  for (const c of choices) {
    if (c.verdict.kind !== 'place') continue;
    const id = c.verdict.place;
    const known = atlas.gazetteer.byId.get(id) ?? loaded.data.gazetteer.byId.get(id);
    const place = known ? search.describe(known) : search.byId(id);
    if (place && !chosen.some((p) => p.id === id)) chosen.push(place);
  }
  return { unmatched, candidates, chosen };
}
