/**
 * The Arctic polar view (issue #3) in headless Chromium: the toggle (a button named "Polar view"
 * with aria-pressed), ?view=polar in the URL and restored on load, the ANT-25 route drawn over
 * the Pole, and the ANT-25 story offering the polar view. Console errors and outside requests are
 * checked after each test (see harness.ts).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noBrowser, OUT_DIR, reader, storyButtons, useAtlas, searchStories } from './harness';

const TOGGLE = '.map-controls button[aria-pressed]';
const ANT25 = 'path[aria-label^="Route: ANT-25 transpolar flight (Chkalov"]';

/** The ANT-25 route's path, as drawn: its points' screen bounding box. */
async function routeBox(page: Page) {
  const path = page.locator(ANT25);
  await path.waitFor({ state: 'attached' });
  return path.boundingBox();
}

describe.skipIf(noBrowser)('Polar view in headless Chromium (production build)', () => {
  const atlas = useAtlas();

  it('switches by keyboard to the polar view, keeps it in the URL and draws ANT-25 over the Pole', async () => {
    const { page } = await atlas.open('/', { width: 1280, height: 800 });
    const toggle = page.locator(TOGGLE);
    expect(await toggle.innerText()).toContain('Polar');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/[?&]view=polar/);
    expect(await page.locator(TOGGLE).getAttribute('aria-pressed')).toBe('true');
    const box = await routeBox(page);
    expect(box).not.toBeNull();
    // Over the Pole the path is long and narrow-ish, not a band along the top of the map.
    expect(box!.height).toBeGreaterThan(50);
    await page.locator('.leaflet-marker-icon[role="button"]').first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT_DIR, 'polar-1280x800.png') });

    // And back: the Mercator map again, the URL without view=polar.
    await page.locator(TOGGLE).click();
    await page.waitForURL((url) => !url.search.includes('view=polar'));
    expect(await page.locator(TOGGLE).getAttribute('aria-pressed')).toBe('false');
    await page.locator(ANT25).waitFor({ state: 'attached' });
  });

  it('restores the polar view from ?view=polar after reload', async () => {
    const { page } = await atlas.open('/?view=polar');
    expect(await page.locator(TOGGLE).getAttribute('aria-pressed')).toBe('true');
    await page.locator(ANT25).waitFor({ state: 'attached' });
    await page.reload();
    await page.locator(ANT25).waitFor({ state: 'attached' });
    expect(await page.locator(TOGGLE).getAttribute('aria-pressed')).toBe('true');
  });

  it('the ANT-25 story offers the polar view', async () => {
    const { page } = await atlas.open('/');
    await searchStories(page, 'Chkalov');
    const count = await storyButtons(page).count();
    let found = false;
    for (let i = 0; i < count && !found; i++) {
      await storyButtons(page).nth(i).click();
      await reader(page).first().waitFor({ state: 'visible' });
      const note = page.locator('.reader .polar-note button');
      if (await note.count()) {
        await note.click();
        found = true;
      } else {
        await page.keyboard.press('Escape');
        await storyButtons(page).first().waitFor();
      }
    }
    expect(found, 'a story found by "Chkalov" offers the polar view').toBe(true);
    await page.waitForURL(/[?&]view=polar/);
    expect(page.url()).toMatch(/[?&]story=\d+/);
    expect(await page.locator(TOGGLE).getAttribute('aria-pressed')).toBe('true');
    await page.locator(ANT25).waitFor({ state: 'attached' });
  });
});
