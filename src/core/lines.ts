/**
 * Lines of a text, whatever its line endings: "\r\n", a lone "\r" (old Mac, some mailers) and
 * "\n" all end a line. The one line splitter of the core: the segmenter, the curated story index
 * and the furniture file all count lines with it, so a CRLF or CR-only copy of a text has the
 * same lines as the LF original.
 */

/** True for the characters that end a line ("\r" and "\n"). */
export const isLineBreak = (ch: string | undefined) => ch === '\n' || ch === '\r';

/** Offsets of the start of each line (line 1 at index 0); a text always has at least one line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // Line feeds only (most texts): found by the engine's own search, not a character at a time.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** End of the text of the line starting at `starts[n]` (0-based n), before its line break. */
export function lineEnd(text: string, starts: readonly number[], n: number): number {
  let end = starts[n + 1] ?? text.length;
  if (end > starts[n]! && text[end - 1] === '\n') end--;
  if (end > starts[n]! && text[end - 1] === '\r') end--;
  return end;
}

/** The lines of `text` without their line breaks. */
export function splitLines(text: string, starts = lineStarts(text)): string[] {
  return starts.map((start, n) => text.slice(start, lineEnd(text, starts, n)));
}

/** The 1-based line that holds `offset`. */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
