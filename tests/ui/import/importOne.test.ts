/**
 * One import (src/ui/import/importOne.ts) over the real library store (fake-indexeddb) and a
 * geoparse stand-in that answers as the worker does: a new text is added with its title and
 * date, the same text again is a duplicate, a format error is a refusal with its reason, and a
 * cancel or an empty text adds nothing.
 */
import { describe, expect, it } from 'vitest';
import { loadData } from '../../../src/core';
import { readDataFiles } from '../../../src/cli/data';
import { exportNewsletter } from '../../../src/library/exchange';
import { dateIn, importOne, MAX_TITLE, titleOf } from '../../../src/ui/import/importOne';
import { resultOfAtlas } from '../../../src/worker/atlas';
import type { GeoparseOutcome, GeoparseResult } from '../../../src/worker/protocol';
import type { Geoparse } from '../../../src/ui/library/types';
import { freshDb, openTest } from '../../library/store/helpers';

const data = loadData(readDataFiles());

/** Answers as the worker does for a text: the curated finder's atlas as a result. */
const geoparse: Geoparse = async (input) => {
  if (!('text' in input))
    return { status: 'error', kind: 'format', message: `${input.name}: is a PNG image` };
  const result = resultOfAtlas(data.geoparse(input.text), { name: input.name, format: 'text' });
  return { status: 'done', result } satisfies GeoparseOutcome;
};

const TEXT = 'Spring letter, 14 March 2021\n\nFriends in Vienna wrote to Moscow.\n';

describe('importOne', () => {
  it('adds a new text with its first line as title and the date it gives, then finds it again as a duplicate', async () => {
    const store = await openTest(freshDb());
    const first = await importOne({ name: 'spring.txt', text: TEXT }, { geoparse, store });
    expect(first.status).toBe('added');
    if (first.status !== 'added') return;
    expect(first.entry).toMatchObject({
      title: 'Spring letter, 14 March 2021',
      date: '2021-03-14',
      bundled: false,
    });
    expect(first.entry.source).toEqual({ name: 'spring.txt', format: 'text' });
    expect(first.result.mentions.map((m) => m.text)).toEqual(['Vienna', 'Moscow']);

    const again = await importOne(
      { name: 'copy.txt', text: TEXT.replaceAll('\n', '\r\n') },
      { geoparse, store },
    );
    expect(again.status).toBe('duplicate');
    if (again.status !== 'duplicate') return;
    expect(again.entry.id).toBe(first.entry.id);
    expect((await store.list()).filter((e) => !e.bundled)).toHaveLength(1);
  });

  it('files the text by the fingerprint the worker gives, and refuses a malformed one', async () => {
    const store = await openTest(freshDb());
    const given: Geoparse = async (input) => {
      const outcome = await geoparse(input);
      return outcome.status === 'done'
        ? { status: 'done', result: { ...outcome.result, fingerprint: 'abcdef01' } }
        : outcome;
    };
    const added = await importOne({ name: 'a.txt', text: TEXT }, { geoparse: given, store });
    expect(added.status === 'added' && added.entry.fingerprint).toBe('abcdef01');
    const bad: Geoparse = async (input) => {
      const outcome = await geoparse(input);
      return outcome.status === 'done'
        ? { status: 'done', result: { ...outcome.result, fingerprint: 'x' } }
        : outcome;
    };
    const refused = await importOne(
      { name: 'b.txt', text: 'Other text from Oslo.' },
      { geoparse: bad, store },
    );
    expect(refused.status).toBe('failed');
    expect(refused.status === 'failed' && refused.message).toMatch(/fingerprint is not 8 hex digits/);
  });

  it('refuses what the worker cannot read, with its reason, and adds nothing', async () => {
    const store = await openTest(freshDb());
    const outcome = await importOne(
      { name: 'photo.png', bytes: new Uint8Array([0x89, 0x50]) },
      { geoparse, store },
    );
    expect(outcome).toEqual({ status: 'refused', message: 'photo.png: is a PNG image' });
    expect(await store.list()).toEqual([]);
  });

  it('hands a picked file to the worker unread, and reads a newsletter file (.json) itself', async () => {
    const store = await openTest(freshDb());
    const seen: unknown[] = [];
    const watching: Geoparse = async (input, options) => {
      seen.push(input);
      return geoparse(input, options);
    };
    const picked = new Blob([new Uint8Array([0x89, 0x50])]);
    const refused = await importOne({ name: 'photo.png', file: picked }, { geoparse: watching, store });
    expect(refused).toEqual({ status: 'refused', message: 'photo.png: is a PNG image' });
    expect(seen).toEqual([{ name: 'photo.png', file: picked }]);

    const exported = exportNewsletter({
      meta: {
        id: 'n-exported',
        title: 'Exported',
        date: '2021-03-14',
        source: { name: 'e.txt', format: 'text' },
      },
      text: TEXT,
      edits: { storyEdits: [{ op: 'retitle', story: 0, title: 'Kept' }], reviewChoices: [] },
    });
    const file = new Blob([exported], { type: 'application/json' });
    const added = await importOne({ name: 'exported.json', file }, { geoparse: watching, store });
    expect(added).toMatchObject({ status: 'added', entry: { id: 'n-exported', title: 'Exported' } });
    expect(seen.at(-1)).toEqual({ name: 'e.txt', text: TEXT });
    expect((await store.getEdits('n-exported'))?.storyEdits).toEqual([
      { op: 'retitle', story: 0, title: 'Kept' },
    ]);

    const gone = new Blob(['{}']);
    gone.arrayBuffer = () =>
      Promise.reject(new DOMException('The file was changed on the disk.', 'NotReadableError'));
    expect(await importOne({ name: 'moved.json', file: gone }, { geoparse: watching, store })).toEqual({
      status: 'refused',
      message:
        'moved.json: could not be read (The file was changed on the disk.); pick the file again. Nothing was imported.',
    });
    expect(seen).toHaveLength(2);
  });

  it('adds nothing for a text with no words, nor once cancelled', async () => {
    const store = await openTest(freshDb());
    const empty = await importOne({ name: 'blank.txt', text: ' \n\n ' }, { geoparse, store });
    expect(empty.status).toBe('refused');
    const abort = new AbortController();
    abort.abort();
    const cancelled = await importOne(
      { name: 'late.txt', text: TEXT },
      { geoparse, store, signal: abort.signal },
    );
    expect(cancelled).toEqual({ status: 'cancelled' });
    expect(await store.list()).toEqual([]);
  });
});

describe('importing again a newsletter removed before', () => {
  const CHOICES = [
    { name: 'vienna', verdict: { kind: 'not-a-place' as const } },
    { name: 'moscow', verdict: { kind: 'place' as const, place: 'g-elsewhere' } },
  ];

  /** Answers as the worker does for a text or a picked file, and notes what each request carried. */
  function worker() {
    const seen: { input: string; choices: unknown }[] = [];
    const run: Geoparse = async (input, options) => {
      seen.push({
        input: 'text' in input ? 'text' : 'file' in input ? 'file' : 'bytes',
        choices: options?.choices,
      });
      const text = 'text' in input ? input.text : 'file' in input ? await input.file.text() : '';
      const outcome = await geoparse({ name: input.name, text });
      if (outcome.status !== 'done') return outcome;
      // The worker sends back the places the choices name.
      const chosen = (options?.choices ?? []).flatMap((c) =>
        c.verdict.kind === 'place' ? [{ id: c.verdict.place }] : [],
      );
      const format = 'file' in input && /\.html$/.test(input.name) ? ('html' as const) : ('text' as const);
      return {
        status: 'done',
        result: {
          ...outcome.result,
          format,
          review: { ...outcome.result.review, chosen: chosen as never },
        },
      };
    };
    return { run, seen };
  }

  async function removedWithChoices(text: string) {
    const store = await openTest(freshDb());
    const first = await importOne({ name: 'spring.txt', text }, { geoparse, store });
    if (first.status !== 'added') throw new Error(first.status);
    await store.putEdits(first.entry.id, { storyEdits: [], reviewChoices: CHOICES });
    await store.remove(first.entry.id);
    return { store, id: first.entry.id };
  }

  it('a pasted text goes to the worker with the review choices kept of it, at once', async () => {
    const { store, id } = await removedWithChoices(TEXT);
    const { run, seen } = worker();
    const again = await importOne({ name: '', text: TEXT }, { geoparse: run, store });
    expect(again).toMatchObject({ status: 'added', entry: { id } });
    expect(seen).toEqual([{ input: 'text', choices: CHOICES }]);
    expect(again.status === 'added' && again.result.review.chosen).toEqual([{ id: 'g-elsewhere' }]);
    expect((await store.getEdits(id))?.reviewChoices).toEqual(CHOICES);
  });

  it('a picked file, read by the worker, is geoparsed again with them, its format kept', async () => {
    const { store, id } = await removedWithChoices(TEXT);
    const { run, seen } = worker();
    const file = new Blob([TEXT], { type: 'text/html' });
    const again = await importOne({ name: 'spring.html', file }, { geoparse: run, store });
    expect(again).toMatchObject({ status: 'added', entry: { id, source: { format: 'html' } } });
    expect(seen).toEqual([
      { input: 'file', choices: undefined },
      { input: 'text', choices: CHOICES },
    ]);
    expect(again.status === 'added' && again.result.review.chosen).toEqual([{ id: 'g-elsewhere' }]);
    expect(again.status === 'added' && again.result.format).toBe('html');
  });

  it('a text with nothing kept is geoparsed once, without choices; a cancel of the second adds nothing', async () => {
    const store = await openTest(freshDb());
    const { run, seen } = worker();
    await importOne({ name: 'a.txt', file: new Blob([TEXT]) }, { geoparse: run, store });
    expect(seen).toEqual([{ input: 'file', choices: undefined }]);

    const removed = await removedWithChoices('Letters from Oslo\n\nStudents in Oslo wrote to Bergen.\n');
    const abort = new AbortController();
    const cancelling: Geoparse = async (input, options) => {
      const outcome = await run(input, options);
      if (options?.choices) {
        abort.abort();
        return { status: 'cancelled' };
      }
      return outcome;
    };
    const file = new Blob(['Letters from Oslo\n\nStudents in Oslo wrote to Bergen.\n']);
    const outcome = await importOne(
      { name: 'oslo.txt', file },
      { geoparse: cancelling, store: removed.store, signal: abort.signal },
    );
    expect(outcome).toEqual({ status: 'cancelled' });
    expect((await removed.store.list()).filter((e) => !e.bundled)).toEqual([]);
  });

  it('a newsletter file of it goes with the choices kept here, which win over the file’s', async () => {
    const { store, id } = await removedWithChoices(TEXT);
    const { run, seen } = worker();
    const exported = exportNewsletter({
      meta: { id, title: 'Spring', date: null, source: { name: 'spring.txt', format: 'text' } },
      text: TEXT,
      edits: {
        storyEdits: [],
        reviewChoices: [{ name: 'vienna', verdict: { kind: 'place', place: 'g-1' } }],
      },
    });
    const again = await importOne(
      { name: 'spring.json', file: new Blob([exported]) },
      { geoparse: run, store },
    );
    expect(again).toMatchObject({ status: 'added', entry: { id } });
    expect(seen).toEqual([{ input: 'text', choices: CHOICES }]);
    expect((await store.getEdits(id))?.reviewChoices).toEqual(CHOICES);
  });
});

describe('titleOf and dateIn', () => {
  const result = (text: string): GeoparseResult => ({
    name: '',
    format: 'text',
    text,
    newsletter: null,
    stories: [],
    mentions: [],
    places: [],
    unsearched: [],
    furniture: [],
    review: { unmatched: [], candidates: {}, chosen: [] },
  });

  it('takes the first line, cut at a word with an ellipsis when long, else the file name', () => {
    expect(titleOf(result('\n\n  Harbour notes  \nbody'), 'x.txt')).toBe('Harbour notes');
    expect(titleOf(result('## Harbour notes\nbody'), 'x.md')).toBe('Harbour notes');
    const long = titleOf(result(`${'word '.repeat(60)}\n`), 'x.txt');
    expect(long.length).toBeLessThanOrEqual(MAX_TITLE + 1);
    expect(long.endsWith('word…')).toBe(true);
    expect(titleOf(result('   '), 'x.txt')).toBe('x.txt');
    expect(titleOf(result(''), '')).toBe('Pasted text');
  });

  it('reads the first date near the top as ISO 8601, a month alone as YYYY-MM', () => {
    expect(dateIn('Issue of June 2020\nMore text')).toBe('2020-06');
    expect(dateIn('Posted 2021-03-04, updated March 9, 2021')).toBe('2021-03-04');
    expect(dateIn('Updated March 9, 2021')).toBe('2021-03-09');
    expect(dateIn('On 9 March 2021 the council met')).toBe('2021-03-09');
    expect(dateIn('No date here, only May the fourth')).toBeNull();
    expect(dateIn(`${'x'.repeat(3000)} June 2020`)).toBeNull();
  });
});
