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
  return text.replace(FOLDED, (ch) => FOLD[ch] ?? ch);
}

const FOLD: Record<string, string> = {};
for (const ch of '\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000')
  FOLD[ch] = ' ';
for (const ch of '\u2018\u2019\u201a\u201b\u2032') FOLD[ch] = "'";
for (const ch of '\u201c\u201d\u201e\u201f\u2033') FOLD[ch] = '"';
for (const ch of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212') FOLD[ch] = '-';

const FOLDED = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'gu');

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True for letters and digits of any script: the characters words are made of. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}
