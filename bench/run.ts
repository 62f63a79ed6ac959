/**
 * npm run bench: the figures issue #2 asks for, printed and written to bench/out/results.json.
 *   geoparse    the whole newsletter, warm (median and p95 after warm-up), and 100 copies of it
 *   JS size     every dist/assets/*.js gzipped, and the initial JS that dist/index.html loads
 *   offline copy  dist/newsletter-atlas-offline.html, the single-file copy (issue #4), and gzipped
 *   first marker  navigation start → first map marker in headless Chromium (median of 7 loads)
 *   playback frames  main-thread work per frame while the ANT-25 flight plays (issue #3), with
 *                    long tasks, React commits and the frame interval
 *   pan frames  main-thread work per frame while the world map, with all its labels, is dragged
 *               and zoomed by a scripted mouse (issue 11)
 *   cli         the geoparse CLI on 10 MB of text with normal lines and the same 10 MB on one line:
 *               wall time (median of 3) and peak memory (issue 12)
 * Options: --runs N (geoparse runs, default 200), --loads N (page loads, default 7),
 *          --only geoparse|size|first-marker|playback|pan|cli (one section; the others are not measured).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { loadAtlas, loadData, parseRouteLayers } from '../src/core';
import { readDataFiles } from '../src/cli/data';
import {
  DIST,
  findChromium,
  launchChromium,
  openRecordedPage,
  ROOT,
  serveStatic,
} from '../tests/browser/chromium';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 200);
const LOADS = arg('loads', 7);
const SECTIONS = ['geoparse', 'size', 'first-marker', 'playback', 'pan', 'cli'] as const;
type Section = (typeof SECTIONS)[number];
const ONLY = ((): Section | null => {
  const i = process.argv.indexOf('--only');
  if (i < 0) return null;
  const name = process.argv[i + 1] ?? '';
  if (!(SECTIONS as readonly string[]).includes(name)) {
    console.error(`bench: --only takes one of ${SECTIONS.join(', ')}; got ${JSON.stringify(name)}`);
    process.exit(2);
  }
  return name as Section;
})();
const wanted = (name: Section) => ONLY === null || ONLY === name;

const TARGETS = {
  geoparseMs: 5,
  initialJsKb: 200,
  firstMarkerMs: 1500,
  frameP95Ms: 16.7,
  offlineCopyMb: 3,
  /** The CLI on 10 MB on one line, over the same 10 MB with normal lines (issue 12). */
  cliOneLineRatio: 3,
};
/** The single-file offline copy the build writes next to index.html (docs/offline-copy.md). */
const OFFLINE_COPY = 'newsletter-atlas-offline.html';
const PLAYBACK_SECONDS = 5;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
/** Median, 95th percentile and maximum of a list of times, in ms. */
const frameStats = (xs: number[]) => ({
  medianMs: round(median(xs), 2),
  p95Ms: round(quantile(xs, 0.95), 2),
  maxMs: round(Math.max(...xs), 2),
});

/** Times `fn` `runs` times after `warmup` untimed runs; milliseconds. */
function time(fn: () => unknown, runs: number, warmup = Math.min(20, runs)) {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return { runs, medianMs: round(median(ms), 3), p95Ms: round(quantile(ms, 0.95), 3) };
}

const verdict = (value: number | null, target: number) =>
  value === null ? 'not measured' : value < target ? 'meets target' : 'MISSES TARGET';

// (a) geoparse ------------------------------------------------------------------------------------
function benchGeoparse() {
  const data = readDataFiles(join(ROOT, 'data/'));
  const dir = join(ROOT, 'data/newsletters');
  const file = readdirSync(dir).find((f) => f.endsWith('.txt'));
  if (!file) throw new Error(`no newsletter .txt in ${dir}`);
  const text = readFileSync(join(dir, file), 'utf8');
  const loaded = loadData(data);
  const atlas = loaded.geoparse(text);
  const copies = Array.from({ length: 100 }, () => text).join('\n\n');
  const big = loaded.geoparse(copies);
  return {
    newsletter: file,
    chars: text.length,
    stories: atlas.stories.length,
    mentions: atlas.mentions.length,
    places: atlas.places.length,
    /** Data already validated (loadData once): the text alone. */
    geoparse: time(() => loaded.geoparse(text), RUNS),
    /** loadAtlas: validating the data files and geoparsing, as a fresh page load does. */
    loadAtlas: time(() => loadAtlas({ ...data, text }), Math.max(10, RUNS / 4)),
    copies100: {
      chars: copies.length,
      mentions: big.mentions.length,
      ...time(() => loaded.geoparse(copies), 7, 2),
    },
  };
}

// (b) JS size ---------------------------------------------------------------------------------------
/** Builds dist/ when it is missing or older than the sources it is built from. */
function ensureBuild() {
  const built = join(DIST, 'index.html');
  const newest = (path: string): number => {
    const s = statSync(path);
    return s.isDirectory() ? Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f)))) : s.mtimeMs;
  };
  const sources = ['src', 'data', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) =>
    join(ROOT, p),
  );
  if (
    existsSync(built) &&
    existsSync(join(DIST, OFFLINE_COPY)) &&
    statSync(built).mtimeMs >= Math.max(...sources.filter(existsSync).map(newest))
  )
    return;
  console.log('building dist/ (vite build)…');
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

function benchSize() {
  ensureBuild();
  const assets = join(DIST, 'assets');
  const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  // The entry script and the chunks it preloads: what the browser fetches before the app runs.
  const initial = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  const kb = (bytes: number) => round(bytes / 1024, 1);
  const offline = join(DIST, OFFLINE_COPY);
  return {
    files: js.map((f) => ({
      file: `assets/${f}`,
      bytes: statSync(join(assets, f)).size,
      gzipBytes: gz(join(assets, f)),
    })),
    allJsGzipKb: kb(js.reduce((n, f) => n + gz(join(assets, f)), 0)),
    initialJs: initial,
    initialJsGzipKb: kb(initial.reduce((n, f) => n + gz(join(DIST, f)), 0)),
    /** CSS and data (the basemap's TopoJSON) are not JS, but a first visit may fetch them too. */
    otherAssets: readdirSync(assets)
      .filter((f) => !f.endsWith('.js'))
      .map((f) => ({ file: `assets/${f}`, gzipKb: kb(gz(join(assets, f))) })),
    /** The whole app in one HTML file (code, CSS, data, both basemaps), as "Download for offline" saves it. */
    offlineCopy: existsSync(offline)
      ? { file: OFFLINE_COPY, bytes: statSync(offline).size, gzipBytes: gz(offline) }
      : null,
  };
}

// (c) first marker ----------------------------------------------------------------------------------
/** Runs before the page's scripts; performance.now() counts from the navigation start. */
const FIRST_MARKER_OBSERVER = `
  new MutationObserver(function (_, observer) {
    if (document.querySelector('.leaflet-marker-icon[role="button"][aria-label]')) {
      window.__firstMarker = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
`;
/** Serves dist/, launches Chromium, runs `bench` against them, and closes both whatever happens. */
async function withChromium<T>(
  executable: string,
  bench: (browser: Browser, origin: string) => Promise<T>,
): Promise<T> {
  const server = await serveStatic();
  const browser = await launchChromium(executable);
  try {
    return await bench(browser, server.origin);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function benchFirstMarker() {
  const executable = findChromium();
  if (!executable) {
    console.warn('first marker: no Chromium (apt-get install -y chromium, or set CHROME_PATH); not measured');
    return null;
  }
  const ms: number[] = [];
  await withChromium(executable, async (browser, origin) => {
    for (let i = 0; i < LOADS; i++) {
      const { page, context, record } = await openRecordedPage(browser, origin);
      // A string, not a function: tsx would wrap a function's inner helpers in __name(), unknown in the page.
      await page.addInitScript(FIRST_MARKER_OBSERVER);
      await page.goto(origin + '/');
      const handle = await page.waitForFunction(
        () => (window as { __firstMarker?: number }).__firstMarker,
        null,
        {
          timeout: 30_000,
        },
      );
      ms.push(Number(await handle.jsonValue()));
      if (record.blocked.length) console.warn(`blocked outside requests: ${record.blocked.join(' ')}`);
      await context.close();
    }
  });
  return {
    chromium: execFileSync(executable, ['--version'], { encoding: 'utf8' }).trim(),
    loads: LOADS,
    medianMs: round(median(ms), 0),
    p95Ms: round(quantile(ms, 0.95), 0),
    allMs: ms.map((x) => round(x, 0)),
  };
}

// (d) playback frames ---------------------------------------------------------------------------------
/**
 * Runs in the page before its scripts (a string: tsx would wrap a function's inner helpers in
 * __name(), unknown in the page). While `__bench.recording`:
 * - every requestAnimationFrame callback is timed; the first callback of a frame (callbacks of one
 *   frame share its timestamp) posts a message to itself, and the frame's work is the time from
 *   that callback's start to the message's arrival: the rAF callbacks, style, layout and paint,
 *   and any task that ran in between (work after paint included);
 * - long tasks (PerformanceObserver 'longtask', over 50 ms) are listed;
 * - React commits are counted through a stand-in for the DevTools hook.
 * Before recording, `__bench.lastLongTaskEnd` tells when the page last had a long task.
 */
const FRAME_RECORDER = `
  (function () {
    var bench = { recording: false, frames: [], longTasks: [], commits: 0, lastLongTaskEnd: 0 };
    window.__bench = bench;
    var channel = new MessageChannel();
    channel.port1.onmessage = function (e) {
      var f = bench.frames[e.data];
      if (f) f.end = performance.now();
    };
    var current = null;
    var raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = function (callback) {
      return raf(function (ts) {
        if (!bench.recording) return callback(ts);
        if (!current || current.ts !== ts) {
          current = { ts: ts, start: performance.now(), callbacks: 0, end: NaN };
          bench.frames.push(current);
          channel.port2.postMessage(bench.frames.length - 1);
        }
        var frame = current;
        var t0 = performance.now();
        try {
          return callback(ts);
        } finally {
          frame.callbacks += performance.now() - t0;
        }
      });
    };
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        bench.lastLongTaskEnd = Math.max(bench.lastLongTaskEnd, e.startTime + e.duration);
        if (bench.recording) bench.longTasks.push(e.duration);
      });
    }).observe({ type: 'longtask', buffered: true });
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject: function (renderer) {
        var id = this.renderers.size + 1;
        this.renderers.set(id, renderer);
        return id;
      },
      checkDCE: function () {},
      onScheduleFiberRoot: function () {},
      onCommitFiberRoot: function () {
        if (bench.recording) bench.commits++;
      },
      onPostCommitFiberRoot: function () {},
      onCommitFiberUnmount: function () {},
    };
  })();
`;

/** Resolves once the page has had no long task for a second (the map's flight, the basemap). */
const SETTLE = `new Promise(function (resolve) {
  var start = performance.now();
  (function check() {
    var now = performance.now();
    var quiet = now - Math.max(start, window.__bench.lastLongTaskEnd) > 1000;
    if (quiet || now - start > 15000) resolve(now - start);
    else setTimeout(check, 100);
  })();
})`;

interface RecordedFrame {
  ts: number;
  start: number;
  callbacks: number;
  end: number;
}

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

// (e) pan frames -------------------------------------------------------------------------------------
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

// (f) CLI on 10 MB -------------------------------------------------------------------------------------
const CLI_BYTES = 10 * 2 ** 20;
const CLI_RUNS = 3;
const GNU_TIME = '/usr/bin/time';
/** Without GNU time: the child writes its own peak memory (KB) to stderr as it exits. */
const MAXRSS_HOOK =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss "+process.resourceUsage().maxRSS+"\\n"))';

/** One `node --import tsx src/cli/geoparse.ts FILE > /dev/null`: wall time and peak memory. */
function runCli(file: string) {
  const gnuTime = existsSync(GNU_TIME);
  const node = [process.execPath, ...(gnuTime ? [] : ['--import', MAXRSS_HOOK])];
  const args = [...node, '--import', 'tsx', join(ROOT, 'src/cli/geoparse.ts'), file];
  const devNull = openSync('/dev/null', 'w');
  const t0 = performance.now();
  const r = gnuTime
    ? spawnSync(GNU_TIME, ['-f', 'maxrss %M', ...args], { cwd: ROOT, stdio: ['ignore', devNull, 'pipe'] })
    : spawnSync(args[0]!, args.slice(1), { cwd: ROOT, stdio: ['ignore', devNull, 'pipe'] });
  const ms = performance.now() - t0;
  closeSync(devNull);
  const stderr = r.stderr.toString();
  if (r.status !== 0) throw new Error(`geoparse exited ${r.status}: ${stderr.trim().split('\n')[0]}`);
  const kb = Number(/maxrss (\d+)/.exec(stderr)?.[1] ?? NaN);
  const notes = stderr.split('\n').filter((l) => l.startsWith('geoparse: note:')).length;
  return { ms, peakMb: round(kb / 1024, 1), notes };
}

function benchCli() {
  // The CLI reads the compiled broad gazetteer: build it first when it is missing or stale.
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/gazetteer/build.ts'), '--if-stale'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  const dir = join(ROOT, 'data/newsletters');
  const file = readdirSync(dir).find((f) => f.endsWith('.txt'));
  if (!file) throw new Error(`no newsletter .txt in ${dir}`);
  const text = readFileSync(join(dir, file), 'utf8');
  const copies = Math.ceil(CLI_BYTES / Buffer.byteLength(text + '\n\n'));
  const lines = Array.from({ length: copies }, () => text).join('\n\n');
  const oneLine = lines.replace(/\n/g, ' '); // the same bytes, every line break a space
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-bench-cli-'));
  try {
    const measure = (name: string, content: string) => {
      const path = join(tmp, `${name}.txt`);
      writeFileSync(path, content);
      const runs = Array.from({ length: CLI_RUNS }, () => runCli(path));
      return {
        bytes: Buffer.byteLength(content),
        medianMs: round(median(runs.map((r) => r.ms)), 0),
        peakMb: round(median(runs.map((r) => r.peakMb)), 1),
        notes: runs[0]!.notes,
      };
    };
    const normal = measure('normal-lines', lines);
    const one = measure('one-line', oneLine);
    return {
      copies,
      memory: existsSync(GNU_TIME) ? `${GNU_TIME} -f %M` : 'process.resourceUsage().maxRSS',
      normal,
      oneLine: one,
      ratio: round(one.medianMs / normal.medianMs, 2),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ----------------------------------------------------------------------------------------------------
/** Runs one bench; a failure is reported and the others still run (the exit code says so). */
async function section<T>(name: string, run: () => T | Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (e) {
    console.error(`${name}: FAILED: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
    return null;
  }
}
const geoparse = wanted('geoparse') ? await section('geoparse', benchGeoparse) : null;
const size = wanted('size') ? await section('JS size', benchSize) : null;
const firstMarker =
  (ONLY === null && size) || ONLY === 'first-marker'
    ? await section('first marker', () => (ensureBuild(), benchFirstMarker()))
    : null;
const frames =
  (ONLY === null && size) || ONLY === 'playback'
    ? await section('playback frames', benchPlaybackFrames)
    : null;
const pan = (ONLY === null && size) || ONLY === 'pan' ? await section('pan frames', benchPanFrames) : null;
const cli = wanted('cli') ? await section('cli', benchCli) : null;

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  },
  targets: TARGETS,
  geoparse,
  size,
  firstMarker,
  playbackFrames: frames,
  panFrames: pan,
  cli,
};

const line = (label: string, value: string, target: string, ok: string) =>
  console.log(`${label.padEnd(44)} ${value.padEnd(26)} ${target.padEnd(12)} ${ok}`);
console.log(
  `\nNewsletter Atlas benchmarks, ${results.date}, ${results.machine.cpus} × ${results.machine.cpu}\n`,
);
line('figure', 'measured', 'target', '');
const ms = (t: { medianMs: number; p95Ms: number } | undefined) =>
  t ? `${t.medianMs} ms (p95 ${t.p95Ms})` : 'not measured';
line(
  `geoparse, warm (${RUNS} runs)`,
  ms(geoparse?.geoparse),
  `< ${TARGETS.geoparseMs} ms`,
  verdict(geoparse?.geoparse.medianMs ?? null, TARGETS.geoparseMs),
);
line('loadAtlas (data + geoparse)', ms(geoparse?.loadAtlas), '', '');
line('geoparse, 100 copies', ms(geoparse?.copies100), '', '');
line(
  'initial JS, gzipped',
  size ? `${size.initialJsGzipKb} KB` : 'not measured',
  `< ${TARGETS.initialJsKb} KB`,
  verdict(size?.initialJsGzipKb ?? null, TARGETS.initialJsKb),
);
line('all JS, gzipped', size ? `${size.allJsGzipKb} KB` : 'not measured', '', '');
for (const a of size?.otherAssets ?? []) line(`  ${a.file}, gzipped`, `${a.gzipKb} KB`, '', '');
const mb = (bytes: number) => round(bytes / 1e6, 2);
const offlineCopy = size?.offlineCopy ?? null;
line(
  'offline copy (one HTML file)',
  offlineCopy ? `${mb(offlineCopy.bytes)} MB (${mb(offlineCopy.gzipBytes)} MB gzipped)` : 'not measured',
  `< ${TARGETS.offlineCopyMb} MB`,
  verdict(offlineCopy ? mb(offlineCopy.bytes) : null, TARGETS.offlineCopyMb),
);
line(
  `first marker (median of ${LOADS} loads)`,
  ms(firstMarker ?? undefined),
  `< ${TARGETS.firstMarkerMs} ms`,
  verdict(firstMarker?.medianMs ?? null, TARGETS.firstMarkerMs),
);
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
const cliRun = (r: { bytes: number; medianMs: number; peakMb: number } | undefined) =>
  r ? `${r.medianMs} ms, peak ${r.peakMb} MB` : 'not measured';
line(`CLI, ${CLI_BYTES / 2 ** 20} MiB, normal lines (median of ${CLI_RUNS})`, cliRun(cli?.normal), '', '');
line(`CLI, the same on one line (median of ${CLI_RUNS})`, cliRun(cli?.oneLine), '', '');
line(
  '  one line / normal lines',
  cli ? `${cli.ratio}×` : 'not measured',
  `< ${TARGETS.cliOneLineRatio}×`,
  verdict(cli?.ratio ?? null, TARGETS.cliOneLineRatio),
);
if (geoparse) {
  const g = geoparse;
  console.log(
    `\n${g.newsletter}: ${g.chars} chars, ${g.stories} stories, ${g.mentions} mentions of ${g.places} places`,
  );
}

const out = join(ROOT, 'bench/out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('written: bench/out/results.json');
