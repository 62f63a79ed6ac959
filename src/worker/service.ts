/**
 * The geoparse worker's message handling as a plain object, so it runs in Node as in the worker:
 * the curated data and the compiled gazetteer's bytes are passed in. The first request loads the
 * gazetteer (once; a failed load is tried again by the next request), then each request reads
 * its input (readDocument for bytes: no DOM), finds its stories and mentions and replies with the
 * parts of the Atlas the app needs. Every request ends in exactly one reply: done, cancelled or
 * error (with a reason a person can act on), never a thrown error.
 */
import { fingerprint, loadData, type AtlasData, type BroadGeoparser } from '../core';
import { FormatError, readDocument, type ReadDocument } from '../core/formats';
import { createBroadGeoparser, GazetteerFormatError, lexiconOf, openGazetteer } from '../core/places';
import { resultReplies, type GeoparseInput, type Progress, type Reply, type Request } from './protocol';

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

type Geoparse = ReturnType<typeof loadData>['geoparse'];

export interface GeoparseService {
  /** Handles one message; the promise settles when the request has had its reply (it never rejects). */
  handle(request: Request): Promise<void>;
}

export function createGeoparseService(options: ServiceOptions): GeoparseService {
  const source = options.source ?? 'the broad gazetteer (places.bin)';
  const cancelled = new Set<number>();
  let ready: Promise<Geoparse> | null = null;

  async function load(progress: (p: Progress) => void): Promise<Geoparse> {
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
    try {
      const places = openGazetteer(bytes);
      broad = createBroadGeoparser(places, lexiconOf(places));
    } catch (e) {
      if (!(e instanceof GazetteerFormatError)) throw e;
      throw new GazetteerLoadError(
        `${source} is not a gazetteer this app can read (${e.message}): rebuild it with npm run gazetteer, then npm run build`,
      );
    }
    return loadData(options.data(), broad).geoparse;
  }

  /** The loaded geoparser; only the first request (or the first after a failed load) loads it. */
  function geoparser(progress: (p: Progress) => void): Promise<Geoparse> {
    if (!ready) {
      ready = load(progress);
      ready.catch(() => (ready = null));
    }
    return ready;
  }

  async function read(input: GeoparseInput): Promise<ReadDocument> {
    if ('text' in input) return { format: 'text', text: input.text };
    return readDocument(input.name, input.bytes);
  }

  async function geoparse(id: number, input: GeoparseInput): Promise<void> {
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
      const run = await geoparser(progress);
      if (await stopBetweenStages()) return;
      progress({ stage: 'reading' });
      const doc = await read(input);
      if (await stopBetweenStages()) return;
      progress({ stage: 'geoparsing' });
      const atlas = run(doc.text);
      if (await stopBetweenStages()) return;
      const result = {
        name: input.name,
        format: doc.format,
        text: atlas.text,
        newsletter: atlas.newsletter,
        stories: atlas.stories,
        mentions: atlas.mentions,
        places: atlas.places,
        unsearched: atlas.unsearched,
        furniture: atlas.furniture,
        fingerprint: fingerprint(atlas.text),
      };
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

  const running = new Set<number>();
  return {
    async handle(request) {
      if (request.type === 'cancel') {
        if (running.has(request.id)) cancelled.add(request.id);
        return;
      }
      running.add(request.id);
      try {
        await geoparse(request.id, request.input);
      } finally {
        running.delete(request.id);
      }
    },
  };
}
