/**
 * The messages between the page and the geoparse worker (src/worker/geoparse.worker.ts), and
 * what a request resolves to. Plain data only: every message survives structured cloning.
 */
import type { CatalogEntry, Mention, PlaceSummary, Story, TextRange, UnsearchedText } from '../core';
import type { DocumentFormat } from '../core/formats';

/** What to geoparse: a plain text, or a file's bytes read by its name (.txt, .md, .html, .eml). */
export type GeoparseInput = { name: string; text: string } | { name: string; bytes: Uint8Array };

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
}

/** Why a request failed: the input ('format'), the gazetteer ('gazetteer') or anything else ('internal'). */
export type ErrorKind = 'format' | 'gazetteer' | 'internal';

/** What geoparseInWorker resolves to; it never rejects. */
export type GeoparseOutcome =
  | { status: 'done'; result: GeoparseResult }
  | { status: 'cancelled' }
  | { status: 'error'; kind: ErrorKind; message: string };

/** Page → worker. */
export type Request = { type: 'geoparse'; id: number; input: GeoparseInput } | { type: 'cancel'; id: number };

/**
 * The result's long lists, sent ahead of 'done' in slices of at most PART_SIZE items: the page
 * reads each message in a task of its own, so no single task reads 10 MB worth of mentions.
 */
export const PART_KEYS = ['stories', 'mentions', 'places', 'unsearched', 'furniture'] as const;
export type PartKey = (typeof PART_KEYS)[number];
export const PART_SIZE = 2000;

/** The parts received so far of a request's result, by list. */
export type Parts = { [K in PartKey]: GeoparseResult[K] };

export const emptyParts = (): Parts => ({
  stories: [],
  mentions: [],
  places: [],
  unsearched: [],
  furniture: [],
});

/** Adds a slice to its list (in place: no copy of what came before). */
export function addPart<K extends PartKey>(parts: Parts, key: K, items: GeoparseResult[K]) {
  const list = parts[key] as unknown[];
  for (const item of items as unknown[]) list.push(item);
}

/** The replies that carry a result: its slices, then the rest with the lists left empty. */
export function resultReplies(id: number, result: GeoparseResult): Reply[] {
  const replies: Reply[] = [];
  for (const key of PART_KEYS) {
    const list = result[key] as unknown[];
    for (let at = 0; at < list.length; at += PART_SIZE) {
      replies.push({ type: 'part', id, key, items: list.slice(at, at + PART_SIZE) } as Reply);
    }
  }
  replies.push({ type: 'done', id, result: { ...result, ...emptyParts() } });
  return replies;
}

/** Worker → page. */
export type Reply =
  | { type: 'progress'; id: number; progress: Progress }
  | { [K in PartKey]: { type: 'part'; id: number; key: K; items: GeoparseResult[K] } }[PartKey]
  /** The result, its lists empty: they came in the 'part' replies before it. */
  | { type: 'done'; id: number; result: GeoparseResult }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; kind: ErrorKind; message: string };
