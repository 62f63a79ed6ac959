/**
 * The map by keyboard (issue 11): Enter on a cluster opens it and puts focus on a marker inside
 * it (not on the page); Tab goes through the markers in reading order, or with a story open in
 * the order the story mentions its places.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MARKER, noBrowser, reader, useAtlas } from './harness';

interface Focused {
  label: string;
  places: string[];
  x: number;
  y: number;
  inMap: boolean;
}

/** The focused element, as a marker: its label, places (data-place / data-places) and centre. */
const focused = (page: Page) =>
  page.evaluate((): Focused | null => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || !el.matches('.leaflet-marker-icon[role="button"]')) return null;
    const r = el.getBoundingClientRect();
    const places = el.dataset.place ? [el.dataset.place] : (el.dataset.places ?? '').split(' ');
    return {
      label: el.getAttribute('aria-label') ?? '',
      places,
      x: r.x + r.width / 2,
      y: r.y + r.height / 2,
      inMap: el.closest('.leaflet-container') !== null,
    };
  });

/** Waits until the map has stopped moving (markers keep their places for a few frames). */
async function settle(page: Page) {
  const read = () =>
    page.locator(MARKER).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x).join(','));
  let last = await read();
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(150);
    const now = await read();
    if (now === last) return;
    last = now;
  }
}

/** Focuses the first marker, then Tabs while focus stays on markers; their order. */
async function tabThroughMarkers(page: Page): Promise<Focused[]> {
  await page.locator(MARKER).first().focus();
  const seen: Focused[] = [];
  for (let f = await focused(page); f !== null && seen.length < 80; f = await focused(page)) {
    seen.push(f);
    await page.keyboard.press('Tab');
  }
  return seen;
}

describe.skipIf(noBrowser)('The map by keyboard in headless Chromium (production build)', () => {
  const atlas = useAtlas();

  it('Enter on a cluster zooms in and keeps focus inside the map, on a marker of the cluster', async () => {
    const { page } = await atlas.open('/');
    await settle(page);
    const cluster = page.locator(`${MARKER}[data-cluster]`).first();
    const places = ((await cluster.getAttribute('data-places')) ?? '').split(' ');
    expect(places.length).toBeGreaterThan(1);
    await cluster.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page))?.inMap ?? false, { timeout: 8000 }).toBe(true);
    const now = (await focused(page))!;
    expect(
      now.places.some((p) => places.includes(p)),
      `${now.label} is one of ${places.join(', ')}`,
    ).toBe(true);
    // Space works as well, on whatever the focus landed on if it is a cluster again.
    if (now.places.length > 1) {
      await page.keyboard.press(' ');
      await expect.poll(async () => (await focused(page))?.label !== now.label, { timeout: 8000 }).toBe(true);
      expect((await focused(page))?.inMap).toBe(true);
    }
  });

  it('Tab goes through the markers row by row, west to east', async () => {
    const { page } = await atlas.open('/');
    await settle(page);
    const order = await tabThroughMarkers(page);
    expect(order.length).toBe(await page.locator(MARKER).count());
    // Each next marker is further east in the same row (rows are 40 px bands), or lower down,
    // starting a new row; and the rows go down the screen.
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1]!, order[i]!];
      const eastInRow = b.x >= a.x && Math.abs(b.y - a.y) < 40;
      expect(eastInRow || b.y > a.y, `${a.label} → ${b.label}`).toBe(true);
    }
    expect(order[order.length - 1]!.y).toBeGreaterThan(order[0]!.y);
  });

  it('with a story open, Tab follows the order the story mentions its places', async () => {
    const { page } = await atlas.open('/?story=1');
    await reader(page).first().waitFor({ state: 'visible' });
    await settle(page);
    const mentioned = await reader(page)
      .first()
      .locator('button.mention')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.place ?? ''));
    const rank = (places: string[]) =>
      Math.min(...places.map((p) => (mentioned.includes(p) ? mentioned.indexOf(p) : Infinity)));
    const order = await tabThroughMarkers(page);
    const ranks = order.map((f) => rank(f.places));
    expect(ranks.filter(Number.isFinite).length).toBeGreaterThan(2);
    expect(
      ranks.every((r, i) => i === 0 || r >= ranks[i - 1]!),
      order.map((f) => f.label).join(' → '),
    ).toBe(true);
  });
});
