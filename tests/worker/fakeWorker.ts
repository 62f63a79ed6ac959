/**
 * A Worker stand-in for the client's tests: it runs the real geoparse service in-process, with the
 * real curated data and compiled gazetteer; messages are structured-cloned and delivered as tasks
 * (as postMessage does), replies likewise, until terminated.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, vi } from 'vitest';
import { readDataFiles } from '../../src/cli/data';
import { disposeGeoparseWorker } from '../../src/worker/client';
import type { Reply, Request } from '../../src/worker/protocol';
import { createGeoparseService } from '../../src/worker/service';
import { spawnGeoparseWorker } from '../../src/worker/spawn';

const data = readDataFiles();
const bytes = new Uint8Array(readFileSync(new URL('../../data/compiled/places.bin', import.meta.url)));

export class FakeWorker extends EventTarget {
  terminated = false;
  received: Request[] = [];
  readonly service = createGeoparseService({
    data: () => data,
    gazetteer: async () => bytes,
    post: (reply: Reply) =>
      this.deliver(() => this.dispatchEvent(new MessageEvent('message', { data: structuredClone(reply) }))),
  });
  private deliver(task: () => void) {
    queueMicrotask(() => {
      if (!this.terminated) task();
    });
  }
  postMessage(request: Request) {
    const copy = structuredClone(request);
    this.received.push(copy);
    this.deliver(() => void this.service.handle(copy));
  }
  terminate() {
    this.terminated = true;
  }
}

/**
 * Makes the client spawn FakeWorkers (the test file mocks '../../src/worker/spawn' with a vi.fn),
 * each test with none at first; the array holds those spawned, in order. Call it at the top of a
 * file or a describe.
 */
export function withFakeWorkers(): FakeWorker[] {
  const workers: FakeWorker[] = [];
  beforeEach(() => {
    workers.length = 0;
    vi.mocked(spawnGeoparseWorker).mockImplementation(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
  });
  afterEach(() => disposeGeoparseWorker());
  return workers;
}
