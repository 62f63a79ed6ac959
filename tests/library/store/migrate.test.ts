/**
 * Moving the localStorage of the app before the library (saved tours, settings) into the library:
 * copied, read back, then marked; the originals kept unless asked; a corrupt tour set aside; the
 * rescued unreadable copies left as they are; a second run changes nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import { defaultTour, serializeTour } from '../../../src/core';
import { SEEDED_KEY } from '../../../src/library/embeddedStorage';
import { migrateLocalStorage, MIGRATION_META_KEY } from '../../../src/library/store';
import { LEGACY_TOUR_PREFIX, LEGACY_UNREADABLE } from '../../../src/library/store/migrate';
import { CONTRAST_KEY, TOUR_KEY_PREFIX, UNREADABLE } from '../../../src/ui/tour/tourStore';
import { BUNDLED, clock, freshDb, openTest, readRaw } from './helpers';
import { MemoryStorage } from '../memoryStorage';

const TOUR = serializeTour({
  ...defaultTour(BUNDLED.id, []),
  slides: [{ id: 'story-1', note: 'Ask about the route' }],
});
const OTHER_TOUR = serializeTour(defaultTour('text-0123abcd', []));
const CORRUPT = '{"format": "newsletter-atlas-tour", "slides": [';
const RESCUED = `${TOUR_KEY_PREFIX}${BUNDLED.id}${UNREADABLE}:2026-11-30T10:00:00.000Z`;

/** What the app before the library left in localStorage. */
function legacyStorage(): MemoryStorage {
  const s = new MemoryStorage();
  s.setItem(`${TOUR_KEY_PREFIX}${BUNDLED.id}`, TOUR);
  s.setItem(`${TOUR_KEY_PREFIX}text-0123abcd`, OTHER_TOUR);
  s.setItem(`${TOUR_KEY_PREFIX}text-feedbeef`, CORRUPT);
  s.setItem(RESCUED, 'not json at all');
  s.setItem(CONTRAST_KEY, 'high');
  s.setItem(SEEDED_KEY, '["0badf00d"]');
  s.setItem('someone-else:key', 'not ours');
  return s;
}

describe('migrateLocalStorage', () => {
  it('uses the keys the tour wrote to localStorage', () => {
    expect(LEGACY_TOUR_PREFIX).toBe(TOUR_KEY_PREFIX);
    expect(LEGACY_UNREADABLE).toBe(UNREADABLE);
  });

  it('copies the saved tours and settings, reads them back, and leaves localStorage as it was', async () => {
    const db = freshDb();
    const library = await openTest(db, { bundled: [BUNDLED], now: clock(Date.UTC(2026, 11, 1)).now });
    const storage = legacyStorage();
    const before = new Map(storage.items);

    const report = await migrateLocalStorage(library, storage);
    expect(report.migrated).toEqual([
      { key: CONTRAST_KEY, to: 'setting:tour-contrast' },
      { key: `${TOUR_KEY_PREFIX}${BUNDLED.id}`, to: `tour:${BUNDLED.id}` },
      { key: `${TOUR_KEY_PREFIX}text-0123abcd`, to: 'tour:text-0123abcd' },
    ]);
    expect(report.kept).toEqual([SEEDED_KEY, RESCUED]);
    expect(report.quarantined).toEqual([
      {
        key: `${TOUR_KEY_PREFIX}text-feedbeef`,
        reason: expect.stringMatching(/^it is not JSON/),
        quarantineKey: 'tours:text-feedbeef:2026-12-01T00:00:00.000Z',
      },
    ]);
    expect(report.failed).toEqual([]);
    expect(report.removed).toEqual([]);

    expect((await library.getTour(BUNDLED.id))?.text).toBe(TOUR);
    expect((await library.getTour('text-0123abcd'))?.text).toBe(OTHER_TOUR);
    expect(await library.getSetting('tour-contrast')).toBe('high');
    // The corrupt tour is kept, as it was, in the quarantine; nothing of it reaches the tour.
    expect(await library.getTour('text-feedbeef')).toBeUndefined();
    expect((await library.quarantined()).map((q) => q.value)).toEqual([CORRUPT]);
    expect(library.problems).toHaveLength(1);

    expect(storage.items).toEqual(before);
  });

  it('is idempotent: a second run changes nothing, in the library or in localStorage', async () => {
    const db = freshDb();
    const library = await openTest(db, { bundled: [BUNDLED] });
    const storage = legacyStorage();
    await migrateLocalStorage(library, storage);
    const stored = await Promise.all(['tours', 'settings', 'quarantine', 'meta'].map((s) => readRaw(db, s)));
    const items = new Map(storage.items);

    const again = await migrateLocalStorage(library, storage, { removeOriginals: false });
    expect(again.migrated).toEqual([]);
    expect(again.quarantined).toEqual([]);
    expect(again.already).toEqual([
      CONTRAST_KEY,
      `${TOUR_KEY_PREFIX}${BUNDLED.id}`,
      `${TOUR_KEY_PREFIX}text-0123abcd`,
      `${TOUR_KEY_PREFIX}text-feedbeef`,
    ]);
    expect(await Promise.all(['tours', 'settings', 'quarantine', 'meta'].map((s) => readRaw(db, s)))).toEqual(
      stored,
    );
    expect(storage.items).toEqual(items);
  });

  it('removes the originals only when asked, only the verified copies, and never into memory', async () => {
    const library = await openTest(freshDb(), { bundled: [BUNDLED] });
    const storage = legacyStorage();
    const report = await migrateLocalStorage(library, storage, { removeOriginals: true });
    expect(report.removed).toEqual([
      CONTRAST_KEY,
      `${TOUR_KEY_PREFIX}${BUNDLED.id}`,
      `${TOUR_KEY_PREFIX}text-0123abcd`,
    ]);
    expect([...storage.items.keys()]).toEqual([
      `${TOUR_KEY_PREFIX}text-feedbeef`,
      RESCUED,
      SEEDED_KEY,
      'someone-else:key',
    ]);
    expect(await migrateLocalStorage(library, storage, { removeOriginals: true })).toMatchObject({
      migrated: [],
      removed: [],
      already: [`${TOUR_KEY_PREFIX}text-feedbeef`],
    });

    const memory = await openTest({ factory: null, name: 'memory' }, { bundled: [BUNDLED] });
    const kept = legacyStorage();
    const inMemory = await migrateLocalStorage(memory, kept, { removeOriginals: true });
    expect(inMemory.migrated).toHaveLength(3);
    expect(inMemory.removed).toEqual([]);
    expect(kept.items).toEqual(legacyStorage().items);
  });

  it('does not mark or remove an entry whose copy does not read back the same, and tries it again', async () => {
    const db = freshDb();
    const library = await openTest(db, { bundled: [BUNDLED] });
    const storage = new MemoryStorage();
    storage.setItem(CONTRAST_KEY, 'high');
    const read = vi.spyOn(library, 'getSetting');
    read.mockResolvedValueOnce(undefined).mockResolvedValueOnce('normal');

    const report = await migrateLocalStorage(library, storage, { removeOriginals: true });
    expect(report.failed).toEqual([
      { key: CONTRAST_KEY, reason: 'the copy in the library did not read back the same' },
    ]);
    expect(report.removed).toEqual([]);
    expect(storage.getItem(CONTRAST_KEY)).toBe('high');
    expect(await library.readMeta(MIGRATION_META_KEY)).toBeUndefined();

    read.mockRestore();
    const retry = await migrateLocalStorage(library, storage);
    // The library holds the copy already (it was written): it is kept, and marked.
    expect(retry.inLibrary).toEqual([CONTRAST_KEY]);
    expect(await library.getSetting('tour-contrast')).toBe('high');
  });

  it('keeps what the library already holds rather than an older localStorage copy', async () => {
    const library = await openTest(freshDb(), { bundled: [BUNDLED] });
    await library.putTour(BUNDLED.id, 'saved in the library');
    const storage = new MemoryStorage();
    storage.setItem(`${TOUR_KEY_PREFIX}${BUNDLED.id}`, TOUR);
    const report = await migrateLocalStorage(library, storage, { removeOriginals: true });
    expect(report.inLibrary).toEqual([`${TOUR_KEY_PREFIX}${BUNDLED.id}`]);
    expect(report.removed).toEqual([]);
    expect((await library.getTour(BUNDLED.id))?.text).toBe('saved in the library');
    expect(storage.getItem(`${TOUR_KEY_PREFIX}${BUNDLED.id}`)).toBe(TOUR);
  });

  it('migrates an entry changed in localStorage since, unless the library changed it too', async () => {
    const t = clock(1000);
    const library = await openTest(freshDb(), { bundled: [BUNDLED], now: t.now });
    const storage = new MemoryStorage();
    storage.setItem(CONTRAST_KEY, 'high');
    storage.setItem(`${TOUR_KEY_PREFIX}${BUNDLED.id}`, TOUR);
    await migrateLocalStorage(library, storage);

    // Both changed in localStorage (an old tab, an offline copy's saved choices); the tour in the library too.
    t.set(2000);
    storage.setItem(CONTRAST_KEY, 'normal');
    storage.setItem(`${TOUR_KEY_PREFIX}${BUNDLED.id}`, OTHER_TOUR);
    await library.putTour(BUNDLED.id, 'changed in the library');
    t.set(3000);
    const report = await migrateLocalStorage(library, storage);
    expect(report.migrated).toEqual([{ key: CONTRAST_KEY, to: 'setting:tour-contrast' }]);
    expect(report.changedSince).toEqual([`${TOUR_KEY_PREFIX}${BUNDLED.id}`]);
    expect(await library.getSetting('tour-contrast')).toBe('normal');
    expect((await library.getTour(BUNDLED.id))?.text).toBe('changed in the library');

    const again = await migrateLocalStorage(library, storage);
    expect(again).toMatchObject({
      migrated: [],
      already: [CONTRAST_KEY],
      changedSince: [`${TOUR_KEY_PREFIX}${BUNDLED.id}`],
    });
  });

  it('does nothing without localStorage', async () => {
    const library = await openTest(freshDb());
    expect(await migrateLocalStorage(library, null)).toMatchObject({ migrated: [], failed: [] });
  });
});
