/**
 * The phone (375×812): the place panel and the open story are bottom sheets that leave the map at
 * least 40% of the screen, with a handle that folds, opens and drags them; the routes legend folds
 * into one line. Screenshots: tests/browser/out/phone-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noBrowser, OUT_DIR, reader, useAtlas } from './harness';

const PHONE = { width: 375, height: 812, mobile: true };
const PANEL = '.place-panel[role="dialog"]';

/**
 * The share of the screen where the map shows: the map container's box inside the viewport,
 * less what the place panel and the sidebar cover of it.
 */
function mapShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    type Box = { x0: number; y0: number; x1: number; y1: number };
    const boxOf = (el: Element | null): Box | null => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    };
    const clip = (a: Box, b: Box): Box | null => {
      const c = {
        x0: Math.max(a.x0, b.x0),
        y0: Math.max(a.y0, b.y0),
        x1: Math.min(a.x1, b.x1),
        y1: Math.min(a.y1, b.y1),
      };
      return c.x1 > c.x0 && c.y1 > c.y0 ? c : null;
    };
    const area = (b: Box | null) => (b ? (b.x1 - b.x0) * (b.y1 - b.y0) : 0);
    const screen = { x0: 0, y0: 0, x1: window.innerWidth, y1: window.innerHeight };
    const map = clip(boxOf(document.querySelector('.leaflet-container'))!, screen);
    if (!map) return 0;
    // Covering boxes, each clipped to the map; overlaps between them are counted once by
    // sampling a grid (the boxes are few and large).
    const covers = [boxOf(document.querySelector('.place-panel')), boxOf(document.querySelector('.sidebar'))]
      .filter((b): b is Box => b !== null)
      .map((b) => clip(b, map))
      .filter((b): b is Box => b !== null);
    let shown = 0;
    const step = 4;
    for (let y = map.y0 + step / 2; y < map.y1; y += step) {
      for (let x = map.x0 + step / 2; x < map.x1; x += step) {
        if (!covers.some((c) => x >= c.x0 && x < c.x1 && y >= c.y0 && y < c.y1)) shown += step * step;
      }
    }
    return Math.min(shown, area(map)) / area(screen);
  });
}

const handle = (page: Page, within: string) => page.locator(`${within} .sheet-handle`);

describe.skipIf(noBrowser)('The phone layout in headless Chromium (production build)', () => {
  const atlas = useAtlas();

  it('a place panel is a bottom sheet over the lower part of the screen: the map keeps 40%', async () => {
    const { page } = await atlas.open('/?place=arkhangelsk', PHONE);
    const panel = page.locator(PANEL);
    await panel.waitFor({ state: 'visible' });
    expect(await mapShare(page)).toBeGreaterThanOrEqual(0.4);
    const box = (await panel.boundingBox())!;
    expect(Math.round(box.y + box.height)).toBe(812); // a sheet: on the bottom edge
    expect(box.width).toBeGreaterThan(370);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT_DIR, 'phone-375x812-place.png') });

    // The handle folds it down, opens it fully, and brings it back to half.
    const grip = handle(page, PANEL);
    expect(await grip.getAttribute('aria-expanded')).toBe('true');
    expect(await grip.getAttribute('aria-label')).toBe('Arkhangelsk panel, half open');
    await grip.click();
    await expect.poll(() => grip.getAttribute('aria-label')).toBe('Arkhangelsk panel, fully open');
    await expect.poll(async () => (await panel.boundingBox())!.height).toBeGreaterThan(600);
    await grip.click();
    await expect.poll(() => grip.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(async () => (await panel.boundingBox())!.height).toBeLessThan(150);
    expect(await mapShare(page)).toBeGreaterThan(0.45);
    await page.screenshot({ path: join(OUT_DIR, 'phone-375x812-place-folded.png') });
    // The keyboard: arrow up grows it again.
    await grip.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => grip.getAttribute('aria-label')).toBe('Arkhangelsk panel, half open');
  });

  it('the handle drags the sheet and lets go at the nearest size', async () => {
    const { page } = await atlas.open('/?place=arkhangelsk', PHONE);
    const panel = page.locator(PANEL);
    await panel.waitFor({ state: 'visible' });
    const grip = handle(page, PANEL);
    const g = (await grip.boundingBox())!;
    const x = g.x + g.width / 2;
    await page.mouse.move(x, g.y + 5);
    await page.mouse.down();
    for (let y = g.y; y > 120; y -= 60) await page.mouse.move(x, y);
    expect((await panel.boundingBox())!.height).toBeGreaterThan(600); // follows the finger
    await page.mouse.up();
    await expect.poll(() => grip.getAttribute('aria-label')).toBe('Arkhangelsk panel, fully open');
    // Down to the bottom edge: folded.
    const g2 = (await grip.boundingBox())!;
    await page.mouse.move(x, g2.y + 5);
    await page.mouse.down();
    for (let y = g2.y; y < 800; y += 60) await page.mouse.move(x, y);
    await page.mouse.up();
    await expect.poll(() => grip.getAttribute('aria-label')).toBe('Arkhangelsk panel, folded down');
  });

  it('an open story is a bottom sheet too, with a place open over it', async () => {
    const { page } = await atlas.open('/?story=6', PHONE);
    await reader(page).first().waitFor({ state: 'visible' });
    expect(await mapShare(page)).toBeGreaterThanOrEqual(0.4);
    const grip = handle(page, '.sidebar');
    expect(await grip.getAttribute('aria-label')).toBe('Story panel, half open');

    await reader(page).first().locator('button.mention', { hasText: 'Arkhangelsk' }).first().click();
    await page.locator(PANEL).waitFor({ state: 'visible' });
    expect(await mapShare(page)).toBeGreaterThanOrEqual(0.4);
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(OUT_DIR, 'phone-375x812-story-place.png') });
    await page.keyboard.press('Escape');
    await page.locator(PANEL).waitFor({ state: 'hidden' });

    // Folded down, the story sheet leaves the map most of the screen, and the map follows.
    const before = (await page.locator('.leaflet-container').boundingBox())!.height;
    await grip.click(); // full
    await grip.click(); // folded
    await expect.poll(() => grip.getAttribute('aria-expanded')).toBe('false');
    await expect
      .poll(async () => (await page.locator('.leaflet-container').boundingBox())!.height)
      .toBeGreaterThan(before + 200);
    expect(await mapShare(page)).toBeGreaterThan(0.75);
    await page.screenshot({ path: join(OUT_DIR, 'phone-375x812-story-folded.png') });
  });

  it('folds the routes legend into one line with a disclosure button', async () => {
    const { page } = await atlas.open('/', PHONE);
    const controls = page.locator('.map-controls');
    const folded = (await controls.boundingBox())!;
    expect(folded.height).toBeLessThan(60);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const toggle = page.getByRole('button', { name: /^Routes/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.route-button').first().isVisible()).toBe(false);
    await page.screenshot({ path: join(OUT_DIR, 'phone-375x812-start.png') });

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.locator('.route-button').first().waitFor({ state: 'visible' });
    // Unfolded, every route button fits the screen's width (wrapped, not a sideways strip).
    const rights = await page
      .locator('.route-button')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    expect(Math.max(...rights)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(OUT_DIR, 'phone-375x812-routes.png') });
    // Esc folds it back, focus on the disclosure.
    await page.locator('.route-button').first().focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it.each([
    [1366, 800],
    [1920, 1080],
  ])('at %ix%i the panels are no sheets and the legend is not folded', async (width, height) => {
    const { page } = await atlas.open('/?place=arkhangelsk', { width, height });
    await page.locator(PANEL).waitFor({ state: 'visible' });
    expect(await page.locator('.sheet-handle').first().isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /^Routes/ }).isVisible()).toBe(false);
    await page.locator('.route-button').first().waitFor({ state: 'visible' });
    const panel = (await page.locator(PANEL).boundingBox())!;
    expect(panel.width).toBeLessThanOrEqual(362); // the corner panel, as before
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT_DIR, `phone-desktop-${width}x${height}.png`) });
  });
});
