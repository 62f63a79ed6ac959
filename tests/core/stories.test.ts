import { describe, expect, it } from 'vitest';
import {
  DataError,
  fingerprint,
  findStories,
  parseCatalog,
  parseStoryIndex,
  segmentStories,
  segmentText,
  unsearchedText,
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

describe('the mail footer', () => {
  const TREATY = 'Moscow and Washington signed a treaty in Vienna.\nTo unsubscribe, click here.\n';

  it('takes the footer words at the end, not the story line above them', () => {
    const { stories, footerStart } = segmentText(TREATY);
    expect(stories.map((s) => TREATY.slice(s.start, s.end))).toEqual([
      'Moscow and Washington signed a treaty in Vienna.',
    ]);
    expect(footerStart).toBe(TREATY.indexOf('To unsubscribe'));
  });

  it('does not end the text at footer words inside a story', () => {
    const text = TEXT.replace(
      'Its body text.',
      'Readers who update your preferences in the app will get the next issue as well, in print.',
    );
    const stories = segmentStories(text);
    expect(stories).toHaveLength(3);
    expect(text.slice(stories[2]!.start, stories[2]!.end)).toMatch(/^The second story.*And its body\.$/s);
    // a short story line with footer words, but stories after it: still no footer
    const early = 'Moscow news\nTo unsubscribe, click here.\n\nA second story about Vienna.\nMore of it.';
    expect(segmentText(early).footerStart).toBeNull();
    expect(segmentStories(early).map((s) => early.slice(s.start, s.end))).toEqual([
      'Moscow news\nTo unsubscribe, click here.',
      'A second story about Vienna.\nMore of it.',
    ]);
  });

  it('is a few lines: a long run of short lines above footer words stays in the stories', () => {
    const text = 'Moscow news\n'.repeat(100) + 'Write us on\n\n'.repeat(40) + 'To unsubscribe, click here.';
    const { stories, footerStart } = segmentText(text);
    const footer = text.slice(footerStart!);
    expect(footer.split('\n').filter((l) => l !== '')).toHaveLength(30);
    // every "Moscow news" line is in a story
    const news = 'Moscow news\n'.repeat(100).length;
    expect(footerStart).toBeGreaterThan(news);
    expect(stories[0]!.start).toBe(0);
    expect(
      stories
        .filter((s) => s.end <= news)
        .map((s) => text.slice(s.start, s.end))
        .join('\n'),
    ).toBe('Moscow news\n'.repeat(100).trim());
  });

  it('is no footer when the text is all on one line', () => {
    const line = TEXT.replace(/\n+/g, ' ');
    expect(segmentText(line)).toMatchObject({
      stories: [{ start: 0, end: line.length }],
      footerStart: null,
    });
  });

  it('lists the visible text in no story, with its lines and why', () => {
    const { stories, footerStart } = segmentText(TEXT);
    const footer = TEXT.indexOf('Russian Embassy');
    expect(unsearchedText(TEXT, stories, footerStart)).toEqual([
      {
        start: footer,
        end: TEXT.length,
        startLine: 10,
        endLine: 12,
        chars: TEXT.length - footer,
        reason: 'footer',
      },
    ]);
    expect(unsearchedText(TREATY, ...(Object.values(segmentText(TREATY)) as [never, never]))).toEqual([
      expect.objectContaining({ startLine: 2, endLine: 2, chars: 27, reason: 'footer' }),
    ]);
    // text before the first story of a curated index is listed too
    expect(
      unsearchedText(
        'Preface.\nStory.',
        [{ index: 0, title: 'S', kind: 'article', start: 9, end: 15 }],
        null,
      ),
    ).toEqual([{ start: 0, end: 8, startLine: 1, endLine: 1, chars: 8, reason: 'no-story' }]);
  });
});

describe('line endings', () => {
  /** The same lines joined by other line breaks: "\r\n", a lone "\r", or a mix. */
  const endings = {
    crlf: () => '\r\n',
    cr: () => '\r',
    // a lone "\r" is never followed by "\n" here, which would make it one "\r\n"
    mixed: (n: number) => ['\r\n', '\n', '\r'][n % 3]!,
  };
  const lfLines = TEXT.split('\n');
  /** `lines` joined by `eol`, and where each offset of the LF text went. */
  const rejoin = (eol: (n: number) => string) => {
    let out = '';
    const at: number[] = [];
    lfLines.forEach((line, n) => {
      for (let k = 0; k < line.length; k++) at.push(out.length + k);
      out += line;
      at.push(out.length);
      if (n < lfLines.length - 1) out += eol(n);
    });
    return { text: out, at };
  };

  it.each(Object.entries(endings))('segments %s text as it segments LF text', (_name, eol) => {
    const { text, at } = rejoin(eol);
    const lf = segmentText(TEXT);
    const got = segmentText(text);
    expect(got.stories).toEqual(
      lf.stories.map((s) => ({ ...s, start: at[s.start], end: at[s.end - 1]! + 1 })),
    );
    expect(got.footerStart).toBe(at[lf.footerStart!]);
  });

  it('reads a CRLF copy of a known newsletter by its curated index, whatever its line breaks', () => {
    const INDEX = 'line,kind,title\n1,article,Opening\n5,article,Next\n10,footer,\n';
    const CATALOG = `id,file,title,date,fingerprint,stories\nt,t.txt,T,2020-06,${fingerprint(TEXT)},t.stories.csv\n`;
    for (const eol of Object.values(endings)) {
      const { text, at } = rejoin(eol);
      const lf = findStories(TEXT, parseCatalog(CATALOG, 'c.csv'), { 't.stories.csv': INDEX });
      const got = findStories(text, parseCatalog(CATALOG, 'c.csv'), { 't.stories.csv': INDEX });
      expect(got.newsletter?.id).toBe('t');
      expect(got.stories).toEqual(
        lf.stories.map((s) => ({ ...s, start: at[s.start], end: at[s.end - 1]! + 1 })),
      );
      expect(got.unsearched.map((u) => [u.startLine, u.endLine, u.reason])).toEqual([[10, 12, 'footer']]);
    }
  });
});

describe('invisible characters', () => {
  it('takes a line of zero-width spaces or a BOM alone for a blank line', () => {
    const text = '\ufeffFirst story.\n\u200b\u00ad\nSecond story.';
    expect(segmentStories(text).map((s) => text.slice(s.start, s.end))).toEqual([
      '\ufeffFirst story.',
      'Second story.',
    ]);
    expect(unsearchedText(text, segmentStories(text), null)).toEqual([]);
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

describe('segmentStories: blank lines', () => {
  it('reads a line of white space and invisible characters as blank, and one with any other character as text', () => {
    const blank = ' \t\u00a0\u3000\u200b\u00ad\ufeff\u2060';
    const text = `First story, a sentence.\n${blank}\nSecond story, a sentence.\n\n\ud800\nThird.`;
    expect(segmentStories(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'First story, a sentence.',
      'Second story, a sentence.',
      '\ud800\nThird.',
    ]);
  });
});
