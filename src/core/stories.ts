import { parseCsv, parseIntegerCell, requireCell } from './csv';
import { fingerprint } from './fingerprint';
import { isLineBreak, lineOf, lineStarts, splitLines } from './lines';
import type { TextRange } from './furniture';
import { isInvisible } from './normalize';
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

/** Moves `end` back over trailing white space and invisible characters, not before `start`. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && !isVisible(text, end - 1)) end--;
  return end;
}

/** Stories from a curated index: each runs from its line to the next row's line. */
export function storiesFromIndex(text: string, rows: readonly StoryIndexRow[], file: string): Story[] {
  const starts = lineStarts(text);
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
/** Lines of a mail footer are short: sender, address, links. */
const FOOTER_LINE = 60;
/** A mail footer is a few lines: no more than this many with text in them. */
const FOOTER_MAX_LINES = 30;
/** A line with footer words may be longer ("You can update your preferences or unsubscribe …"). */
const FOOTER_WORDS_LINE = 160;

/** A line that looks like a headline: short, capitalised, not ending like a sentence. */
function isHeadlineLike(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > 120 || READ_ALSO.test(t)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(t)) return false;
  return !/[.,;:…'"’”»)]$/.test(t);
}

/**
 * The title and kind the segmenter gives a story that starts with `firstLine` and has
 * `paragraphs` lines with text: a headline-like first line is the title (and a story of that
 * line alone is a headline), else the line's first ten words.
 */
export function storyHeading(firstLine: string, paragraphs: number): { title: string; kind: StoryKind } {
  const first = firstLine.trim();
  const headline = isHeadlineLike(first);
  return {
    title: headline ? first : shortTitle(first),
    kind: headline && paragraphs === 1 ? 'headline' : 'article',
  };
}

/**
 * The paragraphs of a story as the reader shows them: its lines with something to read, each
 * [start, end) from the line's start (the story's start, for the first) to just after its last
 * visible character. A story can be split only where one of them starts.
 */
export function storyParagraphs(text: string, story: Pick<Story, 'start' | 'end'>): TextRange[] {
  const out: TextRange[] = [];
  let at = story.start;
  while (at < story.end) {
    let end = at;
    while (end < story.end && !isLineBreak(text[end])) end++;
    if (!isBlank(text.slice(at, end))) out.push({ start: at, end: trimEnd(text, at, end) });
    at = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return out;
}

/** The text of the line that starts at `start`, without its line break. */
export function lineFrom(text: string, start: number): string {
  let end = start;
  while (end < text.length && !isLineBreak(text[end])) end++;
  return text.slice(start, end);
}

/** A line with nothing to read: white space and invisible characters only. */
function isBlank(line: string): boolean {
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c > 32 && c < 127) return false; // visible ASCII: most lines end here, at once
    if (isVisible(line, k)) return false;
  }
  return true;
}

/** The stories of a text and where its mail footer starts, if it ends with one. */
export interface Segmentation {
  stories: Story[];
  /** Offset of the start of the mail footer (read as no story), or null: the text has none. */
  footerStart: number | null;
}

/**
 * Splits an unknown newsletter into stories: a story starts after a blank line or at a
 * headline-like line; "READ ALSO" lines stay with the story above; the mail footer at the end of
 * the text (see findFooter) is no story. Every other visible character is in a story.
 *
 * @example segmentText('Title\nBody text.\n\nNext story.').stories.length === 2
 */
export function segmentText(text: string): Segmentation {
  const { stories, footerStart } = segment(text);
  return { stories, footerStart };
}

/** segmentText, with the line starts it worked out (findStories needs them again). */
function segment(text: string): Segmentation & { starts: number[] } {
  const starts = lineStarts(text);
  const lines = splitLines(text, starts);
  const footer = findFooter(lines);
  const stories: Story[] = [];
  let current: { start: number; lines: string[] } | null = null;
  let blankBefore = true;
  const close = (endLine: number) => {
    if (!current) return;
    const end = trimEnd(text, current.start, starts[endLine] ?? text.length);
    const { title, kind } = storyHeading(current.lines[0]!, current.lines.length);
    stories.push({ index: stories.length, title, kind, start: current.start, end });
    current = null;
  };
  let previousWasHeadline = false;
  for (let n = 0; n < footer; n++) {
    const line = lines[n]!;
    if (isBlank(line)) {
      blankBefore = true;
      continue;
    }
    const startsStory =
      current === null ||
      (!READ_ALSO.test(line) && (blankBefore || (isHeadlineLike(line) && !previousWasHeadline)));
    if (startsStory) {
      close(n);
      current = { start: starts[n]!, lines: [] };
    }
    current!.lines.push(line);
    previousWasHeadline = current!.lines.length === 1 && isHeadlineLike(line);
    blankBefore = false;
  }
  close(footer);
  return { stories, footerStart: footer < lines.length ? starts[footer]! : null, starts };
}

/**
 * Splits an unknown newsletter into stories (segmentText without the footer).
 *
 * @example segmentStories('Title\nBody text.\n\nNext story.').length === 2
 */
export function segmentStories(text: string): Story[] {
  return segmentText(text).stories;
}

/**
 * The first line of the mail footer, or lines.length where the text has none. Footer words
 * ("unsubscribe", "our mailing address", "update your preferences") make a footer only at the
 * end of the text, so footer words inside a story never end it. Going back from the end, block
 * by block (blocks are parted by blank lines): the last block must end with a footer part, lines
 * of footer words or lines that read like a sender or an address (short, not ending like a
 * statement, no "READ ALSO"), with footer words among them; the footer takes in such a part, and
 * goes on to the block before only when the whole block was taken. A block without footer words
 * is taken only whole and only when all its lines read like a sender. A footer has at most
 * FOOTER_MAX_LINES lines with text.
 */
function findFooter(lines: readonly string[]): number {
  const blank = (k: number) => isBlank(lines[k]!);
  const words = (k: number) => FOOTER.test(lines[k]!) && lines[k]!.trim().length <= FOOTER_WORDS_LINE;
  const senderLike = (k: number) => {
    const t = lines[k]!.trim();
    return t.length < FOOTER_LINE && !READ_ALSO.test(t) && !endsStatement(t);
  };
  let footer = lines.length;
  let end = lines.length; // the block ends before `end`
  let taken = 0; // lines with text in the footer so far
  for (;;) {
    while (end > 0 && blank(end - 1)) end--;
    if (end === 0) return footer;
    let start = end;
    let hasWords = false;
    while (
      start > 0 &&
      taken < FOOTER_MAX_LINES &&
      !blank(start - 1) &&
      (words(start - 1) || senderLike(start - 1))
    ) {
      start--;
      taken++;
      if (words(start)) hasWords = true;
    }
    const wholeBlock = start === 0 || blank(start - 1);
    if (hasWords) footer = start;
    else if (wholeBlock && footer < lines.length) footer = start;
    if (!wholeBlock || (!hasWords && footer !== start)) return footer;
    end = start;
  }
}

/** Ends with a full stop or exclamation mark, not with an initial ("the U.S."). */
function endsStatement(line: string): boolean {
  if (/!["'’”»)]*$/.test(line)) return true;
  if (!/\.["'’”»)]*$/.test(line)) return false;
  return !/(^|[^\p{L}\p{N}])\p{Lu}\.["'’”»)]*$/u.test(line);
}

/** The first ten words of a line (of its first 1000 characters: a line can be a whole text). */
function shortTitle(line: string): string {
  const words = line.slice(0, 1000).split(/\s+/).slice(0, 10).join(' ');
  return words.length < line.length ? `${words.replace(/[,;:]$/, '')}…` : line;
}

/** A stretch of visible text that is in no story, so no place was looked for in it. */
export interface UnsearchedText {
  /** Offsets [start, end) from its first to its last visible character. */
  start: number;
  end: number;
  /** 1-based lines of its first and last characters. */
  startLine: number;
  endLine: number;
  /** Characters (code points) from start to end. */
  chars: number;
  /** 'footer': read as the mail footer; 'no-story': before, between or after the stories. */
  reason: 'footer' | 'no-story';
}

/**
 * The visible text (anything but white space and invisible characters) that is in no story:
 * nothing is left out without being listed here. Text from `footerStart` on is the footer.
 */
export function unsearchedText(
  text: string,
  stories: readonly Story[],
  footerStart: number | null,
  /** lineStarts(text), where the caller has it. */
  knownStarts?: readonly number[],
): UnsearchedText[] {
  // The line starts only once there is something to list (most texts have nothing, or a footer).
  let starts = knownStarts ?? null;
  const out: UnsearchedText[] = [];
  const add = (from: number, to: number, reason: UnsearchedText['reason']) => {
    while (from < to && !isVisible(text, from)) from++;
    while (to > from && !isVisible(text, to - 1)) to--;
    if (from >= to) return;
    starts ??= lineStarts(text);
    let chars = 0;
    for (let k = from; k < to; k++) if (!isLowSurrogate(text.charCodeAt(k))) chars++;
    out.push({
      start: from,
      end: to,
      startLine: lineOf(starts, from),
      endLine: lineOf(starts, to - 1),
      chars,
      reason,
    });
  };
  const gap = (from: number, to: number) => {
    if (footerStart !== null && footerStart < to) {
      add(from, Math.max(from, footerStart), 'no-story');
      add(Math.max(from, footerStart), to, 'footer');
    } else add(from, to, 'no-story');
  };
  let at = 0;
  for (const s of stories) {
    gap(at, s.start);
    at = Math.max(at, s.end);
  }
  gap(at, text.length);
  return out;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c < 0xe000;
const isVisible = (text: string, k: number) => !/\s/.test(text[k]!) && !isInvisible(text[k]);

/**
 * One line for a person about text that was not searched, e.g. "812 characters on lines
 * 141–152 were read as the mail footer and not searched".
 */
export function describeUnsearched(u: UnsearchedText): string {
  const lines = u.startLine === u.endLine ? `line ${u.startLine}` : `lines ${u.startLine}–${u.endLine}`;
  const what = u.reason === 'footer' ? 'were read as the mail footer' : 'are in no story and were';
  const chars = `${u.chars} character${u.chars === 1 ? '' : 's'}`;
  return u.reason === 'footer'
    ? `${chars} on ${lines} ${what} and not searched`
    : `${chars} on ${lines} ${what} not searched`;
}

/** The curated stories where `text` is a known newsletter (by content), else the segmenter's. */
export function findStories(
  text: string,
  catalog: readonly CatalogEntry[],
  storyIndexes: Readonly<Record<string, string>>,
  catalogFile = 'catalog.csv',
): { stories: Story[]; newsletter: CatalogEntry | null; unsearched: UnsearchedText[] } {
  const fp = fingerprint(text);
  const known = catalog.find((c) => c.fingerprint === fp);
  if (!known) {
    const { stories, footerStart, starts } = segment(text);
    return { stories, newsletter: null, unsearched: unsearchedText(text, stories, footerStart, starts) };
  }
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
  const rows = parseStoryIndex(index, known.stories);
  const stories = storiesFromIndex(text, rows, known.stories);
  const footerRow = rows.find((r) => r.kind === 'footer');
  const footerStart = footerRow ? (lineStarts(text)[footerRow.line - 1] ?? null) : null;
  return { stories, newsletter: known, unsearched: unsearchedText(text, stories, footerStart) };
}
