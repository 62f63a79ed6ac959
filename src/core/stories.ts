import { parseCsv, parseIntegerCell, requireCell } from './csv';
import { fingerprint } from './fingerprint';
import { DataError, type Story, type StoryKind } from './types';

/** One row of data/newsletters/catalog.csv. */
export interface CatalogEntry {
  id: string;
  file: string;
  title: string;
  date: string;
  fingerprint: string;
  stories: string;
  /** Line of this row in the catalog file, for error messages. */
  line: number;
}

/** One row of a curated *.stories.csv index. */
export interface StoryIndexRow {
  line: number;
  kind: StoryKind | 'footer';
  title: string;
  /** Line of this row in the index file, for error messages. */
  fileLine: number;
}

export function parseCatalog(text: string, file: string): CatalogEntry[] {
  const columns = ['id', 'file', 'title', 'date', 'fingerprint', 'stories'] as const;
  return parseCsv(text, file, columns, []).map((row) => {
    const fp = requireCell(row, 'fingerprint', file, 'the FNV-1a hash of the newsletter text');
    if (!/^[0-9a-f]{8}$/.test(fp)) {
      throw new DataError(file, row.line, 'fingerprint', fp, 'write 8 lower-case hex digits (FNV-1a 32-bit)');
    }
    return {
      id: requireCell(row, 'id', file, 'every newsletter needs an id'),
      file: requireCell(row, 'file', file, 'the newsletter text file'),
      title: row.values.title ?? '',
      date: row.values.date ?? '',
      fingerprint: fp,
      stories: requireCell(row, 'stories', file, 'the story index file'),
      line: row.line,
    };
  });
}

const ROW_KINDS = ['article', 'headline', 'footer'] as const;

export function parseStoryIndex(text: string, file: string): StoryIndexRow[] {
  let previous = 0;
  return parseCsv(text, file, ['line', 'kind', 'title'], []).map((row) => {
    const raw = row.values.line ?? '';
    const line = parseIntegerCell(
      row,
      'line',
      file,
      1,
      Infinity,
      'write the 1-based line number where the story starts',
    );
    if (line <= previous) {
      throw new DataError(
        file,
        row.line,
        'line',
        raw,
        `stories must be in text order: line ${previous} came before`,
      );
    }
    previous = line;
    const kind = row.values.kind as StoryIndexRow['kind'];
    if (!ROW_KINDS.includes(kind)) {
      throw new DataError(
        file,
        row.line,
        'kind',
        row.values.kind ?? '',
        `use one of ${ROW_KINDS.join(', ')}`,
      );
    }
    const title =
      kind === 'footer'
        ? (row.values.title ?? '')
        : requireCell(row, 'title', file, 'every story needs a title');
    return { line, kind, title, fileLine: row.line };
  });
}

/** Offsets of the start of each line (line 1 at index 0). */
function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Moves `end` back over trailing white space, not before `start`. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** Stories from a curated index: each runs from its line to the next row's line. */
export function storiesFromIndex(text: string, rows: readonly StoryIndexRow[], file: string): Story[] {
  const starts = lineOffsets(text);
  const stories: Story[] = [];
  rows.forEach((row, i) => {
    const start = starts[row.line - 1];
    if (start === undefined) {
      throw new DataError(
        file,
        row.fileLine,
        'line',
        String(row.line),
        `the text has only ${starts.length} lines`,
      );
    }
    if (row.kind === 'footer') return;
    const next = rows[i + 1];
    const end = trimEnd(text, start, next ? (starts[next.line - 1] ?? text.length) : text.length);
    stories.push({ index: stories.length, title: row.title, kind: row.kind, start, end });
  });
  return stories;
}

const READ_ALSO = /^\s*(READ ALSO|LEARN MORE|Read more)\b/i;
const FOOTER = /unsubscribe|our mailing address|update your preferences/i;

/** A line that looks like a headline: short, capitalised, not ending like a sentence. */
function isHeadlineLike(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > 120 || READ_ALSO.test(t)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(t)) return false;
  return !/[.,;:…'"’”»)]$/.test(t);
}

/**
 * Splits an unknown newsletter into stories: a story starts after a blank line or at a
 * headline-like line; "READ ALSO" lines stay with the story above; the mail footer
 * (unsubscribe, mailing address) ends the last story.
 *
 * @example segmentStories('Title\nBody text.\n\nNext story.').length === 2
 */
export function segmentStories(text: string): Story[] {
  const lines = text.split('\n');
  const starts = lineOffsets(text);
  const stories: Story[] = [];
  let current: { start: number; lines: string[] } | null = null;
  let blankBefore = true;
  const close = (endLine: number) => {
    if (!current) return;
    const end = trimEnd(text, current.start, starts[endLine] ?? text.length);
    const first = current.lines[0]!.trim();
    const headline = isHeadlineLike(first);
    const kind: StoryKind = headline && current.lines.length === 1 ? 'headline' : 'article';
    stories.push({
      index: stories.length,
      title: headline ? first : shortTitle(first),
      kind,
      start: current.start,
      end,
    });
    current = null;
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.replace(/\r$/, '');
    if (line.trim() === '') {
      blankBefore = true;
      continue;
    }
    if (FOOTER.test(line)) {
      close(footerStart(lines, n));
      return stories.filter((s) => s.end > s.start);
    }
    const previousWasHeadline =
      current !== null && current.lines.length === 1 && isHeadlineLike(current.lines[0]!);
    const startsStory =
      current === null ||
      (!READ_ALSO.test(line) && (blankBefore || (isHeadlineLike(line) && !previousWasHeadline)));
    if (startsStory) {
      close(n);
      current = { start: starts[n]!, lines: [] };
    }
    current!.lines.push(line);
    blankBefore = false;
  }
  close(lines.length);
  return stories;
}

/**
 * The first line of the footer that holds line `n`: the start of its blank-separated block,
 * and of the blocks before it made only of short lines (sender, address, links), but never
 * a "READ ALSO" line, which belongs to a story.
 */
function footerStart(lines: string[], n: number): number {
  const blank = (k: number) => lines[k]!.trim() === '';
  const footerLike = (k: number) => lines[k]!.trim().length < 60 && !READ_ALSO.test(lines[k]!);
  let start = n;
  while (start > 0 && !blank(start - 1)) start--;
  for (;;) {
    let end = start;
    while (end > 0 && blank(end - 1)) end--;
    let k = end;
    while (k > 0 && !blank(k - 1)) k--;
    if (k === end || ![...Array(end - k).keys()].every((i) => footerLike(k + i))) return start;
    start = k;
  }
}

function shortTitle(line: string): string {
  const words = line.split(/\s+/).slice(0, 10).join(' ');
  return words.length < line.length ? `${words.replace(/[,;:]$/, '')}…` : line;
}

/** The curated stories where `text` is a known newsletter (by content), else the segmenter's. */
export function findStories(
  text: string,
  catalog: readonly CatalogEntry[],
  storyIndexes: Readonly<Record<string, string>>,
  catalogFile = 'catalog.csv',
): { stories: Story[]; newsletter: CatalogEntry | null } {
  const fp = fingerprint(text);
  const known = catalog.find((c) => c.fingerprint === fp);
  if (!known) return { stories: segmentStories(text), newsletter: null };
  const index = storyIndexes[known.stories];
  if (index === undefined) {
    throw new DataError(
      catalogFile,
      known.line,
      'stories',
      known.stories,
      'no such story index in data/newsletters/',
    );
  }
  return {
    stories: storiesFromIndex(text, parseStoryIndex(index, known.stories), known.stories),
    newsletter: known,
  };
}
