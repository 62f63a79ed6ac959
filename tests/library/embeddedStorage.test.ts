/**
 * The offline copy's embedded storage (src/web/embeddedStorage.ts): what is collected, how it is
 * escaped inside the HTML, how a broken element is reported, and the seeding rule (a copy's
 * entries are written on its first opening only; later changes in the copy are kept).
 */
import { describe, expect, it, vi } from 'vitest';
import {
  collectEntries,
  EMBEDDED_ID,
  injectEmbedded,
  jsonForScript,
  makeEmbedded,
  parseEmbedded,
  SEEDED_KEY,
  seedFromDocument,
  seedStorage,
} from '../../src/library/embeddedStorage';
import { MemoryStorage } from './memoryStorage';

const storageWith = (entries: Record<string, string>) => {
  const storage = new MemoryStorage();
  for (const [key, value] of Object.entries(entries)) storage.setItem(key, value);
  return storage;
};

const PAGE =
  '<!doctype html><html><head><script type="module">let a = 1;</script></head><body><div id="root"></div></body></html>';
const TRICKY = 'a</script><script>alert(1)</script> <!-- --> & \u2028 "q"';

/** The JSON text of the embedded element in `html`. */
function embeddedText(html: string): string {
  const match = new RegExp(`<script type="application/json" id="${EMBEDDED_ID}">([^<]*)</script>`).exec(html);
  if (!match) throw new Error('no embedded storage element');
  return match[1]!;
}

describe('collectEntries', () => {
  it('takes the newsletter-atlas: entries, sorted by key, without the seeded-copies list', () => {
    const storage = storageWith({
      'newsletter-atlas:tour:b': '2',
      'other-app:x': 'no',
      'newsletter-atlas:tour-contrast': 'high',
      [SEEDED_KEY]: '["abc"]',
      'newsletter-atlas:tour:a': '1',
    });
    expect(Object.entries(collectEntries(storage))).toEqual([
      ['newsletter-atlas:tour-contrast', 'high'],
      ['newsletter-atlas:tour:a', '1'],
      ['newsletter-atlas:tour:b', '2'],
    ]);
  });
});

describe('makeEmbedded', () => {
  it('gives the same id to the same entries in any order, another id to other entries', () => {
    const a = makeEmbedded({ 'newsletter-atlas:x': '1', 'newsletter-atlas:y': '2' }, '2026-01-01T00:00:00Z');
    const b = makeEmbedded({ 'newsletter-atlas:y': '2', 'newsletter-atlas:x': '1' }, '2026-02-02T00:00:00Z');
    const c = makeEmbedded({ 'newsletter-atlas:x': '1', 'newsletter-atlas:y': '3' }, '2026-01-01T00:00:00Z');
    expect(a.id).toMatch(/^[0-9a-f]{8}$/);
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
  });
});

describe('jsonForScript and injectEmbedded', () => {
  it('escapes what could end or confuse a <script> element, and JSON.parse reads it back unchanged', () => {
    const text = jsonForScript({ v: TRICKY });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual({ v: TRICKY });
  });

  it('puts the element before </body> and replaces an earlier one instead of adding a second', () => {
    const first = makeEmbedded({ 'newsletter-atlas:notes': TRICKY }, '2026-01-01T00:00:00Z');
    const once = injectEmbedded(PAGE, first);
    expect(once.indexOf(`id="${EMBEDDED_ID}"`)).toBeGreaterThan(once.indexOf('<div id="root">'));
    expect(once.endsWith('</script>\n</body></html>')).toBe(true);
    expect(parseEmbedded(embeddedText(once))).toEqual(first);

    const second = makeEmbedded({ 'newsletter-atlas:notes': 'new' }, '2026-01-02T00:00:00Z');
    const twice = injectEmbedded(once, second);
    expect(twice.match(new RegExp(`id="${EMBEDDED_ID}"`, 'g'))).toHaveLength(1);
    expect(parseEmbedded(embeddedText(twice)).entries).toEqual({ 'newsletter-atlas:notes': 'new' });
    expect(twice.replace(/\s*<script type="application\/json"[^]*?<\/script>\n?/, '')).toBe(PAGE);
  });

  it('refuses a page without </body>', () => {
    expect(() => injectEmbedded('<p>not it</p>', makeEmbedded({}, ''))).toThrow(/has no <\/body>/);
  });
});

describe('parseEmbedded', () => {
  const valid = makeEmbedded({ 'newsletter-atlas:a': '1' }, '2026-01-01T00:00:00Z');
  it.each([
    ['{', /not valid JSON/],
    ['[]', /"format": "newsletter-atlas-storage"/],
    [JSON.stringify({ ...valid, version: 2 }), /unknown version 2/],
    [JSON.stringify({ ...valid, id: '' }), /"id" is missing/],
    [JSON.stringify({ ...valid, entries: [] }), /"entries" must be an object/],
    [
      JSON.stringify({ ...valid, entries: { 'someone-else': 'x' } }),
      /entry "someone-else" is not a newsletter-atlas:/,
    ],
    [JSON.stringify({ ...valid, entries: { [SEEDED_KEY]: '[]' } }), /is not a newsletter-atlas:/],
    [
      JSON.stringify({ ...valid, entries: { 'newsletter-atlas:a': 1 } }),
      /entry "newsletter-atlas:a" is not a string/,
    ],
  ])('rejects %s with a message saying what is wrong', (text, message) => {
    expect(() => parseEmbedded(text)).toThrow(message);
  });
});

describe('seedStorage: the copy wins on its first opening, local changes after that', () => {
  const copy = makeEmbedded(
    { 'newsletter-atlas:tour:n': '{"order":[2,1]}', 'newsletter-atlas:tour-contrast': 'high' },
    '2026-01-01T00:00:00Z',
  );

  it('writes every entry into empty storage and records the copy', () => {
    const storage = new MemoryStorage();
    const result = seedStorage(copy, storage);
    expect(result).toEqual({
      id: copy.id,
      written: ['newsletter-atlas:tour-contrast', 'newsletter-atlas:tour:n'],
      alreadySeeded: false,
    });
    expect(collectEntries(storage)).toEqual(copy.entries);
    expect(JSON.parse(storage.getItem(SEEDED_KEY)!)).toEqual([copy.id]);
  });

  it('on first opening replaces entries of the same key and leaves other entries alone', () => {
    const storage = storageWith({
      'newsletter-atlas:tour:n': '{"order":[1]}',
      'newsletter-atlas:other': 'kept',
    });
    seedStorage(copy, storage);
    expect(storage.getItem('newsletter-atlas:tour:n')).toBe('{"order":[2,1]}');
    expect(storage.getItem('newsletter-atlas:other')).toBe('kept');
  });

  it('on later openings of the same copy keeps the changes made since', () => {
    const storage = new MemoryStorage();
    seedStorage(copy, storage);
    storage.setItem('newsletter-atlas:tour:n', '{"order":[1,2],"notes":{"1":"edited"}}');
    storage.removeItem('newsletter-atlas:tour-contrast');
    const again = seedStorage(copy, storage);
    expect(again).toEqual({ id: copy.id, written: [], alreadySeeded: true });
    expect(storage.getItem('newsletter-atlas:tour:n')).toBe('{"order":[1,2],"notes":{"1":"edited"}}');
    expect(storage.getItem('newsletter-atlas:tour-contrast')).toBeNull();
  });

  it('a different copy opened for the first time brings its own entries in', () => {
    const storage = new MemoryStorage();
    seedStorage(copy, storage);
    const newer = makeEmbedded({ 'newsletter-atlas:tour:n': '{"order":[1]}' }, '2026-01-03T00:00:00Z');
    expect(seedStorage(newer, storage).written).toEqual(['newsletter-atlas:tour:n']);
    expect(storage.getItem('newsletter-atlas:tour:n')).toBe('{"order":[1]}');
    expect(JSON.parse(storage.getItem(SEEDED_KEY)!)).toEqual([copy.id, newer.id]);
  });

  it('treats an unreadable seeded-copies list as empty', () => {
    const storage = storageWith({ [SEEDED_KEY]: 'not json' });
    expect(seedStorage(copy, storage).alreadySeeded).toBe(false);
    expect(JSON.parse(storage.getItem(SEEDED_KEY)!)).toEqual([copy.id]);
  });
});

describe('seedFromDocument', () => {
  /** Just enough of a Document: the embedded element (or none) and the page's location. */
  const page = (text: string | null) =>
    ({
      getElementById: (id: string) => (id === EMBEDDED_ID && text !== null ? { textContent: text } : null),
      location: { pathname: '/usb/newsletter-atlas-offline.html' },
    }) as unknown as Document;

  it('does nothing on a page without embedded storage (the served app)', () => {
    const storage = storageWith({ 'newsletter-atlas:a': '1' });
    expect(seedFromDocument(page(null), storage)).toEqual({ id: null, written: [], alreadySeeded: false });
    expect(collectEntries(storage)).toEqual({ 'newsletter-atlas:a': '1' });
    expect(storage.getItem(SEEDED_KEY)).toBeNull();
  });

  it('seeds from the element', () => {
    const copy = makeEmbedded({ 'newsletter-atlas:a': TRICKY }, '2026-01-01T00:00:00Z');
    const storage = new MemoryStorage();
    expect(seedFromDocument(page(jsonForScript(copy)), storage).written).toEqual(['newsletter-atlas:a']);
    expect(storage.getItem('newsletter-atlas:a')).toBe(TRICKY);
  });

  it('reports a broken element on the console, naming the file and what to do, and writes nothing', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const storage = new MemoryStorage();
      expect(seedFromDocument(page('{"format": "newsletter-atlas-storage"'), storage).id).toBeNull();
      expect(storage.length).toBe(0);
      expect(error).toHaveBeenCalledOnce();
      expect(String(error.mock.calls[0]![0])).toMatch(
        /^newsletter-atlas-offline\.html: the saved choices in <script id="atlas-embedded-storage"> could not be read: not valid JSON .*make a new copy with "Download for offline"/,
      );
    } finally {
      error.mockRestore();
    }
  });
});
