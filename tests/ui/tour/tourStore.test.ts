/**
 * The saved tour in the library store (fake-indexeddb): saved and read back after a reopening;
 * an unreadable tour set aside in the quarantine (one record per copy) before it is cleared, its
 * text kept for download; reads at once share one read, and a second read gives the first one's
 * answer; when it cannot be set aside it stays and is not saved over; a refused save and a
 * library in memory say so; last write wins across tabs, and the other tab hears of it.
 */
import { describe, expect, it, vi } from 'vitest';
import { defaultTour, serializeTour, type TourContext } from '../../../src/core';
import { StorageWriteError } from '../../../src/library/store';
import {
  createTourPersistence,
  CONTRAST_SETTING,
  saveMessage,
  type TourLibrary,
} from '../../../src/ui/tour/tourStore';
import { BUNDLED, clock, freshDb, openTest, readRaw } from '../../library/store/helpers';

const ctx: TourContext = {
  newsletter: BUNDLED.id,
  slideIds: ['title', 'story-0', 'story-1'],
  placeIds: new Set(['moscow']),
};
const BROKEN = '{"format":"newsletter-atlas-tour","version":9}';
const OTHER_BROKEN = '{"format":"newsletter-atlas-tour","version":10}';
const tour = { ...defaultTour(BUNDLED.id, []), slides: [{ id: 'story-1', note: 'Ask' }, { id: 'title' }] };

describe('the tour in the library store', () => {
  it('saves the tour and the theme, and reads them back after the store is opened again', async () => {
    const db = freshDb();
    const first = createTourPersistence(await openTest(db, { bundled: [BUNDLED] }));
    expect(await first.load(ctx)).toEqual({ tour: null, problem: null, unreadable: null, stuck: false });
    expect(await first.readContrast()).toBe(false);
    expect(await first.save(tour)).toBe('saved');
    expect(await first.writeContrast(true)).toBe('saved');

    const again = await openTest(db, { bundled: [BUNDLED] });
    const second = createTourPersistence(again);
    const loaded = await second.load(ctx);
    expect(loaded.problem).toBeNull();
    expect(loaded.tour?.slides.map((s) => s.id)).toEqual(['story-1', 'title']);
    expect(loaded.tour?.slides[0]?.note).toBe('Ask');
    expect(await second.readContrast()).toBe(true);
    expect(await again.getSetting(CONTRAST_SETTING)).toBe('high');

    expect(await second.clear(BUNDLED.id)).toBe(true);
    expect(await createTourPersistence(await openTest(db, { bundled: [BUNDLED] })).load(ctx)).toMatchObject({
      tour: null,
    });
  });

  it('sets an unreadable tour aside (one record per copy) before clearing it, and keeps its text to download', async () => {
    const db = freshDb();
    const t = clock(Date.parse('2026-03-02T09:00:00.000Z'));
    const store = await openTest(db, { bundled: [BUNDLED], now: t.now });
    for (const text of [BROKEN, OTHER_BROKEN]) {
      await store.putTour(BUNDLED.id, text);
      const persistence = createTourPersistence(store);
      const loaded = await persistence.load(ctx);
      expect(loaded.tour).toBeNull();
      expect(loaded.unreadable).toBe(text);
      expect(loaded.stuck).toBe(false);
      expect(loaded.problem).toMatch(
        /could not be read .*kept aside in the library as "tours:bundled-2020-06:/,
      );
      expect(await store.getTour(BUNDLED.id)).toBeUndefined();
    }
    const kept = (await store.quarantined()).map((q) => q.value);
    expect(kept.sort()).toEqual([BROKEN, OTHER_BROKEN].sort());
    expect(await readRaw(db, 'tours')).toEqual([]);
  });

  it('reads at once share one read, and a second read gives the banner again (nothing is set aside twice)', async () => {
    const db = freshDb();
    const store = await openTest(db, { bundled: [BUNDLED] });
    await store.putTour(BUNDLED.id, BROKEN);
    const persistence = createTourPersistence(store);
    const [a, b] = await Promise.all([persistence.load(ctx), persistence.load(ctx)]);
    expect(a).toBe(b);
    const c = await persistence.load(ctx);
    expect(c.problem).toBe(a.problem);
    expect(c.problem).toContain('could not be read');
    expect(await store.quarantined()).toHaveLength(1);
  });

  it('when the unreadable tour cannot be set aside, it stays under its key and is not saved over until replaced', async () => {
    const db = freshDb();
    const store = await openTest(db, { bundled: [BUNDLED] });
    await store.putTour(BUNDLED.id, BROKEN);
    const refusing: TourLibrary = Object.assign(Object.create(store) as TourLibrary, {
      setAside: () => Promise.reject(new StorageWriteError('the disk is full')),
    });
    const persistence = createTourPersistence(refusing);
    const loaded = await persistence.load(ctx);
    expect(loaded.stuck).toBe(true);
    expect(loaded.unreadable).toBe(BROKEN);
    expect(loaded.problem).toContain('too full (or turned off) to keep a copy');
    expect(loaded.problem).toContain(`stays under "${BUNDLED.id}"`);
    expect(await persistence.save(tour)).toBe('kept');
    expect(await persistence.clear(BUNDLED.id)).toBe(false);
    expect((await store.getTour(BUNDLED.id))?.text).toBe(BROKEN);
    persistence.replaceUnreadable(BUNDLED.id);
    expect(await persistence.save(tour)).toBe('saved');
    expect((await store.getTour(BUNDLED.id))?.text).toBe(serializeTour(tour));
  });

  it('a save the browser refuses, and every save of a library in memory, say so with the reason', async () => {
    const db = freshDb();
    const store = await openTest(db, { bundled: [BUNDLED] });
    const refusing: TourLibrary = Object.assign(Object.create(store) as TourLibrary, {
      putTour: () => Promise.reject(new StorageWriteError('The change was not saved: quota.')),
      putSetting: () => Promise.reject(new StorageWriteError('The change was not saved: quota.')),
    });
    const p = createTourPersistence(refusing);
    expect(await p.save(tour)).toBe('memory');
    expect(await p.writeContrast(true)).toBe('memory');

    const memory = await openTest({ factory: null, name: 'in-memory' }, { bundled: [BUNDLED] });
    const m = createTourPersistence(memory);
    expect(await m.save(tour)).toBe('memory');
    expect(m.reason()).toBe(memory.reason);
    expect(m.reason()).toMatch(/in memory/);
    const words = saveMessage('memory', m.reason());
    expect(words).toContain(memory.reason!);
    expect(words).toContain('Export tour (JSON)');
    expect(saveMessage('saved', null)).toBeNull();
    // The tour still goes on with it on the page: the memory store gives it back.
    expect((await m.load(ctx)).tour?.slides.map((s) => s.id)).toEqual(['story-1', 'title']);
  });

  it('last write wins across tabs, and the other tab hears of the change', async () => {
    const db = freshDb();
    const clockA = clock(1000);
    const clockB = clock(1000);
    const a = createTourPersistence(await openTest(db, { bundled: [BUNDLED], now: clockA.now }));
    const b = createTourPersistence(await openTest(db, { bundled: [BUNDLED], now: clockB.now }));
    const heard: string[] = [];
    const stop = b.subscribeRemote(BUNDLED.id, (what) => heard.push(what));

    clockA.set(2000);
    expect(await a.save(tour)).toBe('saved');
    await a.writeContrast(true);
    await vi.waitFor(() => expect(heard).toEqual(['tour', 'contrast']));
    expect((await b.load(ctx)).tour?.slides[0]?.note).toBe('Ask');
    expect(await b.readContrast()).toBe(true);

    // B's clock is behind: its save is older than A's and does not win.
    clockB.set(1500);
    const older = { ...tour, slides: [{ id: 'title' }] };
    expect(await b.save(older)).toBe('newer');
    expect((await a.load(ctx)).tour?.slides[0]?.note).toBe('Ask');
    stop();
  });
});
