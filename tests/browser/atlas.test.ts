/**
 * The production build in real headless Chromium (issue #2): markers, the place panel, the story
 * list and reader by keyboard alone, search, the map-view filter, URL state, routes, the phone
 * layout, and the offline guarantee. Every page is also checked for console errors and outside
 * requests after each test (see harness.ts).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from './chromium';
import {
  findMarker,
  markerLabels,
  noBrowser,
  OUT_DIR,
  reader,
  storyButtons,
  useAtlas,
  searchStories,
  waitForStoryCount,
} from './harness';

/** Presses Tab until `isTarget` holds for the focused element; fails after `limit` presses. */
async function tabUntil(page: Page, isTarget: () => boolean, what: string, limit = 400) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(isTarget).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${what} in ${limit} presses`);
}
// Predicates run in the page: they must be self-contained.
const inStoryList = () =>
  document.activeElement?.tagName === 'BUTTON' &&
  document.activeElement.closest('nav[aria-label="Stories"]') !== null;
const isCloseInReader = () => {
  const el = document.activeElement;
  const name = `${el?.getAttribute('aria-label') ?? ''} ${el?.textContent ?? ''}`;
  return (
    el?.tagName === 'BUTTON' && el.closest('[aria-label^="Story: "]') !== null && /close|back/i.test(name)
  );
};
const isMention = () => document.activeElement?.classList.contains('mention') === true;

/** The accessible name of the focused element (aria-label, else its text). */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
  });

const readerTitle = async (page: Page) =>
  ((await reader(page).first().getAttribute('aria-label')) ?? '').replace(/^Story: /, '');

describe.skipIf(noBrowser)('Newsletter Atlas in headless Chromium (production build)', () => {
  const atlas = useAtlas();

  it.each(['Moscow', 'Vancouver', 'Arkhangelsk', 'Portland', 'Idlib'])(
    'shows a marker for %s',
    async (place) => {
      const { page } = await atlas.open();
      const marker = await findMarker(page, place);
      await marker.first().waitFor({ state: 'visible' });
    },
  );

  it('clicking Arkhangelsk shows the Arkhangelsk–Greater Portland snippet', async () => {
    const { page } = await atlas.open();
    await (await findMarker(page, 'Arkhangelsk')).first().click();
    const panel = page.locator('[aria-label="Arkhangelsk"]');
    await panel.first().waitFor({ state: 'visible' });
    expect(await panel.first().innerText()).toContain('Greater Portland');
    expect(await panel.first().locator('mark').allInnerTexts()).toContain('Arkhangelsk');
  });

  it('opens and closes a story by keyboard alone (Tab, Enter, Esc, close button)', async () => {
    const { page } = await atlas.open();
    await tabUntil(page, inStoryList, 'a story button in <nav aria-label="Stories">');
    const name = await focusedName(page);
    await page.keyboard.press('Enter');
    await reader(page).first().waitFor({ state: 'visible' });
    const title = await readerTitle(page);
    expect(title.length).toBeGreaterThan(0);
    expect(name.startsWith(title), `story button "${name}" opened "Story: ${title}"`).toBe(true);

    await page.keyboard.press('Escape');
    await reader(page).first().waitFor({ state: 'hidden' });
    expect(await storyButtons(page).count()).toBeGreaterThan(0);
    expect(await page.evaluate(inStoryList), 'focus returns to the story list after Esc').toBe(true);

    // Again, and leave by the reader's close button.
    await page.keyboard.press('Enter');
    await reader(page).first().waitFor({ state: 'visible' });
    await tabUntil(page, isCloseInReader, 'the reader’s close button', 200);
    await page.keyboard.press('Enter');
    await reader(page).first().waitFor({ state: 'hidden' });
    expect(await page.evaluate(inStoryList), 'focus returns to the story list after close').toBe(true);
  });

  it('reaches the place mentions in the reader by keyboard', async () => {
    const { page } = await atlas.open();
    await searchStories(page, 'Arkhangelsk');
    await tabUntil(page, inStoryList, 'a story found by "Arkhangelsk"');
    await page.keyboard.press('Enter');
    const open = reader(page).first();
    await open.waitFor({ state: 'visible' });
    const mentions = await open.locator('button.mention').allInnerTexts();
    expect(mentions).toContain('Arkhangelsk');
    expect(mentions).toContain('Greater Portland');
    await tabUntil(page, isMention, 'a mention button in the reader', 200);
  });

  it('filters the story list with the search box', async () => {
    const { page } = await atlas.open();
    const all = await storyButtons(page).count();
    expect(all).toBeGreaterThan(10);
    const search = page.getByLabel('Search stories or places');

    await search.fill('Idlib');
    await waitForStoryCount(page, (n) => n < all);
    const found = await storyButtons(page).count();
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(all);

    await search.fill('Chkalov');
    await page.waitForFunction(() =>
      /transpolar flight/i.test(document.querySelector('nav[aria-label="Stories"]')?.textContent ?? ''),
    );

    await search.fill('');
    await waitForStoryCount(page, (n) => n === all);
  });

  it('"Only stories on the map view" narrows the list to what the map shows', async () => {
    const { page } = await atlas.open();
    const all = await storyButtons(page).count();
    const only = page.getByLabel('Only stories on the map view');
    expect(await only.isChecked()).toBe(false);
    await only.check();

    // Zoom in on Idlib with the mouse wheel until the list narrows.
    const box = await (await findMarker(page, 'Idlib')).first().boundingBox();
    if (!box) throw new Error('the Idlib marker has no box');
    let shown = all;
    for (let i = 0; i < 8 && shown >= all; i++) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(600);
      shown = await storyButtons(page).count();
    }
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(all);

    await only.uncheck();
    await waitForStoryCount(page, (n) => n === all);
  });

  it('restores an open story from the URL (?story=N) after reload', async () => {
    const { page } = await atlas.open();
    await storyButtons(page).nth(2).click();
    await reader(page).first().waitFor({ state: 'visible' });
    const title = await readerTitle(page);
    await page.waitForURL(/[?&]story=\d+/);
    const url = page.url();
    await page.reload();
    await reader(page).first().waitFor({ state: 'visible' });
    expect(await readerTitle(page)).toBe(title);
    expect(page.url()).toBe(url);

    // A link opened fresh lands on the same story.
    const link = await atlas.open(new URL(url).pathname + new URL(url).search);
    await reader(link.page).first().waitFor({ state: 'visible' });
    expect(await readerTitle(link.page)).toBe(title);
  });

  it('restores a selected place from the URL (?place=id) after reload', async () => {
    const { page } = await atlas.open();
    await (await findMarker(page, 'Arkhangelsk')).first().click();
    await page.locator('[aria-label="Arkhangelsk"]').first().waitFor({ state: 'visible' });
    await page.waitForURL(/[?&]place=[a-z0-9-]+/);
    await page.reload();
    await page.locator('[aria-label="Arkhangelsk"]').first().waitFor({ state: 'visible' });
    expect(page.url()).toMatch(/[?&]place=[a-z0-9-]+/);
  });

  it('draws the ANT-25 and Alaska–Siberia routes', async () => {
    const { page } = await atlas.open();
    const routes = page.locator('path[role="img"][aria-label^="Route: "]');
    await routes.first().waitFor({ state: 'attached' });
    const labels = await routes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(
      labels.some((l) => l.includes('ANT-25')),
      JSON.stringify(labels),
    ).toBe(true);
    expect(
      labels.some((l) => /Alaska.Siberia/.test(l)),
      JSON.stringify(labels),
    ).toBe(true);
  });

  it('loads with no console errors and no request outside its own origin', async () => {
    const { page, record } = await atlas.open();
    await page.waitForLoadState('networkidle');
    expect(record.consoleErrors).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    expect(record.blocked).toEqual([]);
    expect(record.requests.length).toBeGreaterThan(0);
    expect(record.requests.filter((u) => !u.startsWith(atlas.origin() + '/'))).toEqual([]);
  });

  it('keeps online tiles off by default', async () => {
    const { page } = await atlas.open();
    const online = page.getByRole('checkbox', { name: /online/i });
    expect(await online.count()).toBe(1);
    expect(await online.isChecked()).toBe(false);
  });

  it('fits a 375 px phone without horizontal overflow, with a story open too', async () => {
    const { page } = await atlas.open('/', { width: 375, height: 812, mobile: true });
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(OUT_DIR, 'atlas-375x812.png') });

    await storyButtons(page).first().click();
    await reader(page).first().waitFor({ state: 'visible' });
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(OUT_DIR, 'atlas-375x812-story.png') });
  });

  it('saves a 1280x800 screenshot (docs/screenshot.png with UPDATE_SCREENSHOT=1)', async () => {
    const { page } = await atlas.open('/', { width: 1280, height: 800 });
    await page.waitForLoadState('networkidle');
    expect((await markerLabels(page)).length).toBeGreaterThan(0);
    const shot = join(OUT_DIR, 'atlas-1280x800.png');
    await page.screenshot({ path: shot });
    if (process.env.UPDATE_SCREENSHOT === '1') {
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      copyFileSync(shot, join(ROOT, 'docs/screenshot.png'));
    }
  });
});
