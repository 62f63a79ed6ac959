/**
 * Back and forward restore the whole state a URL holds (issue 14, src/ui/state): the open story,
 * the open place, the routes drawn and the tour's slide; and every kind of link the app has
 * written still opens what it opened.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MARKER, noBrowser, reader, useAtlas } from './harness';

const GROMOV = 'path[aria-label^="Route: ANT-25 transpolar flight (Gromov"]';
const DIALOG = '[role="dialog"][aria-label^="Tour"]';
const PANEL = '.place-panel';
const TOGGLE = '.map-controls button[aria-pressed]';

const gromov = (page: Page) => page.getByRole('checkbox', { name: /Gromov/ });
const search = (page: Page) => new URL(page.url()).search;
const progress = async (page: Page) =>
  (await page.locator(`${DIALOG} .tour-progress`).innerText()).trim().split(' / ')[0];

describe.skipIf(noBrowser)('Back and forward in headless Chromium (production build)', () => {
  const atlas = useAtlas();

  it('restore the story, the place and the routes of each history entry', async () => {
    const { page } = await atlas.open('/');
    const start = await page.evaluate(() => history.length);
    // Entry 2: a story, then Gromov's route drawn (a checkbox rewrites the entry, adds none).
    await page.locator('nav[aria-label="Stories"] button[data-story="0"]').click();
    await reader(page).first().waitFor();
    const title = await reader(page).first().getAttribute('aria-label');
    await gromov(page).check();
    await page.waitForURL((url) => url.searchParams.get('routes') === 'alsib,gromov-1937');
    expect(await page.evaluate(() => history.length)).toBe(start + 1);
    // Entry 3: a place of the story.
    await page.locator('.reader button.mention').first().click();
    await page.locator(PANEL).waitFor();
    const place = new URL(page.url()).searchParams.get('place');
    expect(place).not.toBeNull();
    const withPlace = search(page);

    await page.goBack();
    await page.locator(PANEL).waitFor({ state: 'detached' });
    expect(await reader(page).first().getAttribute('aria-label')).toBe(title);
    expect(await gromov(page).isChecked()).toBe(true);

    // Back to the start: no story, and Gromov's route not drawn, as the entry was.
    await page.goBack();
    await reader(page).first().waitFor({ state: 'detached' });
    await expect.poll(() => gromov(page).isChecked()).toBe(false);
    await page.locator(GROMOV).waitFor({ state: 'detached' });
    expect(search(page), 'the entry keeps its own URL').toBe('');

    // Forward again: the story with Gromov's route, then the place.
    await page.goForward();
    await reader(page).first().waitFor();
    await expect.poll(() => gromov(page).isChecked()).toBe(true);
    await page.locator(GROMOV).waitFor({ state: 'attached' });
    expect(new URL(page.url()).searchParams.get('routes')).toBe('alsib,gromov-1937');
    await page.goForward();
    await page.locator(PANEL).waitFor();
    expect(search(page)).toBe(withPlace);
    expect(await page.locator(PANEL).getAttribute('aria-label')).not.toBeNull();
    expect(await reader(page).first().getAttribute('aria-label'), 'the story stays open beside it').toBe(
      title,
    );
  });

  it('restore the polar view, and the tour at its slide', async () => {
    const { page } = await atlas.open('/');
    await page.locator(TOGGLE).click();
    await page.waitForURL(/[?&]view=polar/);
    await page.locator('header button:text-is("Present")').click();
    await page.locator(DIALOG).waitFor();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBe('2');

    await page.goBack();
    await page.locator(DIALOG).waitFor({ state: 'detached' });
    expect(search(page)).toBe('?view=polar');
    expect(await page.locator(TOGGLE).getAttribute('aria-pressed')).toBe('true');
    await page.goBack();
    await expect.poll(() => page.locator(TOGGLE).getAttribute('aria-pressed')).toBe('false');

    await page.goForward();
    await expect.poll(() => page.locator(TOGGLE).getAttribute('aria-pressed')).toBe('true');
    // Forward into the tour's entry opens the tour at the slide it showed; Esc leaves it again.
    await page.goForward();
    await page.locator(DIALOG).waitFor();
    await expect.poll(() => progress(page)).toBe('2');
    expect(new URL(page.url()).searchParams.get('present')).toBe('2');
    await page.keyboard.press('Escape');
    await page.locator(DIALOG).waitFor({ state: 'detached' });
    await expect.poll(() => search(page)).toBe('?view=polar');
  });
});

describe.skipIf(noBrowser)('Links of every kind in headless Chromium (production build)', () => {
  const atlas = useAtlas();

  const links: [string, (page: Page) => Promise<void>][] = [
    ['/?story=6', async (page) => void (await reader(page).first().waitFor())],
    ['/?place=moscow', async (page) => void (await page.locator(`${PANEL}[aria-label="Moscow"]`).waitFor())],
    [
      '/?q=Arkhangelsk',
      async (page) =>
        expect(await page.getByLabel('Search stories or places').inputValue()).toBe('Arkhangelsk'),
    ],
    [
      '/?view=polar',
      async (page) => expect(await page.locator(TOGGLE).getAttribute('aria-pressed')).toBe('true'),
    ],
    [
      '/?inview=1',
      async (page) => expect(await page.getByLabel('Only stories on the map view').isChecked()).toBe(true),
    ],
    [
      '/?routes=gromov-1937',
      async (page) => {
        await page.locator(GROMOV).waitFor({ state: 'attached' });
        expect(await page.getByRole('checkbox', { name: /Alaska.Siberia/ }).isChecked()).toBe(false);
      },
    ],
    [
      '/?present=2',
      async (page) => {
        await page.locator(DIALOG).waitFor();
        await expect.poll(() => progress(page)).toBe('2');
      },
    ],
    [
      '/?story=3&place=moscow&view=polar&q=a&routes=gromov-1937',
      async (page) => {
        await page.locator(`${PANEL}[aria-label="Moscow"]`).waitFor();
        expect(await page.locator(TOGGLE).getAttribute('aria-pressed')).toBe('true');
        await page.locator(GROMOV).waitFor({ state: 'attached' });
      },
    ],
  ];

  for (const [link, opened] of links) {
    it(`${link} opens what it opened, and keeps its address`, async () => {
      const { page } = await atlas.open(link);
      await opened(page);
      expect(search(page)).toBe(link.slice(1));
      expect(await page.locator('.url-notice').count()).toBe(0);
    });
  }

  it('?n= of a newsletter the library does not hold says so, and shows the bundled one without it', async () => {
    const { page } = await atlas.open('/?n=n-not-here&story=3', { waitForMarker: false });
    await expect
      .poll(() => page.locator('.library-notice').textContent(), { timeout: 20_000 })
      .toContain('There is no newsletter “n-not-here” in this library');
    await page.locator(MARKER).first().waitFor();
    expect(search(page)).toBe('');
    // The reader moves on from there as from the start view.
    await page.locator('nav[aria-label="Stories"] button[data-story="2"]').click();
    await expect.poll(() => search(page)).toBe('?story=2');
  });
});
