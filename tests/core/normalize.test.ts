import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compactText, fingerprint, lineStarts, normalizeText } from '../../src/core';
import { wordCharLength } from '../../src/core/normalize';

const NEWSLETTER = readFileSync(
  new URL('../../data/newsletters/russian-embassy-newsletter-2020-06.txt', import.meta.url),
  'utf8',
);

describe('normalizeText', () => {
  it('folds Unicode spaces, typographic quotes and dashes one character for one', () => {
    const s = 'Alaska\u2013Siberia\u00a0Airway \u2018a\u2019 \u201cb\u201d \u2014 x\u2009y';
    const n = normalizeText(s);
    expect(n).toBe('Alaska-Siberia Airway \'a\' "b" - x y');
    expect(n.length).toBe(s.length);
  });

  it('keeps every offset of the newsletter, which has 356 no-break spaces', () => {
    expect([...NEWSLETTER].filter((c) => c === '\u00a0')).toHaveLength(356);
    const n = normalizeText(NEWSLETTER);
    expect(n.length).toBe(NEWSLETTER.length);
    expect(n).not.toMatch(/[\u00a0\u2018\u2019\u201c\u201d\u2013\u2014]/);
    // characters outside the folded set are untouched
    for (let i = 0; i < n.length; i++)
      if (/[A-Za-z0-9]/.test(NEWSLETTER[i]!)) expect(n[i]).toBe(NEWSLETTER[i]);
  });

  it('makes the hyphen and en dash forms of a compound name equal', () => {
    expect(normalizeText('Alaska-Siberia')).toBe(normalizeText('Alaska\u2013Siberia'));
  });
});

describe('compactText', () => {
  it('takes out soft hyphens, zero-width characters, the word joiner and U+FEFF, mapping back every offset', () => {
    const s = '\ufeffMos\u00adcow, Vi\u200benna, Ber\u200c\u200dlin\u2060!';
    const { text, map } = compactText(s);
    expect(text).toBe('Moscow, Vienna, Berlin!');
    expect(map).not.toBeNull();
    expect([...text].map((ch, i) => s[map![i]!])).toEqual([...text]);
  });

  it('leaves a text without them as it is, offsets and all', () => {
    expect(compactText('Moscow\u00a0and 𝕄 🇺🇸')).toEqual({ text: 'Moscow\u00a0and 𝕄 🇺🇸', map: null });
  });
});

describe('fingerprint', () => {
  it('is the FNV-1a 32-bit hash', () => {
    expect(fingerprint('')).toBe('811c9dc5');
    expect(fingerprint('a')).toBe('e40c292c');
    expect(fingerprint('foobar')).toBe('bf9cf968');
  });
  it('changes when one character of the newsletter changes', () => {
    expect(fingerprint(NEWSLETTER)).not.toBe(fingerprint(NEWSLETTER.replace('Moscow', 'Moskva')));
  });
  it('is the same for a copy saved with CRLF or CR line breaks, a BOM or trailing white space', () => {
    const fp = fingerprint(NEWSLETTER);
    expect(fingerprint(NEWSLETTER.replace(/\n/g, '\r\n'))).toBe(fp);
    expect(fingerprint(NEWSLETTER.replace(/\n/g, '\r'))).toBe(fp);
    expect(fingerprint('\ufeff' + NEWSLETTER)).toBe(fp);
    expect(fingerprint(NEWSLETTER.replace(/\n/g, ' \t\u00a0\n') + '  \n\n\r\n')).toBe(fp);
    // but not for a copy with the line breaks moved or blank lines taken out in the middle
    expect(fingerprint(NEWSLETTER.replace(/\n/g, ' '))).not.toBe(fp);
    expect(fingerprint(NEWSLETTER.replace(/\n\n/g, '\n'))).not.toBe(fp);
    expect(fingerprint('  a')).not.toBe(fingerprint('a'));
  });
});

describe('fingerprint, any text', () => {
  /** The definition: FNV-1a of the canonical form (BOM dropped, CRLF and CR as LF, each line's
   * trailing white space and the blank lines at the end taken out). */
  function reference(text: string): string {
    const canonical = text
      .replace(/^\ufeff/, '')
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.replace(/[^\S\n\r]+$/, ''))
      .join('\n')
      .replace(/\n+$/, '');
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < canonical.length; i++) h = Math.imul(h ^ canonical.charCodeAt(i), 0x01000193);
    return (h >>> 0).toString(16).padStart(8, '0');
  }
  it('is the hash of the canonical form, whatever the mix of characters', () => {
    const piece = fc.constantFrom(
      'a',
      'Z',
      '!',
      '~',
      '\u007f',
      ' ',
      '\t',
      '\u00a0',
      '\ufeff',
      '\n',
      '\r',
      '\r\n',
      'Ж',
      '\u2003',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(fingerprint(text)).toBe(reference(text));
      }),
      { seed: 15, numRuns: 2000 },
    );
    expect(fingerprint(NEWSLETTER)).toBe(reference(NEWSLETTER));
  });
});

describe('lineStarts', () => {
  it('starts a line after every LF, CRLF and lone CR, with or without a CR in the text', () => {
    const piece = fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\n\r');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const expected = [0];
        for (const m of text.matchAll(/\r\n|\r|\n/g)) expected.push(m.index + m[0].length);
        expect(lineStarts(text)).toEqual(expected);
      }),
      { seed: 15, numRuns: 1000 },
    );
  });
});

describe('wordCharLength', () => {
  it('is the length of the [\\p{L}\\p{N}] code point at i, 0 where there is none', () => {
    const WORD = /[\p{L}\p{N}]/uy;
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('a', 'Z', '7', 'é', 'Ж', '\u{1d400}', '\u{1f600}', '\u{20000}', '\ud800', '\udc00'),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const s = units.join('');
        for (let i = 0; i <= s.length; i++) {
          // Where a surrogate pair starts, the u-flag expression reads the pair as one code point.
          WORD.lastIndex = i;
          const m = WORD.exec(s);
          const expected = m && m.index === i ? m[0].length : 0;
          // The second half of a pair is never a position of its own for the expression.
          const inPair = i > 0 && /[\ud800-\udbff]/.test(s[i - 1]!) && /[\udc00-\udfff]/.test(s[i] ?? '');
          if (!inPair) expect(wordCharLength(s, i)).toBe(expected);
        }
      }),
      { seed: 13, numRuns: 2000 },
    );
  });
});

describe('normalizeText on long texts', () => {
  it('folds and compacts as one replace over the whole text would, one long text after another', () => {
    const reference = (s: string) =>
      s
        .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
        .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
        .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
        .replace(/[\u2010-\u2015\u2212]/g, '-');
    const piece = fc.constantFrom(
      'Mos\u00adcow ',
      '\ufeff',
      '\u200b',
      'Moscow ',
      'a\u00a0b ',
      '\u2018q\u2019 ',
      '\u201cx\u201d',
      '\t',
      '\u2013',
      'é',
      '\n',
    );
    // Texts long enough to be remembered, each different from the one before.
    const long = fc.array(piece, { minLength: 1, maxLength: 20 }).map((p) => p.join('').repeat(600));
    fc.assert(
      fc.property(fc.array(long, { minLength: 1, maxLength: 4 }), (texts) => {
        for (const t of texts) {
          expect(normalizeText(t)).toBe(reference(t));
          expect(normalizeText(t)).toBe(reference(t)); // and again, remembered
          // compactText too, remembered the same way
          const kept = [...t.matchAll(/[^\u00ad\u200b-\u200d\u2060\ufeff]/g)].map((m) => m.index);
          for (let k = 0; k < 2; k++) {
            const { text, map } = compactText(t);
            expect(text).toBe(t.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, ''));
            expect(map === null ? null : [...map]).toEqual(kept.length === t.length ? null : kept);
          }
        }
      }),
      { seed: 13, numRuns: 60 },
    );
  });
});
