/**
 * The page's side of the geoparse worker: `geoparseInWorker(input, { onProgress, signal })`. One
 * worker, created on first use (so the page's first marker never waits for it or for the broad
 * gazetteer) and kept warm for the next request. The promise always resolves, never rejects: with
 * the result, as cancelled, or with an error whose message says what to do.
 */
import type { CandidatePlace, Mention, ReviewChoice } from '../core';
import {
  addPart,
  decodeMentions,
  emptyParts,
  type EncodedMentions,
  type GeoparseInput,
  type GeoparseOutcome,
  type GeoparseResult,
  type Parts,
  type Progress,
  type Reply,
  type Request,
  type Stage,
} from './protocol';
import { spawnGeoparseWorker } from './spawn';

export type { GeoparseInput, GeoparseOutcome, GeoparseResult, Progress, ReviewData, Stage } from './protocol';
export { CANDIDATES, STAGES } from './protocol';
export { atlasFromResult, reviewResolver } from './atlas';

export interface GeoparseOptions {
  onProgress?: (progress: Progress) => void;
  /** Aborting it cancels the request: it resolves as { status: 'cancelled' }. */
  signal?: AbortSignal;
  /** The newsletter's review choices: the result's `review.chosen` has the places they name. */
  choices?: ReviewChoice[];
}

interface Pending {
  input: GeoparseInput;
  choices: ReviewChoice[] | undefined;
  stage: Stage | null;
  /** The result's lists, text and mentions as they arrive. */
  parts: Parts;
  text: string[];
  mentions: EncodedMentions | null;
  onProgress: ((progress: Progress) => void) | undefined;
  settle: (outcome: GeoparseOutcome) => void;
}

/** Stages the worker spends in one synchronous stretch: a cancel message would wait for their end. */
const BUSY: ReadonlySet<Stage> = new Set<Stage>(['opening', 'reading', 'geoparsing']);

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
/** Searches waiting for their answer: the query, and how to resolve. */
const searches = new Map<
  number,
  { query: string; limit: number; settle: (places: CandidatePlace[]) => void }
>();

function post(request: Request) {
  started().postMessage(request);
}

function onReply(reply: Reply) {
  const search = searches.get(reply.id);
  if (search) {
    if (reply.type === 'progress') return;
    searches.delete(reply.id);
    search.settle(reply.type === 'found' ? reply.places : []);
    return;
  }
  if (reply.type === 'found') return;
  const request = pending.get(reply.id);
  if (!request) return; // cancelled on this side already
  if (reply.type === 'progress') {
    request.stage = reply.progress.stage;
    request.onProgress?.(reply.progress);
    return;
  }
  if (reply.type === 'part') {
    addPart(request.parts, reply.key, reply.items);
    return;
  }
  if (reply.type === 'text') {
    request.text.push(reply.chunk);
    return;
  }
  if (reply.type === 'mentions') {
    request.mentions = reply.mentions;
    return;
  }
  if (reply.type === 'done') {
    request.stage = null; // the worker is free: a cancel from now on need not stop it
    void finish(reply.id, request, reply.result);
    return;
  }
  pending.delete(reply.id);
  if (reply.type === 'cancelled') request.settle({ status: 'cancelled' });
  else request.settle({ status: 'error', kind: reply.kind, message: reply.message });
}

/** Mentions made into objects per task, between which the page can handle input and paint. */
const DECODE_CHUNK = 4000;

/** Lets the page run other tasks (a message posted to itself: no timer clamping). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Puts the result together, unless cancelled meanwhile: the text's slices joined in a task of
 * their own (tens of milliseconds for 10 MB, not to be added to the reading of the last
 * message), then the mentions' objects a chunk per task.
 */
async function finish(id: number, request: Pending, rest: GeoparseResult) {
  let text: string;
  if ('text' in request.input) text = request.input.text;
  else {
    if (request.text.length > 1) await nextTask();
    if (pending.get(id) !== request) return;
    text = request.text.join('');
    request.text = [];
  }
  const encoded = request.mentions;
  const mentions: Mention[] = [];
  for (let at = 0; encoded && at < encoded.count; at += DECODE_CHUNK) {
    await nextTask();
    if (pending.get(id) !== request) return;
    decodeMentions(encoded, text, at, Math.min(encoded.count, at + DECODE_CHUNK), mentions);
  }
  if (pending.get(id) !== request) return;
  pending.delete(id);
  request.settle({ status: 'done', result: { ...rest, ...request.parts, text, mentions } });
}

/** The worker failed as a whole (its script did not load, or it ran out of memory): every request fails. */
function onFailure(reason: string) {
  stop();
  const requests = [...pending.values()];
  pending.clear();
  settleSearches();
  for (const r of requests) {
    r.settle({
      status: 'error',
      kind: 'internal',
      message: `the geoparse worker stopped (${reason}): reload the page and try again`,
    });
  }
}

function started(): Worker {
  if (worker) return worker;
  const w = spawnGeoparseWorker();
  w.addEventListener('message', (event: MessageEvent<Reply>) => onReply(event.data));
  w.addEventListener('error', (event) => {
    event.preventDefault();
    onFailure(event.message || 'its script could not be run');
  });
  w.addEventListener('messageerror', () => onFailure('a message could not be read'));
  worker = w;
  return w;
}

function stop() {
  worker?.terminate();
  worker = null;
}

/** Resolves every search waiting with no places (the worker that would answer them is gone). */
function settleSearches() {
  const waiting = [...searches.values()];
  searches.clear();
  for (const s of waiting) s.settle([]);
}

/** Geoparses a text, a file's bytes or a File in the worker. */
export function geoparseInWorker(
  input: GeoparseInput,
  options: GeoparseOptions = {},
): Promise<GeoparseOutcome> {
  const { signal, onProgress, choices } = options;
  if (signal?.aborted) return Promise.resolve({ status: 'cancelled' });
  return new Promise<GeoparseOutcome>((resolve) => {
    const id = nextId++;
    const onAbort = () => cancel(id);
    const settle = (outcome: GeoparseOutcome) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    pending.set(id, {
      input,
      choices,
      stage: null,
      parts: emptyParts(),
      text: [],
      mentions: null,
      onProgress,
      settle,
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      post({ type: 'geoparse', id, input, ...(choices ? { choices } : {}) });
    } catch (e) {
      pending.delete(id);
      settle({ status: 'error', kind: 'internal', message: e instanceof Error ? e.message : String(e) });
    }
  });
}

function cancel(id: number) {
  const request = pending.get(id);
  if (!request) return;
  pending.delete(id);
  request.settle({ status: 'cancelled' });
  if (request.stage === null || !BUSY.has(request.stage)) {
    // Waiting (for the gazetteer, or behind another request): the worker drops it between stages.
    worker?.postMessage({ type: 'cancel', id } satisfies Request);
    return;
  }
  // Busy for seconds in one stretch: stop it, and hand the requests still waiting to a new one.
  stop();
  for (const [other, r] of pending) {
    r.stage = null;
    r.parts = emptyParts();
    r.text = [];
    r.mentions = null;
    post({ type: 'geoparse', id: other, input: r.input, ...(r.choices ? { choices: r.choices } : {}) });
  }
  for (const [other, s] of searches) post({ type: 'search', id: other, query: s.query, limit: s.limit });
}

/**
 * Places of the broad gazetteer named `query` or named like it (a name or an alias, then names
 * starting with it; more populous first), at most `limit`, for "search the gazetteer for
 * another". Never rejects: resolves with no places when the worker cannot answer (the offline
 * copy, a gazetteer that could not be loaded).
 */
export function searchGazetteer(query: string, limit = 8): Promise<CandidatePlace[]> {
  if (query.trim() === '') return Promise.resolve([]);
  return new Promise<CandidatePlace[]>((resolve) => {
    const id = nextId++;
    searches.set(id, { query, limit, settle: resolve });
    try {
      post({ type: 'search', id, query, limit });
    } catch {
      searches.delete(id);
      resolve([]);
    }
  });
}

/** Stops the worker (the next request starts a cold one); requests still running resolve as cancelled. */
export function disposeGeoparseWorker() {
  stop();
  settleSearches();
  const requests = [...pending.values()];
  pending.clear();
  for (const r of requests) r.settle({ status: 'cancelled' });
}
