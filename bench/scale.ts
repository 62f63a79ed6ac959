/**
 * scale (issue 14): the app with a 1 MB newsletter (over 1,000 stories and 5,000 places) in
 * headless Chromium with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate), as on a slow
 * laptop: navigation → first marker; a search keystroke, a marker click and the tour's next slide
 * (pressed in quick succession, and once the map has landed), each → the next paint, at the 90th
 * percentile. The page is bench/scale-page/ (built apart from the
 * app, into bench/out/scale/dist, so the app's build and its initial JS are untouched), with the
 * newsletter bench/scale-page/fixture.ts geoparsed with the broad gazetteer.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { findChromium, launchChromium, openRecordedPage, serveStatic } from '../tests/browser/chromium';
import { buildScaleFixture, FIXTURE_DIR } from './scale-page/fixture';
import { line, median, quantile, ROOT, round, verdict, type Section } from './runner';

/** The CPU slowdown (a slow laptop). */
const THROTTLE = 4;
const LOADS = 3;
const KEYSTROKES = 20;
const CLICKS = 20;
const SLIDES = 20;
const DIST = join(ROOT, 'bench/out/scale/dist');

export const SCALE_TARGETS = { firstMarkerMs: 2000, keystrokeMs: 50, markerClickMs: 100, slideMs: 100 };

/**
 * Runs before the page's scripts. The first marker as in first-marker.ts; then for each
 * interaction, a capturing listener on window (the first to see the event) notes
 * performance.now(), and the next paint is the end of the frame after it: a rAF callback posts a
 * message to a MessageChannel, which arrives once that frame's style, layout and paint are done.
 */
const RECORDER = `
  window.__scale = { firstMarker: null, times: [], pending: 0 };
  new MutationObserver(function (_, observer) {
    if (document.querySelector('.leaflet-marker-icon[role="button"][aria-label]')) {
      window.__scale.firstMarker = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
  function nextPaint(kind, t0) {
    window.__scale.pending++;
    requestAnimationFrame(function () {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () {
        window.__scale.times.push({ kind: kind, ms: performance.now() - t0, panel: !!document.querySelector('.place-panel'),
          slide: (document.querySelector('.tour-progress') || {}).textContent || '' });
        window.__scale.pending--;
      };
      channel.port2.postMessage(0);
    });
  }
  addEventListener('keydown', function (e) {
    if (e.target && e.target.id === 'search') nextPaint('keystroke', performance.now());
  }, true);
  addEventListener('click', function (e) {
    var t = e.target && e.target.closest ? e.target : null;
    if (!t) return;
    if (t.closest('.leaflet-marker-icon[data-place]')) nextPaint('marker', performance.now());
    else if (t.closest('.tour-buttons button') && t.textContent === 'Next')
      nextPaint(window.__scale.settled ? 'slideSettled' : 'slide', performance.now());
  }, true);
`;

interface Timed {
  kind: string;
  ms: number;
  panel: boolean;
  slide: string;
}

/** Builds the bench page (and the fixture it reads) into bench/out/scale/dist. */
export async function buildScalePage() {
  const fixture = buildScaleFixture();
  await build({
    configFile: false,
    root: join(ROOT, 'bench/scale-page'),
    base: './',
    logLevel: 'warn',
    publicDir: FIXTURE_DIR,
    plugins: [react()],
    worker: { format: 'es' },
    build: { outDir: DIST, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
  return fixture;
}

const stats = (xs: number[]) => ({
  n: xs.length,
  medianMs: round(median(xs), 1),
  p90Ms: round(quantile(xs, 0.9), 1),
  maxMs: round(Math.max(...xs), 1),
});

async function throttled(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
}

/** Waits until every measured interaction has had its paint; returns the times so far. */
async function settle(page: Page): Promise<Timed[]> {
  await page.waitForFunction(
    () => (window as unknown as { __scale: { pending: number } }).__scale.pending === 0,
  );
  return page.evaluate(() => (window as unknown as { __scale: { times: Timed[] } }).__scale.times);
}

async function benchScale() {
  const executable = findChromium();
  if (!executable) throw new Error('no Chromium: apt-get install -y chromium, or set CHROME_PATH');
  const fixture = await buildScalePage();
  const server = await serveStatic(DIST);
  const browser = await launchChromium(executable);
  try {
    const firstMarker: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const { page, context } = await openRecordedPage(browser, server.origin);
      await throttled(page);
      await page.addInitScript(RECORDER);
      await page.goto(server.origin + '/');
      const handle = await page.waitForFunction(
        () => (window as unknown as { __scale: { firstMarker: number | null } }).__scale.firstMarker,
        null,
        { timeout: 120_000 },
      );
      firstMarker.push(Number(await handle.jsonValue()));
      await context.close();
    }

    const { page, context, record } = await openRecordedPage(browser, server.origin);
    await throttled(page);
    await page.addInitScript(RECORDER);
    await page.goto(server.origin + '/');
    await page.locator('.leaflet-marker-icon[data-place]').first().waitFor({ timeout: 120_000 });
    await page.waitForTimeout(2000);

    // Search: a word of the newsletter's typed a letter at a time, then deleted.
    const word = 'readers wrote';
    const search = page.locator('#search');
    await search.click();
    for (let k = 0; k < KEYSTROKES; k++) {
      await page.keyboard.press(k < word.length ? (word[k] === ' ' ? 'Space' : word[k]!) : 'Backspace');
      await settle(page);
      await page.waitForTimeout(150);
    }
    await search.fill('');
    await page.waitForTimeout(1000);

    // Marker clicks: place markers on the world map, each panel closed with Esc before the next.
    for (let k = 0; k < CLICKS; k++) {
      // The centre of a place marker that nothing covers (markers may overlap).
      const at = await page.evaluate(`(function () {
        var free = [...document.querySelectorAll('.leaflet-marker-icon[data-place]')].map(function (el) {
          var b = el.getBoundingClientRect();
          return { el: el, x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }).filter(function (m) { var hit = document.elementFromPoint(m.x, m.y); return hit !== null && m.el.contains(hit); });
        var m = free[(${k} * 7) % free.length];
        return m ? { x: m.x, y: m.y } : null;
      })()`);
      if (!at) throw new Error('no place marker to click on the map');
      const { x, y } = at as { x: number; y: number };
      await page.mouse.click(x, y);
      await page.locator('.place-panel').waitFor();
      await settle(page);
      await page.keyboard.press('Escape');
      await page.locator('.place-panel').waitFor({ state: 'detached' });
      await page.waitForTimeout(300);
    }

    // The tour: opened, then Next.
    await page.locator('.present-button').click();
    const next = page.locator('.tour-buttons button', { hasText: 'Next' });
    await next.waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    // In quick succession: each Next 300 ms after the last slide was painted, while its flight
    // (0.8 s) and the markers of the view it lands on are still under way.
    for (let k = 0; k < SLIDES; k++) {
      await next.click();
      await settle(page);
      await page.waitForTimeout(300);
    }
    // Then as a teacher who speaks to each slide: Next once the map has landed and its markers and
    // labels are drawn (the labels pane is hidden from a flight's start until then), and a second.
    await page.evaluate(() => {
      (window as unknown as { __scale: { settled: boolean } }).__scale.settled = true;
    });
    for (let k = 0; k < SLIDES; k++) {
      await page.waitForTimeout(1000);
      await page.waitForFunction(() => !document.querySelector('.leaflet-labels-pane.is-stale'));
      await page.waitForTimeout(1000);
      await next.click();
      await settle(page);
    }
    const times = await settle(page);
    await context.close();
    if (record.blocked.length) throw new Error(`requests left the machine: ${record.blocked.join(' ')}`);
    if (record.pageErrors.length) throw new Error(`the page failed: ${record.pageErrors.join('\n')}`);
    const of = (kind: string) => times.filter((t) => t.kind === kind).map((t) => t.ms);
    const markers = times.filter((t) => t.kind === 'marker');
    return {
      throttle: THROTTLE,
      newsletter: {
        bytes: fixture.bytes,
        stories: fixture.stories,
        mentions: fixture.mentions,
        places: fixture.places,
      },
      firstMarker: {
        loads: LOADS,
        medianMs: round(median(firstMarker), 0),
        allMs: firstMarker.map((x) => round(x, 0)),
      },
      keystroke: stats(of('keystroke')),
      markerClick: { ...stats(of('marker')), panelShown: markers.filter((t) => t.panel).length },
      slide: stats(of('slide')),
      slideSettled: stats(of('slideSettled')),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

type Result = Awaited<ReturnType<typeof benchScale>>;

export const scale: Section<Result> = {
  name: 'scale',
  label: 'scale',
  key: 'scale',
  after: 'size',
  run: benchScale,
  print(r) {
    const t = SCALE_TARGETS;
    line(
      `1 MB newsletter, CPU ${THROTTLE}× slower: first marker`,
      r ? `${r.firstMarker.medianMs} ms (median of ${r.firstMarker.loads})` : 'not measured',
      `< ${t.firstMarkerMs} ms`,
      verdict(r?.firstMarker.medianMs ?? null, t.firstMarkerMs),
    );
    const row = (label: string, s: { medianMs: number; p90Ms: number } | undefined, target: number) =>
      line(
        label,
        s ? `p90 ${s.p90Ms} ms (median ${s.medianMs})` : 'not measured',
        `< ${target} ms`,
        verdict(s?.p90Ms ?? null, target),
      );
    row('  search keystroke → next paint', r?.keystroke, t.keystrokeMs);
    row('  marker click → place panel painted', r?.markerClick, t.markerClickMs);
    row('  tour Next → next slide painted (in quick succession)', r?.slide, t.slideMs);
    row('  tour Next → next slide painted (the map landed)', r?.slideSettled, t.slideMs);
  },
  footer(r) {
    console.log(
      `scale: ${(r.newsletter.bytes / 1e6).toFixed(2)} MB, ${r.newsletter.stories} stories, ` +
        `${r.newsletter.mentions} mentions, ${r.newsletter.places} places; first marker ${r.firstMarker.allMs.join(', ')} ms; ` +
        `panel painted after ${r.markerClick.panelShown} of ${r.markerClick.n} clicks`,
    );
  },
};
