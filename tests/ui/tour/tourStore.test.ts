/**
 * The saved tour is never lost (issue 12): an unreadable tour is copied aside (one key per copy,
 * with the time) before its key is emptied; with storage full it stays where it is and is not
 * saved over; a second read gives the first read's answer while the key is unchanged; a save the browser refuses is reported.
 * A fake Storage that throws QuotaExceededError past a size stands in for localStorage.
 */
import { describe, expect, it } from 'vitest';
import { defaultTour, serializeTour, type TourContext } from '../../../src/core';
import { createTourStore, tourKey, type TourStorage } from '../../../src/ui/tour/tourStore';

/** localStorage in memory: throws QuotaExceededError, as browsers do, past `quota` characters. */
class FakeStorage implements TourStorage {
  readonly items = new Map<string, string>();
  reads = 0;
  constructor(public quota = Infinity) {}
  get length() {
    return this.items.size;
  }
  used() {
    let n = 0;
    for (const [k, v] of this.items) n += k.length + v.length;
    return n;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    this.reads++;
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const before = this.items.get(key);
    const grown =
      this.used() - (before === undefined ? 0 : key.length + before.length) + key.length + value.length;
    if (grown > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const ctx: TourContext = {
  newsletter: 'n1',
  slideIds: ['title', 'story-0', 'story-1'],
  placeIds: new Set(['moscow']),
};
const KEY = tourKey('n1');
const BROKEN = '{"format":"newsletter-atlas-tour","version":9}';
const OTHER_BROKEN = '{"format":"newsletter-atlas-tour","version":10}';
const slides = ctx.slideIds.map((id) => ({ id }) as { id: string });
const tour = { ...defaultTour('n1', []), slides };

const at = (iso: string) => () => new Date(iso);

describe('tourStore: an unreadable saved tour', () => {
  it('is copied to <key>:unreadable:<time>, and only then removed from its key', () => {
    const storage = new FakeStorage();
    storage.setItem(KEY, BROKEN);
    const store = createTourStore(() => storage, at('2026-03-02T09:00:00.000Z'));
    const loaded = store.load(ctx);
    const copy = `${KEY}:unreadable:2026-03-02T09:00:00.000Z`;
    expect(loaded.tour).toBeNull();
    expect(loaded.stuck).toBe(false);
    expect(storage.items.get(copy)).toBe(BROKEN);
    expect(storage.items.has(KEY)).toBe(false);
    expect(loaded.problem).toContain('"version" is 9');
    expect(loaded.problem).toContain(`kept under "${copy}"`);
    expect(store.rescuedCopies('n1')).toEqual([copy]);
  });

  it('keeps every rescued copy: a second unreadable tour does not overwrite the first', () => {
    const storage = new FakeStorage();
    storage.setItem(KEY, BROKEN);
    createTourStore(() => storage, at('2026-03-02T09:00:00.000Z')).load(ctx);
    storage.setItem(KEY, OTHER_BROKEN);
    createTourStore(() => storage, at('2026-03-02T10:00:00.000Z')).load(ctx);
    // Even at the same moment (a clock that did not move), a third copy gets a key of its own.
    storage.setItem(KEY, '{');
    createTourStore(() => storage, at('2026-03-02T10:00:00.000Z')).load(ctx);
    const store = createTourStore(() => storage, at('2026-03-02T11:00:00.000Z'));
    const copies = store.rescuedCopies('n1');
    expect(copies).toHaveLength(3);
    expect(copies.map((k) => storage.items.get(k)).sort()).toEqual([BROKEN, OTHER_BROKEN, '{'].sort());
    expect(storage.items.has(KEY)).toBe(false);
  });

  it('with storage full, stays under its key, says so truthfully, and is not saved over', () => {
    const storage = new FakeStorage();
    storage.setItem(KEY, BROKEN);
    storage.setItem('filler', 'x'.repeat(1000));
    storage.quota = storage.used() + 10; // no room for a copy
    const store = createTourStore(() => storage, at('2026-03-02T09:00:00.000Z'));
    const loaded = store.load(ctx);
    expect(storage.items.get(KEY)).toBe(BROKEN);
    expect(store.rescuedCopies('n1')).toEqual([]);
    expect(loaded.stuck).toBe(true);
    expect(loaded.problem).toContain('was not moved');
    expect(loaded.problem).toContain(`stays under "${KEY}"`);
    expect(loaded.problem).not.toContain('kept under');
    expect(store.unreadableText('n1')).toBe(BROKEN);

    // Room again: an edit is still not written over the unreadable tour...
    storage.quota = Infinity;
    expect(store.save(tour)).toBe('kept');
    expect(storage.items.get(KEY)).toBe(BROKEN);
    expect(store.clear('n1')).toBe(false);
    expect(storage.items.get(KEY)).toBe(BROKEN);
    // ...until the teacher chooses to replace it.
    store.replaceUnreadable('n1');
    expect(store.save(tour)).toBe('saved');
    expect(storage.items.get(KEY)).toBe(serializeTour(tour));
  });

  it('a second load (React rendering twice) still reports the problem, and rescues nothing again', () => {
    const storage = new FakeStorage();
    storage.setItem(KEY, BROKEN);
    const store = createTourStore(() => storage, at('2026-03-02T09:00:00.000Z'));
    const first = store.load(ctx);
    const second = store.load(ctx);
    expect(second.problem).toBe(first.problem);
    expect(second.problem).toContain('"version" is 9');
    expect(store.rescuedCopies('n1')).toHaveLength(1);
  });

  it('reads the key again when it changed since (a tour saved by another tab)', () => {
    const storage = new FakeStorage();
    const store = createTourStore(() => storage, at('2026-03-02T09:00:00.000Z'));
    expect(store.load(ctx).tour).toBeNull();
    const saved = { ...defaultTour('n1', []), custom: [] };
    storage.setItem(KEY, serializeTour(saved));
    expect(store.load(ctx).tour).toEqual(saved);
  });
});

describe('tourStore: saving', () => {
  it('says when the browser refuses a save (storage full); the stored tour is left as it was', () => {
    const storage = new FakeStorage();
    const store = createTourStore(() => storage, at('2026-03-02T09:00:00.000Z'));
    expect(store.save(tour)).toBe('saved');
    const stored = storage.items.get(KEY);
    storage.quota = storage.used();
    const bigger = { ...tour, slides: tour.slides.map((s) => ({ ...s, note: 'a longer note' })) };
    expect(store.save(bigger)).toBe('full');
    expect(storage.items.get(KEY)).toBe(stored);
  });

  it('says "full" when storage is turned off (getting localStorage throws)', () => {
    const store = createTourStore(() => {
      throw new DOMException('denied', 'SecurityError');
    }, at('2026-03-02T09:00:00.000Z'));
    expect(store.load(ctx)).toEqual({ tour: null, problem: null, stuck: false });
    expect(store.save(tour)).toBe('full');
  });

  it('a later load on the page gives the tour last saved', () => {
    const storage = new FakeStorage();
    const store = createTourStore(() => storage, at('2026-03-02T09:00:00.000Z'));
    expect(store.load(ctx).tour).toBeNull();
    store.save(tour);
    expect(store.load(ctx).tour).toEqual(tour);
  });

  it('repairs a stored tour whose custom slides share an id, and says so', () => {
    const storage = new FakeStorage();
    const custom = [
      { id: 'custom-3', title: 'One', text: '', places: [] },
      { id: 'custom-3', title: 'Two', text: '', places: [] },
    ];
    storage.setItem(KEY, serializeTour({ ...tour, slides: [...slides, { id: 'custom-3' }], custom }));
    const loaded = createTourStore(() => storage, at('2026-03-02T09:00:00.000Z')).load(ctx);
    expect(loaded.tour?.custom.map((c) => c.id)).toEqual(['custom-3', 'custom-4']);
    expect(loaded.problem).toMatch(/repaired: custom slide "Two" had the id "custom-3".*now "custom-4"/);
  });
});
