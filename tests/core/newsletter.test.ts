/**
 * The curated newsletter end to end: every place it mentions is found and resolved as the
 * hand-checked answer key (data/newsletters/*.expected.csv) says, and its stories are cut
 * where an editor would cut them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  lineOf as lineAt,
  lineStarts,
  loadAtlas,
  normalizeText,
  parseCsv,
  segmentStories,
} from '../../src/core';
import { readDataFiles } from '../../src/cli/data';

const DIR = new URL('../../data/newsletters/', import.meta.url);
const NAME = 'russian-embassy-newsletter-2020-06';
const text = readFileSync(new URL(`${NAME}.txt`, DIR), 'utf8');
const atlas = loadAtlas({ text, ...readDataFiles() });
const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
const lineText = (line: number) => text.split('\n')[line - 1]!;
const storyAtLine = (line: number) =>
  atlas.stories.findIndex((s) => lineOf(s.start) <= line && line <= lineOf(s.end));
const resolved = (surface: string) =>
  atlas.mentions.filter((m) => normalizeText(m.text) === surface).map((m) => [lineOf(m.start), m.placeId]);

describe('the June 2020 newsletter', () => {
  it('is recognised by its content and uses the curated story index', () => {
    expect(atlas.newsletter?.id).toBe('russian-embassy-2020-06');
  });

  it('has every mention of the answer key, resolved as it says, and no other', () => {
    const key = parseCsv(readFileSync(new URL(`${NAME}.expected.csv`, DIR), 'utf8'), 'expected.csv', [
      'line',
      'text',
      'place_id',
    ]).map((r) => [Number(r.values.line), normalizeText(r.values.text!), r.values.place_id]);
    const got = atlas.mentions.map((m) => [lineOf(m.start), normalizeText(m.text), m.placeId]);
    expect(got).toEqual(key);
  });

  it('tells Washington the capital from Washington the state', () => {
    expect(resolved('Washington')).toEqual([
      ...[40, 70, 72, 72, 76, 78, 80, 83].map((line) => [line, 'washington-dc']),
      [123, 'washington-state'], // "commander of Vancouver Barracks, Washington"
    ]);
    expect(resolved('Washington D.C.')).toEqual([[108, 'washington-dc']]);
    expect(resolved('Washington State')).toEqual([
      [113, 'washington-state'], // "Pearson Airfield in Vancouver, Washington State"
      [129, 'washington-state'],
    ]);
    expect(lineText(40)).toContain('between Moscow and Washington');
    expect(lineText(76)).toContain('Washington announced');
  });

  it('places Vancouver in Washington and Greater Portland in Maine, and Moscow in Russia', () => {
    expect(resolved('Vancouver')).toEqual([
      [113, 'vancouver-wa'],
      [117, 'vancouver-wa'],
    ]);
    expect(resolved('Greater Portland')).toEqual([
      [36, 'portland-maine'],
      [37, 'portland-maine'],
      [38, 'portland-maine'],
    ]);
    const byId = atlas.gazetteer.byId;
    expect(byId.get('vancouver-wa')).toMatchObject({ country: 'US' });
    expect(byId.get('vancouver-wa')!.lon).toBeCloseTo(-122.66, 1);
    expect(byId.get('portland-maine')!.lon).toBeCloseTo(-70.26, 1);
    expect(new Set(resolved('Moscow').map(([, id]) => id))).toEqual(new Set(['moscow']));
    expect(byId.get('moscow')).toMatchObject({ country: 'RU' });
  });

  it('does not take a place name inside a longer name for a mention', () => {
    for (const phrase of ['Crimean War', 'Luke of Crimea Medal', 'Caesar Syria Civilian Protection Act']) {
      const at = normalizeText(text).indexOf(phrase);
      expect(at).toBeGreaterThan(0);
      expect(atlas.mentions.filter((m) => m.start >= at && m.end <= at + phrase.length)).toEqual([]);
    }
  });

  it('gives each mention the sentence it stands in as its snippet', () => {
    for (const m of atlas.mentions) {
      expect(m.snippetStart).toBeLessThanOrEqual(m.start);
      expect(m.snippetEnd).toBeGreaterThanOrEqual(m.end);
      expect(text.slice(m.snippetStart, m.snippetEnd)).not.toContain('\n');
    }
    const ark = atlas.mentions.find((m) => m.placeId === 'arkhangelsk')!;
    expect(text.slice(ark.snippetStart, ark.snippetEnd)).toMatch(
      /^City authorities of Arkhangelsk.*Christopher Cassidy\.$/,
    );
  });

  it('cuts stories where an editor would', () => {
    const footer = text.indexOf('Russian Embassy to the U.S.\nRussian Embassy');
    expect(atlas.stories.every((s) => s.end <= footer)).toBe(true);
    // READ ALSO stays with the story above it
    for (const m of text.matchAll(/^READ ALSO.*$/gm)) {
      const s = atlas.stories.find((st) => st.start <= m.index && m.index < st.end)!;
      expect(s.start).toBeLessThan(m.index);
    }
    // Kudykina Mountain and "The Kosovo knot" are separate though no blank line parts them
    const kudykina = storyAtLine(52);
    const kosovo = storyAtLine(53);
    expect(lineText(53)).toMatch(/^The Kosovo knot/);
    expect(kosovo).toBe(kudykina + 1);
    expect(atlas.stories[kosovo]!.start).toBe(text.indexOf('The Kosovo knot'));
    // stories are in order, do not overlap, and start at a line start
    atlas.stories.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(s.end).toBeGreaterThan(s.start);
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual(atlas.stories[i - 1]!.end);
      expect(s.start === 0 || text[s.start - 1] === '\n').toBe(true);
    });
  });

  it('lets the heuristic segmenter find most of the curated story starts', () => {
    const curated = new Set(atlas.stories.map((s) => s.start));
    const found = segmentStories(text).filter((s) => curated.has(s.start)).length;
    expect(found / curated.size).toBeGreaterThanOrEqual(0.8);
  });
});

describe('copies of the June 2020 newsletter saved otherwise', () => {
  const data = readDataFiles();
  const lfLines = text.split('\n');
  /** The newsletter rewritten line by line, and where each offset of the original went. */
  const rewrite = (line: (l: string, n: number) => string, eol: (n: number) => string, bom = '') => {
    let out = bom;
    const at: number[] = [];
    lfLines.forEach((l, n) => {
      for (let k = 0; k < l.length; k++) at.push(out.length + k);
      at.push(out.length + l.length);
      out += line(l, n) + (n < lfLines.length - 1 ? eol(n) : '');
    });
    return { copy: out, at };
  };
  const copies = {
    CRLF: rewrite(
      (l) => l,
      () => '\r\n',
    ),
    'CR-only': rewrite(
      (l) => l,
      () => '\r',
    ),
    'mixed line breaks': rewrite(
      (l) => l,
      (n) => ['\r\n', '\n', '\r'][n % 3]!,
    ),
    BOM: rewrite(
      (l) => l,
      () => '\n',
      '\ufeff',
    ),
    'trailing spaces': rewrite(
      (l, n) => l + ' \t\u00a0'.slice(0, 1 + (n % 3)),
      () => '\n',
    ),
    'BOM, CRLF and trailing spaces': rewrite(
      (l) => `${l}  `,
      () => '\r\n',
      '\ufeff',
    ),
  };
  const key = parseCsv(readFileSync(new URL(`${NAME}.expected.csv`, DIR), 'utf8'), 'expected.csv', [
    'line',
    'text',
    'place_id',
  ]).map((r) => [Number(r.values.line), normalizeText(r.values.text!), r.values.place_id]);

  it.each(Object.entries(copies))(
    'gives a %s copy the 191 mentions of the answer key',
    (_name, { copy, at }) => {
      const got = loadAtlas({ text: copy, ...data });
      expect(got.newsletter?.id).toBe('russian-embassy-2020-06');
      const starts = lineStarts(copy);
      expect(got.mentions.map((m) => [lineAt(starts, m.start), normalizeText(m.text), m.placeId])).toEqual(
        key,
      );
      expect(key).toHaveLength(191);
      // the same mentions, stories, snippets and furniture, at the offsets the text moved to
      const end = (e: number) => at[e - 1]! + 1;
      expect(got.mentions).toEqual(
        atlas.mentions.map((m) => ({
          ...m,
          start: at[m.start],
          end: end(m.end),
          snippetStart: at[m.snippetStart],
          snippetEnd: end(m.snippetEnd),
        })),
      );
      for (const m of got.mentions) expect(copy.slice(m.start, m.end)).toBe(m.text);
      // a story starts at its line's start: the first one before the BOM
      expect(got.stories).toEqual(
        atlas.stories.map((s) => ({ ...s, start: s.start === 0 ? 0 : at[s.start], end: end(s.end) })),
      );
      expect(got.furniture).toEqual(atlas.furniture.map((f) => ({ start: at[f.start], end: end(f.end) })));
      expect(got.unsearched.map((u) => [u.startLine, u.endLine, u.reason])).toEqual([[143, 153, 'footer']]);
    },
  );

  it('finds every mention in the newsletter written on one line, as one story', () => {
    const line = lfLines.join(' ');
    const got = loadAtlas({ text: line, ...data });
    expect(got.stories).toHaveLength(1);
    expect(got.unsearched).toEqual([]);
    // all the mentions of the stories, and those of the footer, which is no footer on one line
    const inStories = got.mentions.filter(
      (m) => m.start < text.indexOf('Russian Embassy to the U.S.\nRussian'),
    );
    expect(inStories.map((m) => [m.text, m.placeId, m.start])).toEqual(
      atlas.mentions.map((m) => [m.text, m.placeId, m.start]),
    );
    expect(got.mentions.length).toBeGreaterThan(191);
  });
});
