/** The state a URL restores, read from and written to the query string (src/ui/state/url.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initialRoutes,
  MAX_QUERY,
  parseUrl,
  searchWithRoutes,
  serialiseUrl,
  slideParam,
  startState,
  urlNotice,
  validState,
  type AtlasState,
} from '../../../src/ui/state';
import { atlas, ctx, layers } from './fixture';

const aPlace = atlas.places[0]!.place.id;
const last = atlas.stories.length - 1;
const bundled = atlas.newsletter!.id;
const START = startState(ctx);
const flight = ctx.layers.flight!;
const optional = ctx.layers.layers.filter((l) => l.layer === 'optional').map((l) => l.id);
const write = (s: AtlasState) => serialiseUrl(s, ctx.layers);

describe('the URL state', () => {
  it('reads the story, the place, the polar view, the search and the map-view filter', () => {
    const s = parseUrl(`?story=${last}&place=${aPlace}&view=polar&q=Chkalov+flight&inview=1`, ctx);
    expect(s).toEqual({
      ...START,
      story: last,
      place: aPlace,
      polar: true,
      query: 'Chkalov flight',
      onlyInView: true,
    });
  });

  it('keeps the search text short, so that the app never writes a URL a server refuses (HTTP 431)', () => {
    const long = 'Moscow '.repeat(3000); // 21 KB
    const read = parseUrl(`?q=${encodeURIComponent(long)}`, ctx);
    expect(read.query).toBe(long.slice(0, MAX_QUERY));
    const search = write({ ...START, query: long });
    expect(search).toBe(write({ ...START, query: long.slice(0, MAX_QUERY) }));
    expect(search.length).toBeLessThan(4 * MAX_QUERY);
  });

  it('never cuts the search text between the halves of a character', () => {
    const emoji = '🗺'.repeat(MAX_QUERY); // two UTF-16 units each
    const read = parseUrl(`?q=${encodeURIComponent(emoji)}`, ctx);
    expect(read.query).toBe('🗺'.repeat(MAX_QUERY / 2));
    const odd = `x${emoji}`;
    expect(parseUrl(`?q=${encodeURIComponent(odd)}`, ctx).query).toBe(`x${'🗺'.repeat(MAX_QUERY / 2 - 1)}`);
  });

  it('reads the start view from an empty query string', () => {
    expect(parseUrl('', ctx)).toEqual(START);
    expect(START.routes).toEqual(ctx.layers.shown);
  });

  it('writes what it reads (search text with spaces and symbols too)', () => {
    const state = { ...START, story: 2, place: aPlace, query: 'São Paulo & co?', onlyInView: true };
    const search = write(state);
    expect(search).toContain('q=');
    expect(parseUrl(search, ctx)).toEqual(state);
    expect(write(START)).toBe('');
    expect(write({ ...START, query: 'Idlib' })).toBe('?q=Idlib');
  });

  it('writes the parameters in the order the app has always written them', () => {
    const state: AtlasState = {
      ...START,
      n: 'n-abc',
      story: 6,
      place: aPlace,
      polar: true,
      query: 'x',
      onlyInView: true,
      routes: [flight, optional[0]!],
      present: 3,
    };
    expect(write(state)).toBe(
      `?n=n-abc&story=6&place=${encodeURIComponent(aPlace)}&view=polar&q=x&inview=1&routes=${optional[0]}&present=3`,
    );
  });

  it('drops stories and places the newsletter does not have', () => {
    const s = parseUrl(`?story=${last + 1}&place=no-such-place`, ctx);
    expect(s.story).toBeNull();
    expect(s.place).toBeNull();
  });

  it('ignores parameters it does not know and values it cannot read', () => {
    expect(parseUrl('?foo=1&story=abc&view=round&inview=yes&present=0&presenter=-2&n=', ctx)).toEqual(START);
    expect(parseUrl('?present=1.5&story=-1', ctx)).toEqual(START);
  });

  it('says which story or place of a link is not there, and what it shows instead', () => {
    expect(urlNotice('?story=999', ctx)).toBe(
      'There is no story 999 in this newsletter; showing the start view.',
    );
    expect(urlNotice('?place=atlantis', ctx)).toBe(
      'There is no place “atlantis” in this newsletter; showing the start view.',
    );
    expect(urlNotice(`?story=abc&place=atlantis`, ctx)).toBe(
      'There is no story abc and no place “atlantis” in this newsletter; showing the start view.',
    );
    expect(urlNotice(`?story=1&place=atlantis`, ctx)).toBe(
      'There is no place “atlantis” in this newsletter; showing the rest of the link.',
    );
  });

  it('has nothing to say about a link that is all there', () => {
    expect(urlNotice(`?story=${last}&place=${aPlace}&q=x`, ctx)).toBeNull();
    expect(urlNotice('', ctx)).toBeNull();
  });
});

describe('the newsletter in the URL (?n=)', () => {
  it('keeps the id of a newsletter that is not the bundled one, even one the app does not know yet', () => {
    const s = parseUrl('?n=n-1f3a&story=2', ctx);
    expect(s.n).toBe('n-1f3a');
    expect(s.story).toBe(2);
    expect(write(s)).toBe('?n=n-1f3a&story=2');
  });

  it('leaves the bundled newsletter out of the URL', () => {
    expect(parseUrl(`?n=${encodeURIComponent(bundled)}`, ctx).n).toBeNull();
    expect(write(parseUrl(`?n=${encodeURIComponent(bundled)}&story=1`, ctx))).toBe('?story=1');
  });

  it('ignores an id no newsletter can have (empty, control characters, too long)', () => {
    for (const bad of ['', '%00x', 'a%0Ab', 'x'.repeat(201)])
      expect(parseUrl(`?n=${bad}`, ctx).n, bad).toBeNull();
  });
});

describe('the tour in the URL (?present=, ?presenter=)', () => {
  it('reads and writes the slide of the tour and of the presenter window', () => {
    expect(parseUrl('?story=6&present=3', ctx)).toEqual({ ...START, story: 6, present: 3 });
    expect(parseUrl('?presenter=2', ctx).presenter).toBe(2);
    expect(write({ ...START, present: 4 })).toBe('?present=4');
    expect(write({ ...START, presenter: 2 })).toBe('?presenter=2');
  });

  it('reads the 1-based slide of the named parameter only', () => {
    expect(slideParam('?present=3', 'present')).toBe(3);
    expect(slideParam('?presenter=2', 'present')).toBeNull();
    expect(slideParam('?present=99999999999999999999', 'present')).toBeNull();
  });

  it('writes no slide that a tour-only map view would need: a slide asks for its view again', () => {
    expect(write({ ...START, present: 2, slidePolar: true })).toBe('?present=2');
  });
});

describe('the routes in the URL (?routes=)', () => {
  it('takes the defaults without ?routes=', () => {
    expect(initialRoutes('', layers)).toEqual(['flight', 'alsib']);
    expect(initialRoutes('?story=3', layers)).toEqual(['flight', 'alsib']);
  });

  it('takes the known routes of ?routes=, always with the flight', () => {
    expect(initialRoutes('?routes=gromov,attempt', layers)).toEqual(['flight', 'attempt', 'gromov']);
    expect(initialRoutes('?routes=gromov,nowhere', layers)).toEqual(['flight', 'gromov']);
    expect(initialRoutes('?routes=', layers)).toEqual(['flight']);
  });

  it('leaves the param out for the defaults, and keeps the other params', () => {
    expect(searchWithRoutes('', ['flight', 'alsib'], layers)).toBe('');
    expect(searchWithRoutes('?story=3&routes=gromov', ['flight', 'alsib'], layers)).toBe('?story=3');
  });

  it('lists the routes besides the flight in file order, commas unescaped', () => {
    expect(searchWithRoutes('?view=polar', ['gromov', 'flight', 'alsib'], layers)).toBe(
      '?view=polar&routes=alsib,gromov',
    );
    expect(searchWithRoutes('', ['flight'], layers)).toBe('?routes=');
  });

  it('round-trips through the state', () => {
    const state = { ...START, story: 1, routes: [flight, ...optional] };
    expect(parseUrl(write(state), ctx)).toEqual(state);
    expect(parseUrl(write({ ...START, routes: [flight] }), ctx).routes).toEqual([flight]);
  });
});

/** Query strings of the app's parameters (and others), with values both sensible and not. */
const searches = fc
  .array(
    fc.tuple(
      fc.constantFrom('n', 'story', 'place', 'view', 'q', 'inview', 'routes', 'present', 'presenter', 'foo'),
      fc.oneof(
        fc.constantFrom('polar', '1', '0', '6', String(last), '999', aPlace, bundled, '', optional.join(',')),
        fc.nat({ max: last + 5 }).map(String),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.subarray([...optional, 'nowhere', flight]).map((ids) => ids.join(',')),
      ),
    ),
    { maxLength: 12 },
  )
  .map((pairs) => `?${new URLSearchParams(pairs)}`);

describe('any query string (property, fixed seed)', () => {
  it('reads as a valid state, which writes a URL that reads back as the same state', () => {
    fc.assert(
      fc.property(searches, (search) => {
        const state = parseUrl(search, ctx);
        expect(validState(state, ctx)).toBe(true);
        const url = write(state);
        expect(parseUrl(url, ctx)).toEqual(state);
        expect(write(parseUrl(url, ctx))).toBe(url);
      }),
      { seed: 1414, numRuns: 500 },
    );
  });
});
