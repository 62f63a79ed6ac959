/**
 * Route comparison layers (issue #3) in headless Chromium: the ANT-25 flight and the
 * Alaska–Siberia route drawn by default, the comparisons (Gromov 1937, the 1935 attempt, the
 * planned Oakland leg) switched on and off by checkboxes in the Routes legend, by keyboard, on
 * both maps. Console errors and outside requests are checked after each test (harness.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noBrowser, OUT_DIR, useAtlas } from './harness';

const ROUTES = 'path[role="img"][aria-label^="Route: "]';
const GROMOV = 'path[aria-label^="Route: ANT-25 transpolar flight (Gromov"]';
const PLANNED = 'path[aria-label^="Route: ANT-25 planned leg"]';

describe.skipIf(noBrowser)('Route comparison layers in headless Chromium (production build)', () => {
  const atlas = useAtlas();

  it('draws the flight and ALSIB by default, not the comparisons', async () => {
    const { page } = await atlas.open();
    await page.locator(ROUTES).first().waitFor({ state: 'attached' });
    const labels = await page
      .locator(ROUTES)
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(
      labels.some((l) => l?.includes('(Chkalov')),
      JSON.stringify(labels),
    ).toBe(true);
    expect(
      labels.some((l) => l && /Alaska.Siberia/.test(l)),
      JSON.stringify(labels),
    ).toBe(true);
    expect(await page.locator(GROMOV).count()).toBe(0);
    expect(await page.locator(PLANNED).count()).toBe(0);
    const legend = page.getByRole('group', { name: 'Routes' });
    for (const name of [/Gromov/, /planned leg/, /1935/]) {
      expect(await legend.getByRole('checkbox', { name }).isChecked(), String(name)).toBe(false);
    }
    expect(await legend.getByRole('checkbox', { name: /Alaska.Siberia/ }).isChecked()).toBe(true);
    // The flight itself is always drawn: no checkbox.
    expect(await legend.getByRole('checkbox', { name: /Chkalov/ }).count()).toBe(0);
  });

  it('switches Gromov on and off by keyboard', async () => {
    const { page } = await atlas.open();
    const gromov = page.getByRole('checkbox', { name: /Gromov/ });
    await gromov.focus();
    await page.keyboard.press('Space');
    expect(await gromov.isChecked()).toBe(true);
    await page.locator(GROMOV).waitFor({ state: 'attached' });
    expect(await page.locator(GROMOV).getAttribute('role')).toBe('img');
    await page.keyboard.press('Space');
    expect(await gromov.isChecked()).toBe(false);
    await page.locator(GROMOV).waitFor({ state: 'detached' });
  });

  it('draws the planned Oakland leg dashed, in a pattern no other drawn route has', async () => {
    const { page } = await atlas.open();
    await page.getByRole('checkbox', { name: /planned leg/ }).check();
    await page.getByRole('checkbox', { name: /Gromov/ }).check();
    await page.getByRole('checkbox', { name: /1935/ }).check();
    const planned = page.locator(PLANNED);
    await planned.waitFor({ state: 'attached' });
    const dash = await planned.getAttribute('stroke-dasharray');
    expect(dash).toMatch(/\d/);
    const styles = await page
      .locator(ROUTES)
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('stroke')}|${e.getAttribute('stroke-dasharray')}`),
      );
    expect(styles.length).toBe(5);
    expect(new Set(styles).size).toBe(5);
    expect(new Set(styles.map((s) => s.split('|')[1])).size).toBe(5);
  });

  it('lists each waypoint with its source under a Sources button, and closes with Escape', async () => {
    const { page } = await atlas.open();
    const legend = page.getByRole('group', { name: 'Routes' });
    const gromov = legend.getByRole('button', { name: /^Sources: .*Gromov/ });
    expect(await gromov.getAttribute('aria-expanded')).toBe('false');
    await gromov.click();
    expect(await gromov.getAttribute('aria-expanded')).toBe('true');
    const list = page.getByRole('region', { name: /^Sources: .*Gromov/ });
    expect(await gromov.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
    const rows = await list.locator('li').allInnerTexts();
    expect(rows.length).toBe(6);
    expect(rows[0]).toMatch(/^Shchyolkovo airfield .*: coordinates: Wikipedia: Chkalovsky Airport/);
    expect(rows[1]).toContain('Novaya Zemlya: route: Nature 140, 143 (1937)');
    expect(rows[5]).toContain('California Historical Landmark No. 989');
    for (const row of rows) expect(row).not.toContain('routes.md');

    // One list at a time: ALSIB's replaces Gromov's; Krasnoyarsk cites the ALSIB article.
    const alsib = legend.getByRole('button', { name: /^Sources: Alaska.Siberia/ });
    await alsib.click();
    expect(await gromov.getAttribute('aria-expanded')).toBe('false');
    const alsibRows = await page.getByRole('region', { name: /^Sources: Alaska.Siberia/ }).locator('li');
    expect(await alsibRows.count()).toBe(14);
    expect(await alsibRows.last().innerText()).toMatch(/^Krasnoyarsk: Wikipedia: Alaska-Siberia air route/);

    // Escape closes the list and gives focus back to its button.
    await page.keyboard.press('Escape');
    expect(await alsib.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('region', { name: /^Sources: / }).count()).toBe(0);
    expect(await alsib.evaluate((el) => el === document.activeElement)).toBe(true);

    await gromov.click();
    await page.screenshot({ path: join(OUT_DIR, 'route-sources-1280x800.png') });
  });

  it('keeps the chosen routes in the URL (?routes=) without new history entries, and restores them', async () => {
    const { page } = await atlas.open('/?story=0');
    expect(new URL(page.url()).searchParams.has('routes')).toBe(false);
    const historyLength = await page.evaluate(() => history.length);
    await page.getByRole('checkbox', { name: /Gromov/ }).check();
    await page.waitForURL((url) => url.searchParams.get('routes') === 'alsib,gromov-1937');
    await page.getByRole('checkbox', { name: /Alaska.Siberia/ }).uncheck();
    await page.waitForURL((url) => url.searchParams.get('routes') === 'gromov-1937');
    expect(page.url()).toContain('routes=gromov-1937');
    expect(new URL(page.url()).searchParams.get('story')).toBe('0');
    expect(await page.evaluate(() => history.length)).toBe(historyLength);

    // A story opened and closed (pushState) keeps the param.
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => !url.searchParams.has('story'));
    expect(new URL(page.url()).searchParams.get('routes')).toBe('gromov-1937');

    await page.reload();
    await page.locator(GROMOV).waitFor({ state: 'attached' });
    expect(await page.getByRole('checkbox', { name: /Gromov/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /Alaska.Siberia/ }).isChecked()).toBe(false);
    expect(await page.locator('path[aria-label^="Route: Alaska"]').count()).toBe(0);
    // The flight is drawn whatever the param says.
    expect(await page.locator('path[aria-label^="Route: ANT-25 transpolar flight (Chkalov"]').count()).toBe(
      1,
    );

    // Back to the defaults: the param goes.
    await page.getByRole('checkbox', { name: /Gromov/ }).uncheck();
    await page.getByRole('checkbox', { name: /Alaska.Siberia/ }).check();
    await page.waitForURL((url) => !url.searchParams.has('routes'));
  });

  it('draws a switched-on comparison on the polar map too', async () => {
    const { page } = await atlas.open('/?view=polar', { width: 1280, height: 800 });
    await page.getByRole('checkbox', { name: /Gromov/ }).check();
    await page.locator(GROMOV).waitFor({ state: 'attached' });
    expect(await page.locator(GROMOV).count()).toBe(1);
  });
});
