/**
 * Vitest side of the browser tests: one headless Chromium and one static server over dist/ per
 * test file; every page a test opens is checked afterwards for console errors, uncaught errors and
 * requests that tried to leave 127.0.0.1.
 *
 * No Chromium: with REQUIRE_BROWSER=1 the run fails; otherwise a loud warning and the suites skip.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import {
  findChromium,
  launchChromium,
  NO_BROWSER_MESSAGE,
  openRecordedPage,
  ROOT,
  serveStatic,
  type PageRecord,
  type StaticServer,
} from './chromium';

export const chromePath = findChromium();
if (!chromePath) {
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error(
      'REQUIRE_BROWSER=1 but no Chromium found (CHROME_PATH, /usr/bin/chromium, chromium on PATH). ' +
        'Install it with: apt-get install -y chromium (or set CHROME_PATH)',
    );
  }
  process.stderr.write(NO_BROWSER_MESSAGE);
}
/** For `describe.skipIf(noBrowser)`. */
export const noBrowser = chromePath === null;

export const OUT_DIR = join(ROOT, 'tests/browser/out');

/** A marker (or cluster) on the map: a Leaflet marker icon with `role="button"` and an aria-label (not the zoom buttons). */
export const MARKER = '.leaflet-marker-icon[role="button"][aria-label]';

export interface OpenPage {
  page: Page;
  record: PageRecord;
}

/**
 * Registers beforeAll/afterAll/afterEach for a test file and returns `open(path)`, which loads a
 * page of the production build, or of a test page of its own: `page.build` writes it to
 * `page.dir`, which is served instead. After each test, every page opened in it must have logged
 * no console error, thrown nothing, and requested nothing outside the test server.
 */
export function useAtlas(page?: { dir: string; build: () => Promise<void> }) {
  let server: StaticServer;
  let browser: Browser;
  let opened: OpenPage[] = [];

  beforeAll(async () => {
    if (!chromePath) return;
    mkdirSync(OUT_DIR, { recursive: true });
    await page?.build();
    server = await serveStatic(page?.dir);
    browser = await launchChromium(chromePath);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    const pages = opened;
    opened = [];
    for (const { page, record } of pages) {
      await page.context().close();
      if (record.consoleWarnings.length) {
        process.stderr.write(`console warnings:\n  ${record.consoleWarnings.join('\n  ')}\n`);
      }
      expect.soft(record.blocked, 'requests outside the test server').toEqual([]);
      expect.soft(record.pageErrors, 'uncaught errors in the page').toEqual([]);
      expect.soft(record.consoleErrors, 'console errors').toEqual([]);
    }
  });

  return {
    origin: () => server.origin,
    /**
     * Opens `path` (e.g. "/?story=3") in a fresh context and waits for the first marker; `init`
     * runs on the page before it loads (page.clock.install, addInitScript, emulateMedia).
     */
    async open(
      path = '/',
      options: {
        width?: number;
        height?: number;
        mobile?: boolean;
        waitForMarker?: boolean;
        init?: (page: Page) => Promise<void>;
      } = {},
    ): Promise<OpenPage> {
      const opening = await openRecordedPage(browser, server.origin, options);
      const result = { page: opening.page, record: opening.record };
      opened.push(result);
      await options.init?.(opening.page);
      await opening.page.goto(server.origin + path);
      if (options.waitForMarker !== false) await opening.page.locator(MARKER).first().waitFor();
      return result;
    },
  };
}

/** The aria-labels of the markers and clusters now on the map. */
export function markerLabels(page: Page): Promise<string[]> {
  return page.locator(MARKER).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

/** True when a marker label ("Vancouver, Washington, 3 stories") names `place`. */
function labelNames(label: string, place: string) {
  const name = place.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return !label.startsWith('Cluster of') && new RegExp(`^([\\w ]+ )?${name}\\b`).test(label);
}

/**
 * The marker for `place`, opening clusters (click = zoom in / expand) until it shows.
 * Fails with the labels it saw when the place is in no marker or cluster.
 */
export async function findMarker(page: Page, place: string): Promise<Locator> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const labels = await markerLabels(page);
    const own = labels.find((l) => labelNames(l, place));
    if (own !== undefined) return page.locator(`${MARKER}[aria-label="${own.replaceAll('"', '\\"')}"]`);
    const cluster = labels.find((l) => l.startsWith('Cluster of') && l.includes(place));
    if (cluster === undefined) {
      throw new Error(`no marker or cluster names ${place}; markers on the map: ${JSON.stringify(labels)}`);
    }
    await page
      .locator(`${MARKER}[aria-label="${cluster.replaceAll('"', '\\"')}"]`)
      .first()
      .click();
    // Leaflet animates the zoom; wait until the cluster is gone or the marker appears.
    await page
      .waitForFunction(
        ([selector, label]) =>
          ![...document.querySelectorAll(selector)].some((e) => e.getAttribute('aria-label') === label),
        [MARKER, cluster] as const,
        { timeout: 3000 },
      )
      .catch(() => undefined);
    await page.waitForTimeout(300);
  }
  throw new Error(`could not open the clusters around ${place}: ${JSON.stringify(await markerLabels(page))}`);
}

/** The <nav aria-label="Stories"> list's story buttons. */
export function storyButtons(page: Page): Locator {
  return page.locator('nav[aria-label="Stories"] button');
}

/** Polls the story list until its number of story buttons satisfies `ok`; fails after 10 s. */
export async function waitForStoryCount(page: Page, ok: (count: number) => boolean) {
  const list = storyButtons(page);
  for (let start = Date.now(); !ok(await list.count()); await page.waitForTimeout(50)) {
    if (Date.now() - start > 10_000) throw new Error(`story count stayed at ${await list.count()}`);
  }
}

/**
 * Types `query` in the search box and waits until the list shows what it finds: some stories, and
 * fewer than before (the list follows the query a frame after the box shows it).
 */
export async function searchStories(page: Page, query: string) {
  await storyButtons(page).first().waitFor();
  const all = await storyButtons(page).count();
  await page.locator('#search').fill(query);
  await waitForStoryCount(page, (n) => n > 0 && n < all);
}

/** The open reader: an element labelled "Story: <title>". */
export function reader(page: Page): Locator {
  return page.locator('[aria-label^="Story: "]');
}
