/**
 * A large newsletter (issue 14, "Scale"), in headless Chromium on the production build: 600
 * generated letters naming 2,400 towns (tests/fixtures/letters.ts), pasted and imported. Such a
 * newsletter draws its first markers from an index of the map's zoom only and lists its stories a
 * moment later; this checks what the reader then finds: every story listed, clustered markers and
 * their labels, and clusters that open all the way down to one town's marker and its panel (the
 * whole index having replaced the first).
 */
import { describe, expect, it } from 'vitest';
import { compiledGazetteer, letters, letterTowns } from '../fixtures/letters';
import { findMarker, MARKER, markerLabels, noBrowser, useAtlas } from './harness';

const LETTERS = 600;
const TITLE = 'Letters from our readers';
const TEXT = [TITLE, ...letters(letterTowns(compiledGazetteer()), LETTERS)].join('\n\n');

describe.skipIf(noBrowser)('A large newsletter in the browser (production build)', () => {
  const atlas = useAtlas();

  it('lists every story, draws clustered markers with labels, and opens a cluster down to one town', async () => {
    const { page } = await atlas.open('/', { width: 1366, height: 800 });
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a newsletter' });
    await dialog.getByLabel('Or paste a text').fill(TEXT);
    await dialog.getByRole('button', { name: 'Import the pasted text' }).click();
    await expect
      .poll(() => page.locator('.masthead p').first().textContent(), { timeout: 60_000 })
      .toContain(TITLE);
    const places = Number(
      /(\d+) places/.exec((await page.locator('.masthead p').first().textContent()) ?? '')?.[1],
    );
    expect(places).toBeGreaterThan(1000);

    // The list comes a moment after the map: every letter is a story of its own.
    await expect
      .poll(() => page.locator('nav[aria-label="Stories"] .count').textContent(), { timeout: 10_000 })
      .toMatch(/^\d+ stories shown$/);
    const listed = Number(
      /^(\d+)/.exec((await page.locator('nav[aria-label="Stories"] .count').textContent())!)![1],
    );
    expect(listed).toBeGreaterThanOrEqual(LETTERS);
    expect(await page.locator('nav[aria-label="Stories"] li[data-row]').count()).toBeLessThan(100);

    // Clusters, named after their places, and the map's labels.
    await expect
      .poll(async () => (await markerLabels(page)).filter((l) => l.startsWith('Cluster of')).length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    await expect.poll(() => page.locator('.atlas-map .map-label-place').count()).toBeGreaterThan(0);

    // A town named by a cluster: its clusters open until its own marker shows, and it opens.
    const cluster = (await markerLabels(page)).find((l) => l.startsWith('Cluster of'))!;
    const town = /: ([^,]+)/.exec(cluster)![1]!;
    const marker = await findMarker(page, town);
    await marker.click();
    await expect.poll(() => page.locator('.place-panel h2').textContent()).toContain(town);

    // The polar map asks for the whole world's clusters: zoomed in, it draws those in its view.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Polar view' }).click();
    await page.locator(`.atlas-map-polar ${MARKER}`).first().waitFor();
    const outside = () =>
      page.evaluate((selector) => {
        const map = document.querySelector('.atlas-map')!.getBoundingClientRect();
        const margin = 100 + 60; // MarkerLayer's VIEW_MARGIN, and a marker's size
        const markers = [...document.querySelectorAll(selector)];
        const off = markers.filter((m) => {
          const b = m.getBoundingClientRect();
          const [x, y] = [b.x + b.width / 2, b.y + b.height / 2];
          return (
            x < map.left - margin || x > map.right + margin || y < map.top - margin || y > map.bottom + margin
          );
        });
        return { markers: markers.length, off: off.length };
      }, MARKER);
    for (let i = 0; i < 3; i++) await page.locator('.leaflet-control-zoom-in').click();
    // Settled: the labels placed for the last zoom, and the markers the same two reads running.
    let last = '';
    await expect
      .poll(
        async () => {
          const now = JSON.stringify(await outside());
          const stale = await page.locator('.leaflet-labels-pane.is-stale').count();
          const same = stale === 0 && now === last;
          last = now;
          return same;
        },
        { timeout: 20_000, interval: 300 },
      )
      .toBe(true);
    const drawn = await outside();
    expect(drawn.markers, 'markers in the polar view').toBeGreaterThan(0);
    expect(drawn.off, 'markers drawn beyond it').toBe(0);
  });
});
