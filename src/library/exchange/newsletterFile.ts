/**
 * A newsletter as one JSON file, to take it with its edits and its tour to another browser:
 * exportNewsletter writes it, readNewsletterFile reads it back or refuses it with the reason.
 * Pure (no DOM, no storage): reading a file changes nothing; the caller adds what it returns.
 */
import { fingerprint, formatSize, MAX_TOUR_SIZE, TOUR_FORMAT, type StoryEdit } from '../../core';
import {
  isId,
  recordProblem,
  SOURCE_FORMATS,
  type NewsletterSource,
  type ReviewChoice,
  type SourceFormat,
} from '../store/schema';

/** The file's "format": what it is, whatever its name. */
export const NEWSLETTER_FILE_FORMAT = 'newsletter-atlas-newsletter';
/** The file's "version": this app writes it and reads it and every version before it. */
export const NEWSLETTER_FILE_VERSION = 1;
/**
 * The longest newsletter text a file may carry, in UTF-16 code units (16 M, about 16 MB of
 * English): the import of a plain text file takes 10 MB ones.
 */
export const MAX_NEWSLETTER_TEXT = 16 * 1024 * 1024;
/** The largest file read: the text written as JSON (escapes double at most), the tour, the edits. */
export const MAX_NEWSLETTER_FILE = 2 * MAX_NEWSLETTER_TEXT + MAX_TOUR_SIZE + 4 * 1024 * 1024;

/** What a newsletter file holds. */
export interface NewsletterFile {
  meta: {
    id: string;
    title: string;
    /** ISO 8601 date or part of one, or null. */
    date: string | null;
    source: NewsletterSource;
  };
  text: string;
  edits: { storyEdits: StoryEdit[]; reviewChoices: ReviewChoice[] };
  /** The saved tour's JSON text (core serializeTour), or null: no tour of one's own. */
  tour: string | null;
}

/** What exportNewsletter takes: the store's records will do (other fields are left out). */
export interface NewsletterExport {
  meta: { id: string; title: string; date: string | null; source?: NewsletterSource | null };
  text: string;
  edits?: { storyEdits: readonly StoryEdit[]; reviewChoices: readonly ReviewChoice[] } | null;
  tour?: string | null;
}

export type ReadNewsletterFile = { ok: true; file: NewsletterFile } | { ok: false; reason: string };

/** For a bundled newsletter (no file was imported): its text, as plain text. */
const NO_SOURCE: NewsletterSource = { name: '', format: 'text' };

/**
 * The newsletter, its story edits, review choices and tour as one JSON text (two-space indent,
 * a final line break), with the format, its version and the text's fingerprint.
 */
export function exportNewsletter({ meta, text, edits, tour }: NewsletterExport): string {
  const source = meta.source ?? NO_SOURCE;
  const file = {
    format: NEWSLETTER_FILE_FORMAT,
    version: NEWSLETTER_FILE_VERSION,
    newsletter: {
      id: meta.id,
      title: meta.title,
      date: meta.date,
      source: { name: source.name, format: source.format },
      fingerprint: fingerprint(text),
    },
    text,
    edits: { storyEdits: edits?.storyEdits ?? [], reviewChoices: edits?.reviewChoices ?? [] },
    tour: tour ?? null,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const HOW = 'Choose a file made by "Export newsletter" in Newsletter Atlas.';
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const refuse = (reason: string): ReadNewsletterFile => ({ ok: false, reason });

/**
 * Reads a newsletter file: the newsletter it holds, or why it is refused (too large, not JSON,
 * another format, a newer version, a field missing or wrong, a text that is not the one its
 * fingerprint was made from). The tour is checked only as a tour of this newsletter here; core
 * readSavedTour checks its slides against the geoparsed newsletter when it is opened.
 */
export function readNewsletterFile(content: string): ReadNewsletterFile {
  if (content.length > MAX_NEWSLETTER_FILE) {
    return refuse(
      `The file is ${formatSize(content.length)}; a newsletter file may be at most ` +
        `${formatSize(MAX_NEWSLETTER_FILE)}. ${HOW}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (e) {
    return refuse(`The file is not a newsletter file: it is not JSON (${(e as Error).message}). ${HOW}`);
  }
  if (!isObject(data) || !('format' in data)) {
    return refuse(`The file is JSON but not a newsletter file: it has no "format". ${HOW}`);
  }
  if (data.format === TOUR_FORMAT) {
    return refuse(
      'The file is a saved tour, not a newsletter: load it in the tour editor (Present) instead.',
    );
  }
  if (data.format !== NEWSLETTER_FILE_FORMAT) {
    return refuse(
      `The file is of another format (${JSON.stringify(data.format)}), not "${NEWSLETTER_FILE_FORMAT}". ${HOW}`,
    );
  }
  const version = data.version;
  if (!Number.isSafeInteger(version) || (version as number) < 1) {
    return refuse(`The file's "version" is ${JSON.stringify(version)}, not a version number. ${HOW}`);
  }
  if ((version as number) > NEWSLETTER_FILE_VERSION) {
    return refuse(
      `The file was made by a newer Newsletter Atlas (file version ${version}; this app reads ` +
        `version ${NEWSLETTER_FILE_VERSION}). Open it in the newer app, or update this one.`,
    );
  }
  const problem = fieldProblem(data);
  if (problem)
    return refuse(`The newsletter file is damaged: ${problem}. Export it again from where it was made.`);
  const n = data.newsletter as Record<string, unknown>;
  const source = n.source as Record<string, unknown>;
  const edits = data.edits as { storyEdits: StoryEdit[]; reviewChoices: ReviewChoice[] };
  return {
    ok: true,
    file: {
      meta: {
        id: n.id as string,
        title: n.title as string,
        date: n.date as string | null,
        source: { name: source.name as string, format: source.format as SourceFormat },
      },
      text: data.text as string,
      edits: { storyEdits: edits.storyEdits, reviewChoices: edits.reviewChoices },
      tour: data.tour as string | null,
    },
  };
}

/** The first field that is missing or wrong, in words, or null. */
function fieldProblem(data: Record<string, unknown>): string | null {
  const n = data.newsletter;
  if (!isObject(n)) return '"newsletter" (its id, title, date and source) is missing';
  if (!isId(n.id)) return '"newsletter.id" is not an id (1 to 200 characters)';
  if (typeof n.title !== 'string') return '"newsletter.title" is not text';
  if (n.date !== null && typeof n.date !== 'string') return '"newsletter.date" is neither text nor null';
  const s = n.source;
  if (!isObject(s) || typeof s.name !== 'string' || !SOURCE_FORMATS.includes(s.format as SourceFormat)) {
    return `"newsletter.source" is not a file name with a format (${SOURCE_FORMATS.join(', ')})`;
  }
  if (typeof data.text !== 'string') return '"text" (the newsletter\'s text) is missing';
  if (data.text.length > MAX_NEWSLETTER_TEXT) {
    return `the text is ${formatSize(data.text.length)}; a newsletter may be at most ${formatSize(MAX_NEWSLETTER_TEXT)}`;
  }
  if (data.text.trim() === '') return 'the text is empty';
  if (typeof n.fingerprint !== 'string') return '"newsletter.fingerprint" is missing';
  if (n.fingerprint !== fingerprint(data.text)) {
    return 'the text is not the one exported (its fingerprint differs): the file was changed after export';
  }
  const e = data.edits;
  if (!isObject(e)) return '"edits" (the story edits and review choices) is missing';
  // The store's own check of an edits record (schema.ts), stamped as a new one.
  const editsProblem = recordProblem('edits', { ...e, newsletter: n.id, updatedAt: 0, revision: 1 });
  if (editsProblem) return `"edits": ${editsProblem}`;
  const tour = data.tour;
  if (tour !== null) {
    if (typeof tour !== 'string') return '"tour" is neither a saved tour\'s text nor null';
    if (tour.length > MAX_TOUR_SIZE)
      return `the tour is larger than a tour may be (${formatSize(MAX_TOUR_SIZE)})`;
    let t: unknown;
    try {
      t = JSON.parse(tour);
    } catch {
      return '"tour" is not a saved tour (not JSON)';
    }
    if (!isObject(t) || t.format !== TOUR_FORMAT)
      return `"tour" is not a saved tour ("format": "${TOUR_FORMAT}")`;
    if (t.newsletter !== n.id) {
      return `"tour" is the tour of newsletter ${JSON.stringify(t.newsletter)}, not of ${JSON.stringify(n.id)}`;
    }
  }
  return null;
}
