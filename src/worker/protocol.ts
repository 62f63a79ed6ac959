/**
 * The messages between the page and the geoparse worker (src/worker/geoparse.worker.ts), and
 * what a request resolves to. Plain data only: every message survives structured cloning.
 */
import type {
  CandidatePlace,
  CatalogEntry,
  Mention,
  MentionSource,
  PlaceSummary,
  ReviewChoice,
  Story,
  TextRange,
  UnmatchedName,
  UnsearchedText,
} from '../core';
import type { DocumentFormat } from '../core/formats';

/**
 * What to geoparse: a plain text, or a file read by its name (.txt, .md, .html, .eml): its bytes,
 * or the File (a Blob) itself, which the worker reads, so that the page never holds its bytes.
 */
export type GeoparseInput =
  { name: string; text: string } | { name: string; bytes: Uint8Array } | { name: string; file: Blob };

/** The stages a request goes through, in this order (the gazetteer's only on a cold worker). */
export const STAGES = ['gazetteer', 'opening', 'reading', 'geoparsing'] as const;
export type Stage = (typeof STAGES)[number];

export interface Progress {
  stage: Stage;
  /** For 'gazetteer': bytes received so far. */
  received?: number;
  /** For 'gazetteer': the download's size when the server said it (Content-Length), else null. */
  total?: number | null;
}

/** The parts of an Atlas the app needs for a new newsletter: the places mentioned, not the whole gazetteer. */
export interface GeoparseResult {
  name: string;
  format: DocumentFormat;
  /** The plain text read: every offset indexes it. */
  text: string;
  /** The catalog entry when the text is a known newsletter, else null. */
  newsletter: CatalogEntry | null;
  stories: Story[];
  mentions: Mention[];
  /** One per place mentioned, with the place itself. */
  places: PlaceSummary[];
  unsearched: UnsearchedText[];
  furniture: TextRange[];
  /**
   * core/fingerprint.ts of `text`, worked out in the worker so that the page need not read
   * megabytes again to file it in the library.
   */
  fingerprint?: string;
  /** What the Review panel needs beyond the mentions (core/review: reviewItems makes its groups). */
  review: ReviewData;
}

/** Candidate places sent per review group, at most. */
export const CANDIDATES = 8;

/**
 * The review's data of a result. The mentions and places of the result are the finder's own,
 * choices not applied: the page applies them (core/review: applyReviewChoices, with `chosen` to
 * resolve their places), so that undoing one is applying the others to the same original.
 */
export interface ReviewData {
  /** The names where a place stands that matched no place, in text order. */
  unmatched: UnmatchedName[];
  /**
   * Review group name (placeKey) → up to CANDIDATES places it could be: the place chosen now
   * first, then the gazetteer's places of that name (none for an unmatched name: the person
   * searches, searchGazetteer).
   */
  candidates: Record<string, CandidatePlace[]>;
  /** The places the request's choices name, found by id in the curated and the broad gazetteer. */
  chosen: CandidatePlace[];
}

/** Why a request failed: the input ('format'), the gazetteer ('gazetteer') or anything else ('internal'). */
export type ErrorKind = 'format' | 'gazetteer' | 'internal';

/** What geoparseInWorker resolves to; it never rejects. */
export type GeoparseOutcome =
  | { status: 'done'; result: GeoparseResult }
  | { status: 'cancelled' }
  | { status: 'error'; kind: ErrorKind; message: string };

/** Page → worker. */
export type Request =
  | {
      type: 'geoparse';
      id: number;
      input: GeoparseInput;
      /** The newsletter's review choices: their places come back in `review.chosen`. */
      choices?: ReviewChoice[];
    }
  | { type: 'cancel'; id: number }
  /** Places of the broad gazetteer named like `query` (core/review: GazetteerSearch.search). */
  | { type: 'search'; id: number; query: string; limit: number };

/**
 * A result reaches the page in pieces, so that no single task of the page reads megabytes of it:
 * the long lists in slices of at most PART_SIZE items, the text (when the page does not have it
 * already) in slices of TEXT_PART characters, the mentions as columns of typed arrays (moved, not
 * copied), then 'done' with the rest. The page makes the mentions' objects from the columns a
 * few thousand at a time.
 */
export const PART_KEYS = ['stories', 'places', 'unsearched', 'furniture'] as const;
export type PartKey = (typeof PART_KEYS)[number];
export const PART_SIZE = 1000;
export const TEXT_PART = 1 << 19;

/** The parts received so far of a request's result, by list. */
export type Parts = { [K in PartKey]: GeoparseResult[K] };

export const emptyParts = (): Parts => ({ stories: [], places: [], unsearched: [], furniture: [] });

/** Adds a slice to its list (in place: no copy of what came before). */
export function addPart<K extends PartKey>(parts: Parts, key: K, items: GeoparseResult[K]) {
  const list = parts[key] as unknown[];
  for (const item of items as unknown[]) list.push(item);
}

const SOURCES: readonly MentionSource[] = ['curated', 'geonames'];
const FORMS: readonly Mention['form'][] = ['name', 'demonym', 'street'];

/** Mentions as columns: one typed array per number field, place ids by their index in a table. */
export interface EncodedMentions {
  count: number;
  placeIds: string[];
  place: Uint32Array;
  start: Int32Array;
  end: Int32Array;
  story: Int32Array;
  snippetStart: Int32Array;
  snippetEnd: Int32Array;
  confidence: Float64Array;
  source: Uint8Array;
  form: Uint8Array;
}

export function encodeMentions(mentions: readonly Mention[]): EncodedMentions {
  const n = mentions.length;
  const ids = new Map<string, number>();
  const e: EncodedMentions = {
    count: n,
    placeIds: [],
    place: new Uint32Array(n),
    start: new Int32Array(n),
    end: new Int32Array(n),
    story: new Int32Array(n),
    snippetStart: new Int32Array(n),
    snippetEnd: new Int32Array(n),
    confidence: new Float64Array(n),
    source: new Uint8Array(n),
    form: new Uint8Array(n),
  };
  mentions.forEach((m, i) => {
    let id = ids.get(m.placeId);
    if (id === undefined) {
      id = e.placeIds.push(m.placeId) - 1;
      ids.set(m.placeId, id);
    }
    e.place[i] = id;
    e.start[i] = m.start;
    e.end[i] = m.end;
    e.story[i] = m.story;
    e.snippetStart[i] = m.snippetStart;
    e.snippetEnd[i] = m.snippetEnd;
    e.confidence[i] = m.confidence;
    e.source[i] = SOURCES.indexOf(m.source);
    e.form[i] = FORMS.indexOf(m.form);
  });
  return e;
}

/** The typed arrays' buffers, for postMessage's transfer list. */
export function buffersOf(e: EncodedMentions): ArrayBuffer[] {
  return [e.place, e.start, e.end, e.story, e.snippetStart, e.snippetEnd, e.confidence, e.source, e.form].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** Appends mentions [from, to) to `out`; each mention's text is its slice of `text`. */
export function decodeMentions(e: EncodedMentions, text: string, from: number, to: number, out: Mention[]) {
  for (let i = from; i < to; i++) {
    const start = e.start[i]!;
    const end = e.end[i]!;
    out.push({
      placeId: e.placeIds[e.place[i]!]!,
      text: text.slice(start, end),
      start,
      end,
      story: e.story[i]!,
      snippetStart: e.snippetStart[i]!,
      snippetEnd: e.snippetEnd[i]!,
      confidence: e.confidence[i]!,
      source: SOURCES[e.source[i]!]!,
      form: FORMS[e.form[i]!]!,
    });
  }
}

/** A reply and the buffers it moves. */
export interface Outgoing {
  reply: Reply;
  transfer: ArrayBuffer[];
}

/**
 * The replies that carry a result, in order. `withText`: false when the request gave the text
 * itself (the page has it), so it is not sent back.
 */
export function resultReplies(id: number, result: GeoparseResult, withText: boolean): Outgoing[] {
  const out: Outgoing[] = [];
  for (const key of PART_KEYS) {
    const list = result[key] as unknown[];
    for (let at = 0; at < list.length; at += PART_SIZE) {
      out.push({
        reply: { type: 'part', id, key, items: list.slice(at, at + PART_SIZE) } as Reply,
        transfer: [],
      });
    }
  }
  if (withText) {
    for (let at = 0; at < result.text.length; at += TEXT_PART) {
      out.push({ reply: { type: 'text', id, chunk: result.text.slice(at, at + TEXT_PART) }, transfer: [] });
    }
  }
  const mentions = encodeMentions(result.mentions);
  out.push({ reply: { type: 'mentions', id, mentions }, transfer: buffersOf(mentions) });
  out.push({
    reply: { type: 'done', id, result: { ...result, ...emptyParts(), text: '', mentions: [] } },
    transfer: [],
  });
  return out;
}

/** Worker → page. */
export type Reply =
  | { type: 'progress'; id: number; progress: Progress }
  | { [K in PartKey]: { type: 'part'; id: number; key: K; items: GeoparseResult[K] } }[PartKey]
  | { type: 'text'; id: number; chunk: string }
  | { type: 'mentions'; id: number; mentions: EncodedMentions }
  /** The result, its lists and text empty: they came in the replies before it. */
  | { type: 'done'; id: number; result: GeoparseResult }
  | { type: 'cancelled'; id: number }
  /** A search's answer. */
  | { type: 'found'; id: number; places: CandidatePlace[] }
  | { type: 'error'; id: number; kind: ErrorKind; message: string };
