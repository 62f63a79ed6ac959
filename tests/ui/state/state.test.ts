/** The reducer of the state a URL restores (src/ui/state/state.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  historyOf,
  parseUrl,
  reduce,
  serialiseUrl,
  shownPolar,
  startState,
  validState,
  type Action,
  type AtlasState,
} from '../../../src/ui/state';
import { atlas, ctx } from './fixture';

const START = startState(ctx);
const flight = ctx.layers.flight!;
const optional = ctx.layers.layers.filter((l) => l.layer === 'optional').map((l) => l.id);
const pole = [...ctx.polarOnly][0]!;
const aPlace = atlas.places.find((p) => !ctx.polarOnly.has(p.place.id))!.place.id;
const run = (actions: Action[], from: AtlasState = START) =>
  actions.reduce((s, a) => reduce(s, a, ctx), from);

describe('the reducer', () => {
  it('opens a story, closing the place panel, and closes it', () => {
    const s = run([
      { type: 'selectPlace', place: aPlace },
      { type: 'openStory', story: 3 },
    ]);
    expect(s).toMatchObject({ story: 3, place: null });
    expect(run([{ type: 'closeStory' }], s).story).toBeNull();
  });

  it('opens the polar view for a place only the polar map shows', () => {
    expect(run([{ type: 'selectPlace', place: aPlace }]).polar).toBe(false);
    expect(run([{ type: 'selectPlace', place: pole }])).toMatchObject({ place: pole, polar: true });
    expect(run([{ type: 'closePlace' }], run([{ type: 'selectPlace', place: pole }])).place).toBeNull();
  });

  it('refuses what the newsletter does not have, changing nothing', () => {
    for (const a of [
      { type: 'openStory', story: ctx.stories },
      { type: 'openStory', story: -1 },
      { type: 'openStory', story: 1.5 },
      { type: 'selectPlace', place: 'atlantis' },
      { type: 'showRoute', id: 'nowhere', on: true },
      { type: 'showRoute', id: flight, on: false },
      { type: 'slide', slide: 0 },
      { type: 'newsletter', id: '' },
    ] satisfies Action[])
      expect(reduce(START, a, ctx), JSON.stringify(a)).toBe(START);
  });

  it('keeps the search no longer than the URL takes', () => {
    expect(run([{ type: 'query', query: 'x'.repeat(500) }]).query).toHaveLength(200);
  });

  it('draws and hides routes in the order of route-layers.csv, the flight always', () => {
    const [a, b] = optional;
    const s = run([
      { type: 'showRoute', id: b!, on: true },
      { type: 'showRoute', id: a!, on: true },
    ]);
    const order = ctx.layers.layers.map((l) => l.id);
    expect(s.routes).toEqual(
      [...ctx.layers.shown, a!, b!].sort((x, y) => order.indexOf(x) - order.indexOf(y)),
    );
    const hidden = run([{ type: 'showRoute', id: a!, on: false }], s);
    expect(hidden.routes).not.toContain(a);
    expect(hidden.routes).toContain(flight);
  });

  it('keeps the reader’s map view under a tour slide’s, and gives it back when the tour ends', () => {
    const open = run([{ type: 'openTour' }, { type: 'slidePolar', polar: true }]);
    expect(open).toMatchObject({ present: 1, polar: false, slidePolar: true });
    expect(shownPolar(open)).toBe(true);
    expect(serialiseUrl(open, ctx.layers)).toBe('?present=1');
    const closed = run([{ type: 'closeTour' }], open);
    expect(closed).toMatchObject({ present: null, polar: false, slidePolar: null });
    expect(shownPolar(closed)).toBe(false);
    // The tour restores the view it began with once closed: the reader's view.
    expect(run([{ type: 'slidePolar', polar: true }], closed)).toMatchObject({
      polar: true,
      slidePolar: null,
    });
    // The reader's own choice during the tour is the reader's.
    expect(run([{ type: 'setPolar', polar: false }], open)).toMatchObject({ polar: false, slidePolar: null });
  });

  it('moves the tour and the presenter window from slide to slide', () => {
    expect(run([{ type: 'openTour' }, { type: 'slide', slide: 4 }]).present).toBe(4);
    expect(run([{ type: 'presenterSlide', slide: 2 }]).presenter).toBe(2);
  });

  it('switches newsletters with nothing of the last one open, and names the bundled one null', () => {
    const open = run([
      { type: 'openStory', story: 2 },
      { type: 'openTour' },
      { type: 'query', query: 'Moscow' },
    ]);
    const other = run([{ type: 'newsletter', id: 'n-42' }], open);
    expect(other).toMatchObject({ n: 'n-42', story: null, place: null, present: null, query: 'Moscow' });
    expect(run([{ type: 'newsletter', id: ctx.bundled }], other).n).toBeNull();
  });

  it('restores the state of a history entry, but no state the newsletter cannot have', () => {
    const entry = parseUrl(`?story=2&routes=${optional[0]}`, ctx);
    expect(run([{ type: 'restore', state: entry }])).toBe(entry);
    expect(run([{ type: 'restore', state: { ...entry, story: 999 } }])).toBe(START);
  });

  it('adds a history entry for a move, rewrites it for typing, a checkbox or a slide', () => {
    expect(historyOf({ type: 'openStory', story: 1 })).toBe('push');
    expect(historyOf({ type: 'selectPlace', place: aPlace })).toBe('push');
    expect(historyOf({ type: 'setPolar', polar: true })).toBe('push');
    expect(historyOf({ type: 'openTour' })).toBe('push');
    expect(historyOf({ type: 'query', query: 'x' })).toBe('replace');
    expect(historyOf({ type: 'showRoute', id: flight, on: true })).toBe('replace');
    expect(historyOf({ type: 'slide', slide: 2 })).toBe('replace');
    expect(historyOf({ type: 'restore', state: START })).toBe('none');
  });
});

const ids = [...ctx.places, 'atlantis'];
const routeIds = [...ctx.layers.layers.map((l) => l.id), 'nowhere'];
const actions: fc.Arbitrary<Action> = fc.oneof(
  fc.integer({ min: -2, max: ctx.stories + 2 }).map((story) => ({ type: 'openStory' as const, story })),
  fc.constant({ type: 'closeStory' as const }),
  fc.constantFrom(...ids).map((place) => ({ type: 'selectPlace' as const, place })),
  fc.constant({ type: 'closePlace' as const }),
  fc.boolean().map((polar) => ({ type: 'setPolar' as const, polar })),
  fc.boolean().map((polar) => ({ type: 'slidePolar' as const, polar })),
  fc.string({ unit: 'binary', maxLength: 400 }).map((query) => ({ type: 'query' as const, query })),
  fc.boolean().map((on) => ({ type: 'onlyInView' as const, on })),
  fc
    .tuple(fc.constantFrom(...routeIds), fc.boolean())
    .map(([id, on]) => ({ type: 'showRoute' as const, id, on })),
  fc.constant({ type: 'openTour' as const }),
  fc.integer({ min: -1, max: 40 }).map((slide) => ({ type: 'slide' as const, slide })),
  fc.integer({ min: -1, max: 40 }).map((slide) => ({ type: 'presenterSlide' as const, slide })),
  fc.constant({ type: 'closeTour' as const }),
  fc
    .oneof(fc.constant(null), fc.constant(ctx.bundled), fc.constantFrom('n-1', 'n-2', ''))
    .map((id) => ({ type: 'newsletter' as const, id })),
);

describe('any sequence of actions (property, fixed seed)', () => {
  it('keeps the state valid, and its URL reads back as it (but for a tour slide’s map view)', () => {
    fc.assert(
      fc.property(fc.array(actions, { maxLength: 30 }), (list) => {
        let s = START;
        for (const a of list) {
          s = reduce(s, a, ctx);
          expect(validState(s, ctx), JSON.stringify(a)).toBe(true);
          expect(parseUrl(serialiseUrl(s, ctx.layers), ctx)).toEqual({ ...s, slidePolar: null });
        }
      }),
      { seed: 1415, numRuns: 300 },
    );
  });
});
