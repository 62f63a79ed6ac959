import { describe, expect, it } from 'vitest';
import {
  DataError,
  fingerprint,
  findStories,
  parseCatalog,
  parseStoryIndex,
  segmentStories,
} from '../../src/core';

const TEXT = [
  'Opening article, first paragraph.', // 1
  'Second paragraph of it.', // 2
  'READ ALSO: A related item', // 3
  '', // 4
  'A headline of the next story', // 5
  'Its body text.', // 6
  'The second story starts here without a blank line', // 7
  'And its body.', // 8
  '', // 9
  'Russian Embassy', // 10
  'Our mailing address is:', // 11
  'unsubscribe', // 12
].join('\n');

const titles = (text: string) =>
  segmentStories(text).map((s) => [s.title, s.kind, text.slice(s.start, s.end)]);

describe('segmentStories', () => {
  it('splits at blank lines and headline-like lines, keeps READ ALSO above, stops at the footer', () => {
    expect(titles(TEXT)).toEqual([
      [
        'Opening article, first paragraph.',
        'article',
        'Opening article, first paragraph.\nSecond paragraph of it.\nREAD ALSO: A related item',
      ],
      ['A headline of the next story', 'article', 'A headline of the next story\nIts body text.'],
      [
        'The second story starts here without a blank line',
        'article',
        'The second story starts here without a blank line\nAnd its body.',
      ],
    ]);
  });

  it('marks a lone headline as a headline-only item and shortens long first lines into titles', () => {
    const text =
      'Lone headline item\n\nThis story has no headline, only a long opening line that goes on and on.';
    expect(segmentStories(text).map((s) => [s.title, s.kind])).toEqual([
      ['Lone headline item', 'headline'],
      ['This story has no headline, only a long opening line…', 'article'],
    ]);
  });
});

describe('curated story index', () => {
  const INDEX =
    'line,kind,title\n1,article,Opening\n5,article,Next\n7,headline,"Second, no blank"\n10,footer,\n';
  const CATALOG = `id,file,title,date,fingerprint,stories\nt,t.txt,T,2020-06,${fingerprint(TEXT)},t.stories.csv\n`;

  it('is used when the text is a known newsletter, whatever its file name', () => {
    const { stories, newsletter } = findStories(TEXT, parseCatalog(CATALOG, 'c.csv'), {
      't.stories.csv': INDEX,
    });
    expect(newsletter?.id).toBe('t');
    expect(
      stories.map((s) => [s.index, s.title, s.kind, TEXT.slice(s.start, s.end).split('\n').length]),
    ).toEqual([
      [0, 'Opening', 'article', 3],
      [1, 'Next', 'article', 2],
      [2, 'Second, no blank', 'headline', 2],
    ]);
  });

  it('is not used for a different text', () => {
    const other = TEXT.replace('Opening', 'Closing');
    expect(
      findStories(other, parseCatalog(CATALOG, 'c.csv'), { 't.stories.csv': INDEX }).newsletter,
    ).toBeNull();
  });

  it('rejects rows out of order, unknown kinds and lines past the text', () => {
    expect(() => parseStoryIndex('line,kind,title\n5,article,A\n3,article,B\n', 's.csv')).toThrow(/s\.csv:3/);
    expect(() => parseStoryIndex('line,kind,title\n5,essay,A\n', 's.csv')).toThrow(DataError);
    for (const line of ['x', '0', '2.5', ''])
      expect(() => parseStoryIndex(`line,kind,title\n${line},article,A\n`, 's.csv')).toThrow(
        /^s\.csv:2: column "line": write the 1-based line number/,
      );
    const far = 'line,kind,title\n1,article,A\n99,footer,\n';
    expect(() => findStories(TEXT, parseCatalog(CATALOG, 'c.csv'), { 't.stories.csv': far })).toThrow(
      /t\.stories\.csv:3: column "line"/,
    );
  });
});
