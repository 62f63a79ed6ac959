/**
 * The library as the page opens it (openAppLibrary): a tour and the theme saved in localStorage
 * before the library show in the tour after the first opening, and are not lost (the originals
 * stay); an offline copy's saved choices are put in the library on the copy's first opening only,
 * replacing the items of the same key, and a copy made from the library carries its tours and
 * settings (collectLibraryEntries).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultTour, serializeTour, type TourContext } from '../../../src/core';
import {
  collectLibraryEntries,
  makeEmbedded,
  SEEDED_KEY,
  seedLibrary,
} from '../../../src/library/embeddedStorage';
import { openAppLibrary } from '../../../src/library/store';
import { createTourPersistence, CONTRAST_SETTING } from '../../../src/ui/tour/tourStore';
import { MemoryStorage } from '../memoryStorage';
import { BUNDLED, clock, freshDb, input, openTest } from './helpers';

const ctx: TourContext = {
  newsletter: BUNDLED.id,
  slideIds: ['title', 'story-0', 'story-1'],
  placeIds: new Set(),
};
const TOUR = serializeTour({
  ...defaultTour(BUNDLED.id, []),
  slides: [{ id: 'story-1', note: 'From before' }],
});
const KEY = `newsletter-atlas:tour:${BUNDLED.id}`;

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});
async function openApp(
  db: ReturnType<typeof freshDb>,
  storage: Storage | null,
  embedded: ReturnType<typeof makeEmbedded> | null = null,
  now?: () => number,
) {
  const store = await openAppLibrary(
    { name: db.name, indexedDB: db.factory, bundled: [BUNDLED], ...(now ? { now } : {}) },
    { storage, embedded },
  );
  opened.push(store);
  return store;
}

describe('openAppLibrary: the localStorage of before moves in as the library opens', () => {
  it('a tour and the theme saved in localStorage show in the tour after the first opening, and are kept', async () => {
    const db = freshDb();
    const storage = new MemoryStorage();
    storage.setItem(KEY, TOUR);
    storage.setItem('newsletter-atlas:tour-contrast', 'high');
    const store = await openApp(db, storage);
    const tour = createTourPersistence(store);
    const loaded = await tour.load(ctx);
    expect(loaded.tour?.slides[0]).toEqual({ id: 'story-1', note: 'From before' });
    expect(await tour.readContrast()).toBe(true);
    // The originals stay (migrate.ts keeps them unless asked), and nothing is reported lost.
    expect(storage.getItem(KEY)).toBe(TOUR);
    expect(store.problems).toEqual([]);

    // A change in the library is not undone by the next opening's migration.
    const changed = { ...defaultTour(BUNDLED.id, []), slides: [{ id: 'title' }] };
    expect(await tour.save(changed)).toBe('saved');
    store.close();
    const again = createTourPersistence(await openApp(db, storage));
    expect((await again.load(ctx)).tour?.slides).toEqual([{ id: 'title' }]);
  });

  it('without localStorage the library still opens', async () => {
    const store = await openApp(freshDb(), null);
    expect(store.persistent).toBe(true);
    expect(await createTourPersistence(store).load(ctx)).toMatchObject({ tour: null, problem: null });
  });
});

describe("an offline copy's saved choices", () => {
  it('are seeded into the library on the first opening of the copy only, replacing the items of the same key', async () => {
    const db = freshDb();
    const t = clock(1000);
    const copy = makeEmbedded({ [KEY]: TOUR, 'newsletter-atlas:tour-contrast': 'high' }, '');
    // The browser had a tour of its own for this newsletter.
    const before = await openTest(db, { bundled: [BUNDLED], now: t.now });
    await before.putTour(BUNDLED.id, serializeTour(defaultTour(BUNDLED.id, [])));
    before.close();

    t.set(2000);
    const first = await openApp(db, new MemoryStorage(), copy, t.now);
    const tour = createTourPersistence(first);
    expect((await tour.load(ctx)).tour?.slides[0]?.note).toBe('From before');
    expect(await first.getSetting(CONTRAST_SETTING)).toBe('high');

    // Changed in the copy, then opened again: the change stays.
    t.set(3000);
    await tour.writeContrast(false);
    await tour.save({ ...defaultTour(BUNDLED.id, []), slides: [{ id: 'story-0', note: 'Typed in class' }] });
    first.close();
    t.set(4000);
    const later = await openApp(db, new MemoryStorage(), copy, t.now);
    expect((await createTourPersistence(later).load(ctx)).tour?.slides[0]?.note).toBe('Typed in class');
    expect(await later.getSetting(CONTRAST_SETTING)).toBe('normal');
  });

  it('seedLibrary says what it wrote, then that the copy was seeded already', async () => {
    const store = await openTest(freshDb(), { bundled: [BUNDLED] });
    const copy = makeEmbedded({ [KEY]: TOUR, [`${KEY}:unreadable:2026-01-01T00:00:00.000Z`]: 'junk' }, '');
    const result = await seedLibrary(copy, store);
    expect(result.written.sort()).toEqual(Object.keys(copy.entries).sort());
    expect(result.failed).toEqual([]);
    expect((await store.quarantined()).map((q) => q.value)).toEqual(['junk']);
    expect(await seedLibrary(copy, store)).toMatchObject({ alreadySeeded: true, written: [] });
  });

  it("a copy carries the library's tours and settings over localStorage's, and not a tour the library cleared", async () => {
    const store = await openTest(freshDb(), { bundled: [BUNDLED] });
    const { entry } = await store.add(input('Imported', '2024-01-01'));
    const importedTour = serializeTour(defaultTour(entry.id, []));
    await store.putTour(entry.id, importedTour);
    await store.putTour('text-0123abcd', TOUR, { allowUnknown: true });
    await store.putSetting(CONTRAST_SETTING, 'high');
    await store.putSetting('order', [2, 3]);
    const storage = new MemoryStorage();
    storage.setItem(KEY, TOUR); // migrated once, then cleared in the library
    storage.setItem(`${KEY}:unreadable:2026-01-01T00:00:00.000Z`, 'junk');
    storage.setItem('newsletter-atlas:tour-contrast', 'normal');
    storage.setItem('newsletter-atlas:other', 'kept as it is');
    storage.setItem(SEEDED_KEY, '["x"]');
    storage.setItem('someone-else', 'not ours');
    await store.putTour(BUNDLED.id, TOUR);
    await store.clearTour(BUNDLED.id);
    expect(await collectLibraryEntries(store, storage)).toEqual({
      'newsletter-atlas:order': '[2,3]',
      'newsletter-atlas:other': 'kept as it is',
      [`${KEY}:unreadable:2026-01-01T00:00:00.000Z`]: 'junk',
      'newsletter-atlas:tour-contrast': 'high',
      [`newsletter-atlas:tour:${entry.id}`]: importedTour,
      'newsletter-atlas:tour:text-0123abcd': TOUR,
    });
  });
});
