/**
 * The geoparse worker's message handling (src/worker/service.ts) in Node, with the real curated
 * data and the real compiled gazetteer (data/compiled/places.bin, built before the tests).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/core/formats';
import { readBroadData } from '../../src/cli/broad';
import { readDataFiles } from '../../src/cli/data';
import { atlasFromResult } from '../../src/worker/client';
import { fingerprint, loadData, type Mention } from '../../src/core';
import {
  addPart,
  decodeMentions,
  emptyParts,
  PART_SIZE,
  TEXT_PART,
  type EncodedMentions,
  type Reply,
  type Request,
} from '../../src/worker/protocol';
import { createGeoparseService, type ServiceOptions } from '../../src/worker/service';
import { ARTICLE } from './article';

const GAZETTEER = new URL('../../data/compiled/places.bin', import.meta.url).pathname;
const data = readDataFiles();
const bytes = new Uint8Array(readFileSync(GAZETTEER));
const reference = loadData(data, readBroadData());

/** A service whose replies are collected; the gazetteer arrives in 1 MB chunks, told by `onBytes`. */
function harness(overrides: Partial<ServiceOptions> = {}) {
  const replies: Reply[] = [];
  let loads = 0;
  const service = createGeoparseService({
    data: () => data,
    gazetteer: async (onBytes) => {
      loads++;
      for (let at = 1 << 20; at < bytes.length; at += 1 << 20) onBytes(at, bytes.length);
      onBytes(bytes.length, bytes.length);
      return bytes;
    },
    post: (r) => replies.push(r),
    ...overrides,
  });
  return { service, replies, loads: () => loads };
}

const ask = (id: number, input: Extract<Request, { type: 'geoparse' }>['input']): Request => ({
  type: 'geoparse',
  id,
  input,
});

/** A request's last replies: done (with its result put together from its parts), cancelled or error. */
const final = (replies: Reply[], id: number, input?: string): Reply[] => {
  const parts = emptyParts();
  const text: string[] = [];
  let encoded: EncodedMentions | null = null;
  const out: Reply[] = [];
  for (const r of replies) {
    if (r.id !== id || r.type === 'progress') continue;
    if (r.type === 'part') addPart(parts, r.key, r.items);
    else if (r.type === 'text') text.push(r.chunk);
    else if (r.type === 'mentions') encoded = r.mentions;
    else if (r.type !== 'done') out.push(r);
    else {
      const all = input ?? text.join('');
      const mentions: Mention[] = [];
      if (encoded) decodeMentions(encoded, all, 0, encoded.count, mentions);
      out.push({ ...r, result: { ...r.result, ...parts, text: all, mentions } });
    }
  }
  return out;
};
const stages = (replies: Reply[], id: number) =>
  replies.flatMap((r) => (r.id === id && r.type === 'progress' ? [r.progress.stage] : []));

describe('the geoparse worker service', () => {
  it('finds the same stories, mentions and places as loadData with the broad gazetteer', async () => {
    const { service, replies } = harness();
    await service.handle(ask(1, { name: 'article.txt', text: ARTICLE }));
    const [reply] = final(replies, 1, ARTICLE);
    if (reply?.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(reply)}`);
    const expected = reference.geoparse(ARTICLE);
    expect(reply.result.mentions).toEqual(expected.mentions);
    expect(reply.result.mentions.some((m) => m.source === 'geonames')).toBe(true);
    expect(reply.result.stories).toEqual(expected.stories);
    expect(reply.result.places).toEqual(expected.places);
    expect(reply.result.unsearched).toEqual(expected.unsearched);
    expect(reply.result).toMatchObject({
      name: 'article.txt',
      format: 'text',
      text: ARTICLE,
      newsletter: null,
    });
    // The library files it by this, worked out here so the page need not read the text again.
    expect(reply.result.fingerprint).toBe(fingerprint(ARTICLE));
    // Plain data: it survives structured cloning unchanged (as postMessage sends it).
    expect(structuredClone(reply.result)).toEqual(reply.result);
    // The app's Atlas rebuilt from it, with the page's curated gazetteer, is the one loadData gives.
    const atlas = atlasFromResult(reply.result, reference);
    expect({ ...atlas, gazetteer: null }).toEqual({ ...expected, gazetteer: null });
    const ids = (g: typeof atlas.gazetteer) => g.places.map((p) => p.id).sort();
    expect(ids(atlas.gazetteer)).toEqual(ids(expected.gazetteer));
    for (const m of atlas.mentions)
      expect(atlas.gazetteer.byId.get(m.placeId)).toEqual(expected.gazetteer.byId.get(m.placeId));
  });

  it('sends a long result in pieces ahead of its end: list slices, mentions as columns, no text the page has', async () => {
    const { service, replies } = harness();
    const long = Array.from({ length: 420 }, () => ARTICLE).join('\n\n');
    await service.handle(ask(1, { name: 'long.txt', text: long }));
    const expected = reference.geoparse(long);
    const mine = replies.filter((r) => r.id === 1 && r.type !== 'progress');
    expect(mine.filter((r) => r.type === 'text')).toEqual([]);
    const columns = mine.find((r) => r.type === 'mentions');
    expect(columns?.type === 'mentions' && columns.mentions.start).toBeInstanceOf(Int32Array);
    expect(mine.at(-1)).toMatchObject({ type: 'done', result: { mentions: [], stories: [], text: '' } });
    const [done] = final(replies, 1, long);
    expect(done).toMatchObject({ type: 'done' });
    expect((done as Extract<Reply, { type: 'done' }>).result.mentions).toEqual(expected.mentions);
    expect((done as Extract<Reply, { type: 'done' }>).result.stories).toEqual(expected.stories);
    expect((done as Extract<Reply, { type: 'done' }>).result.places).toEqual(expected.places);
  });

  it('sends the text it read from bytes back in slices, and the long lists in slices', async () => {
    const { service, replies } = harness();
    const long = Array.from({ length: 2000 }, () => ARTICLE).join('\n\n');
    await service.handle(ask(1, { name: 'long.md', bytes: new TextEncoder().encode(long) }));
    const chunks = replies.flatMap((r) => (r.id === 1 && r.type === 'text' ? [r.chunk] : []));
    expect(chunks.length).toBe(Math.ceil(long.length / TEXT_PART));
    expect(chunks.join('')).toBe(long);
    const stories = replies.flatMap((r) =>
      r.id === 1 && r.type === 'part' && r.key === 'stories' ? [r.items.length] : [],
    );
    expect(stories.reduce((a, b) => a + b, 0)).toBeGreaterThan(2 * PART_SIZE);
    expect(Math.max(...stories)).toBe(PART_SIZE);
    const [done] = final(replies, 1);
    expect((done as Extract<Reply, { type: 'done' }>).result.text).toBe(long);
  });

  it('reads .html bytes to their visible text first', async () => {
    const { service, replies } = harness();
    const html = `<html><body><script>alert(1)</script><h1>A festival returns</h1><p>${ARTICLE.split('\n')[5]}</p></body></html>`;
    await service.handle(ask(1, { name: 'page.html', bytes: new TextEncoder().encode(html) }));
    const [reply] = final(replies, 1);
    if (reply?.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(reply)}`);
    const text = htmlToText(html);
    expect(reply.result).toMatchObject({ format: 'html', text });
    expect(reply.result.text).not.toContain('alert');
    expect(reply.result.mentions).toEqual(reference.geoparse(text).mentions);
  });

  it('reads a File (a Blob) itself, as it reads the same bytes, and sends its text back', async () => {
    const { service, replies } = harness();
    const html = `<html><body><h1>A festival returns</h1><p>${ARTICLE.split('\n')[5]}</p></body></html>`;
    const encoded = new TextEncoder().encode(html);
    await service.handle(ask(1, { name: 'page.html', bytes: encoded }));
    await service.handle(ask(2, { name: 'page.html', file: new Blob([encoded], { type: 'text/html' }) }));
    const [fromBytes] = final(replies, 1);
    const [fromFile] = final(replies, 2);
    if (fromFile?.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(fromFile)}`);
    expect(fromFile.result.text).toBe(htmlToText(html));
    expect(replies.some((r) => r.id === 2 && r.type === 'text')).toBe(true);
    expect({ ...fromFile, id: 1 }).toEqual(fromBytes);
  });

  it('says a File that cannot be read could not be read, naming it, and what to do', async () => {
    const { service, replies } = harness();
    const gone = new Blob(['x']);
    gone.arrayBuffer = () =>
      Promise.reject(new DOMException('The file was changed on the disk.', 'NotReadableError'));
    await service.handle(ask(1, { name: 'moved.txt', file: gone }));
    expect(final(replies, 1)).toEqual([
      {
        type: 'error',
        id: 1,
        kind: 'format',
        message: 'moved.txt: could not be read (The file was changed on the disk.); pick the file again',
      },
    ]);
  });

  it('tells the gazetteer download, then each stage, in order; a warm worker loads it once', async () => {
    const { service, replies, loads } = harness();
    await service.handle(ask(1, { name: 'a.txt', text: ARTICLE }));
    await service.handle(ask(2, { name: 'b.txt', text: ARTICLE }));
    const first = stages(replies, 1);
    expect([...new Set(first)]).toEqual(['gazetteer', 'opening', 'reading', 'geoparsing']);
    const received = replies.flatMap((r) =>
      r.id === 1 && r.type === 'progress' && r.progress.stage === 'gazetteer' ? [r.progress.received] : [],
    );
    expect(received[0]).toBe(0);
    expect(received.at(-1)).toBe(bytes.length);
    expect(received).toEqual([...received].sort((a, b) => a! - b!));
    expect(stages(replies, 2)).toEqual(['reading', 'geoparsing']);
    expect(loads()).toBe(1);
    // Each request's last reply is its result.
    expect(replies.filter((r) => r.id === 1).at(-1)?.type).toBe('done');
  });

  it('answers a request cancelled while the gazetteer loads as cancelled, and still serves the next', async () => {
    let release = () => {};
    const gate = new Promise<void>((ok) => (release = ok));
    const { service, replies } = harness({
      gazetteer: async () => {
        await gate;
        return bytes;
      },
    });
    const running = service.handle(ask(1, { name: 'a.txt', text: ARTICLE }));
    await service.handle({ type: 'cancel', id: 1 });
    release();
    await running;
    expect(final(replies, 1)).toEqual([{ type: 'cancelled', id: 1 }]);
    expect(stages(replies, 1)).not.toContain('geoparsing');
    await service.handle(ask(2, { name: 'b.txt', text: ARTICLE }));
    expect(final(replies, 2).map((r) => r.type)).toEqual(['done']);
  });

  it('reads a Cancel that comes in as a message of its own between stages, also once the gazetteer is loaded', async () => {
    const { service, replies } = harness();
    await service.handle(ask(1, { name: 'a.txt', text: ARTICLE })); // warm: the gazetteer is loaded
    const running = service.handle(ask(2, { name: 'b.txt', text: ARTICLE }));
    // As a worker gets it: a message event of its own, after the request's synchronous start.
    setTimeout(() => void service.handle({ type: 'cancel', id: 2 }), 0);
    await running;
    expect(final(replies, 2)).toEqual([{ type: 'cancelled', id: 2 }]);
  });

  it('refuses a binary file with a message naming it and the accepted formats', async () => {
    const { service, replies } = harness();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await service.handle(ask(1, { name: 'photo.txt', bytes: png }));
    const [reply] = final(replies, 1);
    expect(reply).toMatchObject({ type: 'error', kind: 'format' });
    const message = (reply as Extract<Reply, { type: 'error' }>).message;
    expect(message).toMatch(/^photo\.txt: /);
    expect(message).toContain('accepted: UTF-8 text');
    expect(message).not.toContain('\n');
  });

  it('says what to do when the gazetteer cannot be had, and tries again on the next request', async () => {
    let attempt = 0;
    const { service, replies } = harness({
      source: 'places.bin',
      gazetteer: async () => {
        attempt++;
        if (attempt === 1) throw new TypeError('Failed to fetch');
        if (attempt === 2) return new Uint8Array(64);
        return bytes;
      },
    });
    await service.handle(ask(1, { name: 'a.txt', text: ARTICLE }));
    await service.handle(ask(2, { name: 'a.txt', text: ARTICLE }));
    await service.handle(ask(3, { name: 'a.txt', text: ARTICLE }));
    const [one] = final(replies, 1);
    const [two] = final(replies, 2);
    expect(one).toMatchObject({ type: 'error', kind: 'gazetteer' });
    expect((one as { message: string }).message).toMatch(
      /^places\.bin could not be loaded \(Failed to fetch\).*try again$/,
    );
    expect(two).toMatchObject({ type: 'error', kind: 'gazetteer' });
    expect((two as { message: string }).message).toMatch(
      /^places\.bin is not a gazetteer.*npm run gazetteer/,
    );
    expect(final(replies, 3).map((r) => r.type)).toEqual(['done']);
  });
});
