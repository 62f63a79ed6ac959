/**
 * FNV-1a 32-bit hash, as 8 hex digits, of a text's canonical form: a leading byte order mark
 * dropped, "\r\n" and "\r" read as "\n", the white space at the end of each line and the blank
 * lines at the end of the text dropped. Recognises a known newsletter by its content, whatever
 * its file is called and however it was saved (LF or CRLF, with or without a BOM).
 *
 * @example fingerprint('') === '811c9dc5'
 * @example fingerprint('\ufeffa  \r\n\r\n') === fingerprint('a')
 */
export function fingerprint(text: string): string {
  // A local, not a variable captured by a helper: the engine keeps it in a register, not boxed.
  let h = 0x811c9dc5 | 0;
  const PRIME = 0x01000193;
  // Line breaks and white space are held back until a visible character shows they are not
  // trailing: `newlines` breaks, then the white space of the current line from `spaceFrom`.
  let newlines = 0;
  let spaceFrom = -1;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 127) {
      // Visible ASCII (most of a text): what follows below for a visible character, in short.
      if (newlines > 0 || spaceFrom >= 0) {
        for (; newlines > 0; newlines--) h = Math.imul(h ^ 10, PRIME);
        if (spaceFrom >= 0) for (let k = spaceFrom; k < i; k++) h = Math.imul(h ^ text.charCodeAt(k), PRIME);
        spaceFrom = -1;
      }
      h = Math.imul(h ^ c, PRIME);
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      newlines++;
      spaceFrom = -1;
    } else if (isSpace(c)) {
      if (spaceFrom < 0) spaceFrom = i;
    } else {
      for (; newlines > 0; newlines--) h = Math.imul(h ^ 10, PRIME);
      if (spaceFrom >= 0) for (let k = spaceFrom; k < i; k++) h = Math.imul(h ^ text.charCodeAt(k), PRIME);
      spaceFrom = -1;
      h = Math.imul(h ^ c, PRIME);
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** White space other than line breaks (JavaScript's \s: spaces, tabs, no-break spaces, U+FEFF, …). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || c === 9 || c === 11 || c === 12;
  return /\s/.test(String.fromCharCode(c));
}
