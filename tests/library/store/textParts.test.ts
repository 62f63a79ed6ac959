/**
 * Long texts in the library's store kept in parts (schema version 2), over fake-indexeddb: no one
 * write copies more than a part, the text comes back whole, a text kept whole by version 1 is
 * read as before after the upgrade, removal and undo take the parts along, and a missing part
 * sets the newsletter aside instead of handing back a text with a hole in it.
 */
import 'fake-indexeddb/auto';
import { wrap } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { fingerprint } from '../../../src/core';
import { UPGRADES } from '../../../src/library/store';
import { partKey, TEXT_PART_LENGTH, type UpgradeTarget } from '../../../src/library/store/schema';
import { freshDb, input, openTest, readRaw, writeRaw } from './helpers';

/** A text of `length` characters, not all Latin-1 (stored two bytes a character), no two parts alike. */
function longText(length: number): string {
  const line = 'Mr Ivanov flew from Moscow to Wellington — «via Sydney» — on day ';
  const lines: string[] = ['A long newsletter'];
  let at = lines[0]!.length;
  for (let n = 0; at < length; n++) {
    const next = `${line}${n}.`;
    lines.push(next);
    at += next.length + 1;
  }
  return lines.join('\n').slice(0, length);
}

describe('long texts', () => {
  it('keeps a text longer than a part in parts, each its own write, and gives it back whole', async () => {
    const db = freshDb();
    const library = await openTest(db);
    const text = longText(Math.round(2.5 * TEXT_PART_LENGTH));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    let added;
    let values: unknown[];
    try {
      added = await library.add({ ...input('Long', '2021-01-01'), text });
    } finally {
      values = put.mock.calls.map(([value]) => value);
      put.mockRestore();
    }
    expect(added.status).toBe('added');
    const id = added.entry.id;
    // No write carried more than one part of the text.
    const longest = Math.max(
      ...values.map((value) => {
        const t = (value as { text?: unknown }).text;
        return typeof t === 'string' ? t.length : 0;
      }),
    );
    expect(longest).toBe(TEXT_PART_LENGTH);

    expect(await readRaw(db, 'texts')).toEqual([{ id, parts: 3, length: text.length }]);
    const parts = (await readRaw(db, 'textParts')) as { key: string; index: number; text: string }[];
    expect(parts.map((p) => [p.key, p.index, p.text.length])).toEqual([
      [partKey(id, 0), 0, TEXT_PART_LENGTH],
      [partKey(id, 1), 1, TEXT_PART_LENGTH],
      [partKey(id, 2), 2, text.length - 2 * TEXT_PART_LENGTH],
    ]);

    const got = await library.get(id);
    expect(got?.text).toBe(text);
    expect(got?.length).toBe(text.length);
    expect(got?.fingerprint).toBe(fingerprint(text));
    // Found again as the same text: not imported twice.
    expect((await library.add({ ...input('Long again', null), text })).status).toBe('duplicate');
  });

  it('keeps a text of one part or less whole, as version 1 did', async () => {
    const db = freshDb();
    const library = await openTest(db);
    const text = longText(TEXT_PART_LENGTH);
    const { entry } = await library.add({ ...input('Exactly one part', null), text });
    expect(await readRaw(db, 'texts')).toEqual([{ id: entry.id, text }]);
    expect(await readRaw(db, 'textParts')).toEqual([]);
    expect((await library.get(entry.id))?.text).toBe(text);
  });

  it('reads a newsletter kept by version 1 after the upgrade, and keeps new long ones in parts beside it', async () => {
    const db = freshDb();
    const old = 'Kept by version 1\nA story about Wellington.';
    const request = db.factory.open(db.name, 1);
    request.onupgradeneeded = () => UPGRADES[0]!(request.result as unknown as UpgradeTarget);
    const v1 = (await wrap(request))!;
    await v1.put('newsletters', {
      id: 'n-old',
      title: 'Kept by version 1',
      date: '2020-05',
      addedAt: 5,
      source: { name: 'old.txt', format: 'text' },
      fingerprint: fingerprint(old),
      length: old.length,
      updatedAt: 5,
      revision: 1,
    });
    await v1.put('texts', { id: 'n-old', text: old });
    v1.close();

    const library = await openTest(db);
    expect(library.persistent).toBe(true);
    expect((await library.get('n-old'))?.text).toBe(old);
    const text = longText(TEXT_PART_LENGTH + 10);
    const { entry } = await library.add({ ...input('New and long', null), text });
    expect((await library.get(entry.id))?.text).toBe(text);
    expect((await library.list()).map((e) => e.id).sort()).toEqual([entry.id, 'n-old'].sort());
  });

  it('takes the parts along on removal and brings them back on undo', async () => {
    const db = freshDb();
    const library = await openTest(db);
    const text = longText(2 * TEXT_PART_LENGTH + 1);
    const { entry } = await library.add({ ...input('Removed', null), text });
    await library.remove(entry.id);
    expect(await readRaw(db, 'texts')).toEqual([]);
    expect(await readRaw(db, 'textParts')).toEqual([]);
    expect(await library.get(entry.id)).toBeUndefined();

    await library.undoRemove();
    expect(await readRaw(db, 'textParts')).toHaveLength(3);
    expect((await library.get(entry.id))?.text).toBe(text);
  });

  it('sets a newsletter aside when a part of its text is missing or does not add up', async () => {
    const db = freshDb();
    const library = await openTest(db);
    const text = longText(2 * TEXT_PART_LENGTH + 5);
    const a = (await library.add({ ...input('Missing a part', null), text })).entry.id;
    const b = (await library.add({ ...input('Short a part', null), text: `${text}!` })).entry.id;

    const idb = (await wrap(db.factory.open(db.name)))!;
    await idb.delete('textParts', partKey(a, 1));
    idb.close();
    const [first] = (await readRaw(db, 'textParts')).filter((p) => (p as { id: string }).id === b);
    await writeRaw(db, 'textParts', { ...(first as object), text: 'cut' });

    expect(await library.get(a)).toBeUndefined();
    expect(await library.get(b)).toBeUndefined();
    const reasons = (await library.quarantined()).map((q) => [q.store, q.itemKey, q.reason]);
    expect(reasons).toContainEqual(['texts', a, 'part 2 of its 3 text parts is missing']);
    expect(reasons).toContainEqual([
      'texts',
      b,
      // Its parts: "cut" in place of the first, the second whole, the last 6 characters.
      `its text parts add up to ${3 + TEXT_PART_LENGTH + 6} characters, not ${text.length + 1}`,
    ]);
    expect(reasons).toContainEqual(['textParts', partKey(b, 0), expect.stringContaining('add up')]);
    expect(library.problems.join('\n')).toContain(`("${a}") could not be read (part 2 of its 3 text parts`);
    // Nothing left behind under their ids: the parts went aside with them.
    expect((await readRaw(db, 'textParts')).map((p) => (p as { id: string }).id)).toEqual([]);
  });

  it('sets aside a head whose count of parts does not match its length', async () => {
    const db = freshDb();
    const library = await openTest(db);
    const text = longText(2 * TEXT_PART_LENGTH + 5);
    const { entry } = await library.add({ ...input('Miscounted', null), text });
    await writeRaw(db, 'texts', { id: entry.id, parts: 2, length: text.length });
    expect(await library.get(entry.id)).toBeUndefined();
    expect((await library.quarantined()).map((q) => [q.store, q.itemKey, q.reason])).toContainEqual([
      'texts',
      entry.id,
      `"parts" is not the number of parts of ${TEXT_PART_LENGTH} characters its length makes`,
    ]);
  });

  it('keeps long texts in parts in memory too (storage refused)', async () => {
    const library = await openTest({ factory: null, name: 'memory-long' });
    expect(library.persistent).toBe(false);
    const text = longText(3 * TEXT_PART_LENGTH + 7);
    const { entry } = await library.add({ ...input('In memory', null), text });
    expect((await library.get(entry.id))?.text).toBe(text);
  });
});
