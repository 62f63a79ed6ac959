/**
 * What the address says (issue 11): the search text and the map-view filter in the URL, the
 * search narrowing the markers too, a polite word for links to stories or places that are not
 * there, and Back leaving the tour for the app as it was when the tour began.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  markerLabels,
  noBrowser,
  OUT_DIR,
  reader,
  storyButtons,
  useAtlas,
  waitForStoryCount,
} from './harness';

const NOTICE = '.url-notice[role="status"]';
const DIALOG = '[role="dialog"][aria-label^="Tour"]';

/** How many places the markers and clusters on the map stand for. */
async function placesOnMap(page: Page): Promise<number> {
  const labels = await markerLabels(page);
  return labels.reduce((n, l) => n + (Number(/^Cluster of (\d+) places/.exec(l)?.[1]) || 1), 0);
}

describe.skipIf(noBrowser)('The URL in headless Chromium (production build)', () => {
  const atlas = useAtlas();

  it('says so when ?story=N does not exist, and shows the start view', async () => {
    const { page } = await atlas.open('/?story=999');
    const notice = page.locator(NOTICE);
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toContain(
      'There is no story 999 in this newsletter; showing the start view.',
    );
    expect(await reader(page).count()).toBe(0);
    expect(await storyButtons(page).count()).toBeGreaterThan(10);
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await page.screenshot({ path: join(OUT_DIR, 'url-no-story-1366x800.png') });
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });

    // Not dismissed, it goes once the reader opens a story.
    const again = await atlas.open('/?story=999');
    await again.page.locator(NOTICE).waitFor({ state: 'visible' });
    await storyButtons(again.page).first().click();
    await reader(again.page).first().waitFor({ state: 'visible' });
    expect(await again.page.locator(NOTICE).count()).toBe(0);
  });

  it('says so when ?place=ID does not exist', async () => {
    const { page } = await atlas.open('/?place=atlantis', { width: 375, height: 812, mobile: true });
    const notice = page.locator(NOTICE);
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toContain('There is no place “atlantis” in this newsletter');
    expect(await page.locator('.place-panel').count()).toBe(0);
    await page.screenshot({ path: join(OUT_DIR, 'url-no-place-375x812.png') });
  });

  it('keeps the search and the map-view filter in the URL, and the search narrows the markers', async () => {
    const { page } = await atlas.open('/');
    const all = await storyButtons(page).count();
    const everywhere = await placesOnMap(page);
    const length = await page.evaluate(() => history.length);
    const search = page.getByLabel('Search stories or places');
    await search.pressSequentially('Arkhangelsk');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Arkhangelsk');
    expect(await page.evaluate(() => history.length), 'typing replaces the history entry').toBe(length);
    await waitForStoryCount(page, (n) => n < all);
    await expect.poll(() => placesOnMap(page)).toBeLessThan(everywhere);
    const labels = (await markerLabels(page)).join(' | ');
    expect(labels).toContain('Arkhangelsk');

    await page.getByLabel('Only stories on the map view').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('inview')).toBe('1');

    await page.reload();
    await page.locator('.leaflet-marker-icon[aria-label]').first().waitFor();
    expect(await page.getByLabel('Search stories or places').inputValue()).toBe('Arkhangelsk');
    expect(await page.getByLabel('Only stories on the map view').isChecked()).toBe(true);
    await expect.poll(() => placesOnMap(page)).toBeLessThan(everywhere);

    // Cleared, every story and every marker is back.
    await page.getByLabel('Only stories on the map view').uncheck();
    await page.getByLabel('Search stories or places').fill('');
    await waitForStoryCount(page, (n) => n === all);
    await expect.poll(() => placesOnMap(page)).toBe(everywhere);
    expect(new URL(page.url()).search).toBe('');
  });

  it('Back during the tour returns to the app where the tour began', async () => {
    const { page } = await atlas.open('/?story=6');
    await reader(page).first().waitFor({ state: 'visible' });
    const before = new URL(page.url()).search;
    await page.locator('header button:text-is("Present")').click();
    await page.locator(DIALOG).waitFor({ state: 'visible' });
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBe('1');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBe('3');

    await page.goBack();
    await page.locator(DIALOG).waitFor({ state: 'detached' });
    expect(new URL(page.url()).search).toBe(before);
    await reader(page).first().waitFor({ state: 'visible' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Present');

    // Opened again and left with Esc: the tour's history entry goes with it.
    await page.keyboard.press('Enter');
    await page.locator(DIALOG).waitFor({ state: 'visible' });
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBe('1');
    await page.keyboard.press('Escape');
    await page.locator(DIALOG).waitFor({ state: 'detached' });
    await expect.poll(() => new URL(page.url()).search).toBe(before);
    await reader(page).first().waitFor({ state: 'visible' });
  });
});
