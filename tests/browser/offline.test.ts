/**
 * The take-away copy (issue #4): "Download for offline" in the served app saves one HTML file,
 * which is opened from disk (file://) in a fresh context where every request that is not file: is
 * aborted and recorded. The copy must show the markers, open a story, switch to the polar view
 * (a lazy chunk in the served app: inlined in the copy), log no console error, and carry the
 * teacher's saved choices intact (one of them holds "</script>"): the library's saved tours and
 * settings, and `newsletter-atlas:` localStorage entries the library has not taken over, seeded
 * into the copy's own library on its first opening; and present the classroom tour by keyboard
 * with the teacher's saved choices (a hidden slide, high contrast).
 * Screenshots: tests/browser/out/offline-*.png.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIST } from './chromium';
import { MARKER, markerLabels, noBrowser, OUT_DIR, reader, storyButtons, useAtlas } from './harness';
import { libraryEntries, putSavedTour, putSetting } from './libraryDb';

const DOWNLOAD = 'Download for offline';
const TOGGLE = '.map-controls button[aria-pressed]';
const ANT25 = 'path[aria-label^="Route: ANT-25 transpolar flight (Chkalov"]';
const PRESENT = 'header button:text-is("Present")';
const DIALOG = '[role="dialog"][aria-label^="Tour"]';
const NEWSLETTER = 'russian-embassy-2020-06';
/**
 * A saved tour as the classroom tour keeps it (src/core/tour.ts): the first story's slide hidden,
 * a note on the title slide that would end a <script> element if it were not escaped.
 */
const SAVED_TOUR = JSON.stringify({
  format: 'newsletter-atlas-tour',
  version: 1,
  newsletter: NEWSLETTER,
  slides: [
    { id: 'title', note: 'Start with the map. </script><!-- not a comment' },
    { id: 'story-0', hidden: true },
  ],
  custom: [],
});

/** What a teacher might have saved: odd characters on purpose, and a value that ends a script. */
const ENTRIES: Record<string, string> = {
  'newsletter-atlas:test-notes': JSON.stringify({
    1: 'Ask the class: why over the Pole?</script><script>window.__pwned = 1</script>',
    2: 'Ends a comment --> opens one <!-- & quotes " \' and a line\u2028separator',
  }),
  'newsletter-atlas:test-order': '[3,1,2]',
  'newsletter-atlas:test-unicode': 'Чкалов · Ванкувер · 🛩',
};

/** A newsletter pasted into the app before the copy is made. */
const IMPORTED = 'Lake letters\n\nA choir from Geneva sang in Lausanne and Montreux.\n';

/** The library's tours and settings, keyed as the copy carries them (`newsletter-atlas:…`). */
const atlasEntries = libraryEntries;

/** The tour's progress text, "n / total". */
const progress = (page: Page) => page.locator(`${DIALOG} .tour-progress`).innerText();

/** Opens the tour with the Present button; returns the slide count from "1 / N". */
async function present(page: Page): Promise<number> {
  await page.locator(PRESENT).click();
  await page.locator(DIALOG).waitFor();
  const text = await progress(page);
  const m = /^1 \/ (\d+)$/.exec(text.trim());
  if (!m) throw new Error(`tour progress is ${JSON.stringify(text)}, expected "1 / N"`);
  return Number(m[1]);
}

/** Presses a key in the tour and waits for the progress to read "n / …". */
async function step(page: Page, key: string, n: number) {
  await page.keyboard.press(key);
  await expect.poll(() => progress(page)).toMatch(new RegExp(`^${n} / \\d+$`));
}

/** Clicks "Download for offline" and saves the file it downloads as tests/browser/out/<name>. */
async function download(page: Page, name: string): Promise<{ path: string; suggested: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: DOWNLOAD }).click(),
  ]);
  const path = join(OUT_DIR, name);
  await file.saveAs(path);
  expect(await file.failure()).toBeNull();
  return { path, suggested: file.suggestedFilename() };
}

interface FilePage {
  page: Page;
  /** Every URL requested that is not file:, each aborted. */
  blocked: string[];
  errors: string[];
  close(): Promise<void>;
}

/** Opens a saved copy from disk in a fresh context with every non-file: request aborted. */
async function openFromDisk(
  browser: Browser,
  path: string,
  viewport = { width: 1280, height: 800 },
): Promise<FilePage> {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  await context.routeWebSocket(/.*/, (ws) => {
    blocked.push(ws.url());
    return ws.close();
  });
  // Every page of the context (a presenter window too) is recorded.
  const record = (page: Page) => {
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !blocked.includes(request.url())) blocked.push(request.url());
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (error) => errors.push(String(error.stack ?? error)));
  };
  context.on('page', record);
  const page = await context.newPage();
  await page.goto(pathToFileURL(path).href);
  return { page, blocked, errors, close: () => context.close() };
}

describe.skipIf(noBrowser)('Offline copy: one HTML file from file:// with no network', () => {
  const atlas = useAtlas();

  it('downloads a copy that opens from disk with the map, a story, the polar view and the saved entries', async () => {
    const { page } = await atlas.open('/');
    await page.evaluate((entries) => {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
      localStorage.setItem('some-other-app', 'not ours');
    }, ENTRIES);

    const saved = await download(page, 'offline-copy.html');
    expect(saved.suggested).toBe('newsletter-atlas-russian-embassy-2020-06-offline.html');
    await expect
      .poll(() => page.locator('.offline-status').innerText())
      .toMatch(
        /^Saved newsletter-atlas-russian-embassy-2020-06-offline\.html \(\d+\.\d MB, 3 saved settings\)/,
      );

    // One file: no script, stylesheet or image that points elsewhere; the entries embedded once.
    const html = readFileSync(saved.path, 'utf8');
    expect(statSync(saved.path).size).toBeLessThan(3_000_000);
    // (Booleans, not toContain: a failure would print the whole 1.5 MB file.)
    expect(/<script[^>]+src=/.test(html), 'a <script src>').toBe(false);
    expect(/<link[^>]+rel="stylesheet"/.test(html), 'a stylesheet link').toBe(false);
    expect(html.match(/id="atlas-embedded-storage"/g)).toHaveLength(1);
    expect(html.includes('</script><script>window.__pwned'), 'the saved value unescaped').toBe(false);
    expect(html.includes('some-other-app'), "another app's entry").toBe(false);
    // Both basemaps (world-atlas 1:110m and 1:50m) are inside the copy, and only there: the served
    // app's scripts fetch them instead (src/web/topology.ts).
    const basemap = '{"countries":{"type":"GeometryCollection"';
    expect(html.split(basemap).length - 1, 'basemaps in the copy').toBe(2);
    const assets = join(DIST, 'assets');
    for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(join(assets, file), 'utf8').includes(basemap), `basemap in ${file}`).toBe(false);
    }

    const copy = await openFromDisk(page.context().browser()!, saved.path);
    try {
      const disk = copy.page;
      await disk.locator(MARKER).first().waitFor();
      expect(await disk.locator(MARKER).count()).toBeGreaterThan(3);
      await expect.poll(() => atlasEntries(disk)).toMatchObject(ENTRIES);
      expect(await disk.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      await disk.waitForTimeout(300);
      await disk.screenshot({ path: join(OUT_DIR, 'offline-file-1280x800.png') });

      // A story opens beside the map.
      await storyButtons(disk).first().click();
      await reader(disk).first().waitFor({ state: 'visible' });
      expect(disk.url()).toMatch(/^file:.*[?&]story=\d+/);
      await disk.keyboard.press('Escape');
      await storyButtons(disk).first().waitFor();

      // Zoomed in to 4 and beyond, the map draws the 1:50m basemap, also from inside the file.
      for (let i = 0; i < 4; i++) {
        await disk.locator('.leaflet-control-zoom-in').click();
        await disk.waitForTimeout(400);
      }
      await disk.waitForTimeout(500);
      expect(await disk.locator('.map-note').count(), 'no basemap error note').toBe(0);
      await disk.screenshot({ path: join(OUT_DIR, 'offline-file-zoomed-1280x800.png') });

      // The polar view: its code and the basemap are inside the file.
      await disk.locator(TOGGLE).click();
      await disk.waitForURL(/[?&]view=polar/);
      await disk.locator(ANT25).waitFor({ state: 'attached' });
      await disk.locator(MARKER).first().waitFor();
      await disk.waitForTimeout(500);
      await disk.screenshot({ path: join(OUT_DIR, 'offline-file-polar-1280x800.png') });
      expect(await disk.locator('.map-note').count(), 'no basemap error note').toBe(0);

      expect(copy.blocked, 'requests other than file:').toEqual([]);
      expect(copy.errors, 'console errors in the copy').toEqual([]);
    } finally {
      await copy.close();
    }
  });

  it("presents the tour in the copy by keyboard, with the teacher's hidden slide and high contrast", async () => {
    const { page } = await atlas.open('/');
    // The tour as built, then with the saved choices: one slide fewer, high contrast switched on.
    const built = await present(page);
    await page.keyboard.press('Escape');
    await page.locator(DIALOG).waitFor({ state: 'detached' });
    await putSavedTour(page, NEWSLETTER, SAVED_TOUR);
    expect(await present(page)).toBe(built - 1);
    const contrast = page.locator(`${DIALOG} button:text-is("High contrast")`);
    await contrast.click();
    expect(await contrast.getAttribute('aria-pressed')).toBe('true');
    await page.locator(DIALOG).focus();
    await step(page, 'ArrowRight', 2);
    const second = await page.locator(DIALOG).getAttribute('aria-label');
    await page.keyboard.press('Escape');
    await page.locator(DIALOG).waitFor({ state: 'detached' });
    await expect.poll(async () => (await atlasEntries(page))['newsletter-atlas:tour-contrast']).toBe('high');
    const entries = await atlasEntries(page);
    expect(Object.keys(entries).sort()).toEqual([
      'newsletter-atlas:tour-contrast',
      `newsletter-atlas:tour:${NEWSLETTER}`,
    ]);

    const saved = await download(page, 'offline-copy-tour.html');
    const copy = await openFromDisk(page.context().browser()!, saved.path, { width: 1920, height: 1080 });
    try {
      const disk = copy.page;
      await disk.locator(MARKER).first().waitFor();
      await expect.poll(() => atlasEntries(disk)).toMatchObject(entries);

      // Present, then two slides on with the keyboard, then Esc: focus back on Present.
      expect(await present(disk)).toBe(built - 1);
      expect(
        await disk.locator(`${DIALOG} button:text-is("High contrast")`).getAttribute('aria-pressed'),
      ).toBe('true');
      await step(disk, 'ArrowRight', 2);
      expect(await disk.locator(DIALOG).getAttribute('aria-label')).toBe(second);
      expect(new URL(disk.url()).searchParams.get('present')).toBe('2');
      await disk.waitForTimeout(800);
      await disk.screenshot({ path: join(OUT_DIR, 'offline-file-tour-1920x1080.png') });
      await step(disk, 'ArrowRight', 3);

      // The presenter view, a second window of the same file, follows the tour.
      const [popup] = await Promise.all([
        disk.context().waitForEvent('page'),
        disk.locator(`${DIALOG} button:text-is("Presenter view")`).click(),
      ]);
      expect(popup.url()).toMatch(/^file:.*[?&]presenter=3/);
      const view = popup.locator('[aria-label="Presenter view"]');
      await view.waitFor();
      await popup.waitForFunction(() =>
        document.querySelector('.tour-presenter-link')?.textContent?.startsWith('Following'),
      );
      expect(await view.locator('.tour-progress').innerText()).toBe(`3 / ${built - 1}`);
      await popup.close();

      await disk.locator(DIALOG).focus();
      await disk.keyboard.press('Escape');
      await disk.locator(DIALOG).waitFor({ state: 'detached' });
      // The tour gives focus back to Present in the next animation frame.
      await expect.poll(() => disk.evaluate(() => document.activeElement?.textContent)).toBe('Present');
      expect(copy.blocked, 'requests other than file:').toEqual([]);
      expect(copy.errors, 'console errors in the copy').toEqual([]);
    } finally {
      await copy.close();
    }
  });

  it('keeps changes made in the copy across reloads, and a copy saves itself again with them', async () => {
    const { page } = await atlas.open('/');
    await page.evaluate((entries) => {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }, ENTRIES);
    const first = await download(page, 'offline-copy-a.html');

    const copy = await openFromDisk(page.context().browser()!, first.path);
    try {
      const disk = copy.page;
      await disk.locator(MARKER).first().waitFor();
      await expect.poll(() => atlasEntries(disk)).toMatchObject(ENTRIES);
      // A change made in the copy survives a reload: the same copy's entries are applied only once.
      await putSetting(disk, 'test-order', '[2,3]');
      await disk.reload();
      await disk.locator(MARKER).first().waitFor();
      expect((await atlasEntries(disk))['newsletter-atlas:test-order']).toBe('[2,3]');

      // The copy explains itself and saves itself again, with the change, without a server.
      expect(await disk.locator('#offline-download-help').innerText()).toContain('offline copy');
      const second = await download(disk, 'offline-copy-b.html');
      const html = readFileSync(second.path, 'utf8');
      expect(html.match(/id="atlas-embedded-storage"/g)).toHaveLength(1);
      expect(html.includes('"newsletter-atlas:test-order":"[2,3]"'), 'the changed entry').toBe(true);
      expect(html.includes('<meta name="newsletter-atlas-build" content="offline"'), 'the build marker').toBe(
        true,
      );
      expect(copy.blocked, 'requests other than file:').toEqual([]);
      expect(copy.errors, 'console errors in the copy').toEqual([]);
    } finally {
      await copy.close();
    }
  });

  it('a copy made from an imported newsletter opens on it from disk, with its places and stories', async () => {
    const { page } = await atlas.open('/');
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a newsletter' });
    await dialog.getByLabel('Or paste a text').fill(IMPORTED);
    await dialog.getByRole('button', { name: 'Import the pasted text' }).click();
    await expect.poll(() => page.locator('.masthead p').first().textContent()).toContain('Lake letters');
    const saved = await download(page, 'offline-copy-imported.html');
    expect(saved.suggested).toMatch(/^newsletter-atlas-n-[0-9a-f]{8}-offline\.html$/);
    const html = readFileSync(saved.path, 'utf8');
    expect(html.match(/id="atlas-embedded-newsletter"/g)).toHaveLength(1);

    const copy = await openFromDisk(page.context().browser()!, saved.path);
    try {
      const disk = copy.page;
      await expect.poll(() => disk.locator('.masthead p').first().textContent()).toContain('Lake letters');
      await expect.poll(async () => (await markerLabels(disk)).join(' ')).toContain('Geneva');
      expect(await storyButtons(disk).first().textContent()).toContain('Lake letters');
      // The bundled newsletter is in the copy's library too.
      await disk.getByRole('button', { name: /^Library/ }).click();
      await disk.locator('.library-open', { hasText: 'Russian Embassy' }).click();
      await expect.poll(() => disk.locator('.masthead p').first().textContent()).toContain('Russian Embassy');
      expect(copy.blocked).toEqual([]);
      expect(copy.errors).toEqual([]);
    } finally {
      await copy.close();
    }
  });

  it('says how to get the file when the server does not have it', async () => {
    const { page } = await atlas.open('/');
    // A dev server answers unknown paths with its own page: not the single-file build.
    await page.route('**/newsletter-atlas-offline.html', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>dev</title>' }),
    );
    await page.getByRole('button', { name: DOWNLOAD }).click();
    const alert = page.locator('.offline-download [role="alert"]');
    await expect.poll(() => alert.innerText()).toContain('npm run build');
    expect(await alert.innerText()).toMatch(/^No offline copy made: newsletter-atlas-offline\.html/);
    expect(await page.getByRole('button', { name: DOWNLOAD }).isEnabled()).toBe(true);
  });
});
