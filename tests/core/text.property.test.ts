/**
 * Property tests over generated newsletters: random words, the gazetteer's own names (some with
 * soft hyphens or zero-width characters inside), mail-footer lines, odd white space, every kind
 * of line break, emoji and astral letters. Whatever the text, every offset the geoparser gives is
 * exact and no visible character is left out without being listed as unsearched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInvisible, loadData, normalizeText, sentenceAround } from '../../src/core';
import { readBroadData } from '../../src/cli/broad';
import { readDataFiles } from '../../src/cli/data';

const files = readDataFiles();
const curatedOnly = loadData(files);
// With the broad gazetteer too (data/compiled/, built before the tests): any text is read by both.
const withBroad = loadData(files, readBroadData());
const aliases = curatedOnly.gazetteer.places.flatMap((p) => p.aliases);
const INVISIBLES = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

const word = fc.constantFrom(
  'the',
  'talks',
  'and',
  'of',
  'in',
  'signed',
  'Embassy',
  'Russian',
  'us',
  'said',
  'A',
  'It',
  'D.C.',
  'U.S.',
  'READ ALSO:',
  'Read more',
  'unsubscribe',
  'update your preferences',
  'Our mailing address is:',
  '"',
  '\u201cquoted.\u201d',
  '.',
  '!',
  '?',
  ',',
  '\u2013',
  '-',
);
const name = fc.constantFrom(...aliases);
/** A name with an invisible character somewhere inside it. */
const hiddenName = fc
  .tuple(name, fc.nat(), fc.constantFrom(...INVISIBLES))
  .map(([n, at, ch]) => n.slice(0, (at % (n.length - 1)) + 1) + ch + n.slice((at % (n.length - 1)) + 1));
const odd = fc.constantFrom('👩‍👩‍👧', '𝕄', '🇺🇸', '𝕄𝕠𝕤𝕔𝕠𝕨', 'é', '\u00a0', '\t', '  ', ...INVISIBLES);
const space = fc.constantFrom(' ', ' ', ' ', '', '\u00a0', '\t', '  ');
const token = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 3, arbitrary: name },
  { weight: 1, arbitrary: hiddenName },
  { weight: 1, arbitrary: odd },
);
const line = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(fc.tuple(token, space), { maxLength: 14 }).map((ts) => ts.flat().join('')),
  },
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'To unsubscribe, click here.',
      'Our mailing address is:',
      'You can update your preferences or unsubscribe from this list.',
      'Want to change how you receive these emails?',
      'Russian Embassy to the U.S.',
      'Write us on',
    ),
  },
);
const eol = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n');
/** A text, maybe with a BOM. */
const newsletter = fc
  .tuple(fc.constantFrom('', '\ufeff'), fc.array(fc.tuple(line, eol), { maxLength: 30 }))
  .map(([bom, lines]) => ({
    text: bom + lines.map(([l, e]) => l + e).join(''),
    bom,
  }));

const visible = (ch: string) => !/\s/.test(ch) && !isInvisible(ch);
const SEED = 20261201;

describe.each([
  ['the curated gazetteer', curatedOnly],
  ['the curated and the broad gazetteer', withBroad],
])('any generated newsletter, read with %s', (_with, data) => {
  it('gives mentions and snippets that are exact slices of the text, in text order, inside their stories', () => {
    fc.assert(
      fc.property(newsletter, ({ text }) => {
        const atlas = data.geoparse(text);
        const norm = normalizeText(text);
        let last = 0;
        for (const m of atlas.mentions) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          last = m.end;
          const story = atlas.stories[m.story]!;
          expect(story.start).toBeLessThanOrEqual(m.start);
          expect(m.end).toBeLessThanOrEqual(story.end);
          expect(m.snippetStart).toBeLessThanOrEqual(m.start);
          expect(m.snippetEnd).toBeGreaterThanOrEqual(m.end);
          expect(m.snippetStart).toBeGreaterThanOrEqual(story.start);
          expect(m.snippetEnd).toBeLessThanOrEqual(story.end);
          expect(text.slice(m.snippetStart, m.snippetEnd)).not.toMatch(/[\r\n]/);
          // the forward-only scans give what a fresh look at the one mention gives
          expect(sentenceAround(text, norm, m.start, m.end)).toEqual([m.snippetStart, m.snippetEnd]);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('finds the same places whatever its line breaks and BOM', () => {
    fc.assert(
      fc.property(newsletter, ({ text, bom }) => {
        const got = data.geoparse(text);
        const lf = data.geoparse(text.replace(/\r\n?/g, '\n'));
        const withoutBom = bom === '' ? got : data.geoparse(text.slice(1));
        const places = (a: typeof got) => a.mentions.map((m) => [m.text, m.placeId, m.story]);
        expect(places(got)).toEqual(places(lf));
        expect(places(withoutBom)).toEqual(places(got));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('any generated newsletter', () => {
  it('puts every visible character in a story or in a stretch listed as unsearched', () => {
    fc.assert(
      fc.property(newsletter, ({ text }) => {
        const atlas = curatedOnly.geoparse(text);
        const covered = new Uint8Array(text.length);
        const overlaps: number[] = [];
        const mark = (start: number, end: number) => {
          for (let k = start; k < end; k++) if (covered[k]!++) overlaps.push(k);
        };
        atlas.stories.forEach((s, i) => {
          expect(s.index).toBe(i);
          mark(s.start, s.end);
        });
        for (const u of atlas.unsearched) {
          mark(u.start, u.end);
          expect(u.chars).toBe([...text.slice(u.start, u.end)].length);
        }
        // stories and unsearched stretches never overlap, and leave no visible character out
        expect(overlaps).toEqual([]);
        const left: number[] = [];
        for (let k = 0; k < text.length; k++) if (!covered[k] && visible(text[k]!)) left.push(k);
        expect(left).toEqual([]);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  // (The places found whatever the line breaks and BOM: the property above, for both gazetteers.)
  it('segments the same stories whatever its line breaks', () => {
    fc.assert(
      fc.property(newsletter, ({ text }) => {
        const got = curatedOnly.geoparse(text);
        const lf = curatedOnly.geoparse(text.replace(/\r\n?/g, '\n'));
        expect(got.stories.map((s) => [s.title, s.kind])).toEqual(lf.stories.map((s) => [s.title, s.kind]));
        expect(got.unsearched.map((u) => [u.startLine, u.endLine])).toEqual(
          lf.unsearched.map((u) => [u.startLine, u.endLine]),
        );
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
