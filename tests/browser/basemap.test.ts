/**
 * The offline basemap in headless Chromium: zoomed in (the 1:50m atlas), land is filled where the
 * newsletter's inland places are. Drawn as one canvas path of many rings, the land needs the
 * nonzero fill rule: with Leaflet's default even-odd, overlapping rings of the 50m land cancel out
 * and whole continents showed as sea (src/map/basemap.ts). Screenshot: tests/browser/out/basemap-50m.png.
 */
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MARKER, noBrowser, OUT_DIR, useAtlas } from './harness';
import { TILES_FAILED } from '../../src/map/messages';

/** LAND_STYLE.fillColor in src/map/basemap.ts. */
const LAND = [0xee, 0xf0, 0xe6];

/**
 * The basemap's colour under the centre of the marker whose label starts with `place`: read from
 * the canvas there (a tile of the Mercator map's zoom, which Leaflet puts over the last zoom's).
 */
function landUnder(page: Page, place: string): Promise<number[] | null> {
  return page.evaluate(
    ([selector, name]) => {
      const marker = [...document.querySelectorAll<HTMLElement>(selector)].find((m) =>
        m.getAttribute('aria-label')?.startsWith(name),
      );
      if (!marker) return null;
      const r = marker.getBoundingClientRect();
      const [cx, cy] = [r.x + r.width / 2, r.y + r.height / 2];
      const level = (c: Element) => Number(c.parentElement?.style.zIndex) || 0;
      const canvas = [...document.querySelectorAll<HTMLCanvasElement>('.leaflet-basemap-pane canvas')]
        .filter((c) => {
          const b = c.getBoundingClientRect();
          return cx >= b.left && cx < b.right && cy >= b.top && cy < b.bottom;
        })
        .sort((a, b) => level(b) - level(a))[0];
      if (!canvas) return null;
      const box = canvas.getBoundingClientRect();
      const scale = canvas.width / box.width;
      const [x, y] = [(cx - box.x) * scale, (cy - box.y) * scale];
      return [...canvas.getContext('2d')!.getImageData(Math.floor(x), Math.floor(y), 1, 1).data.slice(0, 3)];
    },
    [MARKER, place] as const,
  );
}

const OSM = /^https:\/\/tile\.openstreetmap\.org\//;

describe.skipIf(noBrowser)('Basemap in headless Chromium (production build)', () => {
  const atlas = useAtlas();

  it('keeps the bundled land under online tiles until they load, and falls back when they fail', async () => {
    const { page, record } = await atlas.open('/?place=azerbaijan');
    await expect.poll(() => landUnder(page, 'Azerbaijan'), { timeout: 10_000 }).toEqual(LAND);
    // The tile requests never reach the network: held first (tiles on their way), then aborted
    // (no network). They are answered here, before the harness's guard would count them.
    const held: Route[] = [];
    const tileUrls: string[] = [];
    await page.route(OSM, (route) => {
      tileUrls.push(route.request().url());
      held.push(route);
    });
    await page.getByRole('checkbox', { name: /online map tiles/i }).check();
    await expect.poll(() => held.length).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    expect(await landUnder(page, 'Azerbaijan'), 'land while the tiles are on their way').toEqual(LAND);
    expect(await page.locator('.tiles-note').count()).toBe(0);

    for (const route of held.splice(0)) await route.abort('internetdisconnected');
    await page.unroute(OSM);
    await page.route(OSM, (route) => {
      tileUrls.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    const note = page.locator('.tiles-note[role="status"]');
    await note.waitFor({ state: 'visible' });
    expect(await note.innerText()).toBe(TILES_FAILED);
    await expect.poll(() => landUnder(page, 'Azerbaijan')).toEqual(LAND);
    expect(await page.locator('.leaflet-tile-pane img').count(), 'no tile layer left').toBe(0);
    await page.screenshot({ path: join(OUT_DIR, 'basemap-tiles-failed.png') });

    // Switched off, the note goes; every request that tried to leave was a tile, and none got out.
    await page.getByRole('checkbox', { name: /online map tiles/i }).uncheck();
    await note.waitFor({ state: 'detached' });
    expect(tileUrls.length).toBeGreaterThan(0);
    expect(tileUrls.every((u) => OSM.test(u))).toBe(true);
    expect(record.blocked).toEqual([]);
    // The browser logs each failed tile image; those are the expected ones, nothing else.
    // The browser logs each failed tile image ("Failed to load resource: … (https://tile…)"):
    // those are the expected ones; any other console error still fails the test.
    const isTileError = (e: string) =>
      /ERR_INTERNET_DISCONNECTED \(https:\/\/tile\.openstreetmap\.org\//.test(e);
    expect(record.consoleErrors.some(isTileError)).toBe(true);
    const others = record.consoleErrors.filter((e) => !isTileError(e));
    record.consoleErrors.splice(0, record.consoleErrors.length, ...others);
  });

  it('makes the 1:50m atlas ahead of time; if it cannot be had, says so only once it is wanted', async () => {
    const failing = /countries-50m/;
    const { page, record } = await atlas.open('/', {
      init: async (p) => {
        await p.route(failing, (route) => route.fulfill({ status: 503, body: 'unavailable' }));
      },
    });
    // Asked for in idle time, before any zoom: its failure is not said yet.
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            performance.getEntriesByType('resource').some((r) => r.name.includes('countries-50m')),
          ),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    await page.waitForTimeout(500);
    const note = page.locator('.map-note[role="status"]', { hasText: '50m basemap could not be loaded' });
    expect(await note.count()).toBe(0);
    // A story of one place: the map flies in to the 1:50m atlas, now wanted, and the note says it
    // could not be loaded.
    await page.locator('nav[aria-label="Stories"] button[data-story="2"]').click();
    await note.waitFor({ state: 'visible' });
    // The browser logs the failed request ("Failed to load resource: … 503"): the expected one.
    const isExpected = (e: string) => /503/.test(e) && failing.test(e);
    expect(record.consoleErrors.some(isExpected)).toBe(true);
    const others = record.consoleErrors.filter((e) => !isExpected(e));
    record.consoleErrors.splice(0, record.consoleErrors.length, ...others);
  });

  it('credits the basemap and the place data in the attribution line, on both maps', async () => {
    const { page } = await atlas.open('/');
    const credit = page.locator('.leaflet-control-attribution');
    await expect.poll(() => credit.textContent()).toMatch(/Natural Earth/);
    expect(await credit.textContent()).toMatch(/Places: GeoNames \(CC BY 4\.0\)/);
    const { page: polar } = await atlas.open('/?view=polar');
    await expect
      .poll(() => polar.locator('.atlas-map-polar .leaflet-control-attribution').textContent())
      .toMatch(/GeoNames \(CC BY 4\.0\)/);
  });

  it('fills the land under inland places once zoomed in to the 1:50m atlas', async () => {
    const { page, record } = await atlas.open('/?place=azerbaijan');
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((r) => r.name.includes('countries-50m')),
    );
    await page.waitForTimeout(1500); // the fly-to and the 50m layer's first draw
    expect(record.requests.some((url) => url.includes('countries-50m'))).toBe(true);
    // The basemap's pixel under the centre of the Azerbaijan marker (the country's centroid).
    const sample = await landUnder(page, 'Azerbaijan');
    await page.screenshot({ path: join(OUT_DIR, 'basemap-50m.png') });
    expect(sample, 'land colour under Azerbaijan').toEqual(LAND);
  });
});
