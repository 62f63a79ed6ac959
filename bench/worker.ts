/**
 * npx tsx bench/worker.ts [--runs N]: the geoparse worker (src/worker) in headless Chromium, on a
 * page of its client alone (tests/browser/worker-page, built into bench/out/worker-page as the
 * app bundles the client) served from 127.0.0.1:
 * - request → result: `geoparseInWorker({ name, text })` timed in the page from the call to the
 *   resolved result, for a 20 KB and a 1 MB text (the bundled newsletter cut or repeated, parted
 *   by blank lines, so unknown to the catalog and segmented); cold (a fresh page: the worker
 *   starts and downloads and opens the gazetteer) and warm (the next request of the same page);
 *   medians of N runs (default 3);
 * - the longest main-thread task (PerformanceObserver 'longtask', tasks over 50 ms) from the call
 *   to the result while a 10 MB text is geoparsed by a warm worker;
 * - the worker's chunk and the gazetteer download of the app's production build (dist/, built
 *   first when it has no worker): size on disk and gzip -9 (node:zlib).
 * Writes bench/out/worker.json. No test asserts a time.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import {
  DIST,
  findChromium,
  launchChromium,
  openRecordedPage,
  ROOT,
  serveStatic,
} from '../tests/browser/chromium';
import { buildWorkerPage } from '../tests/browser/worker-page/build';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const SIZES = { '20 KB': 20_000, '1 MB': 1_000_000 } as const;
const LONG_SIZE = 10 * 1024 * 1024;

const chrome = findChromium();
if (!chrome)
  throw new Error('bench/worker.ts needs Chromium: apt-get install -y chromium (or set CHROME_PATH)');

const assetsDir = join(DIST, 'assets');
const asset = (pattern: RegExp) => {
  const files = readdirSync(assetsDir);
  return files.find((f) => pattern.test(f));
};
let built = false;
try {
  built = asset(/^geoparse\.worker-.*\.js$/) !== undefined;
} catch {
  built = false;
}
if (!built) execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
const PAGE_DIR = join(ROOT, 'bench/out/worker-page');
await buildWorkerPage(PAGE_DIR);
const workerFile = asset(/^geoparse\.worker-.*\.js$/)!;
const gazetteerFile = asset(/^places-.*\.bin$/)!;
const newsletter = readFileSync(
  join(ROOT, 'data/newsletters/russian-embassy-newsletter-2020-06.txt'),
  'utf8',
);

const sizeOf = (file: string) => {
  const bytes = readFileSync(join(assetsDir, file));
  return {
    file: `assets/${file}`,
    bytes: statSync(join(assetsDir, file)).size,
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
  };
};

/**
 * In the page before its scripts (a string: tsx would wrap inner functions in __name(), unknown
 * in the page): long tasks are kept with their start; `__benchText(n)` is the newsletter cut or
 * repeated to about n characters at a paragraph break.
 */
const INIT = `
  window.__longTasks = [];
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { window.__longTasks.push({ start: e.startTime, duration: e.duration }); });
  }).observe({ type: 'longtask', buffered: true });
`;

/** Called in the page with { text, size }; resolves with the time and what came back. */
const REQUEST = `async function (arg) {
  var parts = [];
  var length = 0;
  while (length < arg.size) { parts.push(arg.text); length += arg.text.length + 2; }
  var text = parts.join('\\n\\n');
  if (text.length > arg.size) {
    var cut = text.lastIndexOf('\\n\\n', arg.size);
    text = text.slice(0, cut > 0 ? cut : arg.size);
  }
  await new Promise(function (ok) { setTimeout(ok, 200); });
  var t0 = performance.now();
  var outcome = await window.geoparseClient.geoparseInWorker({ name: 'bench.txt', text: text });
  var ms = performance.now() - t0;
  await new Promise(function (ok) { setTimeout(ok, 200); });
  var tasks = window.__longTasks.filter(function (t) { return t.start + t.duration >= t0 && t.start <= t0 + ms; });
  if (outcome.status !== 'done') throw new Error(outcome.status + ': ' + (outcome.message || ''));
  return {
    ms: ms,
    chars: text.length,
    stories: outcome.result.stories.length,
    mentions: outcome.result.mentions.length,
    places: outcome.result.places.length,
    longestTask: tasks.reduce(function (m, t) { return Math.max(m, t.duration); }, 0),
    longTasks: tasks.length,
  };
}`;

interface Run {
  ms: number;
  chars: number;
  stories: number;
  mentions: number;
  places: number;
  longestTask: number;
  longTasks: number;
}

async function openPage(
  browser: Browser,
  origin: string,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const { page, context, record } = await openRecordedPage(browser, origin);
  await page.addInitScript(INIT);
  await page.goto(origin + '/');
  await page.locator('#ready').waitFor();
  return {
    page,
    close: async () => {
      await context.close();
      if (record.blocked.length) throw new Error(`requests left the origin: ${record.blocked.join(', ')}`);
    },
  };
}

const request = (page: Page, size: number) =>
  page.evaluate(`(${REQUEST})(${JSON.stringify({ text: newsletter, size })})`) as Promise<Run>;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x);

const server = await serveStatic(PAGE_DIR);
const browser = await launchChromium(chrome);
const timings: Record<
  string,
  { cold: number; warm: number; chars: number; stories: number; mentions: number }
> = {};
try {
  for (const [label, size] of Object.entries(SIZES)) {
    const cold: number[] = [];
    const warm: number[] = [];
    let last: Run | null = null;
    for (let r = 0; r < RUNS; r++) {
      const { page, close } = await openPage(browser, server.origin);
      cold.push((await request(page, size)).ms);
      last = await request(page, size);
      warm.push(last.ms);
      await close();
    }
    timings[label] = {
      cold: round(median(cold)),
      warm: round(median(warm)),
      chars: last!.chars,
      stories: last!.stories,
      mentions: last!.mentions,
    };
    process.stderr.write(`${label}: cold ${timings[label].cold} ms, warm ${timings[label].warm} ms\n`);
  }
  const { page, close } = await openPage(browser, server.origin);
  await request(page, 20_000); // warm it
  const long = await request(page, LONG_SIZE);
  await close();
  const results = {
    date: new Date().toISOString().slice(0, 10),
    runs: RUNS,
    timings,
    tenMegabytes: {
      chars: long.chars,
      stories: long.stories,
      mentions: long.mentions,
      places: long.places,
      ms: round(long.ms),
      longestMainThreadTask: round(long.longestTask),
      longTasks: long.longTasks,
    },
    workerChunk: sizeOf(workerFile),
    gazetteer: sizeOf(gazetteerFile),
  };
  mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/out/worker.json'), JSON.stringify(results, null, 2) + '\n');
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  console.log(`| figure | value |\n| --- | --- |`);
  for (const [label, t] of Object.entries(timings)) {
    console.log(
      `| ${label} (${t.chars} chars, ${t.stories} stories, ${t.mentions} mentions), cold | ${t.cold} ms |`,
    );
    console.log(`| ${label}, warm | ${t.warm} ms |`);
  }
  const l = results.tenMegabytes;
  console.log(
    `| 10 MB (${l.chars} chars, ${l.stories} stories, ${l.mentions} mentions), warm | ${l.ms} ms |`,
  );
  console.log(
    `| longest main-thread task meanwhile | ${l.longTasks ? `${l.longestMainThreadTask} ms (${l.longTasks} over 50 ms)` : 'none over 50 ms'} |`,
  );
  console.log(
    `| worker chunk | ${kb(results.workerChunk.bytes)}, ${kb(results.workerChunk.gzipBytes)} gzipped |`,
  );
  console.log(
    `| gazetteer download | ${mb(results.gazetteer.bytes)}, ${mb(results.gazetteer.gzipBytes)} gzipped |`,
  );
} finally {
  await browser.close();
  await server.close();
}
