/**
 * One import: a file (or its bytes) or pasted text → the worker's geoparse → the library. A text the
 * library holds already (the same text, whatever its line ends) is not added twice: the outcome
 * names the newsletter it is. Nothing is added unless the whole file was read and geoparsed.
 */
import {
  LibraryError,
  StorageWriteError,
  type LibraryEntry,
  type LibraryStore,
  type SourceFormat,
} from '../../library/store';
import { fingerprint } from '../../core';
import type { GeoparseInput, GeoparseResult, Progress } from '../../worker/client';
import type { Geoparse } from '../library/types';

export type ImportOutcome =
  | {
      status: 'added' | 'duplicate';
      entry: LibraryEntry;
      result: GeoparseResult;
      /** Set when the browser refused to keep it: it is in the library for this session only. */
      warning?: string;
    }
  | { status: 'refused' | 'failed'; message: string }
  | { status: 'cancelled' };

/** The longest title kept from a newsletter's first line. */
export const MAX_TITLE = 120;

/** The newsletter's title: the catalog's, else its first line (an e-mail's Subject), else the file's name. */
export function titleOf(result: GeoparseResult, fallback: string): string {
  if (result.newsletter?.title) return result.newsletter.title;
  // A Markdown heading's marks are not part of its words.
  const first = (/\S[^\n]*/.exec(result.text)?.[0] ?? '').replace(/^#{1,6}\s+/, '').trim();
  if (!first) return fallback || 'Pasted text';
  if (first.length <= MAX_TITLE) return first;
  const cut = first.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = MONTHS.join('|');
const ISO_DATE = /\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/;
const WORD_DATE = new RegExp(`\\b(${MONTH})\\s+(?:(\\d{1,2}),?\\s+)?((?:19|20)\\d\\d)\\b`, 'i');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH})\\s+((?:19|20)\\d\\d)\\b`, 'i');
/** How far into the text a date is looked for: a newsletter dates itself at the top. */
const DATE_SPAN = 2000;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The date a newsletter gives near its top, as ISO 8601 ("2020-06-15", or "2020-06" when it
 * names only the month), or null.
 */
export function dateIn(text: string): string | null {
  const head = text.slice(0, DATE_SPAN);
  const iso = ISO_DATE.exec(head);
  const word = WORD_DATE.exec(head);
  const dayFirst = DAY_FIRST.exec(head);
  const found: { at: number; date: string }[] = [];
  if (iso) found.push({ at: iso.index, date: iso[0] });
  if (word) {
    const month = MONTHS.indexOf(word[1]!.toLowerCase()) + 1;
    const day = word[2] ? Number(word[2]) : null;
    const ok = day === null || (day >= 1 && day <= 31);
    if (ok) found.push({ at: word.index, date: `${word[3]}-${pad(month)}${day ? `-${pad(day)}` : ''}` });
  }
  if (dayFirst) {
    const day = Number(dayFirst[1]);
    const month = MONTHS.indexOf(dayFirst[2]!.toLowerCase()) + 1;
    if (day >= 1 && day <= 31)
      found.push({ at: dayFirst.index, date: `${dayFirst[3]}-${pad(month)}-${pad(day)}` });
  }
  found.sort((a, b) => a.at - b.at);
  return found[0]?.date ?? null;
}

export interface ImportContext {
  geoparse: Geoparse;
  store: LibraryStore;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** A newsletter file (Export's .json): refused with the reason, or its newsletter added with its edits. */
async function importNewsletterFile(
  name: string,
  bytes: Uint8Array,
  ctx: ImportContext,
): Promise<ImportOutcome> {
  const { readNewsletterFile } = await import('../../library/exchange');
  const read = readNewsletterFile(new TextDecoder().decode(bytes));
  if (!read.ok) return { status: 'refused', message: `${name}: ${read.reason}` };
  const { meta, text, edits, tour } = read.file;
  // Its review choices go with it: the worker finds the places they name. Those kept here of
  // the same newsletter, removed before, win over the file's (as edits of its own here do).
  const kept = await ctx.store.keptEdits(fingerprint(text), meta.id).catch(() => undefined);
  const outcome = await ctx.geoparse(
    { name: meta.source.name || name, text },
    {
      signal: ctx.signal,
      onProgress: ctx.onProgress,
      choices: kept ? kept.reviewChoices : edits.reviewChoices,
    },
  );
  if (outcome.status === 'cancelled') return outcome;
  if (outcome.status === 'error') return { status: 'failed', message: `${name}: ${outcome.message}` };
  if (ctx.signal?.aborted) return { status: 'cancelled' };
  const result = { ...outcome.result, format: meta.source.format };
  const input = { title: meta.title, date: meta.date, source: meta.source, text };
  try {
    // Its id when the library has no other newsletter of that id, else one of the library's own.
    const added = await ctx.store
      .add({ ...input, id: meta.id })
      .catch((e: unknown) => (e instanceof LibraryError ? ctx.store.add(input) : Promise.reject(e)));
    const had = await ctx.store.getEdits(added.entry.id);
    const hasEdits = edits.storyEdits.length > 0 || edits.reviewChoices.length > 0;
    if (hasEdits && !had) await ctx.store.putEdits(added.entry.id, edits);
    // Its tour too, unless the newsletter has one of its own here.
    if (tour && !(await ctx.store.getTour(added.entry.id))) await ctx.store.putTour(added.entry.id, tour);
    const kept =
      hasEdits && had ? ' It has edits of its own here, which are kept; the file’s were left out.' : '';
    return { status: added.status, entry: added.entry, result, ...(kept ? { warning: kept.trim() } : {}) };
  } catch (e) {
    return { status: 'failed', message: `${name}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The review choices the library kept of a removed newsletter of this text ([] when none). */
async function choicesKept(store: LibraryStore, print: string) {
  try {
    return (await store.keptEdits(print))?.reviewChoices ?? [];
  } catch {
    // Not read: the import goes on without them; the newsletter's edits still apply their choices
    // when it opens, but a choice of a place the plain geoparse does not find shows only after a reload.
    return [];
  }
}

/** A newsletter file's bytes, or the reason it could not be read. */
async function bytesOf(input: { name: string; bytes: Uint8Array } | { name: string; file: Blob }) {
  if ('bytes' in input) return input.bytes;
  try {
    return new Uint8Array(await input.file.arrayBuffer());
  } catch (e) {
    return `${input.name}: could not be read (${e instanceof Error ? e.message : String(e)}); pick the file again. Nothing was imported.`;
  }
}

/** Imports one file or pasted text into the library. Never rejects. */
export async function importOne(input: GeoparseInput, ctx: ImportContext): Promise<ImportOutcome> {
  if (!('text' in input) && /\.json$/i.test(input.name)) {
    const bytes = await bytesOf(input);
    if (typeof bytes === 'string') return { status: 'refused', message: bytes };
    return importNewsletterFile(input.name, bytes, ctx);
  }
  // A pasted text's kept review choices (of the same text, removed before) go with it at once.
  const pasted = 'text' in input ? await choicesKept(ctx.store, fingerprint(input.text)) : [];
  const outcome = await ctx.geoparse(input, {
    signal: ctx.signal,
    onProgress: ctx.onProgress,
    ...(pasted.length ? { choices: pasted } : {}),
  });
  if (outcome.status === 'cancelled') return outcome;
  if (outcome.status === 'error') {
    return { status: outcome.kind === 'format' ? 'refused' : 'failed', message: outcome.message };
  }
  let { result } = outcome;
  if (ctx.signal?.aborted) return { status: 'cancelled' };
  if (result.text.trim() === '') {
    return {
      status: 'refused',
      message: `${input.name || 'The pasted text'}: has no text to read; nothing was imported.`,
    };
  }
  // A file's text is known only once the worker has read it: when the library kept review choices
  // of that text (removed before), the text is geoparsed again with them, so that the places they
  // name (a place found by a search, say) come back too. The same text gives the same mentions.
  const choices =
    'text' in input ? [] : await choicesKept(ctx.store, result.fingerprint ?? fingerprint(result.text));
  if (choices.length) {
    const again = await ctx.geoparse(
      { name: input.name, text: result.text },
      { signal: ctx.signal, onProgress: ctx.onProgress, choices },
    );
    if (again.status === 'cancelled') return again;
    if (again.status === 'error') return { status: 'failed', message: again.message };
    if (ctx.signal?.aborted) return { status: 'cancelled' };
    result = { ...again.result, format: result.format };
  }
  try {
    const added = await ctx.store.add({
      title: titleOf(result, input.name),
      date: result.newsletter?.date || dateIn(result.text),
      source: { name: input.name, format: result.format satisfies SourceFormat },
      text: result.text,
      ...(result.fingerprint ? { fingerprint: result.fingerprint } : {}),
    });
    return { status: added.status, entry: added.entry, result };
  } catch (e) {
    // The browser refused the write: the library keeps the newsletter in memory, and says so.
    const kept = e instanceof StorageWriteError ? await ctx.store.findByText(result.text) : undefined;
    if (kept)
      return { status: 'added', entry: kept, result, warning: e instanceof Error ? e.message : String(e) };
    return {
      status: 'failed',
      message: `${input.name || 'The pasted text'}: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
