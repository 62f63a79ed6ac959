/**
 * pan: main-thread work per frame while the world map, with all its labels, is dragged and
 * zoomed by a scripted mouse (issue 11).
 */
import { findChromium, openRecordedPage } from '../tests/browser/chromium';
import { FRAME_RECORDER, SETTLE, type RecordedFrame } from './frames';
import {
  ensureBuild,
  frameStats,
  line,
  ms,
  round,
  TARGETS,
  verdict,
  withChromium,
  type Section,
} from './runner';

/** How many times the pan bench drags the map and zooms it in and out. */
const PAN_ROUNDS = 4;
/** A wheel turn of this many pixels zooms the map by one level (Leaflet: 60 px a level). */
const ZOOM_WHEEL_PX = 60;

/**
 * Pan frames: the world map at 1366 × 800 (every place, country and sea label the view allows),
 * left to settle, then PAN_ROUNDS times: a mouse drag of 300 px in 30 moves, a wheel zoom in by
 * one level and out again (the 1:110m basemap throughout), each followed by the label update on
 * moveend. A rAF loop of the bench's own keeps a
 * callback in every frame, so FRAME_RECORDER times every frame, those with the label updates too.
 */
async function benchPanFrames() {
  ensureBuild();
  const executable = findChromium();
  if (!executable) throw new Error('no Chromium: apt-get install -y chromium, or set CHROME_PATH');
  return withChromium(executable, async (browser, origin) => {
    const { page, context, record } = await openRecordedPage(browser, origin);
    await page.setViewportSize({ width: 1366, height: 800 });
    await page.addInitScript(FRAME_RECORDER);
    await page.goto(`${origin}/`);
    await page.locator('.atlas-map .map-label-country').first().waitFor({ state: 'attached' });
    const box = await page.locator('.atlas-map').boundingBox();
    if (!box) throw new Error('no map on the page');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    // Once in and out before recording: the first zoom builds what it needs (loading, not panning).
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, -ZOOM_WHEEL_PX);
    await page.waitForTimeout(700);
    await page.mouse.wheel(0, ZOOM_WHEEL_PX);
    const settledMs = Number(await page.evaluate(SETTLE));
    await page.evaluate(() => performance.clearMeasures('atlas:labels'));
    const labels = () =>
      page.evaluate(() => Number(document.querySelector<HTMLElement>('.atlas-map')?.dataset.labels));
    const labelCounts = [await labels()];
    await page.evaluate(`
      window.__bench.recording = true;
      (function tick() { if (window.__bench.recording) requestAnimationFrame(tick); })();
    `);
    for (let round = 0; round < PAN_ROUNDS; round++) {
      const dx = round % 2 ? -300 : 300;
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let i = 1; i <= 30; i++) await page.mouse.move(x + (dx * i) / 30, y + (i % 5));
      await page.mouse.up();
      await page.waitForTimeout(400);
      labelCounts.push(await labels());
      await page.mouse.wheel(0, -ZOOM_WHEEL_PX);
      await page.waitForTimeout(700);
      labelCounts.push(await labels());
      await page.mouse.wheel(0, ZOOM_WHEEL_PX);
      await page.waitForTimeout(700);
    }
    await page.evaluate('window.__bench.recording = false');
    await page.waitForTimeout(100);
    const bench = (await page.evaluate('window.__bench')) as {
      frames: RecordedFrame[];
      longTasks: number[];
      commits: number;
    };
    const updates = await page.evaluate(() =>
      performance.getEntriesByName('atlas:labels').map((e) => e.duration),
    );
    if (record.blocked.length) console.warn(`blocked outside requests: ${record.blocked.join(' ')}`);
    await context.close();
    const frames = bench.frames.filter((f) => Number.isFinite(f.end));
    if (frames.length < 10) throw new Error(`only ${frames.length} frames recorded`);
    const work = frames.map((f) => f.end - f.start);
    return {
      rounds: PAN_ROUNDS,
      settledMs: round(settledMs, 0),
      frames: frames.length,
      workPerFrame: frameStats(work),
      callbacksPerFrame: frameStats(frames.map((f) => f.callbacks)),
      framesOver16ms: work.filter((ms) => ms > 16.7).length,
      longTasks: bench.longTasks.length,
      longTaskMs: round(
        bench.longTasks.reduce((a, b) => a + b, 0),
        0,
      ),
      reactCommits: bench.commits,
      /** Choosing and placing the labels (the user-timing entries 'atlas:labels'), one per moveend. */
      labelUpdates: { count: updates.length, ...frameStats(updates) },
      /** Labels shown on opening and after each drag and zoom: the map was labelled throughout. */
      labels: labelCounts,
    };
  });
}

export const pan: Section<Awaited<ReturnType<typeof benchPanFrames>>> = {
  name: 'pan',
  label: 'pan frames',
  key: 'panFrames',
  after: 'size',
  run: benchPanFrames,
  print(pan) {
    line(
      `pan and zoom: work per frame (${PAN_ROUNDS} rounds)`,
      pan ? `${pan.workPerFrame.medianMs} ms (p95 ${pan.workPerFrame.p95Ms})` : 'not measured',
      `p95 < ${TARGETS.frameP95Ms} ms`,
      verdict(pan?.workPerFrame.p95Ms ?? null, TARGETS.frameP95Ms),
    );
    if (pan) {
      line(
        '  max; frames over 16.7 ms',
        `${pan.workPerFrame.maxMs} ms`,
        '',
        `${pan.framesOver16ms} of ${pan.frames}`,
      );
      line(
        '  long tasks, React commits',
        `${pan.longTasks} (${pan.longTaskMs} ms), ${pan.reactCommits} commits`,
        '',
        '',
      );
      line('  label update (on moveend)', ms(pan.labelUpdates), '', `${pan.labelUpdates.count} updates`);
      line('  labels shown (opening, after each move)', pan.labels.join(' '), '', '');
    }
  },
};
