import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyStoryEdits,
  loadData,
  MAX_STORY_TITLE,
  storyParagraphs,
  type Atlas,
  type StoryEdit,
} from '../../src/core';
import { readDataFiles } from '../../src/cli/data';

const { geoparse } = loadData(readDataFiles());

const TEXT = [
  'Talks in Moscow', // story 0: a headline-like first line and two more paragraphs
  'The delegation met in Moscow on Monday.',
  'It flew on to Washington.',
  '',
  'A short note from Russia about Siberia and the weather there this week.', // story 1
  '',
  'Alaska Days', // story 2: a headline alone
].join('\n');

const atlas = geoparse(TEXT);
const texts = (a: Atlas) => a.stories.map((s) => a.text.slice(s.start, s.end));
const storyTexts = (a: Atlas) => a.mentions.map((m) => [m.text, m.story]);

describe('the example newsletter', () => {
  it('has three stories and mentions in all of them', () => {
    expect(texts(atlas)).toEqual([TEXT.split('\n\n')[0], TEXT.split('\n\n')[1], 'Alaska Days']);
    expect(new Set(atlas.mentions.map((m) => m.story))).toEqual(new Set([0, 1, 2]));
  });
});

describe('applyStoryEdits', () => {
  it('merges a story with the next: one range, the first title, every mention of both in it', () => {
    const { atlas: a, skipped } = applyStoryEdits(atlas, [{ op: 'merge', story: 0 }]);
    expect(skipped).toEqual([]);
    expect(a.stories.map((s) => [s.index, s.title, s.kind])).toEqual([
      [0, 'Talks in Moscow', 'article'],
      [1, 'Alaska Days', 'headline'],
    ]);
    expect(a.stories[0]).toMatchObject({ start: atlas.stories[0]!.start, end: atlas.stories[1]!.end });
    expect(storyTexts(a)).toEqual(atlas.mentions.map((m) => [m.text, m.story === 0 ? 0 : m.story - 1]));
    const siberia = a.places.find((p) => p.place.id === 'siberia')!;
    expect(siberia.stories).toEqual([0]);
    const alaska = a.places.find((p) => p.place.id === 'alaska')!;
    expect(alaska.stories).toEqual([1]);
  });

  it('splits a story at a paragraph: the new story is titled from its first line', () => {
    const { atlas: a, skipped } = applyStoryEdits(atlas, [{ op: 'split', story: 0, paragraph: 2 }]);
    expect(skipped).toEqual([]);
    expect(texts(a)).toEqual([
      'Talks in Moscow\nThe delegation met in Moscow on Monday.',
      'It flew on to Washington.',
      TEXT.split('\n\n')[1],
      'Alaska Days',
    ]);
    expect(a.stories.map((s) => [s.index, s.title])).toEqual([
      [0, 'Talks in Moscow'],
      [1, 'It flew on to Washington.'],
      [2, atlas.stories[1]!.title],
      [3, 'Alaska Days'],
    ]);
    const washington = a.mentions.find((m) => m.text === 'Washington')!;
    expect(washington.story).toBe(1);
    expect(a.mentions.filter((m) => m.text === 'Moscow').map((m) => m.story)).toEqual([0, 0]);
    expect(a.mentions.find((m) => m.text === 'Alaska')!.story).toBe(3);
    expect(a.places.find((p) => p.place.id === 'washington-dc')!.stories).toEqual([1]);
  });

  it('a split that leaves one headline-like line makes it a headline', () => {
    const { atlas: a } = applyStoryEdits(atlas, [{ op: 'split', story: 0, paragraph: 1 }]);
    expect(a.stories[0]).toMatchObject({ title: 'Talks in Moscow', kind: 'headline' });
    expect(a.stories[1]).toMatchObject({ kind: 'article' });
  });

  it('retitles a story, white space collapsed; ranges and mentions stay as they were', () => {
    const { atlas: a, skipped } = applyStoryEdits(atlas, [
      { op: 'retitle', story: 1, title: '  Weather\n in  Siberia ' },
    ]);
    expect(skipped).toEqual([]);
    expect(a.stories[1]!.title).toBe('Weather in Siberia');
    expect(texts(a)).toEqual(texts(atlas));
    expect(a.mentions).toBe(atlas.mentions);
  });

  it('numbers each edit against the stories the edits before it left', () => {
    const edits: StoryEdit[] = [
      { op: 'split', story: 0, paragraph: 1 }, // 4 stories now
      { op: 'retitle', story: 3, title: 'Alaska' }, // was story 2
      { op: 'merge', story: 1 }, // the split-off part with the Russia note
    ];
    const { atlas: a, skipped } = applyStoryEdits(atlas, edits);
    expect(skipped).toEqual([]);
    expect(a.stories.map((s) => s.title)).toEqual([
      'Talks in Moscow',
      'The delegation met in Moscow on Monday.',
      'Alaska',
    ]);
    expect(a.mentions.find((m) => m.text === 'Siberia')!.story).toBe(1);
  });

  it('skips and reports an edit that no longer fits, applying the rest; nothing is thrown', () => {
    const edits: StoryEdit[] = [
      { op: 'merge', story: 2 },
      { op: 'split', story: 0, paragraph: 3 },
      { op: 'split', story: 0, paragraph: 0 },
      { op: 'split', story: 2, paragraph: 1 },
      { op: 'retitle', story: 9, title: 'Far away' },
      { op: 'retitle', story: 0, title: ' \n ' },
      { op: 'retitle', story: 0, title: 'x'.repeat(MAX_STORY_TITLE + 1) },
      { op: 'merge', story: -1 },
      { op: 'split', story: 0, paragraph: 1.5 },
      { op: 'retitle', story: 1, title: 'Kept' },
    ];
    const { atlas: a, skipped } = applyStoryEdits(atlas, edits);
    expect(skipped.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(skipped.map((s) => s.reason)).toEqual([
      'Merge story 3 with the next: it is the last story, so there is no next story to merge it with',
      'Split story 1 at paragraph 4: the story has only 3 paragraphs',
      'Split story 1 at paragraph 1: a story can be split only where its second or a later paragraph starts',
      'Split story 3 at paragraph 2: the story has only 1 paragraph',
      'Retitle story 10 as "Far away": there are 3 stories; the edit was made for another version of the stories',
      'Retitle story 1 as " \\n ": a story needs a title: write at least one letter',
      `Retitle story 1 as "${'x'.repeat(MAX_STORY_TITLE + 1)}": the title has ${MAX_STORY_TITLE + 1} characters; write at most ${MAX_STORY_TITLE}`,
      'Merge story 0 with the next: there are 3 stories; the edit was made for another version of the stories',
      'Split story 1 at paragraph 2.5: a story can be split only where its second or a later paragraph starts',
    ]);
    expect(skipped[0]!.edit).toBe(edits[0]);
    expect(a.stories.map((s) => s.title)).toEqual([atlas.stories[0]!.title, 'Kept', 'Alaska Days']);
  });

  it('gives back the same atlas when no edit fits', () => {
    const { atlas: a, skipped } = applyStoryEdits(atlas, [{ op: 'merge', story: 5 }]);
    expect(a).toBe(atlas);
    expect(skipped).toHaveLength(1);
  });

  it('does not split inside a mention that runs over a line break', () => {
    const text = 'First line\nends here with Moscow and\nsecond line.';
    const base = geoparse(text);
    const crossing: Atlas = {
      ...base,
      mentions: [{ ...base.mentions[0]!, start: text.indexOf('and'), end: text.indexOf('second') + 6 }],
    };
    const { skipped } = applyStoryEdits(crossing, [{ op: 'split', story: 0, paragraph: 2 }]);
    expect(skipped[0]!.reason).toMatch(/a place mention runs across that paragraph break/);
  });

  it('counts paragraphs over CRLF and CR line ends as over LF', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = TEXT.replaceAll('\n', eol);
      const a = geoparse(text);
      expect(storyParagraphs(text, a.stories[0]!).map((p) => text.slice(p.start, p.end))).toEqual(
        TEXT.split('\n').slice(0, 3),
      );
      const { atlas: split } = applyStoryEdits(a, [{ op: 'split', story: 0, paragraph: 2 }]);
      expect(split.text.slice(split.stories[1]!.start, split.stories[1]!.end)).toBe(
        'It flew on to Washington.',
      );
    }
  });
});

describe('story edits, by property (fixed seed)', () => {
  const word = fc.constantFrom(
    'Moscow',
    'Washington',
    'Russia',
    'Alaska',
    'news',
    'the',
    'met',
    'in',
    'week',
  );
  const line = fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '.', ' '))
    .map(([words, end]) => words.join(' ') + end);
  const paragraph = fc
    .tuple(fc.boolean(), line)
    .map(([cap, l]) => (cap ? l[0]!.toUpperCase() + l.slice(1) : l));
  const block = fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('\n'));
  const text = fc
    .tuple(fc.array(block, { minLength: 2, maxLength: 6 }), fc.constantFrom('\n\n', '\n\n\n', '\r\n\r\n'))
    .map(([blocks, gap]) => blocks.join(gap));

  it('merging a story with the next and splitting it where the next began gives back the stories', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, pick) => {
        const a = geoparse(t);
        fc.pre(a.stories.length >= 2);
        const i = pick % (a.stories.length - 1);
        const at = storyParagraphs(t, a.stories[i]!).length;
        const edits: StoryEdit[] = [
          { op: 'merge', story: i },
          { op: 'split', story: i, paragraph: at },
        ];
        const { atlas: back, skipped } = applyStoryEdits(a, edits);
        expect(skipped).toEqual([]);
        expect(back.stories).toEqual(a.stories);
        expect(back.mentions).toEqual(a.mentions);
        expect(back.places).toEqual(a.places);
      }),
      { seed: 1401, numRuns: 300 },
    );
  });

  const edit: fc.Arbitrary<StoryEdit> = fc.oneof(
    fc.record({ op: fc.constant('merge' as const), story: fc.integer({ min: -1, max: 12 }) }),
    fc.record({
      op: fc.constant('split' as const),
      story: fc.integer({ min: -1, max: 12 }),
      paragraph: fc.integer({ min: -1, max: 5 }),
    }),
    fc.record({
      op: fc.constant('retitle' as const),
      story: fc.integer({ min: -1, max: 12 }),
      title: fc.string(),
    }),
  );

  it('any edits: no mention lost or moved out of its story, stories in order, places agree', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 12 }), (t, edits) => {
        const a = geoparse(t);
        const { atlas: e, skipped } = applyStoryEdits(a, edits);
        expect(skipped.length).toBeLessThanOrEqual(edits.length);
        expect(e.mentions.map((m) => [m.placeId, m.start, m.end])).toEqual(
          a.mentions.map((m) => [m.placeId, m.start, m.end]),
        );
        e.stories.forEach((s, k) => {
          expect(s.index).toBe(k);
          expect(s.start).toBeLessThan(s.end);
          if (k > 0) expect(e.stories[k - 1]!.end).toBeLessThanOrEqual(s.start);
        });
        e.mentions.forEach((m, k) => {
          if (a.mentions[k]!.story >= 0) expect(m.story).toBeGreaterThanOrEqual(0);
          if (m.story < 0) return;
          const s = e.stories[m.story]!;
          expect(m.start).toBeGreaterThanOrEqual(s.start);
          expect(m.end).toBeLessThanOrEqual(s.end);
        });
        for (const p of e.places) {
          expect(p.stories).toEqual(
            [...new Set(p.mentions.map((k) => e.mentions[k]!.story))].sort((x, y) => x - y),
          );
        }
      }),
      { seed: 1402, numRuns: 300 },
    );
  });
});
