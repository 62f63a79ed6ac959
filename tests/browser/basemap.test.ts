/**
 * The offline basemap in headless Chromium: zoomed in (the 1:50m atlas), land is filled where the
 * newsletter's inland places are. Drawn as one canvas path of many rings, the land needs the
 * nonzero fill rule: with Leaflet's default even-odd, overlapping rings of the 50m land cancel out
 * and whole continents showed as sea (src/map/basemap.ts). Screenshot: tests/browser/out/basemap-50m.png.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKER, noBrowser, OUT_DIR, useAtlas } from './harness';

/** LAND_STYLE.fillColor in src/map/basemap.ts. */
const LAND = [0xee, 0xf0, 0xe6];

describe.skipIf(noBrowser)('Basemap in headless Chromium (production build)', () => {
  const atlas = useAtlas();

  it('fills the land under inland places once zoomed in to the 1:50m atlas', async () => {
    const { page, record } = await atlas.open('/?place=azerbaijan');
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((r) => r.name.includes('countries-50m')),
    );
    await page.waitForTimeout(1500); // the fly-to and the 50m layer's first draw
    expect(record.requests.some((url) => url.includes('countries-50m'))).toBe(true);
    // The basemap canvas's pixel under the centre of the Azerbaijan marker (the country's centroid).
    const sample = await page.evaluate((selector) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.leaflet-basemap-pane canvas');
      if (!canvas) throw new Error('no basemap canvas');
      const box = canvas.getBoundingClientRect();
      const ctx = canvas.getContext('2d')!;
      const marker = [...document.querySelectorAll<HTMLElement>(selector)].find((m) =>
        m.getAttribute('aria-label')?.startsWith('Azerbaijan'),
      );
      if (!marker) throw new Error('no Azerbaijan marker');
      const r = marker.getBoundingClientRect();
      const scale = canvas.width / box.width;
      const [x, y] = [(r.x + r.width / 2 - box.x) * scale, (r.y + r.height / 2 - box.y) * scale];
      return [...ctx.getImageData(Math.floor(x), Math.floor(y), 1, 1).data.slice(0, 3)];
    }, MARKER);
    await page.screenshot({ path: join(OUT_DIR, 'basemap-50m.png') });
    expect(sample, 'land colour under Azerbaijan').toEqual(LAND);
  });
});
