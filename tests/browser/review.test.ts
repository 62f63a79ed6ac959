/**
 * The Review panel in headless Chromium. The app offers it for a geoparsed newsletter only (the
 * bundled one is curated: every mention certain), so the first test checks that the bundled app
 * offers no Review and never loads its code; the others build a page of the panel alone
 * (tests/browser/review/page.tsx) over an atlas the real data and gazetteer make in Node, and
 * drive it by keyboard: a choice moves every mention of the name and can be undone, "Not a
 * place" drops them, a search finds another place, and focus follows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { describe, expect, it } from 'vitest';
import { readBroadData } from '../../src/cli/broad';
import { readDataFiles } from '../../src/cli/data';
import { loadData } from '../../src/core';
import { openGazetteer } from '../../src/core/places';
import { createGazetteerSearch } from '../../src/core/review';
import { describePlace } from '../../src/ui/review';
import { noBrowser, OUT_DIR, useAtlas } from './harness';
import { ROOT } from './chromium';
import type { ReviewFixture } from './review/page';

describe.skipIf(noBrowser)('the Review panel in the app', () => {
  const atlas = useAtlas();

  it('is not offered for the curated newsletter, and its code is not loaded', async () => {
    const { page, record } = await atlas.open('/');
    await expect.poll(() => page.locator('header.masthead button').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /^Review/ }).count()).toBe(0);
    expect(record.requests.some((u) => /\/assets\/index-[^/]*\.js$/.test(u))).toBe(true);
    expect(record.requests.filter((u) => /ReviewPanel/.test(u))).toEqual([]);
  });
});

const TEXT = [
  'Storm news',
  'The storm reached Springfield on Monday. Crews from Quibbletown helped.',
  'Later, Springfield reopened its schools.',
].join('\n');

function fixture(): ReviewFixture {
  const buf = readFileSync(join(ROOT, 'data/compiled/places.bin'));
  const search = createGazetteerSearch(
    openGazetteer(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)),
  );
  const { atlas, unmatched } = loadData(readDataFiles(), readBroadData()).geoparseForReview(TEXT);
  const used = new Set(atlas.mentions.map((m) => m.placeId));
  const { gazetteer, ...rest } = atlas;
  return {
    atlas: rest,
    gazetteer: gazetteer.places.filter((p) => used.has(p.id)),
    unmatched,
    candidates: { springfield: search.search('Springfield', 4), quibbletown: [] },
    searchable: search.search('Omaha', 3),
  };
}

describe.skipIf(noBrowser)('the Review panel', () => {
  const OUT = join(OUT_DIR, 'review-page');
  const data = fixture();
  const atlas = useAtlas({
    dir: OUT,
    build: async () => {
      await build({
        configFile: false,
        root: join(ROOT, 'tests/browser/review'),
        base: './',
        logLevel: 'silent',
        plugins: [react()],
        build: { outDir: OUT, emptyOutDir: true, minify: false },
      });
    },
  });

  async function open(): Promise<Page> {
    const { page } = await atlas.open('/', {
      waitForMarker: false,
      init: async (p) => {
        await p.addInitScript((f) => (window.reviewFixture = f), data);
      },
    });
    await page.getByRole('dialog', { name: 'Review' }).waitFor();
    return page;
  }
  const mentions = (page: Page) => page.locator('#mentions').innerText();
  const focused = (page: Page) =>
    page.evaluate(
      () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent,
    );

  it('lists the names with their sentences, the name marked, and focuses its heading', async () => {
    const page = await open();
    await expect.poll(() => focused(page)).toBe('Review');
    const marks = await page.locator('.review-sentences mark').allInnerTexts();
    expect(marks).toEqual(['Springfield', 'Springfield']);
    expect(await page.locator('.review-group h3').allInnerTexts()).toEqual([
      'Springfield (2 mentions)',
      'Quibbletown (1 mention)',
    ]);
    await page.close();
  });

  it('moves every mention of the name by keyboard, undoes it, and marks a name not a place', async () => {
    const page = await open();
    const before = await mentions(page);
    const other = data.candidates['springfield']![2]!;
    await page.getByRole('button', { name: `This place: ${describePlace(other)}` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => mentions(page)).toBe(`Springfield=${other.id} Springfield=${other.id}`);
    await expect.poll(() => focused(page)).toBe('Undo the choice for Springfield');
    expect(await page.locator('.review-status').first().innerText()).toContain(
      `You chose: ${describePlace(other)}`,
    );
    await page.keyboard.press('Enter'); // Undo
    await expect.poll(() => mentions(page)).toBe(before);
    await expect.poll(() => focused(page)).toBe('Springfield (2 mentions)');
    await page.getByRole('button', { name: 'Not a place' }).click();
    await expect.poll(() => mentions(page)).toBe('');
    await page.close();
  });

  it('searches the gazetteer for another place and makes an unmatched name a mention of it; Esc closes', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Quibbletown (1 mention)' }).click();
    const box = page.getByLabel('Search the gazetteer for another place for “Quibbletown”');
    await box.fill('Oma');
    await box.press('Enter');
    await expect
      .poll(() => page.locator('.review-found').innerText())
      .toBe(`${data.searchable.length} found: listed above`);
    const omaha = data.searchable[0]!;
    await page.getByRole('button', { name: `This place: ${describePlace(omaha)}` }).press('Enter');
    await expect.poll(() => mentions(page)).toContain(`Quibbletown=${omaha.id}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Review' }).count()).toBe(0);
    await page.close();
  });
});
