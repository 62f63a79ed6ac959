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

/** Worker → page. */
export type Reply =
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'done'; id: number; result: GeoparseResult }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; kind: ErrorKind; message: string };
