/** Newsletter furniture ("READ ALSO: …", "Read more") as curated, found as ranges of the text. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSlides, DataError, loadAtlas, parseFurniture, splitByRanges } from '../../src/core';
import { readDataFiles } from '../../src/cli/data';

const text = readFileSync(
  new URL('../../data/newsletters/russian-embassy-newsletter-2020-06.txt', import.meta.url),
  'utf8',
);
const data = readDataFiles();
const atlas = loadAtlas({ text, ...data });
const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
const pieces = atlas.furniture.map((f) => text.slice(f.start, f.end));

describe('newsletter furniture', () => {
  it('marks the curated lines of the June 2020 newsletter, in text order', () => {
    expect(atlas.furniture.map((f) => lineOf(f.start))).toEqual([
      11, 22, 73, 86, 89, 93, 96, 97, 101, 125, 127,
    ]);
    expect(pieces.filter((p) => p === 'Read more')).toHaveLength(6);
    expect(pieces.filter((p) => /^(READ ALSO|LEARN MORE):/.test(p))).toHaveLength(5);
  });

  it('takes a whole line, or just the tail of a paragraph ("… he concluded. Read more")', () => {
    const whole = atlas.furniture[0]!;
    expect(text[whole.start - 1]).toBe('\n');
    expect(text.slice(whole.end, whole.end + 1)).toMatch(/^\r?\n?$/);
    const tail = atlas.furniture.find((f) => lineOf(f.start) === 86)!;
    expect(text.slice(tail.start - 20, tail.start)).toMatch(/pointed out\. $/);
    expect(text.slice(tail.start, tail.end)).toBe('Read more');
  });

  it('lies within the stories (it is shown with them, not cut out of them)', () => {
    for (const f of atlas.furniture) {
      expect(atlas.stories.some((s) => s.start <= f.start && f.end <= s.end)).toBe(true);
    }
  });

  it('is carried into the tour slides that quote it', () => {
    const slides = buildSlides(atlas);
    const quoted = slides.flatMap((s) => s.snippets).filter((s) => s.furniture?.length);
    expect(quoted.length).toBeGreaterThan(0);
    for (const s of quoted) {
      for (const f of s.furniture!)
        expect(s.text.slice(f.start, f.end)).toMatch(/^(READ ALSO|LEARN MORE|Read more)/);
    }
  });

  it('says which row is wrong when the text is not on its line', () => {
    expect(() => parseFurniture('one\ntwo\n', 'line,text\n2,one\n', 'x.furniture.csv')).toThrow(DataError);
    expect(() => parseFurniture('one\ntwo\n', 'line,text\n9,one\n', 'x.furniture.csv')).toThrow(/line/);
    for (const line of ['0', '1.5', 'two'])
      expect(() => parseFurniture('one\ntwo\n', `line,text\n${line},one\n`, 'x.furniture.csv')).toThrow(
        'x.furniture.csv:2: column "line": write a line number of the text (1 to 3)',
      );
    expect(parseFurniture('one\ntwo Read more\n', 'line,text\n2,Read more\n', 'x.furniture.csv')).toEqual([
      { start: 8, end: 17 },
    ]);
  });

  it('is none for an unknown newsletter', () => {
    expect(loadAtlas({ text: 'Moscow is far.\n\nREAD ALSO: Paris\n', ...data }).furniture).toEqual([]);
  });
});

describe('splitByRanges', () => {
  const line = 'He went home. Read more\nREAD ALSO: Paris';
  const readMore = { start: 14, end: 23 };
  const readAlso = { start: 24, end: 40 };
  const shape = (from: number, to: number, ranges: { start: number; end: number }[]) =>
    splitByRanges(line, from, to, ranges).map((p) => [p.text, p.furniture]);

  it('cuts the text where each range starts and ends, each piece with its offsets', () => {
    expect(splitByRanges(line, 0, line.length, [readMore, readAlso])).toEqual([
      { text: 'He went home. ', furniture: false, start: 0, end: 14 },
      { text: 'Read more', furniture: true, start: 14, end: 23 },
      { text: '\n', furniture: false, start: 23, end: 24 },
      { text: 'READ ALSO: Paris', furniture: true, start: 24, end: 40 },
    ]);
  });

  it('gives back the text [from, to) exactly, whatever the ranges', () => {
    for (const [from, to] of [
      [0, 40],
      [3, 17],
      [16, 30],
      [20, 21],
    ] as const) {
      const pieces = splitByRanges(line, from, to, [readAlso, readMore]);
      expect(pieces.map((p) => p.text).join('')).toBe(line.slice(from, to));
      expect(pieces[0]!.start).toBe(from);
      expect(pieces.at(-1)!.end).toBe(to);
      pieces.forEach((p, i) => i > 0 && expect(p.start).toBe(pieces[i - 1]!.end));
    }
  });

  it('clips a range that reaches beyond the stretch, in any order of ranges', () => {
    expect(shape(16, 30, [readAlso, readMore])).toEqual([
      ['ad more', true],
      ['\n', false],
      ['READ A', true],
    ]);
    expect(shape(16, 20, [readMore])).toEqual([['ad m', true]]);
  });

  it('is one plain piece with no ranges, and nothing for an empty stretch', () => {
    expect(shape(0, 7, [])).toEqual([['He went', false]]);
    expect(splitByRanges(line, 5, 5, [readMore])).toEqual([]);
  });
});
