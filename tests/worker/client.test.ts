/**
 * The page's client of the geoparse worker (src/worker/client.ts) over a stand-in Worker that
 * runs the real service in-process (structured-cloning every message, as postMessage does): one
 * worker, created on first use and reused; Cancel resolves as cancelled (a worker busy
 * geoparsing is stopped, and the requests behind it go to a new one); a worker that fails
 * resolves its requests with an error, never a rejection.
 */
import { describe, expect, it, vi } from 'vitest';
import { geoparseInWorker, type Progress } from '../../src/worker/client';
import { TEXT_PART } from '../../src/worker/protocol';
import { withFakeWorkers } from './fakeWorker';

vi.mock('../../src/worker/spawn', () => ({ spawnGeoparseWorker: vi.fn() }));

const TEXT = 'Talks in Vienna\nDiplomats from Moscow and Ottawa will meet in Vienna next week.';

const workers = withFakeWorkers();

describe('geoparseInWorker', () => {
  it('creates no worker until the first request, then reuses the warm one', async () => {
    expect(workers).toHaveLength(0);
    const first = await geoparseInWorker({ name: 'a.txt', text: TEXT });
    const second = await geoparseInWorker({ name: 'b.txt', text: TEXT });
    expect(first.status).toBe('done');
    expect(second.status).toBe('done');
    expect(workers).toHaveLength(1);
    if (second.status === 'done') expect(second.result.places.map((p) => p.place.name)).toContain('Vienna');
  });

  it('resolves a request aborted mid-geoparse as cancelled, stops the busy worker, and moves the next request on', async () => {
    const abort = new AbortController();
    const seen: Progress['stage'][] = [];
    const cancelled = geoparseInWorker(
      { name: 'long.txt', text: TEXT },
      {
        signal: abort.signal,
        onProgress: (p) => {
          seen.push(p.stage);
          if (p.stage === 'geoparsing') abort.abort();
        },
      },
    );
    const waiting = geoparseInWorker({ name: 'next.txt', text: TEXT });
    expect(await cancelled).toEqual({ status: 'cancelled' });
    expect(seen.at(-1)).toBe('geoparsing');
    const next = await waiting;
    expect(next.status).toBe('done');
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.received.map((r) => r.type === 'geoparse' && r.input.name)).toEqual(['next.txt']);
  });

  it('hands a File to the worker unread, and puts the text it sends back in slices together whole', async () => {
    const long = Array.from({ length: Math.ceil(TEXT_PART / TEXT.length) + 1 }, () => TEXT).join('\n\n');
    const file = new Blob([long], { type: 'text/plain' });
    const outcome = await geoparseInWorker({ name: 'long.txt', file });
    const sent = workers[0]!.received[0];
    expect(sent?.type === 'geoparse' && 'file' in sent.input && sent.input.file).toBeInstanceOf(Blob);
    if (outcome.status !== 'done') throw new Error(`expected done, got ${JSON.stringify(outcome)}`);
    expect(outcome.result.text).toBe(long);
    const expected = await geoparseInWorker({ name: 'long.txt', text: long });
    expect(expected.status === 'done' && expected.result.mentions).toEqual(outcome.result.mentions);
    expect(outcome.result.mentions.length).toBeGreaterThan(4000); // more than one task's worth
  });

  it('cancels a request still waiting for the gazetteer by a message, keeping the worker', async () => {
    const abort = new AbortController();
    const outcome = geoparseInWorker(
      { name: 'a.txt', text: TEXT },
      { signal: abort.signal, onProgress: (p) => p.stage === 'gazetteer' && abort.abort() },
    );
    expect(await outcome).toEqual({ status: 'cancelled' });
    expect(workers[0]!.received.map((r) => r.type)).toEqual(['geoparse', 'cancel']);
    expect(workers[0]!.terminated).toBe(false);
    expect((await geoparseInWorker({ name: 'b.txt', text: TEXT })).status).toBe('done');
    expect(workers).toHaveLength(1);
  });

  it('answers an already aborted signal as cancelled without starting a worker', async () => {
    const abort = new AbortController();
    abort.abort();
    expect(await geoparseInWorker({ name: 'a.txt', text: TEXT }, { signal: abort.signal })).toEqual({
      status: 'cancelled',
    });
    expect(workers).toHaveLength(0);
  });

  it('resolves with an error (not a rejection) when the worker fails, and starts afresh next time', async () => {
    const outcome = geoparseInWorker({ name: 'a.txt', text: TEXT });
    const failing = workers[0]!;
    failing.terminated = true; // it dies before answering
    const error = new Event('error', { cancelable: true }) as ErrorEvent;
    Object.defineProperty(error, 'message', { value: 'out of memory' });
    failing.dispatchEvent(error);
    expect(error.defaultPrevented).toBe(true);
    const result = await outcome;
    expect(result).toMatchObject({ status: 'error', kind: 'internal' });
    expect((result as { message: string }).message).toContain('out of memory');
    expect((await geoparseInWorker({ name: 'b.txt', text: TEXT })).status).toBe('done');
    expect(workers).toHaveLength(2);
  });
});
