import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildGazetteer,
  createPlaceFinder,
  normalizeText,
  parseGazetteer,
  parseRules,
  sentenceAround,
  sentenceFinder,
  type Story,
} from '../../src/core';

const GAZ = `id,name,aliases,kind,lat,lon,country,wikidata,source,route
us,United States,US|United States|USA,country,39,-98,US,,test,
dc,"Washington, D.C.",Washington|Washington D.C.,city,38.9,-77,US,,test,
wa,Washington (state),Washington State,region,47.4,-120.5,US,,test,
vancouver,"Vancouver, Washington",Vancouver,city,45.6,-122.7,US,,test,
barracks,Vancouver Barracks,Vancouver Barracks,landmark,45.6,-122.66,US,,test,
russia,Russia,Russia|Russian Federation,country,60,90,RU,,test,
crimea,Crimea,Crimea,region,45,34,,,test,
alsib,Alaska-Siberia air route,Alaska-Siberia Air Route,route,64,180,,,test,alsib.csv
`;
const RULES = `pattern,resolves_to,note
"Vancouver Barracks, [Washington]",wa,the state after a place in it
Luke of Crimea Medal,,an award
`;

const places = parseGazetteer(GAZ, 'g.csv');
const gazetteer = buildGazetteer(places, parseRules(RULES, 'r.csv', new Map(places.map((p) => [p.id, p]))));
const finder = createPlaceFinder(gazetteer);
const whole = (text: string): Story[] => [
  { index: 0, title: 't', kind: 'article', start: 0, end: text.length },
];
const found = (text: string) => finder.findMentions(text, whole(text)).map((m) => [m.text, m.placeId]);

describe('findMentions', () => {
  it('takes the longest alias', () => {
    expect(found('in Vancouver Barracks and in Vancouver')).toEqual([
      ['Vancouver Barracks', 'barracks'],
      ['Vancouver', 'vancouver'],
    ]);
    expect(found('the Russian Federation')).toEqual([['Russian Federation', 'russia']]);
  });

  it('matches whole words only and knows "us" from "US"', () => {
    expect(found('Russians told us about USAID and the US')).toEqual([['US', 'us']]);
  });

  it('matches a capitalised alias written in capitals, but not a short one in lower case', () => {
    expect(found('VISIT RUSSIA when it is possible')).toEqual([['RUSSIA', 'russia']]);
    expect(found('russia')).toEqual([]);
  });

  it('resolves a form by the rule whose context fits, else by its alias', () => {
    expect(
      found('Moscow and Washington; Vancouver Barracks, Washington; Vancouver, Washington State'),
    ).toEqual([
      ['Washington', 'dc'],
      ['Vancouver Barracks', 'barracks'],
      ['Washington', 'wa'],
      ['Vancouver', 'vancouver'],
      ['Washington State', 'wa'],
    ]);
  });

  it('skips a place name inside a longer name that is no place', () => {
    expect(found('the Luke of Crimea Medal, not Crimea')).toEqual([['Crimea', 'crimea']]);
  });

  it('treats no-break spaces, runs of spaces and dashes like their plain forms, keeping the exact text', () => {
    const text = 'the Alaska\u2013Siberia\u00a0Air  Route';
    const [m] = finder.findMentions(text, whole(text));
    expect(m).toMatchObject({ placeId: 'alsib', start: 4, end: text.length });
    expect(m!.text).toBe(text.slice(4));
  });

  it('does not join words across a line break', () => {
    expect(found('Vancouver Barracks,\nWashington')).toEqual([
      ['Vancouver Barracks', 'barracks'],
      ['Washington', 'dc'],
    ]);
  });

  it('gives the sentence around each mention as its snippet', () => {
    const text = 'First one. It was in Washington D.C. on Monday. Last one.\nNext line.';
    const [m] = finder.findMentions(text, whole(text));
    expect(text.slice(m!.snippetStart, m!.snippetEnd)).toBe('It was in Washington D.C. on Monday.');
  });

  it('assigns mentions to stories and drops those outside every story', () => {
    const text = 'Russia here.\nUS there.\nRussia in the footer.';
    const stories: Story[] = [
      { index: 0, title: 'a', kind: 'article', start: 0, end: 12 },
      { index: 1, title: 'b', kind: 'article', start: 13, end: 22 },
    ];
    expect(finder.findMentions(text, stories).map((m) => [m.text, m.story])).toEqual([
      ['Russia', 0],
      ['US', 1],
    ]);
  });

  it('finds a name with a soft hyphen, zero-width character, word joiner or BOM inside, keeping the exact text', () => {
    const text =
      '\ufeffRus\u00adsia, Van\u200bcouver, Washing\u200dton\u00a0Sta\u2060te and Cri\u200cmea\ufeff.';
    const ms = finder.findMentions(text, whole(text));
    expect(ms.map((m) => [m.placeId, m.text])).toEqual([
      ['russia', 'Rus\u00adsia'],
      ['vancouver', 'Van\u200bcouver'],
      ['wa', 'Washing\u200dton\u00a0Sta\u2060te'],
      ['crimea', 'Cri\u200cmea'],
    ]);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(ms[0]!.start).toBe(1);
    // whole words still: "Russia" with a soft hyphen before an "n" is "Russian"
    expect(found('Rus\u00adsia\u00adn and Russia\u200bn')).toEqual([]);
  });

  it('keeps offsets exact after emoji and astral characters, and an astral letter is part of a word', () => {
    const text = '👩‍👩‍👧 Russia, 🇺🇸US, 𝕄 Crimea and 𝕄Crimea';
    const ms = finder.findMentions(text, whole(text));
    expect(
      ms.map((m) => [m.text, text.slice(m.start, m.end), text.slice(m.snippetStart, m.snippetEnd)]),
    ).toEqual([
      ['Russia', 'Russia', text],
      ['US', 'US', text],
      ['Crimea', 'Crimea', text],
    ]);
    expect(ms[0]!.start).toBe(text.indexOf('Russia'));
  });

  it('ends a snippet at a lone CR or a CRLF as at a line feed', () => {
    for (const eol of ['\r', '\r\n', '\n']) {
      const text = `First line${eol}It was in Washington D.C. on Monday${eol}Next line, Russia.`;
      expect(
        finder.findMentions(text, whole(text)).map((m) => text.slice(m.snippetStart, m.snippetEnd)),
      ).toEqual(['It was in Washington D.C. on Monday', 'Next line, Russia.']);
    }
  });

  it('without snippets finds the same mentions, each snippet its own words', () => {
    const text = 'First line\nIt was in Washington D.C. on Monday. Then Russia and Crimea.';
    const all = finder.findMentions(text, whole(text));
    const bare = finder.findMentions(text, whole(text), { snippets: false });
    expect(all).toHaveLength(3);
    const found = (ms: typeof all) => ms.map((m) => [m.placeId, m.text, m.start, m.end, m.story]);
    expect(found(bare)).toEqual(found(all));
    expect(bare.map((m) => [m.snippetStart, m.snippetEnd])).toEqual(all.map((m) => [m.start, m.end]));
    expect(all.map((m) => text.slice(m.snippetStart, m.snippetEnd))).toEqual([
      'It was in Washington D.C. on Monday.',
      'Then Russia and Crimea.',
      'Then Russia and Crimea.',
    ]);
  });

  it('gives every mention of one long unpunctuated line the whole line as its snippet', () => {
    const text = 'Russia and Crimea '.repeat(2000).trim();
    const ms = finder.findMentions(text, whole(text));
    expect(ms).toHaveLength(4000);
    expect(ms.every((m) => m.snippetStart === 0 && m.snippetEnd === text.length)).toBe(true);
  });
});

describe('sentenceAround', () => {
  it('finds the same sentences as the finder, one mention at a time', () => {
    const text =
      'A "quote." Then US\u2019s talks.\u201d Russia! And Crimea? "Yes." Russia D.C. end\rCrimea here';
    const norm = normalizeText(text);
    const ms = finder.findMentions(text, whole(text));
    expect(ms).toHaveLength(5);
    for (const m of ms)
      expect(sentenceAround(text, norm, m.start, m.end)).toEqual([m.snippetStart, m.snippetEnd]);
    expect(ms.map((m) => text.slice(m.snippetStart, m.snippetEnd))).toEqual([
      'Then US\u2019s talks.\u201d',
      'Russia!',
      'And Crimea?',
      'Russia D.C. end',
      'Crimea here',
    ]);
  });
});

describe('sentenceFinder', () => {
  /**
   * The sentence around [start, end) as its definition reads, one character at a time from the
   * line start: the scan the finder makes once for many mentions (with shortcuts) must agree.
   */
  function reference(text: string, norm: string, start: number, end: number): [number, number] {
    const isBreak = (ch: string | undefined) => ch === '\n' || ch === '\r';
    const isQuote = (ch: string | undefined) => ch === '"' || ch === "'";
    const isEnd = (i: number) => {
      let ch = norm[i];
      while (isQuote(ch) && i > 0) ch = norm[--i];
      if (ch === '?' || ch === '!') return true;
      if (ch !== '.') return false;
      const before = norm[i - 1];
      const initial =
        before !== undefined &&
        /[\p{L}\p{N}]/u.test(before) &&
        !/[\p{L}\p{N}]/u.test(norm[i - 2] ?? '') &&
        before === before.toUpperCase();
      return !initial;
    };
    const blank = (ch: string) => /\s/.test(ch) || /[\u00ad\u200b-\u200d\u2060\ufeff]/.test(ch);
    let lineStart = start;
    while (lineStart > 0 && !isBreak(norm[lineStart - 1])) lineStart--;
    let sentenceStart = lineStart;
    let endBefore = false;
    for (let p = lineStart; p < start; p++) {
      const ch = norm[p];
      if (ch === ' ' && p > lineStart && endBefore) sentenceStart = p + 1;
      endBefore = isQuote(ch) && p > 0 ? endBefore : isEnd(p);
    }
    let stop = end;
    let atBreak = false;
    let endHere = false;
    for (; ; stop++) {
      const ch = norm[stop];
      if (stop >= norm.length || isBreak(ch)) {
        atBreak = true;
        break;
      }
      endHere = stop > end && isQuote(ch) ? endHere : isEnd(stop);
      const next = norm[stop + 1];
      if (endHere && (stop + 1 === norm.length || isBreak(next) || next === ' ')) break;
    }
    let to = stop;
    if (!atBreak) for (to = stop + 1; norm[to] === '"' || norm[to] === "'";) to++;
    let a = sentenceStart;
    while (a < text.length && blank(text[a]!)) a++;
    if (a >= to) return [to, to];
    let b = to;
    while (b > 0 && blank(text[b - 1]!)) b--;
    return [a, Math.max(a, b)];
  }

  it('finds, for mentions in text order, the sentences the definition gives', () => {
    const piece = fc.constantFrom(
      'Moscow',
      'the talks',
      ' ',
      ' ',
      '. ',
      '.',
      '? ',
      '! ',
      '"',
      "'",
      '\u201d',
      '\u00a0',
      '\u00ad',
      'D.C.',
      'U. S',
      'a',
      '\n',
      '\r\n',
      '\r',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (parts, picks) => {
          const text = parts.join('');
          const norm = normalizeText(text);
          // Mentions in text order: increasing starts, each end after its start.
          const starts = [...new Set(picks.map((k) => k % text.length))].sort((x, y) => x - y);
          const sentence = sentenceFinder(text, norm);
          starts.forEach((start, k) => {
            const end = Math.min(text.length, start + 1 + (picks[k]! % 3));
            expect(sentence(start, end)).toEqual(reference(text, norm, start, end));
          });
        },
      ),
      { seed: 13, numRuns: 3000 },
    );
  });
});
