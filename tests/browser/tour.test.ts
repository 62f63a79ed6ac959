/**
 * Classroom mode (issue #4) in headless Chromium, driven by the keyboard only: the Present button,
 * next / previous / Home / End / number + Enter, Esc with focus back, ?present=N in the URL and
 * opening the tour there, the map moving between slides, text size and contrast at 1920×1080,
 * nothing cut off at 1920×1080 and 1280×720, and screenshots of both (tests/browser/out/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noBrowser, OUT_DIR, useAtlas } from './harness';
import { putSavedTour, quarantined, savedTour, setting } from './libraryDb';

const DIALOG = '[role="dialog"][aria-label^="Tour"]';
const PRESENT = 'header button:text-is("Present")';
const NEWSLETTER = 'russian-embassy-2020-06';

/** The "4 / 17" progress, as numbers. */
async function progress(page: Page): Promise<[number, number]> {
  const text = await page.locator(`${DIALOG} .tour-progress`).innerText();
  const m = /^(\d+) \/ (\d+)$/.exec(text.trim());
  if (!m) throw new Error(`progress text is ${JSON.stringify(text)}, expected "n / total"`);
  return [Number(m[1]), Number(m[2])];
}

async function expectSlide(page: Page, n: number) {
  await page.waitForFunction(
    ([sel, want]) =>
      document.querySelector(`${sel} .tour-progress`)?.textContent?.trim().startsWith(`${want} /`),
    [DIALOG, n] as const,
    { timeout: 5000 },
  );
  expect((await progress(page))[0]).toBe(n);
  expect(new URL(page.url()).searchParams.get('present')).toBe(String(n));
}

/**
 * What the map shows: the map pane's offset, the zoom (Leaflet's zoom proxy transform) and the
 * markers' screen positions; waits until it stops changing (flyTo animates).
 */
async function mapView(page: Page): Promise<string> {
  const read = () =>
    page.evaluate(() => {
      const pane = document.querySelector<HTMLElement>('.leaflet-map-pane');
      const proxy = document.querySelector<HTMLElement>('.leaflet-proxy');
      const markers = [...document.querySelectorAll('.leaflet-marker-icon[aria-label]')]
        .map((m) => {
          const r = m.getBoundingClientRect();
          return `${m.getAttribute('aria-label')}@${Math.round(r.x)},${Math.round(r.y)}`;
        })
        .sort();
      return JSON.stringify([pane?.style.transform, proxy?.style.transform, markers]);
    });
  let last = await read();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(150);
    const now = await read();
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** WCAG relative luminance contrast of two computed CSS colours "rgb(r, g, b)". */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Computed style of the first element matching `selector`, and the background it stands on. */
function styleOf(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const cs = getComputedStyle(el);
      let bg = 'rgba(0, 0, 0, 0)';
      for (let e: Element | null = el; e; e = e.parentElement) {
        const b = getComputedStyle(e).backgroundColor;
        if (b !== 'rgba(0, 0, 0, 0)' && b !== 'transparent') {
          bg = b;
          break;
        }
      }
      return {
        fontSize: parseFloat(cs.fontSize),
        color: cs.color,
        background: bg,
        fontWeight: Number(cs.fontWeight),
        decoration: cs.textDecorationLine,
      };
    });
}

/** Steps through every slide from the first and fails on any whose text does not fit. */
async function expectNothingCutOff(page: Page, total: number, size: string) {
  await page.keyboard.press('Home');
  for (let n = 1; n <= total; n++) {
    await expectSlide(page, n);
    const cut = await page.evaluate((sel) => {
      const tour = document.querySelector<HTMLElement>(sel)!;
      const slide = tour.querySelector<HTMLElement>('.tour-slide')!;
      const over = (e: HTMLElement) =>
        e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1;
      return over(tour) || over(slide) ? slide.dataset.slide : null;
    }, DIALOG);
    expect(cut, `slide ${n} (${cut}) is cut off at ${size}`).toBeNull();
    if (n < total) await page.keyboard.press('ArrowRight');
  }
}

describe.skipIf(noBrowser)('Classroom tour in headless Chromium (production build)', () => {
  const atlas = useAtlas();

  it('is driven by the keyboard: next, previous, Home/End, number + Enter, Esc; the URL and the map follow', async () => {
    const { page } = await atlas.open('/', { width: 1920, height: 1080 });
    await page.locator(PRESENT).focus();
    await page.keyboard.press('Enter');
    await page.locator(DIALOG).waitFor();
    await expectSlide(page, 1);
    const [, total] = await progress(page);
    expect(total).toBeGreaterThan(20);
    const first = await mapView(page);

    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 2);
    // Screen readers hear the move.
    const title = await page.locator(`${DIALOG} .tour-title`).innerText();
    expect(await page.locator(`${DIALOG} [aria-live="polite"]`).innerText()).toBe(
      `Slide 2 of ${total}: ${title}`,
    );
    const second = await mapView(page);
    expect(second, 'the map moved from slide 1 to slide 2').not.toBe(first);
    await page.keyboard.press(' ');
    await expectSlide(page, 3);
    const third = await mapView(page);
    await page.keyboard.press('PageDown');
    await expectSlide(page, 4);
    await page.keyboard.press('ArrowLeft');
    await expectSlide(page, 3);
    await page.keyboard.press('PageUp');
    await expectSlide(page, 2);
    expect(await mapView(page), 'back on slide 2, the map moved again').not.toBe(third);
    await page.keyboard.press('End');
    await expectSlide(page, total);
    await page.keyboard.press('Home');
    await expectSlide(page, 1);
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await expectSlide(page, 12);

    await page.keyboard.press('Escape');
    await page.locator(DIALOG).waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.has('present')).toBe(false);
    await page.waitForFunction(() => document.activeElement?.textContent === 'Present');
  });

  it('opens at the slide a ?present=N link names; flight slides show the plane on the polar map', async () => {
    const { page } = await atlas.open('/?present=3', { width: 1920, height: 1080 });
    await page.locator(DIALOG).waitFor();
    await expectSlide(page, 3);
    // The flight's slides: from the first slide titled by a waypoint with a time.
    const [, total] = await progress(page);
    let found = false;
    for (let n = 3; n <= total && !found; n++) {
      if ((await page.locator(`${DIALOG} .tour-slide`).getAttribute('data-slide'))?.startsWith('flight-')) {
        found = true;
        break;
      }
      await page.keyboard.press('ArrowRight');
      await expectSlide(page, n + 1);
    }
    expect(found, 'the tour has flight slides').toBe(true);
    await page.locator('.atlas-map-polar').waitFor();
    await page.locator('.plane-marker').waitFor({ state: 'attached' });
    const here = await mapView(page);
    await page.keyboard.press('ArrowRight');
    await page.locator('.plane-marker').waitFor({ state: 'attached' });
    expect(await mapView(page), 'the plane and the map move to the next moment').not.toBe(here);
    await page.screenshot({ path: join(OUT_DIR, 'tour-flight-1920x1080.png') });
  });

  it('is readable at 1920×1080: text ≥ 28 px, contrast ≥ 4.5:1, places marked by more than colour', async () => {
    const { page } = await atlas.open('/?present=2', { width: 1920, height: 1080 });
    await page.locator(`${DIALOG} mark.tour-place`).first().waitFor();
    await mapView(page);
    for (const theme of ['normal', 'high contrast']) {
      const text = await styleOf(page, `${DIALOG} .tour-snippet`);
      expect(text.fontSize, `${theme}: snippet font size`).toBeGreaterThanOrEqual(28);
      expect(contrast(text.color, text.background), `${theme}: snippet contrast`).toBeGreaterThanOrEqual(4.5);
      const title = await styleOf(page, `${DIALOG} .tour-title`);
      expect(title.fontSize).toBeGreaterThanOrEqual(28);
      expect(contrast(title.color, title.background)).toBeGreaterThanOrEqual(4.5);
      const mark = await styleOf(page, `${DIALOG} mark.tour-place`);
      expect(contrast(mark.color, mark.background), `${theme}: place contrast`).toBeGreaterThanOrEqual(4.5);
      expect(mark.fontWeight).toBeGreaterThanOrEqual(700);
      expect(mark.decoration).toContain('underline');
      const small = await styleOf(page, `${DIALOG} .tour-places`);
      expect(
        contrast(small.color, small.background),
        `${theme}: places line contrast`,
      ).toBeGreaterThanOrEqual(4.5);
      await page.screenshot({
        path: join(OUT_DIR, `tour-1920x1080${theme === 'normal' ? '' : '-contrast'}.png`),
      });
      if (theme === 'normal') {
        await page.locator(`${DIALOG} button:text-is("High contrast")`).focus();
        await page.keyboard.press('Enter');
        expect(
          await page.locator(`${DIALOG} button:text-is("High contrast")`).getAttribute('aria-pressed'),
        ).toBe('true');
      }
    }
    // The choice is kept.
    await expect.poll(() => setting(page, 'tour-contrast')).toBe('high');
    await page.reload();
    await page.locator(`${DIALOG}.tour-high-contrast`).waitFor();
  });

  it('edits the tour: reorder, hide, add a slide, undo; kept across reload; export, and a bad import changes nothing', async () => {
    const { page } = await atlas.open('/?present=1', { width: 1920, height: 1080 });
    await page.locator(DIALOG).waitFor();
    const [, total] = await progress(page);
    const edit = page.locator(`${DIALOG} button:text-is("Edit slides")`);
    await edit.click();
    expect(await edit.getAttribute('aria-expanded')).toBe('true');
    const rows = page.locator(`${DIALOG} .tour-editor-list li`);
    const titles = () => rows.locator('.tour-editor-title').allInnerTexts();
    const before = await titles();
    expect(before).toHaveLength(total);
    // Move the third slide up, hide the fifth.
    await rows.nth(2).locator('button[data-move="-1"]').click();
    await rows.nth(4).locator('button[aria-pressed]').click();
    const after = await titles();
    expect(after[1]).toBe(before[2]);
    expect(after[2]).toBe(before[1]);
    expect(await rows.nth(4).getAttribute('class')).toContain('is-hidden');
    await page.keyboard.press('Escape');
    await page.locator(`${DIALOG} .tour-editor`).waitFor({ state: 'detached' });
    expect(await progress(page)).toEqual([1, total - 1]);

    // Kept across reload.
    const hidden = async () =>
      (
        JSON.parse((await savedTour(page, NEWSLETTER)) ?? '{"slides":[]}') as {
          slides: { hidden?: boolean }[];
        }
      ).slides.some((x) => x.hidden);
    await expect.poll(hidden).toBe(true);
    const stored = await savedTour(page, NEWSLETTER);
    expect(JSON.parse(stored!)).toMatchObject({ format: 'newsletter-atlas-tour', version: 1 });
    await page.reload();
    await page.locator(DIALOG).waitFor();
    expect((await progress(page))[1]).toBe(total - 1);
    await page.locator(`${DIALOG} button:text-is("Edit slides")`).click();
    expect((await titles()).slice(0, 3)).toEqual(after.slice(0, 3));
    expect(await rows.nth(4).getAttribute('class')).toContain('is-hidden');

    // Export: the saved tour as a JSON file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`${DIALOG} button:text-is("Export tour (JSON)")`).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported).toEqual(JSON.parse(stored!));

    // A malformed import says what is wrong and changes nothing.
    const file = page.locator(`${DIALOG} input[type="file"]`);
    const bad = { ...exported, slides: [...exported.slides, { id: 'story-999' }] };
    await file.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const alert = page.locator(`${DIALOG} [role="alert"]`);
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(
      /bad\.json was not imported: .*no slide has the id "story-999".*unchanged/,
    );
    expect(await savedTour(page, NEWSLETTER)).toBe(stored);
    expect((await titles()).slice(0, 5)).toEqual(after.slice(0, 5));
    await file.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('slide 1: hello'),
    });
    await page.waitForFunction(() =>
      document.querySelector('[role="alert"]')?.textContent?.includes('notes.txt'),
    );
    expect(await alert.innerText()).toMatch(/not a JSON file/);
    expect(await savedTour(page, NEWSLETTER)).toBe(stored);

    // A slide of one's own, then Undo takes it back.
    await page.locator(`${DIALOG} .tour-editor-add input`).fill('Where is our school?');
    await page.locator(`${DIALOG} .tour-editor-add textarea`).fill('Our school is near Moscow.');
    await page.locator(`${DIALOG} .tour-editor-add select`).selectOption('moscow');
    await page.locator(`${DIALOG} button:text-is("Add the slide")`).click();
    expect((await titles()).at(-1)).toBe('Where is our school?');
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    expect(await progress(page)).toEqual([total, total]);
    expect(await page.locator(`${DIALOG} .tour-slide mark.tour-place`).innerText()).toBe('Moscow');
    await page.screenshot({ path: join(OUT_DIR, 'tour-custom-slide-1920x1080.png') });
    await page.locator(`${DIALOG} button:text-is("Edit slides")`).click();
    await page.locator(`${DIALOG} button:text-is("Undo")`).click();
    expect(await titles()).toHaveLength(total);
    await expect.poll(() => savedTour(page, NEWSLETTER)).toBe(stored);
    await page.screenshot({ path: join(OUT_DIR, 'tour-editor-1920x1080.png') });
  });

  it('keeps a saved tour it cannot read aside, and shows the default tour', async () => {
    const { page } = await atlas.open('/', { width: 1280, height: 720 });
    const broken = '{"format":"newsletter-atlas-tour","version":9}';
    await putSavedTour(page, NEWSLETTER, broken);
    await page.locator(PRESENT).focus();
    await page.keyboard.press('Enter');
    await page.locator(`${DIALOG} [role="alert"]`).waitFor();
    expect(await page.locator(`${DIALOG} [role="alert"]`).innerText()).toContain('"version" is 9');
    // Set aside in the library's quarantine, under a key of its own with the time.
    const aside = (await quarantined(page)).filter((q) => q.store === 'tours');
    expect(aside).toHaveLength(1);
    expect(aside[0]!.value).toBe(broken);
    expect(aside[0]!.key).toMatch(/^tours:russian-embassy-2020-06:\d{4}-\d\d-\d\dT/);
    expect(await page.locator(`${DIALOG} [role="alert"]`).innerText()).toContain(`as "${aside[0]!.key}"`);
    expect(await savedTour(page, NEWSLETTER)).toBeNull();
    expect((await progress(page))[0]).toBe(1);
    // Its text can still be taken away as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`${DIALOG} button:text-is("Download the unreadable tour")`).click(),
    ]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(broken);
  });

  it('a tour and the theme saved in localStorage before the library show in the tour after the first opening, and stay there', async () => {
    const before = JSON.stringify({
      format: 'newsletter-atlas-tour',
      version: 1,
      newsletter: NEWSLETTER,
      slides: [
        { id: 'title', note: 'Saved before the library' },
        { id: 'story-0', hidden: true },
      ],
      custom: [],
    });
    const built = await (async () => {
      const { page } = await atlas.open('/?present=1', { width: 1280, height: 720 });
      await page.locator(DIALOG).waitFor();
      return (await progress(page))[1];
    })();
    const { page } = await atlas.open('/?present=1', {
      width: 1280,
      height: 720,
      init: async (p) => {
        await p.addInitScript((tour) => {
          if (localStorage.getItem('newsletter-atlas:tour-contrast')) return;
          localStorage.setItem('newsletter-atlas:tour:russian-embassy-2020-06', tour);
          localStorage.setItem('newsletter-atlas:tour-contrast', 'high');
        }, before);
      },
    });
    await page.locator(`${DIALOG}.tour-high-contrast`).waitFor();
    expect((await progress(page))[1]).toBe(built - 1);
    expect(await savedTour(page, NEWSLETTER)).toBe(before);
    expect(await setting(page, 'tour-contrast')).toBe('high');
    // The originals stay in localStorage; a reload shows the tour from the library.
    expect(await page.evaluate(() => localStorage.getItem('newsletter-atlas:tour-contrast'))).toBe('high');
    await page.reload();
    await page.locator(`${DIALOG}.tour-high-contrast`).waitFor();
    expect((await progress(page))[1]).toBe(built - 1);
  });

  it('two tabs of the tour: a change saved in one shows in the other, the theme too', async () => {
    const { page } = await atlas.open('/?present=1', { width: 1280, height: 720 });
    await page.locator(DIALOG).waitFor();
    const [, total] = await progress(page);
    const other = await page.context().newPage();
    await other.goto(page.url());
    await other.locator(DIALOG).waitFor();
    expect((await progress(other))[1]).toBe(total);

    await page.locator(`${DIALOG} button:text-is("Edit slides")`).click();
    await page.locator(`${DIALOG} .tour-editor-list li`).nth(1).locator('button[aria-pressed]').click();
    await expect.poll(async () => (await progress(other))[1]).toBe(total - 1);
    await other.locator(`${DIALOG} button:text-is("High contrast")`).click();
    await page.locator(`${DIALOG}.tour-high-contrast`).waitFor();
    expect(await savedTour(page, NEWSLETTER)).toContain('"hidden": true');
    await other.close();
  });

  it('a presenter view in a second window follows the tour, moves it, and shows the notes', async () => {
    const { page } = await atlas.open('/?present=2', { width: 1280, height: 720 });
    await page.locator(DIALOG).waitFor();
    const [, total] = await progress(page);
    await page.locator(`${DIALOG} button:text-is("Edit slides")`).click();
    const rows = page.locator(`${DIALOG} .tour-editor-list li`);
    await rows.nth(1).locator('textarea').fill('Ask: who has been to Moscow?');
    const nextTitle = await rows.nth(2).locator('.tour-editor-title').innerText();
    await page.keyboard.press('Escape');
    const [popup] = await Promise.all([
      page.context().waitForEvent('page'),
      page.locator(`${DIALOG} button:text-is("Presenter view")`).click(),
    ]);
    const errors: string[] = [];
    popup.on('pageerror', (e) => errors.push(String(e)));
    popup.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const view = popup.locator('[aria-label="Presenter view"]');
    await view.waitFor();
    await popup.waitForFunction(() =>
      document.querySelector('.tour-presenter-link')?.textContent?.startsWith('Following'),
    );
    expect(await view.locator('.tour-progress').innerText()).toBe(`2 / ${total}`);
    expect(await view.locator('textarea').inputValue()).toBe('Ask: who has been to Moscow?');
    expect(await view.locator('[aria-label="Next slide"] h3').innerText()).toBe(`Next: ${nextTitle}`);
    expect(new URL(popup.url()).searchParams.get('presenter')).toBe('2');

    // The presenter's keys move the tour; the tour's keys move the presenter view.
    await view.locator('.tour-progress').click();
    await popup.keyboard.press('ArrowRight');
    await expectSlide(page, 3);
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await popup.waitForFunction(
      (t) => document.querySelector('.tour-presenter .tour-progress')?.textContent === `4 / ${t}`,
      total,
    );
    // A note typed in the presenter view is saved with the tour.
    await view.locator('textarea').fill('Point at the Pole.');
    await expect
      .poll(async () => (await savedTour(page, NEWSLETTER))?.includes('Point at the Pole.'))
      .toBe(true);
    await popup.screenshot({ path: join(OUT_DIR, 'tour-presenter-1000x700.png') });
    expect(errors).toEqual([]);
  });

  it('the presenter view keeps time (pause, reset), maps the next slide, and jumps by number + Enter', async () => {
    const { page } = await atlas.open('/?presenter=2', {
      width: 1920,
      height: 1080,
      waitForMarker: false,
      init: (p) => p.clock.install({ time: new Date('2026-03-02T09:00:00Z') }),
    });
    const view = page.locator('[aria-label="Presenter view"]');
    await view.waitFor();
    const clock = view.locator('.tour-presenter-clock');
    expect(await clock.innerText()).toBe('0:00');
    await page.clock.runFor(125_000);
    await expect.poll(() => clock.innerText()).toBe('2:05');
    expect(await clock.getAttribute('aria-label')).toBe('Time presented: 2 minutes 5 seconds');

    const timer = view.getByRole('group', { name: 'Timer' });
    await timer.getByRole('button', { name: 'Pause' }).click();
    await page.clock.runFor(60_000);
    expect(await clock.innerText()).toBe('2:05');
    await timer.getByRole('button', { name: 'Resume' }).click();
    await page.clock.runFor(5_000);
    await expect.poll(() => clock.innerText()).toBe('2:10');
    await timer.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => clock.innerText()).toBe('0:00');
    await page.clock.runFor(3_000);
    await expect.poll(() => clock.innerText()).toBe('0:03');

    // The next slide's places on a small map of the bundled land.
    const map = view.locator('[aria-label="Next slide"] svg[role="img"]');
    await map.waitFor();
    expect(await map.getAttribute('aria-label')).toMatch(/^(North polar map|Map) of the next slide/);
    await map.locator('path.handout-land').waitFor({ state: 'attached' });
    expect(Number(await map.getAttribute('data-dots'))).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT_DIR, 'tour-presenter-1920x1080.png') });

    // Number + Enter jumps, as in the tour.
    const total = Number((await view.locator('.tour-progress').innerText()).split('/')[1]);
    expect(total).toBeGreaterThanOrEqual(5);
    await view.locator('.tour-progress').click();
    await page.keyboard.press('5');
    expect(await view.locator('.tour-jump[role="status"]').innerText()).toContain('Go to slide 5');
    await page.keyboard.press('Enter');
    await expect.poll(() => view.locator('.tour-progress').innerText()).toBe(`5 / ${total}`);
    expect(new URL(page.url()).searchParams.get('presenter')).toBe('5');
  });

  it('prints a handout: a page per shown slide with a map of its places and its words, no app chrome', async () => {
    const { page } = await atlas.open('/?present=1', { width: 1280, height: 720 });
    await page.locator(DIALOG).waitFor();
    const [, total] = await progress(page);
    expect(await page.locator(`${DIALOG} button:text-is("Print handout")`).count()).toBe(1);
    // The land is drawn from the bundled basemap once it has loaded.
    await page.waitForFunction(
      () => (document.querySelector('.handout-land')?.getAttribute('d') ?? '').length > 1000,
    );
    await page.emulateMedia({ media: 'print' });
    const pages = page.locator('.handout-page');
    expect(await pages.count()).toBe(total);
    expect(await pages.first().isVisible()).toBe(true);
    expect(await page.locator('#root').isVisible()).toBe(false);
    expect(await page.locator(`${DIALOG} .tour-bar`).isVisible()).toBe(false);
    // Each page with a map has the land and a dot per place point.
    const maps = await pages.evaluateAll((els) =>
      els.map((e) => ({
        id: (e as HTMLElement).dataset.slide,
        land: e.querySelectorAll('svg.handout-map path.handout-land').length,
        dots: e.querySelectorAll('svg.handout-map circle').length,
        words: e.querySelectorAll('.handout-snippet').length,
      })),
    );
    for (const m of maps) {
      expect(m.land, m.id).toBe(1);
      expect(m.dots, m.id).toBeGreaterThan(0);
      expect(m.words, m.id).toBeGreaterThan(0);
    }
    const story = page.locator('.handout-page[data-slide="story-1"]');
    await story.scrollIntoViewIfNeeded();
    const box = await story.locator('svg.handout-map').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    await story.screenshot({ path: join(OUT_DIR, 'tour-handout-page.png') });
    // As a PDF: one page per slide.
    const pdfPageCount = async () =>
      (await page.pdf({ format: 'A4' })).toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(await pdfPageCount()).toBe(total);

    // The flight's pages (the title's included) are north polar maps: the route crosses the map
    // through the Pole, never along an edge as a flat projection clamped at the top would draw it.
    const flightMaps = await page.locator('.handout-page').evaluateAll((els) =>
      els
        .filter((e) => /^(flight-|title$)/.test((e as HTMLElement).dataset.slide ?? ''))
        .map((e) => {
          const svg = e.querySelector('svg.handout-map')!;
          const [, , w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number);
          const route = e.querySelector('path.handout-route')?.getAttribute('d') ?? '';
          const pts = route
            .split(/[MLZ]/)
            .filter((xy) => xy.trim())
            .map((xy) => xy.split(',').map(Number));
          let along = 0;
          for (let i = 1; i < pts.length; i++) {
            const [x1, y1] = pts[i - 1] as [number, number];
            const [x2, y2] = pts[i] as [number, number];
            const onEdge = (a: number, b: number, edge: number) =>
              Math.abs(a - edge) < 3 && Math.abs(b - edge) < 3;
            if (
              Math.hypot(x2 - x1, y2 - y1) > 60 &&
              (onEdge(y1, y2, 0) || onEdge(y1, y2, h!) || onEdge(x1, x2, 0) || onEdge(x1, x2, w!))
            )
              along++;
          }
          return {
            id: (e as HTMLElement).dataset.slide,
            projection: svg.getAttribute('data-projection'),
            points: pts.length,
            along,
          };
        }),
    );
    expect(flightMaps.length).toBeGreaterThan(2);
    for (const m of flightMaps) {
      expect(m.projection, m.id).toBe('polar');
      expect(m.points, m.id).toBeGreaterThan(1);
      expect(m.along, m.id).toBe(0);
    }
    for (const id of ['title', 'flight-9']) {
      await page
        .locator(`.handout-page[data-slide="${id}"]`)
        .screenshot({ path: join(OUT_DIR, `tour-handout-${id}.png`) });
    }
    // Story pages that do not name the flight stay on Mercator.
    expect(await page.locator('.handout-page svg[data-projection="mercator"]').count()).toBeGreaterThan(0);

    // Compact handouts: two or four slides a sheet, chosen next to Print handout.
    await page.emulateMedia({ media: 'screen' });
    const layout = page.getByRole('combobox', { name: 'Slides per page' });
    for (const n of [2, 4]) {
      await layout.selectOption(String(n));
      await page.locator(`.tour-handout[data-layout="${n}"]`).waitFor({ state: 'attached' });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.handout-page').count()).toBe(total);
      expect(await page.locator('.handout-sheet').count()).toBe(Math.ceil(total / n));
      expect(await pdfPageCount(), `${n} slides a page`).toBe(Math.ceil(total / n));
      await page
        .locator('.handout-sheet')
        .nth(1)
        .screenshot({ path: join(OUT_DIR, `tour-handout-${n}-up.png`) });
      await page.emulateMedia({ media: 'screen' });
    }
  });

  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    it(`cuts nothing off at ${width}×${height}`, async () => {
      const { page } = await atlas.open('/?present=1', { width, height });
      await page.locator(DIALOG).waitFor();
      const [, total] = await progress(page);
      await expectNothingCutOff(page, total, `${width}×${height}`);
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await expectSlide(page, 2);
      await mapView(page);
      await page.screenshot({ path: join(OUT_DIR, `tour-${width}x${height}.png`) });
    });
  }
});
