/**
 * The Review panel in headless Chromium, from the production build. The bundled newsletter is
 * curated (every mention certain): it offers no Review, and the panel's chunk is never loaded,
 * so the first marker does not wait for it. (A newsletter with names to review reaches the app
 * by the import view: its browser test opens the panel.)
 */
import { describe, expect, it } from 'vitest';
import { noBrowser, useAtlas } from './harness';

describe.skipIf(noBrowser)('the Review panel', () => {
  const atlas = useAtlas();

  it('is not offered for the curated newsletter, and its code is not loaded', async () => {
    const { page, record } = await atlas.open('/');
    await expect.poll(() => page.locator('header.masthead button').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /^Review/ }).count()).toBe(0);
    expect(record.requests.some((u) => /\/assets\/index-[^/]*\.js$/.test(u))).toBe(true);
    expect(record.requests.filter((u) => /ReviewPanel/.test(u))).toEqual([]);
  });
});
