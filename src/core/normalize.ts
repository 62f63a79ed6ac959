/**
 * Text normalisation that keeps offsets: every character maps to exactly one character, so an
 * offset into the normalised text is the same offset into the original.
 *
 * - Unicode spaces (no-break, thin, ideographic, …) and tabs become ' '.
 * - Typographic quotes become ' and ".
 * - Hyphens and dashes become '-', so "Alaska–Siberia" and "Alaska-Siberia" compare equal.
 *
 * @example normalizeText('Alaska\u2013Siberia\u00a0Airway') === 'Alaska-Siberia Airway'
 */
export function normalizeText(text: string): string {
  // Most texts have nothing to fold, or little: find the first such character without a
  // regular expression, and remember the last long text (the finders and the snippets all
  // normalise the same text).
  if (text === lastText) return lastNormal;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 9 || c >= 0xa0) && FOLD[text[i]!] !== undefined) {
      first = i;
      break;
    }
  }
  let out = text;
  if (first >= 0) {
    // Pieces joined into one flat string (a concatenation would leave a tree of pieces that
    // every later character access walks).
    const parts: string[] = [];
    let from = 0;
    for (let i = first; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 9 && c < 0xa0) continue;
      const to = FOLD[text[i]!];
      if (to === undefined) continue;
      parts.push(text.slice(from, i), to);
      from = i + 1;
    }
    parts.push(text.slice(from));
    out = parts.join('');
  }
  if (text.length >= REMEMBERED) {
    lastText = text;
    lastNormal = out;
  }
  return out;
}

/**
 * Texts this long or longer are remembered by normalizeText and compactText: an article of a few
 * thousand characters is normalised three times by one geoparse, while the names looked up in
 * between (all far shorter) must not push it out.
 */
const REMEMBERED = 512;
let lastText: string | null = null;
let lastNormal = '';

const FOLD: Record<string, string> = {};
for (const ch of '\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000')
  FOLD[ch] = ' ';
for (const ch of '\u2018\u2019\u201a\u201b\u2032') FOLD[ch] = "'";
for (const ch of '\u201c\u201d\u201e\u201f\u2033') FOLD[ch] = '"';
for (const ch of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212') FOLD[ch] = '-';

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** ASCII letters and digits, looked up without a regular expression (most of any text). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

/** BMP code units above ASCII, classified once each: 0 not yet, 1 a word character, 2 not. */
const BMP_WORD = new Uint8Array(0x10000);

/**
 * The length in code units (1, or 2 for an astral letter) of the word character (a letter or
 * digit code point) at `s[i]`, or 0 where there is none: a regular expression's
 * `[\p{L}\p{N}]` (with the u flag) at i, answered from tables for the BMP.
 */
export function wordCharLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!; // NaN (past the end) is not < 128: it is caught below
  if (c >= 0xd800 && c < 0xe000) {
    if (c >= 0xdc00) return 0; // a low half, alone
    const d = s.charCodeAt(i + 1);
    return d >= 0xdc00 && d < 0xe000 && WORD_CHAR.test(s.slice(i, i + 2)) ? 2 : 0;
  }
  if (c !== c) return 0;
  let k = BMP_WORD[c]!;
  if (k === 0) BMP_WORD[c] = k = WORD_CHAR.test(s[i]!) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

/** True for letters and digits of any script: the characters words are made of. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  return c < 128 ? ch.length === 1 && ASCII_WORD[c] === 1 : WORD_CHAR.test(ch);
}

/** True when the character (code point) at `s[i]` is a word character; astral letters count. */
export function isWordCharAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] === 1; // NaN (past the end) is not < 128 and not a surrogate
  if (c >= 0xd800 && c < 0xdc00) return WORD_CHAR.test(s.slice(i, i + 2));
  if (c >= 0xdc00 && c < 0xe000) return false; // the second half of a pair, or a lone half
  return c === c && WORD_CHAR.test(s[i]!);
}

/** True when the code point that ends just before `s[i]` is a word character. */
export function isWordCharBefore(s: string, i: number): boolean {
  if (i <= 0) return false;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c < 0xe000 && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h < 0xdc00) return WORD_CHAR.test(s.slice(i - 2, i));
  }
  return isWordCharAt(s, i - 1);
}

/**
 * Characters that show nothing and part no words: the soft hyphen (U+00AD), zero-width space,
 * non-joiner and joiner (U+200B–U+200D), the word joiner (U+2060) and U+FEFF (a byte order mark,
 * or a zero-width no-break space). A name written "Mos\u00adcow" is the name Moscow.
 */
export const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/** True for one of the INVISIBLE characters. */
export const isInvisible = (ch: string | undefined) =>
  ch !== undefined && ch.length === 1 && INVISIBLE.test(ch);

/** A text with its invisible characters taken out, and where each of its characters came from. */
export interface CompactText {
  text: string;
  /**
   * `map[i]` is the offset in the original of the compact text's i-th code unit; null when
   * nothing was taken out (the offsets are the same).
   */
  map: Int32Array | null;
}

/**
 * `text` without its INVISIBLE characters, for matching names across them; offsets found in the
 * compact text map back to the original exactly through `map`.
 *
 * @example compactText('Mos\u00adcow').text === 'Moscow'
 */
export function compactText(text: string): CompactText {
  // Found without a regular expression (all of them are at U+00AD or above), and the last long
  // text remembered: both finders compact the same text.
  if (text === lastCompacted?.source) return lastCompacted.result;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xad && (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff)) {
      any = true;
      break;
    }
  }
  const result = any ? compacted(text) : { text, map: null };
  if (text.length >= REMEMBERED) lastCompacted = { source: text, result };
  return result;
}

let lastCompacted: { source: string; result: CompactText } | null = null;

function compacted(text: string): CompactText {
  const parts: string[] = [];
  const map = new Int32Array(text.length);
  let n = 0;
  let from = 0;
  const keep = (to: number) => {
    parts.push(text.slice(from, to));
    for (let k = from; k < to; k++) map[n++] = k;
  };
  INVISIBLE_ALL.lastIndex = 0;
  for (let m = INVISIBLE_ALL.exec(text); m; m = INVISIBLE_ALL.exec(text)) {
    keep(m.index);
    from = m.index + 1;
  }
  keep(text.length);
  return { text: parts.join(''), map: map.subarray(0, n) };
}
