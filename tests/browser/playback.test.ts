/**
 * ANT-25 flight playback (issue #3) in headless Chromium: the panel in the flight's story, Play
 * moves the time and the plane, the scrubber at its end shows the landing and the newsletter's
 * eleven gallons. Console errors and outside requests are checked after each test (harness.ts).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noBrowser, OUT_DIR, reader, storyButtons, useAtlas, waitForStoryCount } from './harness';

const PANEL = 'section[aria-label="ANT-25 flight playback"]';

/** Opens the story found by "Chkalov" that has the playback panel. */
async function openFlightStory(page: Page) {
  await page.locator('#search').fill('Chkalov');
  await waitForStoryCount(page, (n) => n > 0);
  const count = await storyButtons(page).count();
  for (let i = 0; i < count; i++) {
    await storyButtons(page).nth(i).click();
    await reader(page).first().waitFor({ state: 'visible' });
    if (await page.locator(PANEL).count()) return page.locator(PANEL);
    await page.keyboard.press('Escape');
    await storyButtons(page).first().waitFor();
  }
  throw new Error('no story found by "Chkalov" has the flight playback');
}

describe.skipIf(noBrowser)('ANT-25 flight playback in headless Chromium (production build)', () => {
  const atlas = useAtlas();

  it('plays, moves the plane, and scrubs to the landing', async () => {
    const { page } = await atlas.open('/', { width: 1280, height: 800 });
    const panel = await openFlightStory(page);
    const elapsed = panel.locator('.playback-elapsed');
    expect(await elapsed.innerText()).toBe('T+00:00');
    expect(await panel.locator('[aria-live="off"]').count()).toBe(1);

    await panel.getByRole('button', { name: 'Play' }).click();
    await panel.getByRole('button', { name: 'Pause' }).waitFor();
    await page.waitForTimeout(1500);
    const during = await elapsed.innerText();
    expect(during).toMatch(/^T\+\d\d:\d\d$/);
    expect(during).not.toBe('T+00:00');
    await page
      .locator('.leaflet-marker-icon.plane-marker[aria-hidden="true"]')
      .waitFor({ state: 'attached' });

    // Pause with Space from the scrubber, then jump to its end.
    const range = panel.getByRole('slider', { name: 'Flight time' });
    await range.focus();
    await page.keyboard.press(' ');
    await panel.getByRole('button', { name: 'Play' }).waitFor();
    await page.keyboard.press('End');
    expect(await range.inputValue()).toBe(String(63 * 60 + 16));
    expect(await elapsed.innerText()).toBe('T+63:16');
    expect(await panel.locator('.playback-remaining').innerText()).toMatch(/^0 km/);
    expect(await panel.locator('.playback-leg').innerText()).toContain('Pearson Field');
    expect(await panel.locator('blockquote').innerText()).toContain('eleven gallons');
    expect(await panel.locator('figcaption').innerText()).toMatch(/— the newsletter, line \d+/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT_DIR, 'playback-1280x800.png') });
  });
});
