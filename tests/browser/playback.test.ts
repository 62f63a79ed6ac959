/**
 * ANT-25 flight playback (issue #3) in headless Chromium, on playwright's fake clock (page.clock):
 * no test waits on real time for the animation. The polar view, Play moving the plane every frame
 * while the readouts change at most ten times a second, the speed, the scrubber's keys and its
 * aria-valuetext, the landing with the newsletter's eleven gallons, and reduced motion (the map
 * jumps, time goes in whole hours). Console errors and outside requests are checked after each
 * test (harness.ts). Screenshots: tests/browser/out/flight-{polar,mercator}-1280x800.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noBrowser, OUT_DIR, reader, storyButtons, useAtlas, waitForStoryCount } from './harness';

const PANEL = 'section[aria-label="ANT-25 flight playback"]';
const TOGGLE = '.map-controls button.polar-toggle';
const ANT25 = 'path[aria-label^="Route: ANT-25 transpolar flight (Chkalov"]';
const PLANE = '.leaflet-marker-icon.plane-marker[aria-hidden="true"]';

/** Opens the story found by "Chkalov" that has the playback panel. */
async function openFlightStory(page: Page) {
  await page.locator('#search').fill('Chkalov');
  await waitForStoryCount(page, (n) => n > 0);
  // The list follows the query a frame after the box (on the page's clock, which these tests
  // drive): each story listed now is opened by its index, and one the query has since taken out
  // of the list does not name Chkalov.
  const stories = await storyButtons(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-story')));
  for (const story of stories) {
    const button = page.locator(`nav[aria-label="Stories"] button[data-story="${story}"]`);
    if ((await button.count()) === 0) continue;
    await button.click();
    await reader(page).first().waitFor({ state: 'visible' });
    if (await page.locator(PANEL).count()) return page.locator(PANEL);
    await page.keyboard.press('Escape');
    await storyButtons(page).first().waitFor();
  }
  throw new Error('no story found by "Chkalov" has the flight playback');
}

/** Minutes since take-off from a "T+hh:mm" readout. */
function minutes(text: string): number {
  const m = /^T\+(\d+):(\d\d)$/.exec(text);
  if (!m) throw new Error(`not an elapsed-time readout: ${JSON.stringify(text)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Stops the page's clock: from here on, time passes only by page.clock.runFor. pauseAt needs a
 * time ahead of the page's (still running) clock: on a loaded machine the round trip can outrun a
 * small margin, so a time already past is tried again from a fresh reading.
 */
async function pauseClock(page: Page) {
  for (let attempt = 1; ; attempt++) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + 500);
      return;
    } catch (e) {
      if (attempt >= 5 || !String(e).includes('to the past')) throw e;
    }
  }
}

/** The plane marker's screen position (Leaflet's transform) and its glyph's rotation. */
function planeState(page: Page) {
  return page.locator(PLANE).evaluate((el) => ({
    position: (el as HTMLElement).style.transform,
    rotation: (el.querySelector('.plane-glyph') as SVGElement | null)?.style.transform ?? '',
  }));
}

interface Changes {
  frames: number;
  readout: number;
  plane: number;
}

/**
 * Counts from now on: animation frames, text writes in the elapsed readout, and moves of the
 * plane marker (Leaflet rewrites its transform when its pixel position changes). Read with
 * readChanges().
 */
async function countChanges(page: Page) {
  await page.evaluate(
    ([panel, plane]) => {
      const w = window as unknown as { __changes: Changes };
      w.__changes = { frames: 0, readout: 0, plane: 0 };
      const frame = () => {
        w.__changes.frames++;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      const readout = document.querySelector(`${panel} .playback-elapsed`)!;
      new MutationObserver((records) => (w.__changes.readout += records.length)).observe(readout, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      new MutationObserver((records) => (w.__changes.plane += records.length)).observe(
        document.querySelector(plane)!,
        { attributes: true, attributeFilter: ['style'] },
      );
    },
    [PANEL, PLANE] as const,
  );
}
const readChanges = (page: Page) =>
  page.evaluate(() => (window as unknown as { __changes: Changes }).__changes);

/**
 * A stand-in for the React DevTools hook, installed before the app loads: React (production
 * builds too) tells it of every commit, which it counts in window.__reactCommits.
 */
const COMMIT_COUNTER = `
  window.__reactCommits = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject(renderer) {
      const id = this.renderers.size + 1;
      this.renderers.set(id, renderer);
      return id;
    },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberRoot() {
      window.__reactCommits++;
    },
    onPostCommitFiberRoot() {},
    onCommitFiberUnmount() {},
  };
`;
const reactCommits = (page: Page) =>
  page.evaluate(() => (window as unknown as { __reactCommits: number }).__reactCommits);

describe.skipIf(noBrowser)('ANT-25 flight playback in headless Chromium (production build)', () => {
  const atlas = useAtlas();

  it('plays on the polar map, steps by keyboard and scrubs to the landing', async () => {
    const { page } = await atlas.open('/', {
      width: 1280,
      height: 800,
      init: (p) => p.clock.install(),
    });
    // The polar view first (its map loads lazily, while the clock still runs).
    await page.locator(TOGGLE).click();
    await page.waitForURL(/[?&]view=polar/);
    expect(await page.locator(TOGGLE).getAttribute('aria-pressed')).toBe('true');
    await page.locator('.atlas-map-polar').waitFor();
    await page.locator(ANT25).waitFor({ state: 'attached' });
    const panel = await openFlightStory(page);
    await page.locator(PLANE).waitFor({ state: 'attached' });

    await pauseClock(page);
    await page.clock.runFor(2000); // the map's flight to the story ends
    const elapsed = panel.locator('.playback-elapsed');
    const utc = panel.locator('.playback-readout span').first();
    const flown = panel.locator('.playback-flown');
    expect(await elapsed.innerText()).toBe('T+00:00');
    expect(await utc.innerText()).toBe('18 Jun 01:04 UTC');
    // Moscow time from the flight's clocks file: UTC+3 in 1937.
    expect(await panel.locator('.playback-readout dd').nth(1).innerText()).toBe(
      '18 Jun 01:04 UTC · 18 Jun 04:04 Moscow',
    );
    expect(await panel.locator('[aria-live="off"]').count()).toBe(1);
    const plane0 = await planeState(page);
    // The plane: a dark silhouette outlined in white.
    const look = await page
      .locator(`${PLANE} svg.plane-glyph path`)
      .evaluate((p) => [p.getAttribute('fill'), p.getAttribute('stroke')]);
    expect(look).toEqual(['#1b2230', '#ffffff']);

    // Play for one second at 1 h/s: about an hour of flight; the plane moves every frame, the
    // readout changes at most ten times.
    await panel.getByRole('button', { name: 'Play' }).click();
    await panel.getByRole('button', { name: 'Pause' }).waitFor();
    await countChanges(page);
    await page.clock.runFor(1000);
    const after1s = minutes(await elapsed.innerText());
    expect(after1s).toBeGreaterThanOrEqual(50);
    expect(after1s).toBeLessThanOrEqual(60);
    expect(await utc.innerText()).toMatch(/^18 Jun 0[12]:\d\d UTC$/);
    expect(await utc.innerText()).not.toBe('18 Jun 01:04 UTC');
    expect(await flown.innerText()).toMatch(/^[1-9][\d,]* km \([\d,]+ mi\)$/);
    const changes = await readChanges(page);
    expect(changes.frames, 'frames in one second').toBeGreaterThanOrEqual(55);
    expect(changes.readout, 'readout writes in one second').toBeGreaterThanOrEqual(5);
    expect(changes.readout, 'readout writes in one second').toBeLessThanOrEqual(11);
    // The plane moves on from frame to frame (whenever it crosses a pixel), far more often.
    expect(changes.plane, 'plane moves in one second').toBeGreaterThan(2 * changes.readout);
    expect((await planeState(page)).position).not.toBe(plane0.position);

    // 4 h/s: one second more is about four hours more.
    await panel.getByRole('combobox', { name: 'Playback speed' }).selectOption('4');
    const before = minutes(await elapsed.innerText());
    await page.clock.runFor(1000);
    const gained = minutes(await elapsed.innerText()) - before;
    expect(gained).toBeGreaterThanOrEqual(3.5 * 60);
    expect(gained).toBeLessThanOrEqual(4.2 * 60);

    // Space on the scrubber pauses; the arrows step an hour, with Shift a minute.
    const range = panel.getByRole('slider', { name: 'Flight time' });
    await range.focus();
    await page.keyboard.press(' ');
    await panel.getByRole('button', { name: 'Play' }).waitFor();
    await page.keyboard.press('Home');
    expect(await elapsed.innerText()).toBe('T+00:00');
    const atStart = await planeState(page);
    for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowRight');
    expect(await elapsed.innerText()).toBe('T+25:00');
    expect(await range.inputValue()).toBe(String(25 * 60));
    expect(await range.getAttribute('aria-valuetext')).toMatch(/^T\+25:00, 19 Jun 02:04 UTC, [\d,]+ km/);
    // Past the Pole (T+24:11): the newsletter's first 24 uneventful hours.
    expect(await panel.locator('blockquote').innerText()).toContain('relatively uneventful');
    expect(await panel.locator('.playback-leg').innerText()).toMatch(/^North Pole → /);
    // Past the Pole the plane heads south on the other side: it has turned.
    expect((await planeState(page)).rotation).not.toBe(atStart.rotation);
    await page.keyboard.press('Shift+ArrowRight');
    expect(await elapsed.innerText()).toBe('T+25:01');
    await page.keyboard.press('ArrowLeft');
    expect(await elapsed.innerText()).toBe('T+24:01');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await elapsed.innerText()).toBe('T+24:00');
    await page.clock.runFor(300);
    await page.screenshot({ path: join(OUT_DIR, 'flight-polar-1280x800.png') });

    // The end of the scrubber: the landing, and the newsletter's eleven gallons.
    await page.keyboard.press('End');
    expect(await range.inputValue()).toBe(String(63 * 60 + 16));
    expect(await elapsed.innerText()).toBe('T+63:16');
    expect(await panel.locator('.playback-remaining').innerText()).toMatch(/^0 km/);
    expect(await panel.locator('.playback-leg').innerText()).toContain('Pearson Field');
    expect(await panel.locator('blockquote').innerText()).toContain('eleven gallons');
    expect(await panel.locator('figcaption').innerText()).toMatch(/— the newsletter, line \d+/);

    // Back on the Mercator map, the plane over Canada.
    await page.clock.resume();
    await page.locator(TOGGLE).click();
    await page.waitForURL((url) => !url.search.includes('view=polar'));
    await page.locator(`.atlas-map:not(.atlas-map-polar) ${PLANE}`).waitFor({ state: 'attached' });
    await range.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 45; i++) await page.keyboard.press('ArrowRight');
    expect(await elapsed.innerText()).toBe('T+45:00');
    // From Fort Simpson to the Queen Charlotte Islands the nose points down and to the left:
    // turned clockwise from up by between 180° and 270°.
    // The plane turns in the next animation frame after the step: poll for it (seen once at exactly
    // 180°, the previous heading, on a loaded machine).
    const turn = () => planeState(page).then((s) => Number(/rotate\((-?[\d.]+)deg\)/.exec(s.rotation)?.[1]));
    await expect.poll(turn).toBeGreaterThan(180);
    expect(await turn()).toBeLessThan(270);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT_DIR, 'flight-mercator-1280x800.png') });
    const box = (await page.locator(PLANE).boundingBox())!;
    await page.screenshot({
      path: join(OUT_DIR, 'flight-plane-closeup.png'),
      clip: { x: box.x - 40, y: box.y - 40, width: box.width + 80, height: box.height + 80 },
    });
  });

  it('renders React fewer than 10 times in 10 s of play: the frames bypass React', async () => {
    const { page } = await atlas.open('/', {
      width: 1280,
      height: 800,
      init: async (p) => {
        await p.addInitScript(COMMIT_COUNTER);
        await p.clock.install();
      },
    });
    const panel = await openFlightStory(page);
    await pauseClock(page);
    await page.clock.runFor(2000); // the map's flight to the story ends
    const loaded = await reactCommits(page);
    expect(loaded, 'commits seen by the hook while the app loads').toBeGreaterThan(0);

    await panel.getByRole('button', { name: 'Play' }).click();
    await countChanges(page);
    await page.clock.runFor(10_000);
    const changes = await readChanges(page);
    expect(changes.frames, 'frames in 10 s').toBeGreaterThanOrEqual(550);
    const hours = minutes(await panel.locator('.playback-elapsed').innerText()) / 60;
    expect(hours).toBeGreaterThan(9.5);
    expect(hours).toBeLessThanOrEqual(10);
    const commits = (await reactCommits(page)) - loaded;
    expect(commits, 'React commits in 10 s of play, Play click included').toBeLessThan(10);
  });

  it('with reduced motion, jumps the map to the story and plays in whole hours', async () => {
    const { page } = await atlas.open('/', {
      width: 1280,
      height: 800,
      init: async (p) => {
        await p.emulateMedia({ reducedMotion: 'reduce' });
        await p.clock.install();
      },
    });
    const route = page.locator(ANT25);
    await route.waitFor({ state: 'attached' });
    await pauseClock(page);
    const panel = await openFlightStory(page);
    const storyView = await route.getAttribute('d');
    // Pearson Airfield, named in the story: no time passes, yet the map shows it (it jumped), and
    // it does not move on afterwards.
    await page.locator('.reader button.mention[data-place="pearson-field"]').first().click();
    const placeView = await route.getAttribute('d');
    expect(placeView).not.toBe(storyView);
    await page.clock.runFor(2000);
    expect(await route.getAttribute('d')).toBe(placeView);
    await page.keyboard.press('Escape'); // the place panel closes, the story stays

    const elapsed = panel.locator('.playback-elapsed');
    await panel.getByRole('button', { name: 'Play' }).click();
    await panel.getByRole('button', { name: 'Pause' }).waitFor();
    await page.clock.runFor(999);
    expect(await elapsed.innerText()).toBe('T+00:00');
    await page.clock.runFor(1);
    expect(await elapsed.innerText()).toBe('T+01:00');
    await page.clock.runFor(2000);
    expect(await elapsed.innerText()).toBe('T+03:00');
    await page.clock.runFor(500);
    expect(await elapsed.innerText()).toBe('T+03:00');
  });

  it('without reduced motion, flies the map to the story over time', async () => {
    const { page } = await atlas.open('/', { width: 1280, height: 800, init: (p) => p.clock.install() });
    const route = page.locator(ANT25);
    await route.waitFor({ state: 'attached' });
    await pauseClock(page);
    await openFlightStory(page);
    await page.locator('.reader button.mention[data-place="pearson-field"]').first().click();
    const atOnce = await route.getAttribute('d');
    await page.clock.runFor(2000);
    expect(await route.getAttribute('d')).not.toBe(atOnce);
  });
});
