/**
 * The geoparse worker (src/worker) in headless Chromium: the app's page (production build) loads
 * without it or the broad gazetteer; on a page of the client alone (tests/browser/worker-page,
 * built here as the app bundles it), the first request starts the worker, which fetches the
 * gazetteer from the test server (never elsewhere) and finds the same mentions as the CLI's
 * loadData with the broad gazetteer in Node; the next request reuses the warm worker; an .eml is
 * read in the worker; Cancel resolves as cancelled and the next request still works.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/core';
import { readBroadData } from '../../src/cli/broad';
import { readDataFiles } from '../../src/cli/data';
import type { GeoparseOutcome, Progress } from '../../src/worker/client';
import type { PageRecord } from './chromium';
import { noBrowser, OUT_DIR, useAtlas } from './harness';
import { buildWorkerPage } from './worker-page/build';
import { ARTICLE } from '../worker/article';

const EML = [
  'From: Desk <desk@example.org>',
  'Subject: Talks in Vienna',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Diplomats from Moscow and Ottawa will meet in Vienna next week.',
  '',
].join('\r\n');

/** Runs geoparseInWorker in the page; `abortAt` aborts the request when that stage begins. */
async function geoparseInPage(
  page: Page,
  input: { name: string; text: string } | { name: string; bytes: number[] },
  abortAt: Progress['stage'] | null = null,
): Promise<{ outcome: GeoparseOutcome; progress: Progress[] }> {
  return page.evaluate(
    async ([input, abortAt]) => {
      const { geoparseInWorker } = window.geoparseClient!;
      const progress: Progress[] = [];
      const abort = new AbortController();
      const outcome = await geoparseInWorker(
        'bytes' in input ? { name: input.name, bytes: new Uint8Array(input.bytes) } : input,
        {
          signal: abort.signal,
          onProgress: (p) => {
            progress.push(p);
            if (p.stage === abortAt) abort.abort();
          },
        },
      );
      return { outcome, progress };
    },
    [input, abortAt] as const,
  );
}

const gazetteerRequests = (requests: string[]) =>
  requests.filter((u) => /\/places-[^/]*\.bin$/.test(new URL(u).pathname));
const workerRequests = (requests: string[]) => requests.filter((u) => /geoparse/.test(new URL(u).pathname));

describe.skipIf(noBrowser)('The app and the geoparse worker', () => {
  const atlas = useAtlas();

  it('loads neither the worker nor the gazetteer for the first marker', async () => {
    const { page, record } = await atlas.open('/');
    await page.waitForLoadState('networkidle');
    expect(gazetteerRequests(record.requests)).toEqual([]);
    expect(workerRequests(record.requests)).toEqual([]);
  });
});

describe.skipIf(noBrowser)('The geoparse worker in the browser', () => {
  const OUT = join(OUT_DIR, 'worker-page');
  const reference = loadData(readDataFiles(), readBroadData());
  const atlas = useAtlas({ dir: OUT, build: () => buildWorkerPage(OUT) });

  /** The client's page, its client loaded (the worker not yet started). */
  async function open(): Promise<{ page: Page; record: PageRecord }> {
    const opened = await atlas.open('/', { waitForMarker: false });
    await opened.page.locator('#ready').waitFor();
    return opened;
  }

  it('loads the gazetteer only on the first request, from the origin, and finds what the CLI finds', async () => {
    const { page, record } = await open();
    await page.waitForLoadState('networkidle');
    expect(gazetteerRequests(record.requests)).toEqual([]);
    expect(workerRequests(record.requests)).toEqual([]);

    const cold = await geoparseInPage(page, { name: 'article.txt', text: ARTICLE });
    if (cold.outcome.status !== 'done') throw new Error(JSON.stringify(cold.outcome));
    expect(cold.outcome.result.mentions).toEqual(reference.geoparse(ARTICLE).mentions);
    expect(cold.outcome.result.places.map((p) => p.place.name)).toContain('Wichita');
    const stages = [...new Set(cold.progress.map((p) => p.stage))];
    expect(stages).toEqual(['gazetteer', 'opening', 'reading', 'geoparsing']);
    const bytes = cold.progress.filter((p) => p.stage === 'gazetteer').at(-1)!;
    expect(bytes.received).toBeGreaterThan(1_000_000);
    // The size, when the server said it (this test server's answers pass through a route: not always).
    if (bytes.total !== null) expect(bytes.received).toBe(bytes.total);
    expect(gazetteerRequests(record.requests)).toHaveLength(1);

    // Warm: the same worker, no second download.
    const warm = await geoparseInPage(page, { name: 'again.txt', text: ARTICLE });
    expect(warm.outcome.status).toBe('done');
    expect(warm.progress.map((p) => p.stage)).toEqual(['reading', 'geoparsing']);
    expect(gazetteerRequests(record.requests)).toHaveLength(1);

    // Every request went to the test server (the harness also fails the test on a blocked one).
    const origin = atlas.origin();
    expect(record.requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(record.blocked).toEqual([]);
  });

  it('reads an e-mail in the worker and refuses a binary file with the reason', async () => {
    const { page } = await open();
    const eml = await geoparseInPage(page, { name: 'talks.eml', bytes: [...new TextEncoder().encode(EML)] });
    if (eml.outcome.status !== 'done') throw new Error(JSON.stringify(eml.outcome));
    expect(eml.outcome.result.format).toBe('eml');
    expect(eml.outcome.result.text.startsWith('Talks in Vienna\n\n')).toBe(true);
    expect(eml.outcome.result.mentions).toEqual(reference.geoparse(eml.outcome.result.text).mentions);

    const png = await geoparseInPage(page, {
      name: 'photo.png',
      bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0],
    });
    expect(png.outcome).toMatchObject({ status: 'error', kind: 'format' });
    expect((png.outcome as { message: string }).message).toMatch(/^photo\.png: .*accepted: /);
  });

  it('resolves a request cancelled mid-geoparse as cancelled, and serves the next one', async () => {
    const { page } = await open();
    const cancelled = await geoparseInPage(page, { name: 'long.txt', text: ARTICLE }, 'geoparsing');
    expect(cancelled.outcome).toEqual({ status: 'cancelled' });
    const next = await geoparseInPage(page, { name: 'next.txt', text: ARTICLE });
    if (next.outcome.status !== 'done') throw new Error(JSON.stringify(next.outcome));
    expect(next.outcome.result.mentions).toEqual(reference.geoparse(ARTICLE).mentions);
  });
});
