import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/core';
import { readDataFiles } from '../../src/cli/data';
import { readFileSync } from 'node:fs';
import { MAX_QUERY, readUrlState, START_STATE, urlNotice, urlSearch } from '../../src/ui/urlState';

const text = readFileSync(
  new URL('../../data/newsletters/russian-embassy-newsletter-2020-06.txt', import.meta.url),
  'utf8',
);
const atlas = loadAtlas({ text, ...readDataFiles() });
const aPlace = atlas.places[0]!.place.id;
const last = atlas.stories.length - 1;

describe('the URL state', () => {
  it('reads the story, the place, the polar view, the search and the map-view filter', () => {
    const s = readUrlState(`?story=${last}&place=${aPlace}&view=polar&q=Chkalov+flight&inview=1`, atlas);
    expect(s).toEqual({ story: last, place: aPlace, polar: true, query: 'Chkalov flight', onlyInView: true });
  });

  it('keeps the search text short, so that the app never writes a URL a server refuses (HTTP 431)', () => {
    const long = 'Moscow '.repeat(3000); // 21 KB
    const read = readUrlState(`?q=${encodeURIComponent(long)}`, atlas);
    expect(read.query).toBe(long.slice(0, MAX_QUERY));
    const search = urlSearch({ ...START_STATE, query: long });
    expect(search).toBe(urlSearch({ ...START_STATE, query: long.slice(0, MAX_QUERY) }));
    expect(search.length).toBeLessThan(4 * MAX_QUERY);
  });

  it('reads the start view from an empty query string', () => {
    expect(readUrlState('', atlas)).toEqual(START_STATE);
  });

  it('writes what it reads (search text with spaces and symbols too)', () => {
    const state = { story: 2, place: aPlace, polar: false, query: 'São Paulo & co?', onlyInView: true };
    const search = urlSearch(state);
    expect(search).toContain('q=');
    expect(readUrlState(search, atlas)).toEqual(state);
    expect(urlSearch(START_STATE)).toBe('');
    expect(urlSearch({ ...START_STATE, query: 'Idlib' })).toBe('?q=Idlib');
  });

  it('drops stories and places the newsletter does not have', () => {
    const s = readUrlState(`?story=${last + 1}&place=no-such-place`, atlas);
    expect(s.story).toBeNull();
    expect(s.place).toBeNull();
  });

  it('says which story or place of a link is not there, and what it shows instead', () => {
    expect(urlNotice('?story=999', atlas)).toBe(
      'There is no story 999 in this newsletter; showing the start view.',
    );
    expect(urlNotice('?place=atlantis', atlas)).toBe(
      'There is no place “atlantis” in this newsletter; showing the start view.',
    );
    expect(urlNotice(`?story=abc&place=atlantis`, atlas)).toBe(
      'There is no story abc and no place “atlantis” in this newsletter; showing the start view.',
    );
    expect(urlNotice(`?story=1&place=atlantis`, atlas)).toBe(
      'There is no place “atlantis” in this newsletter; showing the rest of the link.',
    );
  });

  it('has nothing to say about a link that is all there', () => {
    expect(urlNotice(`?story=${last}&place=${aPlace}&q=x`, atlas)).toBeNull();
    expect(urlNotice('', atlas)).toBeNull();
  });
});
