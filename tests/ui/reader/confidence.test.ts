/** Confidence where a mention is shown: the reader's highlights and the place panel, as rendered. */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { confidenceInWords, isUncertain, loadData, UNCERTAIN_BELOW, type Atlas } from '../../../src/core';
import { readDataFiles } from '../../../src/cli/data';
import { PlacePanel, StoryReader } from '../../../src/ui/reader';

// The panel's helpers (ui/model) import the map, and Leaflet needs a window: nothing here draws one.
vi.mock('../../../src/map', () => ({}));

const { geoparse } = loadData(readDataFiles());
const TEXT = 'Talks in Moscow\nThe delegation met in Moscow and flew on to Washington.';

/** The example with its second "Moscow" at 0.6 and "Washington" at 0.3, the first one sure. */
function example(): Atlas {
  const a = geoparse(TEXT);
  const moscows = a.mentions.filter((m) => m.text === 'Moscow');
  expect(moscows).toHaveLength(2);
  const lowered = a.mentions.map((m) =>
    m === moscows[1] ? { ...m, confidence: 0.6 } : m.text === 'Washington' ? { ...m, confidence: 0.3 } : m,
  );
  return { ...a, mentions: lowered };
}

const dom = (html: string) => parseDocument(html);
const all = (html: string, test: (e: Element) => boolean) =>
  DomUtils.findAll(test, dom(html).children) as Element[];
const text = (e: Element) => DomUtils.textContent(e);
/** What a screen reader says for an element: its text without the aria-hidden parts. */
const spoken = (e: Element): string =>
  e.children
    .map((c) =>
      c.type === 'text'
        ? (c as unknown as { data: string }).data
        : (c as Element).attribs?.['aria-hidden'] === 'true'
          ? ''
          : spoken(c as Element),
    )
    .join('');

describe('confidence in words', () => {
  it('calls a mention uncertain under the threshold only', () => {
    expect(isUncertain(1)).toBe(false);
    expect(isUncertain(UNCERTAIN_BELOW)).toBe(false);
    expect(isUncertain(UNCERTAIN_BELOW - 0.01)).toBe(true);
  });

  it('says how sure, and a guess under one half', () => {
    expect(confidenceInWords(1)).toBe('100% sure');
    expect(confidenceInWords(0.8)).toBe('80% sure');
    expect(confidenceInWords(0.6)).toBe('uncertain, 60% sure');
    expect(confidenceInWords(0.35)).toBe('uncertain, a guess (35% sure)');
    expect(confidenceInWords(0.999)).toBe('99% sure');
    expect(confidenceInWords(0.001)).toBe('uncertain, a guess (1% sure)');
  });
});

describe('the reader', () => {
  const atlas = example();
  const html = renderToStaticMarkup(
    createElement(StoryReader, {
      atlas,
      story: atlas.stories[0]!,
      mentions: atlas.mentions,
      onMention: () => {},
      onClose: () => {},
    }),
  );
  const buttons = all(html, (e) => e.name === 'button' && /\bmention\b/.test(e.attribs.class ?? ''));

  it('marks an uncertain mention with a dashed-underline class, a "?" and words, a sure one not', () => {
    expect(buttons.map((b) => [spoken(b), b.attribs.class])).toEqual([
      ['Moscow', 'mention'],
      ['Moscow (place uncertain, 60% sure)', 'mention uncertain'],
      ['Washington (place uncertain, a guess (30% sure))', 'mention uncertain'],
    ]);
    const marks = buttons.map(
      (b) => DomUtils.findAll((e) => e.attribs.class === 'uncertain-mark', b.children) as Element[],
    );
    expect(marks.map((m) => m.map((e) => [text(e), e.attribs['aria-hidden']]))).toEqual([
      [],
      [['?', 'true']],
      [['?', 'true']],
    ]);
  });

  it('gives the confidence in the title', () => {
    expect(buttons.map((b) => b.attribs.title)).toEqual([
      'Show Moscow on the map',
      'Show Moscow on the map (uncertain, 60% sure that this is Moscow)',
      'Show Washington, D.C. on the map (uncertain, a guess (30% sure) that this is Washington, D.C.)',
    ]);
  });
});

describe('the place panel', () => {
  const atlas = example();
  const summary = atlas.places.find((p) => p.place.id === 'moscow')!;
  const html = renderToStaticMarkup(
    createElement(PlacePanel, {
      atlas,
      summary,
      onOpenStory: () => {},
      onClose: () => {},
      focusOnOpen: false,
    }),
  );

  it('marks the uncertain mention in its sentence, with a "?" and words', () => {
    const marks = all(html, (e) => e.name === 'mark');
    expect(marks.map((m) => [spoken(m), m.attribs.class ?? '', m.attribs.title ?? ''])).toEqual([
      ['Moscow', '', ''],
      ['Moscow (place uncertain, 60% sure)', 'uncertain', 'uncertain, 60% sure that this is Moscow'],
    ]);
  });

  it('counts the uncertain mentions in words', () => {
    const meta = all(html, (e) => e.attribs.class === 'panel-meta')[0]!;
    expect(text(meta)).toMatch(/2 mentions · 1 uncertain \(marked \?\)$/);
  });
});
