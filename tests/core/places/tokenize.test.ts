/**
 * The broad finder's tokenizer is a hand-written scanner (no regular expression per character);
 * it must find exactly the tokens the TOKEN expression defines, with the full stop kept only
 * where it is an abbreviation's, whatever the text: astral letters, lone surrogates, dots and
 * apostrophes anywhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOKEN, tokenize } from '../../../src/core/places/finder';

const SEED = 13;

/** The tokens as matchAll(TOKEN) finds them, each full stop dropped unless an abbreviation's. */
function reference(text: string) {
  return [...text.matchAll(TOKEN)].map((m) => {
    let t = m[0];
    if (t.endsWith('.') && !/\..+\.$/.test(t) && !/^\p{Lu}\p{Ll}{0,3}\.$/u.test(t)) t = t.slice(0, -1);
    const first = t[0]!;
    return { start: m.index, end: m.index + t.length, text: t, cap: first !== first.toLowerCase() };
  });
}

const piece = fc.constantFrom(
  'a',
  'Z',
  'St',
  'Mich',
  'U',
  'S',
  'O',
  'Hare',
  'x9',
  '7',
  'é',
  'É',
  'ß',
  'Ωmega',
  'Москва',
  '\u{1d400}', // MATHEMATICAL BOLD CAPITAL A (an astral capital)
  '\u{1d41a}', // MATHEMATICAL BOLD SMALL A
  '\u{1d400}\u{1d41a}\u{1d41a}.', // an astral abbreviation: its full stop kept
  'Abcd.',
  'Abcde.',
  'A.B.',
  '\u{1f600}', // an emoji: no letter
  '\ud800', // lone surrogates
  '\udc00',
  '.',
  '.',
  "'",
  "'",
  ' ',
  ' ',
  '-',
  ',',
  '\n',
  '\u00a0',
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('tokenize', () => {
  it('finds what the TOKEN expression finds, with the same full stops and capitals', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(tokenize(t)).toEqual(reference(t));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('keeps the full stop of an abbreviation (a short capitalised word) and drops the one that ends a sentence', () => {
    const tokens = tokenize("In the U.S. and St. Louis, Mich. to O'Hare in Moscow. Washington D.C.").map(
      (t) => t.text,
    );
    expect(tokens).toEqual([
      'In',
      'the',
      'U.S.',
      'and',
      'St.',
      'Louis',
      'Mich.',
      'to',
      "O'Hare",
      'in',
      'Moscow',
      'Washington',
      'D.C.',
    ]);
  });

  it('reads astral letters as letters, and a lone surrogate as none', () => {
    expect(tokenize('\u{1d400}bc \ud800x').map((t) => [t.text, t.cap])).toEqual([
      ['\u{1d400}bc', false], // its first code unit is half a pair: not counted as a capital
      ['x', false],
    ]);
  });
});
