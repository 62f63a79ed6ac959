/**
 * import: a newsletter the reader brings, through the app's own import panel in headless
 * Chromium (production build): the time from choosing a file (the file input's change event) to
 * the first marker of the new newsletter, for a 20 KB and a 1 MB text (the bundled newsletter cut
 * or repeated, parted by blank lines, so segmented), with a cold worker (a fresh page: the worker
 * starts and downloads the gazetteer) and a warm one (the next file of the same page); and, for a
 * 10 MB file, the longest main-thread task while the worker reads and geoparses it (from the
 * change event to the result, marked `atlas:import-result` by the page) and while the page then
 * shows it. Medians of --loads N pages (at most 3 here).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findChromium, openRecordedPage } from '../tests/browser/chromium';
import { ensureBuild, line, LOADS, median, ROOT, round, withChromium, type Section } from './runner';

const SIZES = [
  ['20 KB', 20_000],
  ['1 MB', 1_000_000],
] as const;
const LONG = 10 * 1024 * 1024;
const RUNS = Math.min(LOADS, 3);

/** Before the page's scripts: the change event's time, and every long task with its start. */
const INIT = `
  window.__longTasks = [];
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { window.__longTasks.push({ start: e.startTime, duration: e.duration }); });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('change', function (e) {
    if (e.target && e.target.type === 'file') window.__chosen = performance.now();
  }, true);
`;

const newsletter = readFileSync(
  join(ROOT, 'data/newsletters/russian-embassy-newsletter-2020-06.txt'),
  'utf8',
);

/** The newsletter repeated or cut to about `size` characters, under a first line of its own (its title). */
function textOf(size: number, title: string): string {
  const parts = [title];
  let length = title.length;
  while (length < size) {
    parts.push(newsletter);
    length += newsletter.length + 2;
  }
  const text = parts.join('\n\n');
  const cut = text.lastIndexOf('\n\n', size);
  return text.length > size && cut > 0 ? text.slice(0, cut) : text;
}

interface Run {
  ms: number;
  /** Longest task from the change event to the worker's result. */
  longestWhileProcessing: number;
  /** Longest task from the result to the first marker. */
  longestWhileShowing: number;
}

/**
 * Where the bench's files are written: a file is chosen by its path, so that the browser reads it
 * as it reads a file a person picks. (Given as bytes, playwright makes the File in the page
 * itself, from base64, in one task of the page: 1.5 to 2.3 s for 10 MB, which the window below
 * counted, since the change event is dispatched at its end.)
 */
const FILES = mkdtempSync(join(tmpdir(), 'atlas-import-bench-'));
let written = 0;

/** Resolves in the page when the app marks the worker's result (no polling: an observer's callback). */
const RESULT = `new Promise(function (resolve) {
  new PerformanceObserver(function (list, observer) {
    if (list.getEntriesByName('atlas:import-result').length) { observer.disconnect(); resolve(true); }
  }).observe({ type: 'mark', buffered: true });
})`;

/**
 * Resolves once the page has run no long task for `ms` (at most `limit` ms): the import before
 * has been shown, and the map has settled, before the next file is chosen.
 */
const QUIET = (ms: number, limit: number) => `new Promise(function (resolve) {
  var began = performance.now();
  (function check() {
    var last = window.__longTasks.reduce(function (m, t) { return Math.max(m, t.start + t.duration); }, began);
    var now = performance.now();
    if (now - last >= ${ms} || now - began >= ${limit}) resolve(true); else setTimeout(check, 100);
  })();
})`;

/**
 * Chooses a file in the import panel; resolves when the masthead names it and a marker is on the
 * map. `quietWhileProcessed`: wait for the worker's result without polling the page (the bench's
 * polling, a task every frame, would be counted with the page's own tasks while it is processed;
 * for the 10 MB file, whose first marker is not timed to the frame).
 */
async function importFile(
  page: Page,
  title: string,
  text: string,
  { quietWhileProcessed = false } = {},
): Promise<Run> {
  if (!(await page.getByRole('dialog', { name: 'Import a newsletter' }).count()))
    await page.getByRole('button', { name: 'Import…' }).click();
  await page.evaluate('performance.clearMarks("atlas:import-result"); window.__chosen = undefined;');
  const file = join(FILES, `bench-${++written}.txt`);
  writeFileSync(file, text);
  // Kept until the bench ends: the browser reads a chosen file from the disk when the page asks.
  await page.locator('.import-panel input[type=file]').setInputFiles(file);
  if (quietWhileProcessed) await page.evaluate(RESULT);
  const shown = await page.waitForFunction(
    `(function (title) {
      var p = document.querySelector('.masthead p');
      if (!p || p.textContent.indexOf(title) < 0) return false;
      if (!document.querySelector('.leaflet-marker-icon[role="button"][aria-label]')) return false;
      return performance.now();
    })(${JSON.stringify(title)})`,
    null,
    { polling: 'raf', timeout: 180_000 },
  );
  const end = Number(await shown.jsonValue());
  await page.waitForTimeout(300); // the long-task observer reports a little late
  return (await page.evaluate(`(function (end) {
    var start = window.__chosen;
    var mark = performance.getEntriesByName('atlas:import-result')[0];
    var result = mark ? mark.startTime : end;
    var longest = function (from, to) {
      return window.__longTasks
        .filter(function (t) { return t.start + t.duration > from && t.start < to; })
        .reduce(function (m, t) { return Math.max(m, t.duration); }, 0);
    };
    return { ms: end - start, longestWhileProcessing: longest(start, result), longestWhileShowing: longest(result, end) };
  })(${end})`)) as Run;
}

async function fresh(browser: Browser, origin: string) {
  const { page, context, record } = await openRecordedPage(browser, origin);
  await page.addInitScript(INIT);
  await page.goto(origin + '/');
  await page.locator('.leaflet-marker-icon[role="button"][aria-label]').first().waitFor();
  return {
    page,
    close: async () => {
      await context.close();
      if (record.blocked.length) throw new Error(`requests left the origin: ${record.blocked.join(', ')}`);
    },
  };
}

async function benchImport() {
  const executable = findChromium();
  if (!executable) {
    console.warn('import: no Chromium (apt-get install -y chromium, or set CHROME_PATH); not measured');
    return null;
  }
  try {
    return await measure(executable);
  } finally {
    rmSync(FILES, { recursive: true, force: true });
  }
}

function measure(executable: string) {
  return withChromium(executable, async (browser, origin) => {
    const sizes: Record<string, { coldMs: number; warmMs: number }> = {};
    let n = 0;
    for (const [label, size] of SIZES) {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const { page, close } = await fresh(browser, origin);
        const a = `Bench ${label} ${++n}`;
        cold.push((await importFile(page, a, textOf(size, a))).ms);
        const b = `Bench ${label} ${++n}`;
        warm.push((await importFile(page, b, textOf(size, b))).ms);
        await close();
      }
      sizes[label] = { coldMs: round(median(cold), 0), warmMs: round(median(warm), 0) };
      process.stderr.write(
        `import ${label}: cold ${sizes[label].coldMs} ms, warm ${sizes[label].warmMs} ms\n`,
      );
    }
    const { page, close } = await fresh(browser, origin);
    const warmUp = `Bench warm-up ${++n}`;
    await importFile(page, warmUp, textOf(20_000, warmUp));
    await page.evaluate(QUIET(1000, 15_000));
    const big = `Bench 10 MB ${++n}`;
    const long = await importFile(page, big, textOf(LONG, big), { quietWhileProcessed: true });
    await close();
    return {
      runs: RUNS,
      sizes,
      tenMegabytes: {
        ms: round(long.ms, 0),
        longestTaskWhileProcessingMs: round(long.longestWhileProcessing, 0),
        longestTaskWhileShowingMs: round(long.longestWhileShowing, 0),
      },
    };
  });
}

/** A long task's length; 0 is none: the observer is told only of tasks of 50 ms or more. */
const longTask = (ms: number) => (ms > 0 ? `${ms} ms` : 'none ≥ 50 ms');

export const importBench: Section<Awaited<ReturnType<typeof benchImport>>> = {
  name: 'import',
  label: 'import',
  key: 'import',
  after: 'size',
  run: () => (ensureBuild(), benchImport()),
  print(r) {
    for (const [label] of SIZES) {
      const s = r?.sizes[label];
      line(
        `import ${label}: file chosen → first marker, cold / warm worker (median of ${r?.runs ?? RUNS})`,
        s ? `${s.coldMs} ms / ${s.warmMs} ms` : 'n/a',
        '',
        '',
      );
    }
    const t = r?.tenMegabytes;
    line(
      'import 10 MB: longest main-thread task while processed; while shown',
      t
        ? `${longTask(t.longestTaskWhileProcessingMs)}; ${longTask(t.longestTaskWhileShowingMs)} (${t.ms} ms in all)`
        : 'n/a',
      '< 50 ms while processed',
      t ? (t.longestTaskWhileProcessingMs < 50 ? '✓' : '✗') : '',
    );
  },
};
