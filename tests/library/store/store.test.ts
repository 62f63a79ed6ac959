/**
 * The newsletter library's store over a real IndexedDB implementation (fake-indexeddb), a fresh
 * database per test: adding, listing, removing with undo, the bundled newsletter, duplicates,
 * two tabs writing the same items, storage refused or full, the schema's upgrades and checks.
 */
import { describe, expect, it, vi } from 'vitest';
import { fingerprint } from '../../../src/core';
import {
  LibraryError,
  SCHEMA_VERSION,
  StorageWriteError,
  UPGRADES,
  type Change,
} from '../../../src/library/store';
import { BUNDLED, clock, freshDb, input, openTest, readRaw, writeRaw } from './helpers';

describe('newsletters', () => {
  it('adds, gets and lists them newest first by date, then by time added, the bundled one among them', async () => {
    const db = freshDb();
    const t = clock();
    const library = await openTest(db, { bundled: [BUNDLED], now: t.now });
    expect(library.persistent).toBe(true);
    expect(library.reason).toBeNull();

    const added: string[] = [];
    for (const [title, date, at] of [
      ['March', '2021-03', 10],
      ['Undated', null, 20],
      ['January early', '2021-01-15', 30],
      ['January late', '2021-01-15', 40],
      ['Old', '2019-12-01', 50],
    ] as const) {
      t.set(at);
      const result = await library.add(input(title, date));
      expect(result.status).toBe('added');
      added.push(result.entry.id);
    }
    const titles = (await library.list()).map((e) => e.title);
    expect(titles).toEqual(['March', 'January late', 'January early', BUNDLED.title, 'Old', 'Undated']);

    const list = await library.list();
    expect(list.find((e) => e.bundled)).toMatchObject({ id: BUNDLED.id, addedAt: null, source: null });
    const march = list.find((e) => e.title === 'March')!;
    expect(march).toMatchObject({
      bundled: false,
      addedAt: 10,
      date: '2021-03',
      source: { name: 'March.txt', format: 'text' },
      fingerprint: fingerprint('March\nA story.'),
    });

    const got = await library.get(march.id);
    expect(got?.text).toBe('March\nA story.');
    expect(got?.revision).toBe(1);
    expect(await library.get('no-such-id')).toBeUndefined();
    expect(await library.get(BUNDLED.id)).toBeUndefined();
    expect(await library.entry(BUNDLED.id)).toMatchObject({ bundled: true, title: BUNDLED.title });
  });

  it('keeps them across a reopening of the database', async () => {
    const db = freshDb();
    const first = await openTest(db);
    const { entry } = await first.add(input('Kept', '2022-05-01'));
    await first.putTour(entry.id, '{"format":"newsletter-atlas-tour"}');
    first.close();

    const second = await openTest(db);
    expect((await second.list()).map((e) => e.id)).toEqual([entry.id]);
    expect((await second.get(entry.id))?.text).toBe('Kept\nA story.');
    expect((await second.getTour(entry.id))?.text).toBe('{"format":"newsletter-atlas-tour"}');
  });

  it('does not import the same text twice, whatever its line ends, and finds it by fingerprint', async () => {
    const library = await openTest(freshDb(), { bundled: [BUNDLED] });
    const first = await library.add(input('First', '2021-01-01', 'Line one\nLine two\n'));
    const again = await library.add(input('Again', '2021-02-01', '\ufeffLine one  \r\nLine two\r\n\r\n'));
    expect(again).toEqual({ status: 'duplicate', entry: first.entry });
    expect((await library.list()).filter((e) => !e.bundled)).toHaveLength(1);

    expect(await library.findByFingerprint(fingerprint('Line one\nLine two'))).toEqual(first.entry);
    expect(await library.findByText('Line one\r\nLine two')).toEqual(first.entry);
    expect(await library.findByText('Something else')).toBeUndefined();
  });

  it('finds the bundled newsletter by its fingerprint, and does not store its text again', async () => {
    const text = 'The bundled text.';
    const bundled = { ...BUNDLED, fingerprint: fingerprint(text) };
    const db = freshDb();
    const library = await openTest(db, { bundled: [bundled] });
    const result = await library.add(input('Imported again', null, text));
    expect(result.status).toBe('duplicate');
    expect(result.entry).toMatchObject({ id: bundled.id, bundled: true });
    expect(await readRaw(db, 'texts')).toEqual([]);
  });

  it('refuses to remove or change the bundled newsletter, with a message that says why', async () => {
    const library = await openTest(freshDb(), { bundled: [BUNDLED] });
    await expect(library.remove(BUNDLED.id)).rejects.toThrow(
      new LibraryError(
        `"${BUNDLED.title}" ships with the app and cannot be removed; only imported newsletters can.`,
      ),
    );
    await expect(library.update(BUNDLED.id, { title: 'x' })).rejects.toThrow(/ships with the app/);
    expect((await library.list()).map((e) => e.id)).toEqual([BUNDLED.id]);
    // Its edits and tour are kept like any newsletter's.
    expect((await library.putTour(BUNDLED.id, '{}')).written).toBe(true);
  });

  it('refuses bad input with one clear line and changes nothing', async () => {
    const library = await openTest(freshDb());
    await expect(library.add(input('Empty', null, '  \n '))).rejects.toThrow(
      'The newsletter was not added: its text is empty.',
    );
    await expect(
      library.add({ ...input('Pdf', null), source: { name: 'a.pdf', format: 'pdf' as never } }),
    ).rejects.toThrow(/its source must name the file and its format \(text, html, eml\)/);
    await expect(library.putTour('nobody', '{}')).rejects.toThrow(
      'No newsletter "nobody" in the library: its tour was not saved.',
    );
    const { entry } = await library.add(input('Real', null));
    await expect(
      library.putEdits(entry.id, { storyEdits: [{ op: 'split', story: 1 } as never], reviewChoices: [] }),
    ).rejects.toThrow(`The edits of "${entry.id}" were not saved: a split without a paragraph number.`);
    expect(await library.getEdits(entry.id)).toBeUndefined();
    expect((await library.list()).map((e) => e.title)).toEqual(['Real']);
  });
});

describe('remove and undo', () => {
  it('removes a newsletter with its tour, keeps its edits, and undo brings all of it back', async () => {
    const db = freshDb();
    const t = clock(100);
    const library = await openTest(db, { now: t.now });
    const keep = (await library.add(input('Keep', '2020-01-01'))).entry;
    const gone = (await library.add(input('Gone', '2020-02-01'))).entry;
    await library.putEdits(gone.id, {
      storyEdits: [{ op: 'retitle', story: 0, title: 'New title' }],
      reviewChoices: [{ name: 'Springfield', verdict: { kind: 'not-a-place' } }],
    });
    await library.putTour(gone.id, '{"tour":1}');

    t.set(200);
    expect(await library.remove(gone.id)).toEqual(gone);
    expect((await library.list()).map((e) => e.id)).toEqual([keep.id]);
    expect(await library.get(gone.id)).toBeUndefined();
    // Its corrections stay, untouched, for the same text imported again.
    expect(await library.getEdits(gone.id)).toMatchObject({
      storyEdits: [{ op: 'retitle', story: 0, title: 'New title' }],
      reviewChoices: [{ name: 'Springfield', verdict: { kind: 'not-a-place' } }],
      updatedAt: 100,
      revision: 1,
    });
    expect(await library.getTour(gone.id)).toBeUndefined();
    expect(library.lastRemoved).toEqual(gone);

    t.set(300);
    expect(await library.undoRemove()).toEqual(gone);
    expect((await library.list()).map((e) => e.id)).toEqual([gone.id, keep.id]);
    expect((await library.get(gone.id))?.text).toBe('Gone\nA story.');
    expect((await library.getEdits(gone.id))?.reviewChoices).toEqual([
      { name: 'Springfield', verdict: { kind: 'not-a-place' } },
    ]);
    expect(await library.getTour(gone.id)).toMatchObject({ text: '{"tour":1}', updatedAt: 300, revision: 2 });
    expect(await readRaw(db, 'tombstones')).toEqual([]);
    expect(library.lastRemoved).toBeNull();
    await expect(library.undoRemove()).rejects.toThrow(/Nothing to undo/);
  });

  it('brings the kept edits back when the same text is imported again, past undo, under the same id', async () => {
    const db = freshDb();
    const t = clock(100);
    const library = await openTest(db, { bundled: [BUNDLED], now: t.now });
    const text = 'Storm news\nCrews from Quibbletown helped.';
    const gone = (await library.add(input('Storm news', null, text))).entry;
    expect(gone.id).toBe(`n-${fingerprint(text)}`);
    const edits = {
      storyEdits: [{ op: 'retitle' as const, story: 0, title: 'Storms' }],
      reviewChoices: [{ name: 'quibbletown', verdict: { kind: 'place' as const, place: 'g-5074472' } }],
    };
    await library.putEdits(gone.id, edits);
    expect(await library.keptEdits(fingerprint(text))).toBeUndefined(); // it is in the library

    t.set(200);
    await library.remove(gone.id);
    // Another removal: the first can no longer be undone.
    const other = (await library.add(input('Other', null))).entry;
    await library.remove(other.id);
    expect(library.lastRemoved?.id).toBe(other.id);
    expect(await library.keptEdits(fingerprint(text))).toMatchObject(edits);
    // Crlf line ends: the same text, the same fingerprint.
    expect(await library.keptEdits(fingerprint(text.replace('\n', '\r\n')))).toMatchObject(edits);
    // Nothing kept of the other (it had no edits), of an unknown text, or of the bundled one.
    expect(await library.keptEdits(other.fingerprint)).toBeUndefined();
    expect(await library.keptEdits('0123abcd')).toBeUndefined();
    expect(await library.keptEdits(BUNDLED.fingerprint)).toBeUndefined();

    t.set(300);
    const again = await library.add(input('Storm news, again', null, text));
    expect(again).toMatchObject({ status: 'added', entry: { id: gone.id, title: 'Storm news, again' } });
    expect(await library.getEdits(gone.id)).toMatchObject({ ...edits, revision: 1 });
    expect(await library.keptEdits(fingerprint(text))).toBeUndefined();
  });

  it('finds kept edits under the id a newsletter file gives, unless another newsletter has that id', async () => {
    const library = await openTest(freshDb());
    const text = 'Exported\nA story from Oslo.';
    const print = fingerprint(text);
    const choices = [{ name: 'oslo', verdict: { kind: 'not-a-place' as const } }];
    await library.add({ ...input('Exported', null, text), id: 'n-exported' });
    await library.putEdits('n-exported', { storyEdits: [], reviewChoices: choices });
    await library.remove('n-exported');
    expect((await library.keptEdits(print, 'n-exported'))?.reviewChoices).toEqual(choices);
    // Without the file's id, `add` would use n-<fingerprint>: nothing kept there.
    expect(await library.keptEdits(print)).toBeUndefined();
    // Its id taken by another newsletter: `add` would not use it, so neither are its edits.
    await library.add({ ...input('Squatter', null), id: 'n-exported' });
    expect(await library.keptEdits(print, 'n-exported')).toBeUndefined();
  });

  it('keeps only the last removal for undo', async () => {
    const library = await openTest(freshDb());
    const a = (await library.add(input('A', null))).entry;
    const b = (await library.add(input('B', null))).entry;
    await library.remove(a.id);
    await library.remove(b.id);
    expect(await library.undoRemove()).toEqual(b);
    expect((await library.list()).map((e) => e.id)).toEqual([b.id]);
    await expect(library.remove('missing')).rejects.toThrow(
      'No newsletter "missing" in the library to remove.',
    );
  });
});

describe('two tabs on one library', () => {
  it('last write wins per item: an older write does not overwrite a newer one', async () => {
    const db = freshDb();
    const clockA = clock(2000);
    const clockB = clock(1000);
    const a = await openTest(db, { bundled: [BUNDLED], now: clockA.now });
    const b = await openTest(db, { bundled: [BUNDLED], now: clockB.now });

    expect(await a.putTour(BUNDLED.id, 'from A')).toMatchObject({ written: true });
    // B's write is stamped earlier than A's (made before it, arriving after): it loses.
    const late = await b.putTour(BUNDLED.id, 'from B');
    expect(late).toEqual({
      written: false,
      record: expect.objectContaining({ text: 'from A', updatedAt: 2000 }),
    });
    expect((await a.getTour(BUNDLED.id))?.text).toBe('from A');
    expect((await b.getTour(BUNDLED.id))?.text).toBe('from A');

    // A newer write from B wins.
    clockB.set(3000);
    expect(await b.putTour(BUNDLED.id, 'from B, later')).toMatchObject({ written: true });
    expect(await a.getTour(BUNDLED.id)).toMatchObject({ text: 'from B, later', revision: 2 });

    // Per item: A's setting is not held back by B's newer tour.
    expect((await a.putSetting('theme', 'high')).written).toBe(true);

    // A removal is a write too: an older write does not bring the item back.
    clockA.set(5000);
    await a.clearTour(BUNDLED.id);
    clockB.set(4000);
    expect(await b.putTour(BUNDLED.id, 'stale')).toEqual({ written: false, record: null });
    expect(await a.getTour(BUNDLED.id)).toBeUndefined();
  });

  it('tells the other tab of each change, and the other tab reads it', async () => {
    const db = freshDb();
    const a = await openTest(db, { bundled: [BUNDLED] });
    const b = await openTest(db, { bundled: [BUNDLED] });
    const heardByB: Change[] = [];
    const heardByA: Change[] = [];
    b.subscribe((c) => heardByB.push(c));
    a.subscribe((c) => heardByA.push(c));

    await a.putSetting('tour-contrast', 'high');
    const { entry } = await a.add(input('Shared', '2024-01-01'));
    await vi.waitFor(() => expect(heardByB).toHaveLength(2));
    expect(heardByB).toEqual([
      { kind: 'setting', key: 'tour-contrast', op: 'put', origin: 'remote' },
      { kind: 'newsletter', key: entry.id, op: 'put', origin: 'remote' },
    ]);
    expect(heardByA.map((c) => c.origin)).toEqual(['local', 'local']);
    expect(await b.getSetting('tour-contrast')).toBe('high');
    expect((await b.list()).map((e) => e.title)).toEqual(['Shared', BUNDLED.title]);

    await b.remove(entry.id);
    await vi.waitFor(() => expect(heardByA).toHaveLength(3));
    expect(heardByA[2]).toEqual({ kind: 'newsletter', key: entry.id, op: 'delete', origin: 'remote' });
    expect(await a.get(entry.id)).toBeUndefined();
  });

  it('a write refused as older is not announced', async () => {
    const db = freshDb();
    const a = await openTest(db, { now: () => 2000 });
    const b = await openTest(db, { now: () => 1000 });
    const heard: Change[] = [];
    b.subscribe((c) => heard.push(c));
    await a.putSetting('k', 1);
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    await b.putSetting('k', 2);
    await a.putSetting('other', 3);
    await vi.waitFor(() => expect(heard).toHaveLength(2));
    expect(heard.map((c) => `${c.key} ${c.origin}`)).toEqual(['k remote', 'other remote']);
  });
});

describe('storage refused or full', () => {
  it('falls back to memory when the browser gives no IndexedDB, and says so', async () => {
    const library = await openTest({ factory: null, name: 'no-idb' });
    expect(library.persistent).toBe(false);
    expect(library.reason).toMatch(/no IndexedDB .* in memory for this session only/);
    const { entry } = await library.add(input('In memory', null));
    expect((await library.get(entry.id))?.text).toBe('In memory\nA story.');
  });

  it('falls back to memory when opening is refused (private browsing)', async () => {
    const refusing = {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const library = await openTest({ factory: refusing, name: 'refused' });
    expect(library.persistent).toBe(false);
    expect(library.reason).toContain('The browser refused to open the library');
    expect(library.reason).toContain('SecurityError: The operation is insecure.');
    expect((await library.putSetting('a', 1)).written).toBe(true);
    expect(await library.getSetting('a')).toBe(1);
  });

  it('leaves a database made by a newer app alone and works in memory', async () => {
    const db = freshDb();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = db.factory.open(db.name, SCHEMA_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    newer.close();
    const library = await openTest(db);
    expect(library.persistent).toBe(false);
    expect(library.reason).toMatch(/saved by a newer version of the app/);
    expect(await library.list()).toEqual([]);
  });

  it('on QuotaExceededError: the write rejects clearly, the library moves to memory with its data and keeps the change', async () => {
    const db = freshDb();
    const library = await openTest(db, { bundled: [BUNDLED] });
    const saved = (await library.add(input('Saved before', '2020-01-01'))).entry;
    const changes: Change[] = [];
    library.subscribe((c) => changes.push(c));

    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      const write = library.putTour(saved.id, '{"big":true}');
      await expect(write).rejects.toThrow(StorageWriteError);
      await expect(write).rejects.toThrow(
        /The change was not saved: The browser's storage for this site is full/,
      );
      expect(library.persistent).toBe(false);
      expect(library.reason).toMatch(/full \(QuotaExceededError: The quota has been exceeded.\)/);
      expect(changes).toContainEqual({ kind: 'storage', key: '', op: 'put', origin: 'local' });
      expect(changes).toContainEqual({ kind: 'tour', key: saved.id, op: 'put', origin: 'local' });

      // Nothing dropped: the refused change and what was stored before are both in memory.
      expect((await library.getTour(saved.id))?.text).toBe('{"big":true}');
      expect((await library.get(saved.id))?.text).toBe('Saved before\nA story.');
      // And it keeps working.
      const later = await library.add(input('Added in memory', '2021-01-01'));
      expect(later.status).toBe('added');
      expect((await library.list()).map((e) => e.title)).toEqual([
        'Added in memory',
        BUNDLED.title,
        'Saved before',
      ]);
    } finally {
      put.mockRestore();
    }
    // What the browser kept is what it kept before the failure.
    const reopened = await openTest(db);
    expect(reopened.persistent).toBe(true);
    expect((await reopened.list()).map((e) => e.title)).toEqual(['Saved before']);
    expect(await reopened.getTour(saved.id)).toBeUndefined();
  });
});

describe('schema', () => {
  it('runs one upgrade per version, from the version the database is at', async () => {
    const db = freshDb();
    const v1 = vi.fn(UPGRADES[0]!);
    const v2 = vi.fn(UPGRADES[1]!);
    const first = await openTest(db, { upgrades: [v1, v2] });
    await first.putSetting('a', 'kept');
    first.close();
    expect(v1).toHaveBeenCalledTimes(1);
    expect(v2).toHaveBeenCalledTimes(1);

    const v3 = vi.fn((target: Parameters<(typeof UPGRADES)[0]>[0]) => {
      target.createObjectStore('later', { keyPath: 'key' });
    });
    const second = await openTest(db, { upgrades: [v1, v2, v3] });
    expect(v1).toHaveBeenCalledTimes(1);
    expect(v2).toHaveBeenCalledTimes(1);
    expect(v3).toHaveBeenCalledTimes(1);
    expect(second.persistent).toBe(true);
    expect(await second.getSetting('a')).toBe('kept');
    second.close();

    await openTest(db, { upgrades: [v1, v2, v3] });
    expect(v3).toHaveBeenCalledTimes(1);
  });

  it('a tab of an older version lets a newer one upgrade, and says it must reload', async () => {
    const db = freshDb();
    const older = await openTest(db, { upgrades: UPGRADES });
    await older.putSetting('a', 1);
    const newer = await openTest(db, { upgrades: [...UPGRADES, () => undefined] });
    expect(newer.persistent).toBe(true);
    expect(await newer.getSetting('a')).toBe(1);
    await vi.waitFor(() => expect(older.persistent).toBe(false));
    expect(older.reason).toMatch(/another tab opened the library with a newer version of the app; reload/);
    // The older tab keeps what it had, in memory; the newer tab's library is untouched by it.
    expect(await older.getSetting('a')).toBe(1);
    await expect(older.putSetting('a', 2)).resolves.toMatchObject({ written: true });
    expect(await newer.getSetting('a')).toBe(1);
  });

  it('does not wait for ever on a tab that blocks the upgrade: it works in memory and says why', async () => {
    const db = freshDb();
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = db.factory.open(db.name, SCHEMA_VERSION);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const library = await openTest(db, { upgrades: [...UPGRADES, () => undefined] });
      expect(library.persistent).toBe(false);
      expect(library.reason).toMatch(
        new RegExp(
          `^The library could not be opened: another tab keeps version ${SCHEMA_VERSION} of the library open, so version ${SCHEMA_VERSION + 1} cannot be set up; close the other tabs`,
        ),
      );
    } finally {
      holder.close();
    }
  });

  it('sets aside a record that does not match the schema, reports it, and never throws it at the page', async () => {
    const db = freshDb();
    const t = clock(Date.UTC(2026, 0, 2));
    const library = await openTest(db, { bundled: [BUNDLED], now: t.now });
    const good = (await library.add(input('Good', '2020-01-01'))).entry;
    const bad = { id: 'broken', date: 5, addedAt: 1, source: null };
    await writeRaw(db, 'newsletters', bad);
    await writeRaw(db, 'tours', { newsletter: BUNDLED.id, text: 42, updatedAt: 1, revision: 1 });

    expect((await library.list()).map((e) => e.id)).toEqual([BUNDLED.id, good.id]);
    expect(await library.getTour(BUNDLED.id)).toBeUndefined();

    const quarantined = await library.quarantined();
    expect(quarantined).toEqual([
      {
        key: 'newsletters:broken:2026-01-02T00:00:00.000Z',
        store: 'newsletters',
        itemKey: 'broken',
        value: bad,
        reason: '"title" is not text',
        at: t.now(),
      },
      expect.objectContaining({
        key: `tours:${BUNDLED.id}:2026-01-02T00:00:00.000Z`,
        itemKey: BUNDLED.id,
        reason: '"text" is not text',
      }),
    ]);
    expect(library.problems).toEqual([
      'A newsletters record ("broken") could not be read ("title" is not text); it was set aside under "newsletters:broken:2026-01-02T00:00:00.000Z".',
      `A tours record ("${BUNDLED.id}") could not be read ("text" is not text); it was set aside under "tours:${BUNDLED.id}:2026-01-02T00:00:00.000Z".`,
    ]);
    // Out of the way: the item can be written again, and the broken one is not read again.
    expect((await readRaw(db, 'newsletters')).map((r) => (r as { id: string }).id)).toEqual([good.id]);
    expect((await library.putTour(BUNDLED.id, '{}')).written).toBe(true);
    expect(await library.list()).toHaveLength(2);
    expect(library.problems).toHaveLength(2);
  });

  it('sets aside a newsletter whose text is missing', async () => {
    const db = freshDb();
    const library = await openTest(db);
    const { entry } = await library.add(input('Half', null));
    const [meta] = await readRaw(db, 'newsletters');
    await writeRaw(db, 'newsletters', { ...(meta as object), id: 'no-text' });
    expect(await library.get('no-text')).toBeUndefined();
    expect((await library.quarantined()).map((q) => [q.store, q.itemKey, q.reason])).toEqual([
      ['newsletters', 'no-text', 'its title and date are kept but its text is missing'],
    ]);
    expect((await library.get(entry.id))?.text).toBe('Half\nA story.');
  });
});
