/**
 * The teacher's saved tour is never lost (issues 12 and 14), in headless Chromium with the real
 * IndexedDB of the library store: unreadable tours are set aside in the library's quarantine, one
 * record each; when the browser refuses to set one aside (storage full), the unreadable tour stays
 * under its key and is not saved over, and a failed save is said at once while the edit stays; the
 * tour is read once per opening (the banner shows on every load); a tour over 1 MB is refused at
 * import; imported custom ids past 2^53 or of 400 digits survive new slides and reloads; print
 * media and errors never leave a blank page. Screenshots in tests/browser/out/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noBrowser, OUT_DIR, useAtlas } from './harness';
import { putSavedTour, quarantined, savedTour } from './libraryDb';

const DIALOG = '[role="dialog"][aria-label^="Tour"]';
const NEWSLETTER = 'russian-embassy-2020-06';
const BROKEN = '{"format":"newsletter-atlas-tour","version":9}';
const ALERT = `${DIALOG} .tour-problem[role="alert"]`;

/**
 * Makes the browser refuse (as when its storage is full) every IndexedDB write to the stores
 * named in `window.__refuse`, from the page's first script on.
 */
async function refuseWrites(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      const refused = (window as { __refuse?: string[] }).__refuse ?? [];
      if (refused.includes(this.name)) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
}
const refuse = (page: Page, stores: string[]) =>
  page.evaluate((s) => ((window as { __refuse?: string[] }).__refuse = s), stores);

const stored = (page: Page) => savedTour(page, NEWSLETTER);
/** The unreadable tours set aside in the library. */
const copies = async (page: Page) => (await quarantined(page)).filter((q) => q.store === 'tours');

/** "4 / 17" as [4, 17]. */
async function progress(page: Page): Promise<[number, number]> {
  const text = await page.locator(`${DIALOG} .tour-progress`).innerText();
  const [n, total] = text.split('/').map((x) => Number(x.trim()));
  return [n!, total!];
}

describe.skipIf(noBrowser)('The saved tour in the browser: nothing lost (production build)', () => {
  const atlas = useAtlas();

  it('keeps every unreadable tour: each is set aside in a record of its own, then its key is emptied', async () => {
    const { page } = await atlas.open('/', { width: 1366, height: 800 });
    const texts = [BROKEN, '{"format":"newsletter-atlas-tour","version":10}'];
    for (const text of texts) {
      await putSavedTour(page, NEWSLETTER, text);
      await page.goto(`${atlas.origin()}/?present=1`);
      await page.locator(ALERT).waitFor();
      expect(await page.locator(ALERT).innerText()).toMatch(
        /could not be read .*kept aside in the library as "/,
      );
      expect(await stored(page)).toBeNull();
    }
    const kept = await copies(page);
    expect(kept).toHaveLength(2);
    for (const k of kept) {
      expect(k.key).toMatch(/^tours:russian-embassy-2020-06:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z(#\d+)?$/);
    }
    expect(kept.map((k) => k.value).sort()).toEqual([...texts].sort());
  });

  for (const [width, height] of [
    [1366, 800],
    [375, 812],
  ] as const) {
    it(`with storage full (${width}×${height}): the unreadable tour stays under its key, is not saved over, and the banners say so`, async () => {
      const { page } = await atlas.open('/', { width, height, mobile: width < 500, init: refuseWrites });
      await putSavedTour(page, NEWSLETTER, BROKEN);
      // Refused from the first script of the next load on: before the tour opens.
      await page.addInitScript(() => ((window as { __refuse?: string[] }).__refuse = ['quarantine']));
      await page.goto(`${atlas.origin()}/?present=1`);
      const banner = page.locator(ALERT).first();
      await banner.waitFor();
      const words = await banner.innerText();
      expect(words).toContain('"version" is 9');
      expect(words).toContain('was not moved');
      expect(words).toContain(`stays under "${NEWSLETTER}"`);
      expect(words).not.toContain('kept aside');
      expect(await stored(page)).toBe(BROKEN);
      expect(await copies(page)).toEqual([]);
      await page.screenshot({ path: join(OUT_DIR, `storage-full-unreadable-${width}x${height}.png`) });

      // An edit: the tour goes on with it, it is not written over the unreadable tour, and the
      // tour says so at once.
      const [, total] = await progress(page);
      await page.locator(`${DIALOG} button:text-is("Edit slides")`).click();
      await page.locator(`${DIALOG} .tour-editor-list li`).nth(2).locator('button[aria-pressed]').click();
      const notSaved = page.locator(ALERT, { hasText: 'This change was not saved' });
      await notSaved.waitFor();
      expect(await notSaved.innerText()).toContain('so as not to write over the unreadable saved tour');
      expect(await stored(page)).toBe(BROKEN);
      await page.locator(`${DIALOG} .tour-editor-list li`).nth(2).locator('.tour-editor-tag').waitFor();
      await page.screenshot({ path: join(OUT_DIR, `storage-full-not-saved-${width}x${height}.png`) });
      await page.keyboard.press('Escape');
      expect(await progress(page)).toEqual([1, total - 1]);

      // The teacher can take the unreadable tour away as a file.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`${DIALOG} button:text-is("Download the unreadable tour")`).click(),
      ]);
      const { readFileSync } = await import('node:fs');
      expect(readFileSync((await download.path())!, 'utf8')).toBe(BROKEN);
    });
  }

  it('a save the browser refuses (storage full) is said at once; the edit stays on the page', async () => {
    const { page } = await atlas.open('/?present=1', { width: 1366, height: 800, init: refuseWrites });
    await page.locator(DIALOG).waitFor();
    const [, total] = await progress(page);
    await refuse(page, ['tours', 'settings', 'quarantine', 'meta', 'tombstones']);
    await page.locator(`${DIALOG} button:text-is("Edit slides")`).click();
    await page.locator(`${DIALOG} .tour-editor-list li`).nth(1).locator('button[aria-pressed]').click();
    const alert = page.locator(ALERT, { hasText: 'This change was not saved' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(
      /storage is full .*goes on with the change.*Export tour \(JSON\)/,
    );
    expect(await stored(page)).toBeNull();
    await page.keyboard.press('Escape');
    expect(await progress(page)).toEqual([1, total - 1]);
    await page.screenshot({ path: join(OUT_DIR, 'storage-full-save-1366x800.png') });
  });

  it('reads the saved tour once per opening: ?present=2 with a broken saved tour shows the banner on every one of 10 loads', async () => {
    const { page } = await atlas.open('/', { width: 1280, height: 720 });
    let shown = 0;
    for (let run = 0; run < 10; run++) {
      await putSavedTour(page, NEWSLETTER, BROKEN);
      await page.goto(`${atlas.origin()}/?present=2`);
      await page.locator(DIALOG).waitFor();
      // Wait until the tour has settled on its slide, then look for the banner.
      await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBe('2');
      if (await page.locator(ALERT, { hasText: 'could not be read' }).count()) shown++;
      expect(await stored(page)).toBeNull();
    }
    expect(shown).toBe(10);
    expect(await copies(page)).toHaveLength(10);
  });

  it('the presenter view, opened first, says so too when it finds the saved tour unreadable', async () => {
    const { page } = await atlas.open('/', { width: 1366, height: 800 });
    await putSavedTour(page, NEWSLETTER, BROKEN);
    await page.goto(`${atlas.origin()}/?presenter=1`);
    const alert = page.locator('[aria-label="Presenter view"] .tour-problem[role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/"version" is 9.*kept aside in the library as "/);
    expect(await copies(page)).toHaveLength(1);
  });

  it('refuses a tour file over 1 MB at import, saying why; the tour is unchanged', async () => {
    const { page } = await atlas.open('/?present=1', { width: 1366, height: 800 });
    await page.locator(DIALOG).waitFor();
    await page.locator(`${DIALOG} button:text-is("Edit slides")`).click();
    const tour = {
      format: 'newsletter-atlas-tour',
      version: 1,
      newsletter: 'russian-embassy-2020-06',
      slides: [{ id: 'title', note: 'x'.repeat(3 * 1024 * 1024) }],
      custom: [],
    };
    await page.locator(`${DIALOG} input[type="file"]`).setInputFiles({
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(tour)),
    });
    const alert = page.locator(`${DIALOG} .tour-editor [role="alert"]`);
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(
      /huge\.json was not imported: it is 3\.0 MB; a tour file may be at most 1 MB.*unchanged/,
    );
    expect(await stored(page)).toBeNull();
  });

  it('keeps ids unique whatever is imported: ids past 2^53 and of 400 digits survive a new slide and a reload', async () => {
    const { page } = await atlas.open('/?present=1', { width: 1366, height: 800 });
    await page.locator(DIALOG).waitFor();
    const [, total] = await progress(page);
    const big = `custom-${'9'.repeat(400)}`;
    const custom = [
      { id: 'custom-9007199254740993', title: 'Past 2^53', text: '', places: [] },
      { id: big, title: 'Four hundred digits', text: '', places: [] },
    ];
    const tour = {
      format: 'newsletter-atlas-tour',
      version: 1,
      newsletter: 'russian-embassy-2020-06',
      slides: custom.map((c) => ({ id: c.id })),
      custom,
    };
    await page.locator(`${DIALOG} button:text-is("Edit slides")`).click();
    await page.locator(`${DIALOG} input[type="file"]`).setInputFiles({
      name: 'big-ids.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(tour)),
    });
    await page.locator(`${DIALOG} .tour-import-ok`).waitFor();
    for (const title of ['A first slide of mine', 'A second slide of mine']) {
      await page.locator(`${DIALOG} .tour-editor-add input`).fill(title);
      await page.locator(`${DIALOG} button:text-is("Add the slide")`).click();
    }
    const ids = await page
      .locator(`${DIALOG} .tour-editor-list li`)
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.slide!));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('custom-'))).toHaveLength(4);
    expect(ids.join(' ')).not.toContain('Infinity');

    await page.reload();
    await page.locator(DIALOG).waitFor();
    expect(await page.locator(ALERT).count()).toBe(0);
    expect((await progress(page))[1]).toBe(total + 4);
    expect(await copies(page)).toEqual([]);
  });

  it('repairs an imported tour whose custom slides share an id, and says so', async () => {
    const { page } = await atlas.open('/?present=1', { width: 1366, height: 800 });
    await page.locator(DIALOG).waitFor();
    const [, total] = await progress(page);
    const custom = [
      { id: 'custom-1', title: 'First of mine', text: '', places: [] },
      { id: 'custom-1', title: 'Second of mine', text: '', places: [] },
    ];
    const tour = {
      format: 'newsletter-atlas-tour',
      version: 1,
      newsletter: 'russian-embassy-2020-06',
      slides: [{ id: 'custom-1' }],
      custom,
    };
    await page.locator(`${DIALOG} button:text-is("Edit slides")`).click();
    await page.locator(`${DIALOG} input[type="file"]`).setInputFiles({
      name: 'clash.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(tour)),
    });
    const ok = page.locator(`${DIALOG} .tour-import-ok`);
    await ok.waitFor();
    expect(await ok.innerText()).toMatch(
      /Repaired: custom slide "Second of mine" had the id "custom-1".*"custom-2"/,
    );
    const titles = await page.locator(`${DIALOG} .tour-editor-title`).allInnerTexts();
    expect(titles).toContain('First of mine');
    expect(titles).toContain('Second of mine');
    await page.reload();
    await page.locator(DIALOG).waitFor();
    expect((await progress(page))[1]).toBe(total + 2);
  });
});

describe.skipIf(noBrowser)('No blank page (production build)', () => {
  const atlas = useAtlas();

  it('opens ?present=1 in print media: the handout is printed, no error, and the tour is there on screen', async () => {
    const { page, record } = await atlas.open('/?present=1', {
      width: 1366,
      height: 800,
      waitForMarker: false,
      init: (p) => p.emulateMedia({ media: 'print' }),
    });
    await page.locator('.handout-page').first().waitFor();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBe('5');
    expect(await page.locator('.handout-page').first().innerText()).not.toBe('');
    await page.emulateMedia({ media: 'screen' });
    await page.locator(DIALOG).waitFor();
    expect((await progress(page))[0]).toBe(5);
    expect(record.pageErrors).toEqual([]);
  });

  /** Expects the console errors to be only React's report of the injected error; clears them. */
  function onlyInjected(record: { consoleErrors: string[] }) {
    expect(record.consoleErrors.length).toBeGreaterThan(0);
    for (const e of record.consoleErrors) expect(e).toMatch(/test: injected|error boundary|ErrorBoundary/i);
    record.consoleErrors.length = 0;
  }

  it('an error in the app shows what went wrong in one sentence, with Reload and Back to the map', async () => {
    const { page, record } = await atlas.open('/?story=3', {
      width: 1366,
      height: 800,
      waitForMarker: false,
      init: async (p) => {
        await p.addInitScript(() => {
          const real = window.matchMedia.bind(window);
          window.matchMedia = (q: string) => {
            if (q.includes('reduced-motion')) throw new Error('test: injected failure');
            return real(q);
          };
        });
      },
    });
    const panel = page.getByRole('alert').filter({ hasText: 'The atlas stopped' });
    await panel.waitFor();
    expect(await panel.innerText()).toContain('test: injected failure.');
    expect(await panel.getByRole('button', { name: 'Reload the page' }).count()).toBe(1);
    await page.screenshot({ path: join(OUT_DIR, 'error-boundary-app-1366x800.png') });
    await panel.getByRole('button', { name: 'Back to the map' }).click();
    await page.waitForURL((u) => u.search === '');
    onlyInjected(record);
  });

  it('an error in the tour shows words over the map; Back to the map leaves the tour, the app goes on', async () => {
    const { page, record } = await atlas.open('/?present=1', {
      width: 375,
      height: 812,
      mobile: true,
      waitForMarker: false,
      init: async (p) => {
        await p.addInitScript(() => {
          window.BroadcastChannel = class {
            constructor() {
              throw new Error('test: injected failure');
            }
          } as unknown as typeof BroadcastChannel;
        });
      },
    });
    const panel = page.getByRole('alert').filter({ hasText: 'The tour stopped' });
    await panel.waitFor();
    expect(await panel.innerText()).toContain('test: injected failure.');
    await page.screenshot({ path: join(OUT_DIR, 'error-boundary-tour-375x812.png') });
    await panel.getByRole('button', { name: 'Back to the map' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('present')).toBeNull();
    await page.locator('header button:text-is("Present")').waitFor();
    onlyInjected(record);
  });
});
