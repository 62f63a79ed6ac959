/**
 * The geoparse worker's review data and gazetteer search (src/worker/service.ts, client.ts) in
 * Node, with the real curated data and the real compiled gazetteer: the service directly, and
 * the client over a stand-in Worker that runs the service in-process.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { readBroadData } from '../../src/cli/broad';
import { readDataFiles } from '../../src/cli/data';
import { applyReviewChoices, loadData, reviewItems, type Mention, type ReviewChoice } from '../../src/core';
import { atlasFromResult, geoparseInWorker, reviewResolver, searchGazetteer } from '../../src/worker/client';
import {
  addPart,
  CANDIDATES,
  decodeMentions,
  emptyParts,
  type EncodedMentions,
  type GeoparseResult,
  type Reply,
  type Request,
} from '../../src/worker/protocol';
import { createGeoparseService } from '../../src/worker/service';
import { spawnGeoparseWorker } from '../../src/worker/spawn';
import { FakeWorker, withFakeWorkers } from './fakeWorker';
import { STORM_NEWS } from '../core/review/stormNews';

vi.mock('../../src/worker/spawn', () => ({ spawnGeoparseWorker: vi.fn() }));

const data = readDataFiles();
const bytes = new Uint8Array(readFileSync(new URL('../../data/compiled/places.bin', import.meta.url)));
const reference = loadData(data, readBroadData());

const TEXT = STORM_NEWS;

function service() {
  const replies: Reply[] = [];
  const s = createGeoparseService({
    data: () => data,
    gazetteer: async () => bytes,
    post: (r) => replies.push(r),
  });
  return { s, replies };
}

/** The result of request `id`, put together from its replies. */
function resultOf(replies: Reply[], id: number, text: string): GeoparseResult {
  const parts = emptyParts();
  let encoded: EncodedMentions | null = null;
  for (const r of replies) {
    if (r.id !== id) continue;
    if (r.type === 'part') addPart(parts, r.key, r.items);
    else if (r.type === 'mentions') encoded = r.mentions;
    else if (r.type === 'done') {
      const mentions: Mention[] = [];
      if (encoded) decodeMentions(encoded, text, 0, encoded.count, mentions);
      return { ...r.result, ...parts, text, mentions };
    }
  }
  throw new Error(`request ${id} has no result: ${JSON.stringify(replies.filter((r) => r.id === id))}`);
}

const geoparse = (id: number, choices?: ReviewChoice[]): Request => ({
  type: 'geoparse',
  id,
  input: { name: 'storm.txt', text: TEXT },
  ...(choices ? { choices } : {}),
});

describe('the service: review data', () => {
  it('sends the unmatched names and, for every group to review, its candidates with the place chosen now first', async () => {
    const { s, replies } = service();
    await s.handle(geoparse(1));
    const result = resultOf(replies, 1, TEXT);
    const expected = reference.geoparseForReview(TEXT);
    expect(result.mentions).toEqual(expected.atlas.mentions);
    expect(result.review.unmatched).toEqual(expected.unmatched);
    const groups = reviewItems(expected.atlas, expected.unmatched);
    expect(Object.keys(result.review.candidates).sort()).toEqual(groups.map((g) => g.name).sort());
    for (const g of groups) {
      const list = result.review.candidates[g.name]!;
      expect(list.length).toBeLessThanOrEqual(CANDIDATES);
      expect(new Set(list.map((p) => p.id)).size).toBe(list.length);
      if (g.place) expect(list[0]).toMatchObject(g.place);
    }
    const springfield = result.review.candidates['springfield']!;
    expect(springfield).toHaveLength(CANDIDATES);
    expect(springfield.every((p) => p.name === 'Springfield')).toBe(true);
    expect(springfield.map((p) => p.country)).toContain('US');
    // Each with its region's name and its population, for a person to tell them apart.
    expect(springfield.map((p) => p.admin1)).toContain('Illinois');
    expect(springfield.every((p) => typeof p.population === 'number' && p.population > 0)).toBe(true);
    expect(result.review.candidates['quibbletown']).toEqual([]);
    expect(result.review.chosen).toEqual([]);
    expect(structuredClone(result.review)).toEqual(result.review);
  });

  it("resolves the choices' places by id, also a place no candidate list holds, so a reload applies them", async () => {
    const { s, replies } = service();
    const choices: ReviewChoice[] = [
      { name: 'springfield', verdict: { kind: 'place', place: 'geonames-2988507' } }, // Paris, France
      { name: 'quibbletown', verdict: { kind: 'place', place: 'moscow' } }, // the curated gazetteer's
      { name: 'clinton', verdict: { kind: 'not-a-place' } },
      { name: 'zorblatt creek', verdict: { kind: 'place', place: 'no-such-place' } },
    ];
    await s.handle(geoparse(1, choices));
    const result = resultOf(replies, 1, TEXT);
    expect(result.review.chosen.map((p) => [p.id, p.name])).toEqual([
      ['geonames-2988507', 'Paris'],
      ['moscow', 'Moscow'],
    ]);
    // The result is the finder's own; the page applies the choices with what the worker found.
    expect(result.mentions).toEqual(reference.geoparse(TEXT).mentions);
    const atlas = atlasFromResult(result, reference);
    const applied = applyReviewChoices(
      atlas,
      choices,
      reviewResolver(result, reference),
      result.review.unmatched,
    );
    expect(applied.mentions.filter((m) => m.text === 'Springfield').map((m) => m.placeId)).toEqual([
      'geonames-2988507',
      'geonames-2988507',
    ]);
    expect(applied.mentions.find((m) => m.text === 'Quibbletown')?.placeId).toBe('moscow');
    expect(applied.mentions.some((m) => m.text === 'Clinton')).toBe(false);
    expect(applied.mentions.some((m) => m.text === 'Zorblatt Creek')).toBe(false);
  });

  it('answers a search with places named so, then places whose name starts so, more populous first', async () => {
    const { s, replies } = service();
    await s.handle({ type: 'search', id: 7, query: 'paris', limit: 5 });
    await s.handle({ type: 'search', id: 8, query: 'Springf', limit: 20 });
    const found = (id: number) => {
      const r = replies.find((x) => x.id === id && x.type === 'found');
      if (r?.type !== 'found') throw new Error(`no answer to ${id}`);
      return r.places;
    };
    expect(found(7)).toHaveLength(5);
    expect(found(7).every((p) => p.name.toLowerCase() === 'paris')).toBe(true);
    const prefixed = found(8);
    expect(prefixed).toHaveLength(20);
    expect(prefixed.every((p) => p.name.toLowerCase().startsWith('springf'))).toBe(true);
    expect(prefixed.some((p) => p.name !== 'Springfield')).toBe(true);
    const people = prefixed.map((p) => p.population!);
    expect(people).toEqual([...people].sort((a, b) => b - a));
  });
});

describe('the client: searchGazetteer and choices', () => {
  const workers = withFakeWorkers();

  it('finds places in the worker, and none for an empty query without asking it', async () => {
    expect(await searchGazetteer('   ')).toEqual([]);
    expect(workers).toHaveLength(0);
    const places = await searchGazetteer('Vienna', 3);
    expect(places).toHaveLength(3);
    expect(places.every((p) => p.name === 'Vienna')).toBe(true);
  });

  it('sends the choices with the request and gives back their places', async () => {
    const choices: ReviewChoice[] = [
      { name: 'clinton', verdict: { kind: 'place', place: 'geonames-2988507' } },
    ];
    const outcome = await geoparseInWorker({ name: 'storm.txt', text: TEXT }, { choices });
    expect(workers[0]!.received[0]).toMatchObject({ type: 'geoparse', choices });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome));
    expect(outcome.result.review.chosen.map((p) => p.id)).toEqual(['geonames-2988507']);
  });

  it('resolves a search with no places (never rejects) when there is no worker or it fails', async () => {
    vi.mocked(spawnGeoparseWorker).mockImplementation(() => {
      throw new Error('the offline copy cannot find places');
    });
    expect(await searchGazetteer('Vienna')).toEqual([]);
    vi.mocked(spawnGeoparseWorker).mockImplementation(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const pending = searchGazetteer('Vienna');
    const failing = workers[0]!;
    failing.terminated = true;
    failing.dispatchEvent(
      Object.assign(new Event('error', { cancelable: true }), { message: 'out of memory' }),
    );
    expect(await pending).toEqual([]);
  });
});
