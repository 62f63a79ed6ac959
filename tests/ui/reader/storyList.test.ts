/**
 * The windowed story list (issue 14, "Scale"), rendered to markup in Node: a long list puts only
 * the rows near the view in the page, each saying its place in the whole list; a short one is
 * drawn whole; every row is a button that names its story. (Opening stories by click and keyboard,
 * and focus going back to a closed story's button, run in Chromium: tests/browser/atlas.test.ts.)
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Story } from '../../../src/core';
import type { StoryInfo } from '../../../src/ui/model';

// The map (Leaflet) needs a browser; the list only uses the model's pure helpers.
vi.mock('../../../src/map', () => ({}));
const { StoryList, WINDOW_FROM } = await import('../../../src/ui/reader/StoryList');

function list(count: number, shown = Array.from({ length: count }, (_, i) => i)) {
  const stories: Story[] = Array.from({ length: count }, (_, i) => ({
    index: i,
    title: `Story number ${i}`,
    kind: 'article',
    start: i * 10,
    end: i * 10 + 9,
  }));
  const infos: StoryInfo[] = stories.map(() => ({ mentions: [], places: [], placeCount: 0, haystack: '' }));
  return renderToStaticMarkup(
    createElement(StoryList, {
      stories,
      infos,
      shown,
      query: '',
      onQuery: () => {},
      onlyInView: false,
      onOnlyInView: () => {},
      onOpen: () => {},
      hidden: false,
    }),
  );
}

const rows = (html: string) =>
  [...html.matchAll(/<li data-row="(\d+)"[^>]*aria-posinset="(\d+)" aria-setsize="(\d+)"/g)].map((m) => ({
    story: Number(m[1]),
    position: Number(m[2]),
    size: Number(m[3]),
  }));

describe('StoryList, windowed', () => {
  it('draws only the first rows of a long list, each with its place in the whole list', () => {
    const html = list(3000);
    const drawn = rows(html);
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(100);
    drawn.forEach((r, k) => expect(r).toEqual({ story: k, position: k + 1, size: 3000 }));
    expect(html).toContain('3000 stories shown');
    // The list is as tall as all its rows, so the scroll bar is the whole list's.
    const height = Number(/class="stories" style="height:(\d+)px"/.exec(html)?.[1]);
    expect(height).toBeGreaterThan(3000 * 50);
  });

  it('gives every drawn row a button naming its story, by its index in the newsletter', () => {
    const shown = Array.from({ length: 500 }, (_, i) => 2 * i + 1);
    const html = list(1000, shown);
    const buttons = [...html.matchAll(/data-story="(\d+)"><span class="story-title">([^<]*)</g)];
    expect(buttons.length).toBe(rows(html).length);
    buttons.forEach((b, k) => {
      expect(Number(b[1])).toBe(shown[k]);
      expect(b[2]).toBe(`Story number ${shown[k]}`);
    });
  });

  it(`draws a list of ${WINDOW_FROM} stories or fewer whole`, () => {
    expect(rows(list(WINDOW_FROM)).map((r) => r.story)).toEqual(
      Array.from({ length: WINDOW_FROM }, (_, i) => i),
    );
  });
});
