/**
 * The newsletter library's store (src/library/store) in headless Chromium, over the browser's own
 * IndexedDB and BroadcastChannel: what is added survives a reload; a second tab hears the first
 * one's changes and reads them. (Storage full is tested in Node, tests/library/store: this
 * Chromium ignores DevTools' quota override for the test's contexts.)
 *
 * The store is not in the app's bundle yet (issue 14 wires it in), so the test bundles it on its
 * own (Vite, as the app is built) and adds it to a page of the production build.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './chromium';
import { noBrowser, useAtlas } from './harness';

let bundle = '';

/** The store as a script that sets window.AtlasLibrary. */
async function bundleStore(): Promise<string> {
  const output = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(ROOT, 'src/library/store/index.ts'), name: 'AtlasLibrary', formats: ['iife'] },
    },
  });
  const result = Array.isArray(output) ? output[0]! : output;
  if (!('output' in result)) throw new Error('vite build gave no output');
  return result.output[0].code;
}

declare global {
  interface Window {
    AtlasLibrary: typeof import('../../src/library/store');
    library: import('../../src/library/store').LibraryStore;
    heard: import('../../src/library/store').Change[];
  }
}

/** Adds the store to the page and opens the library as `window.library`. */
async function openLibrary(page: Page): Promise<{ persistent: boolean; reason: string | null }> {
  await page.addScriptTag({ content: bundle });
  return page.evaluate(async () => {
    window.library = await window.AtlasLibrary.openLibrary({ name: 'browser-test-library' });
    window.heard = [];
    window.library.subscribe((c) => window.heard.push(c));
    return { persistent: window.library.persistent, reason: window.library.reason };
  });
}

const titles = (page: Page) => page.evaluate(async () => (await window.library.list()).map((e) => e.title));

describe.skipIf(noBrowser)('The library store in the browser (IndexedDB, BroadcastChannel)', () => {
  const atlas = useAtlas();

  beforeAll(async () => {
    bundle = await bundleStore();
  });

  it('keeps what is added across a reload', async () => {
    const { page } = await atlas.open('/', { waitForMarker: false });
    expect(await openLibrary(page)).toEqual({ persistent: true, reason: null });
    const id = await page.evaluate(async () => {
      const { entry } = await window.library.add({
        title: 'The next issue',
        date: '2026-12-01',
        source: { name: 'next.html', format: 'html' },
        text: 'Moscow\n\nA story.',
      });
      await window.library.putEdits(entry.id, {
        storyEdits: [{ op: 'merge', story: 0 }],
        reviewChoices: [{ name: 'Moscow', verdict: { kind: 'place', place: 'geonames:524901' } }],
      });
      return entry.id;
    });
    await page.reload();
    expect(await openLibrary(page)).toEqual({ persistent: true, reason: null });
    expect(await titles(page)).toEqual(['The next issue']);
    expect(
      await page.evaluate(async (i) => {
        const n = await window.library.get(i);
        const e = await window.library.getEdits(i);
        return [n?.text, e?.reviewChoices[0]?.verdict];
      }, id),
    ).toEqual(['Moscow\n\nA story.', { kind: 'place', place: 'geonames:524901' }]);
  });

  it('tells a second tab of the changes, and the second tab reads them', async () => {
    const { page: first } = await atlas.open('/', { waitForMarker: false });
    const second = await first.context().newPage();
    await second.goto(first.url());
    await openLibrary(first);
    await openLibrary(second);

    await first.evaluate(() =>
      window.library.add({
        title: 'From the first tab',
        date: null,
        source: { name: '', format: 'text' },
        text: 'Pasted text about Vladivostok.',
      }),
    );
    await expect
      .poll(() => second.evaluate(() => window.heard.map((c) => `${c.kind} ${c.origin}`)))
      .toEqual(['newsletter remote']);
    expect(await titles(second)).toEqual(['From the first tab']);
  });
});
