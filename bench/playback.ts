/**
 * playback: main-thread work per frame while the ANT-25 flight plays (issue #3), with long tasks,
 * React commits and the frame interval.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAtlas, parseRouteLayers } from '../src/core';
import { readDataFiles } from '../src/cli/data';
import { findChromium, openRecordedPage } from '../tests/browser/chromium';
import { FRAME_RECORDER, SETTLE, type RecordedFrame } from './frames';
import {
  ensureBuild,
  frameStats,
  line,
  ms,
  ROOT,
  round,
  TARGETS,
  verdict,
  withChromium,
  type Section,
} from './runner';

const PLAYBACK_SECONDS = 5;

/**
 * Playback frames: the ANT-25 story opened with ?story=N at 1280 × 800, the map left to settle
 * (no long task for a second), then Play pressed and PLAYBACK_SECONDS of playback recorded by
 * FRAME_RECORDER. Work per frame is the main figure; the interval between frames is secondary
 * (headless Chromium paces frames at 60 Hz whatever the work, so it sits at 16.7 ms).
 */
async function benchPlaybackFrames() {
  ensureBuild();
  const executable = findChromium();
  if (!executable) throw new Error('no Chromium: apt-get install -y chromium, or set CHROME_PATH');
  const data = readDataFiles();
  const text = readFileSync(join(ROOT, 'data/newsletters/russian-embassy-newsletter-2020-06.txt'), 'utf8');
  const atlas = loadAtlas({ text, ...data });
  // The flight, as data/geo/route-layers.csv names it, and the first story that tells it.
  const layers = parseRouteLayers(
    readFileSync(join(ROOT, 'data/geo/route-layers.csv'), 'utf8'),
    'data/geo/route-layers.csv',
    atlas.routes.map((r) => r.place.id),
  );
  const story = atlas.mentions.find((m) => m.placeId === layers.flight)?.story;
  if (story === undefined) throw new Error('no story mentions the flight of data/geo/route-layers.csv');
  return withChromium(executable, async (browser, origin) => {
    const { page, context, record } = await openRecordedPage(browser, origin);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.addInitScript(FRAME_RECORDER);
    await page.goto(`${origin}/?story=${story}`);
    const panel = page.locator('section[aria-label="ANT-25 flight playback"]');
    await panel.waitFor();
    const settledMs = Number(await page.evaluate(SETTLE));
    await page.evaluate('window.__bench.recording = true');
    await panel.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(PLAYBACK_SECONDS * 1000);
    await page.evaluate('window.__bench.recording = false');
    // Let the last frame's message arrive.
    await page.waitForTimeout(100);
    const bench = (await page.evaluate('window.__bench')) as {
      frames: RecordedFrame[];
      longTasks: number[];
      commits: number;
    };
    if (record.blocked.length) console.warn(`blocked outside requests: ${record.blocked.join(' ')}`);
    await context.close();
    const frames = bench.frames.filter((f) => Number.isFinite(f.end));
    if (frames.length < 10) throw new Error(`only ${frames.length} frames recorded: did playback start?`);
    const work = frames.map((f) => f.end - f.start);
    const callbacks = frames.map((f) => f.callbacks);
    const intervals = frames.slice(1).map((f, i) => f.ts - frames[i]!.ts);
    return {
      seconds: PLAYBACK_SECONDS,
      settledMs: round(settledMs, 0),
      frames: frames.length,
      /** First rAF callback of a frame → a message posted from it arrives: the frame's main-thread work. */
      workPerFrame: frameStats(work),
      /** The rAF callbacks alone (the app's and Leaflet's JavaScript). */
      callbacksPerFrame: frameStats(callbacks),
      /** Secondary: the interval between frames (60 Hz pacing in headless Chromium). */
      interval: frameStats(intervals),
      // A frame dropped at 60 Hz shows as an interval of about 33 ms; timer jitter stays near 16.7.
      dropped: intervals.filter((ms) => ms > 25).length,
      longTasks: bench.longTasks.length,
      longTaskMs: round(
        bench.longTasks.reduce((a, b) => a + b, 0),
        0,
      ),
      reactCommits: bench.commits,
    };
  });
}

export const playback: Section<Awaited<ReturnType<typeof benchPlaybackFrames>>> = {
  name: 'playback',
  label: 'playback frames',
  key: 'playbackFrames',
  after: 'size',
  run: benchPlaybackFrames,
  print(frames) {
    line(
      `playback: work per frame (${PLAYBACK_SECONDS} s, median)`,
      frames ? `${frames.workPerFrame.medianMs} ms (p95 ${frames.workPerFrame.p95Ms})` : 'not measured',
      `p95 < ${TARGETS.frameP95Ms} ms`,
      verdict(frames?.workPerFrame.p95Ms ?? null, TARGETS.frameP95Ms),
    );
    if (frames) {
      line('  rAF callbacks per frame', ms(frames.callbacksPerFrame), '', '');
      line(
        '  frame interval',
        `${frames.interval.medianMs} ms (p95 ${frames.interval.p95Ms})`,
        '',
        `${frames.dropped} of ${frames.frames} over 25 ms`,
      );
      line(
        '  long tasks, React commits',
        `${frames.longTasks} (${frames.longTaskMs} ms), ${frames.reactCommits} commits`,
        '',
        '',
      );
    }
  },
};
