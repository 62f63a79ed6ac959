/**
 * Map labels (issue 11) in headless Chromium: place and country names drawn as text beside their
 * markers, none overlapping another label or covering a marker; the open story's places picked
 * out (their markers marked, their names shown); labels on the polar map and in the tour; the
 * legend; screenshots at 1366×800, 375×812 and 1920×1080 (tests/browser/out/).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MARKER, noBrowser, OUT_DIR, storyButtons, useAtlas, searchStories } from './harness';

interface Rect {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** A label of the open story's places, or a marker that recedes. */
  story?: boolean;
  receded?: boolean;
}

/** The labels shown now, the markers, and the map's box, in page pixels. */
async function layout(page: Page) {
  return page.evaluate((markerSelector) => {
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return {
        text: e.textContent || (e.getAttribute('aria-label') ?? ''),
        x: r.x,
        y: r.y,
        w: r.width,
        h: r.height,
        story: e.classList.contains('is-emphasised'),
        receded: e.getAttribute('data-emphasis') === 'receded',
      };
    };
    const labels = [...document.querySelectorAll<HTMLElement>('.atlas-map .map-label')]
      .filter((e) => getComputedStyle(e).visibility === 'visible' && e.getClientRects().length > 0)
      .map(rect);
    const markers = [...document.querySelectorAll(markerSelector)].map(rect);
    const map = rect(document.querySelector('.atlas-map')!);
    return { labels, markers, map };
  }, MARKER);
}

const overlap = (a: Rect, b: Rect, slack = 0.5) =>
  a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;

/**
 * Fails naming the first two labels that overlap, or a label over a marker, or one outside the
 * map. Only a label of the open story's places may, when nothing else is free, lie over a
 * receding marker.
 */
function expectClear({ labels, markers, map }: Awaited<ReturnType<typeof layout>>) {
  for (const l of labels) {
    expect(l.x >= map.x - 0.5 && l.x + l.w <= map.x + map.w + 0.5, `${l.text} inside the map`).toBe(true);
    expect(l.y >= map.y - 0.5 && l.y + l.h <= map.y + map.h + 0.5, `${l.text} inside the map`).toBe(true);
  }
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      expect(overlap(labels[i]!, labels[j]!), `"${labels[i]!.text}" overlaps "${labels[j]!.text}"`).toBe(
        false,
      );
    }
    for (const m of markers) {
      if (labels[i]!.story && m.receded) continue;
      expect(overlap(labels[i]!, m), `"${labels[i]!.text}" covers the marker "${m.text}"`).toBe(false);
    }
  }
}

/** Waits until the map has written its labels and they stay put. */
async function settled(page: Page) {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await layout(page));
        const same = now === last && (await page.locator('.atlas-map .map-label').count()) > 0;
        last = now;
        return same;
      },
      { timeout: 15_000, interval: 300 },
    )
    .toBe(true);
  return layout(page);
}

/** The story index of the sister-city story, found through the search box like a reader would. */
async function sisterCityStory(page: Page): Promise<number> {
  await searchStories(page, 'Arkhangelsk');
  const buttons = storyButtons(page);
  for (let i = 0; i < (await buttons.count()); i++) {
    const text = await buttons.nth(i).innerText();
    if (text.includes('Portland')) return Number(await buttons.nth(i).getAttribute('data-story'));
  }
  throw new Error('no story found by "Arkhangelsk" names Portland');
}

describe.skipIf(noBrowser)('Map labels in headless Chromium (production build)', () => {
  const atlas = useAtlas();

  it('names at least 12 places and countries on opening, none overlapping a label or a marker', async () => {
    const { page } = await atlas.open('/', { width: 1366, height: 800 });
    const shown = await settled(page);
    expect(shown.labels.length).toBeGreaterThanOrEqual(12);
    expectClear(shown);
    // Both kinds: names of places beside markers, and country names.
    const kinds = await page
      .locator('.atlas-map .map-label')
      .evaluateAll((els) =>
        els
          .filter((e) => getComputedStyle(e).visibility === 'visible' && e.getClientRects().length > 0)
          .map((e) => e.className),
      );
    expect(kinds.some((k) => k.includes('map-label-place'))).toBe(true);
    expect(kinds.some((k) => k.includes('map-label-country'))).toBe(true);
    // Labels are not read out: the markers carry the names.
    expect(await page.locator('.leaflet-labels-pane').getAttribute('aria-hidden')).toBe('true');
    await page.screenshot({ path: join(OUT_DIR, 'labels-home-1366x800.png') });

    // After zooming in, the labels are chosen again for the new view, still clear.
    await page.locator('.leaflet-control-zoom-in').click();
    await page.locator('.leaflet-control-zoom-in').click();
    expectClear(await settled(page));
  });

  it('hides the labels while the map flies to a story, and names the places again where it lands', async () => {
    const { page } = await atlas.open('/', { width: 1366, height: 800 });
    expectClear(await settled(page));
    // Whether the labels pane is ever hidden from here on (a flight's frames move the markers, not
    // the labels: shown, they would be left where the last zoom had them).
    await page.evaluate(() => {
      const pane = document.querySelector('.leaflet-labels-pane')!;
      (window as unknown as { hiddenSeen: boolean }).hiddenSeen = false;
      new MutationObserver(() => {
        if (getComputedStyle(pane).visibility === 'hidden')
          (window as unknown as { hiddenSeen: boolean }).hiddenSeen = true;
      }).observe(pane, { attributes: true, attributeFilter: ['class'] });
    });
    await storyButtons(page).first().click();
    await page.waitForFunction(() => (window as unknown as { hiddenSeen: boolean }).hiddenSeen);
    const landed = await settled(page);
    expect(await page.locator('.leaflet-labels-pane').evaluate((e) => getComputedStyle(e).visibility)).toBe(
      'visible',
    );
    expect(landed.labels.length).toBeGreaterThan(0);
    expectClear(landed);
  });

  it('picks out the sister-city story: Arkhangelsk and Portland named, their markers marked as the story’s', async () => {
    const { page } = await atlas.open('/', { width: 1366, height: 800 });
    const n = await sisterCityStory(page);
    await page.goto(`${atlas.origin()}/?story=${n}`);
    await page.locator(MARKER).first().waitFor();
    const shown = await settled(page);
    await page.screenshot({ path: join(OUT_DIR, 'labels-story-1366x800.png') });
    expectClear(shown);
    const names = shown.labels.map((l) => l.text);
    expect(names.some((t) => t.startsWith('Arkhangelsk'))).toBe(true);
    expect(names.some((t) => t.startsWith('Portland'))).toBe(true);
    const story = page.locator(`${MARKER}[data-emphasis="story"]`);
    const marked = await story.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(marked.some((l) => l.startsWith('Arkhangelsk') && l.endsWith('in this story'))).toBe(true);
    expect(marked.some((l) => l.includes('Portland') && l.includes('in this story'))).toBe(true);
    // The others recede: smaller than they are with no story open.
    expect(await page.locator(`${MARKER}[data-emphasis="receded"]`).count()).toBeGreaterThan(0);

    for (const [width, height] of [
      [375, 812],
      [1920, 1080],
    ] as const) {
      const { page: other } = await atlas.open(`/?story=${n}`, { width, height, mobile: width < 500 });
      expectClear(await settled(other));
      await other.screenshot({ path: join(OUT_DIR, `labels-story-${width}x${height}.png`) });
    }
  });

  it('names the places of every story on the map (the story’s labels go first)', async () => {
    const { page } = await atlas.open('/', { width: 1366, height: 800 });
    const stories = await storyButtons(page).count();
    let shown = 0;
    const unnamed: string[] = [];
    for (let n = 0; n < stories; n++) {
      await page.goto(`${atlas.origin()}/?story=${n}`);
      await page.locator(MARKER).first().waitFor();
      const now = await settled(page);
      expectClear(now);
      const marked = await page
        .locator(`${MARKER}[data-emphasis="story"][data-place]`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!));
      const names = now.labels.filter((l) => l.story).map((l) => l.text);
      for (const label of marked) {
        // "Washington, D.C., 5 stories, in this story" → "Washington, D.C."
        const name = label.replace(/, \d+ stor(y|ies), in this story$/, '');
        shown++;
        if (!names.includes(name)) unnamed.push(`story ${n}: ${name}`);
      }
    }
    expect(shown).toBeGreaterThan(stories);
    // A name that fits nowhere (no free side or corner inside the map) may be left out; almost none is.
    expect(unnamed.length, unnamed.join('; ')).toBeLessThanOrEqual(Math.floor(shown * 0.05));
  });

  it('labels the polar map, clear of each other and of markers', async () => {
    const { page } = await atlas.open('/?view=polar', { width: 1366, height: 800 });
    const shown = await settled(page);
    expect(shown.labels.length).toBeGreaterThanOrEqual(5);
    expectClear(shown);
    await page.screenshot({ path: join(OUT_DIR, 'labels-polar-1366x800.png') });
  });

  it('has a map key: markers, clusters and each drawn route with its line style; it folds, and starts folded on a laptop or phone', async () => {
    const { page: laptop } = await atlas.open('/', { width: 1366, height: 800 });
    const closed = laptop.locator('.map-legend button[aria-expanded]');
    expect(await closed.getAttribute('aria-expanded')).toBe('false');
    await closed.click();
    expect(await closed.getAttribute('aria-expanded')).toBe('true');
    expect(await laptop.locator('.map-legend-list').isVisible()).toBe(true);

    const { page } = await atlas.open('/', { width: 1920, height: 1080 });
    const toggle = page.locator('.map-legend button[aria-expanded]');
    expect(await toggle.innerText()).toContain('Map key');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const list = page.locator('.map-legend-list');
    expect(await list.innerText()).toMatch(/number of stories naming it/);
    expect(await list.innerText()).toMatch(/Places close together: how many/);
    // One swatch per route drawn, with the route's colour and dashes.
    const drawn = await page
      .locator('path[role="img"][aria-label^="Route: "]')
      .evaluateAll((els) =>
        els.map((e) => [
          e.getAttribute('aria-label')!.slice('Route: '.length),
          e.getAttribute('stroke'),
          e.getAttribute('stroke-dasharray') ?? '',
        ]),
      );
    const swatches = await list.locator('li:has(svg)').evaluateAll((els) =>
      els.map((li) => {
        const line = li.querySelector('line')!;
        return [li.textContent, line.getAttribute('stroke'), line.getAttribute('stroke-dasharray') ?? ''];
      }),
    );
    expect(swatches.length).toBeGreaterThan(0);
    expect(new Set(swatches.map((s) => JSON.stringify(s)))).toEqual(
      new Set(drawn.map((d) => JSON.stringify(d))),
    );
    // Labels keep clear of the open key.
    expectClear(await settled(page));
    const legend = await page.locator('.map-legend').boundingBox();
    for (const l of (await layout(page)).labels) {
      expect(
        overlap(l, { text: 'key', x: legend!.x, y: legend!.y, w: legend!.width, h: legend!.height }),
      ).toBe(false);
    }
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await list.isVisible()).toBe(false);

    const { page: phone } = await atlas.open('/', { width: 375, height: 812, mobile: true });
    const folded = phone.locator('.map-legend button[aria-expanded]');
    expect(await folded.getAttribute('aria-expanded')).toBe('false');
    await folded.click();
    expect(await phone.locator('.map-legend-list').isVisible()).toBe(true);
    await phone.screenshot({ path: join(OUT_DIR, 'labels-legend-375x812.png') });
  });

  it('keeps the labels clear through the tour’s first slides, presented from the home view at 1920×1080', async () => {
    // Presenting changes the labels' size while the map flies to the first slide (the labels
    // pane hidden): their heights must still be read right.
    const { page } = await atlas.open('/', { width: 1920, height: 1080 });
    expectClear(await settled(page));
    await page.locator('.present-button').click();
    await page.locator('.tour-buttons button', { hasText: 'Next' }).waitFor();
    for (let slide = 0; slide < 2; slide++) {
      await page.keyboard.press('ArrowRight');
      expectClear(await settled(page));
    }
  });

  it('on the projector (tour at 1920×1080): labels ≥ 20 px, the slide’s places marked, high contrast on the map too', async () => {
    const { page } = await atlas.open('/?present=2', { width: 1920, height: 1080 });
    await page.locator('[role="dialog"][aria-label^="Tour"] mark.tour-place').first().waitFor();
    await expect.poll(() => page.locator(`${MARKER}[data-emphasis="story"]`).count()).toBeGreaterThan(0);
    const shown = await settled(page);
    expectClear(shown);
    const sizes = await page
      .locator('.atlas-map .map-label-place')
      .evaluateAll((els) =>
        els
          .filter((e) => getComputedStyle(e).visibility === 'visible' && e.getClientRects().length > 0)
          .map((e) => parseFloat(getComputedStyle(e).fontSize)),
      );
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
    const marked = await page
      .locator(`${MARKER}[data-emphasis="story"]`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(marked.every((l) => l.endsWith('on this slide'))).toBe(true);
    // The key is larger too, its sample markers as drawn (not the projector's marker text size).
    const key = await page.locator('.map-legend').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(key).toBeGreaterThanOrEqual(16);
    const sample = await page.locator('.map-legend .legend-marker').first().boundingBox();
    const count = await page.locator('.map-legend .legend-marker .marker-count').first().boundingBox();
    expect(count!.width).toBeLessThanOrEqual(sample!.width);
    await page.screenshot({ path: join(OUT_DIR, 'labels-tour-1920x1080.png') });

    const land = () =>
      page.evaluate(() => getComputedStyle(document.querySelector('.leaflet-basemap-pane')!).filter);
    expect(await land()).toBe('none');
    await page.locator('[role="dialog"] button:text-is("High contrast")').click();
    await expect.poll(land).not.toBe('none');
    const label = await page
      .locator('.atlas-map .map-label-place')
      .first()
      .evaluate((e) => getComputedStyle(e).color);
    expect(label).toBe('rgb(0, 0, 0)');
    expectClear(await settled(page));
    await page.screenshot({ path: join(OUT_DIR, 'labels-tour-1920x1080-contrast.png') });
    // Leaving the tour gives the markers back their usual look.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(`${MARKER}[data-emphasis]`).count()).toBe(0);
  });

  for (const [width, height] of [
    [375, 812],
    [1920, 1080],
  ] as const) {
    it(`labels the home view at ${width}×${height}`, async () => {
      const { page } = await atlas.open('/', { width, height, mobile: width < 500 });
      const shown = await settled(page);
      expect(shown.labels.length).toBeGreaterThan(0);
      expectClear(shown);
      await page.screenshot({ path: join(OUT_DIR, `labels-home-${width}x${height}.png`) });
    });
  }
});
