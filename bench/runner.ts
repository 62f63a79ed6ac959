/**
 * The shared part of npm run bench (bench/run.ts): options, timing and statistics helpers, the
 * build check, Chromium, the table the sections print into and bench/out/results.json. Each
 * section (a hot path or a page figure) is a file of its own beside this one and exports a
 * Section; bench/run.ts lists them in the order they run and print.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { DIST, launchChromium, ROOT, serveStatic } from '../tests/browser/chromium';

export { ROOT };

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
/** --runs N: geoparse runs (default 200). */
export const RUNS = arg('runs', 200);
/** --loads N: page loads of the first-marker bench (default 7). */
export const LOADS = arg('loads', 7);

export const TARGETS = {
  geoparseMs: 5,
  /** 1 MB of news text with the broad gazetteer loaded (issue 13; aiming at 50 ms). */
  geoparseBroadMs: 200,
  initialJsKb: 200,
  firstMarkerMs: 1500,
  frameP95Ms: 16.7,
  offlineCopyMb: 3,
  /** The CLI on 10 MB on one line, over the same 10 MB with normal lines (issue 12). */
  cliOneLineRatio: 3,
};
/** The single-file offline copy the build writes next to index.html (docs/offline-copy.md). */
export const OFFLINE_COPY = 'newsletter-atlas-offline.html';

export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
};
export const median = (xs: number[]) => quantile(xs, 0.5);
export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
/** Median, 95th percentile and maximum of a list of times, in ms. */
export const frameStats = (xs: number[]) => ({
  medianMs: round(median(xs), 2),
  p95Ms: round(quantile(xs, 0.95), 2),
  maxMs: round(Math.max(...xs), 2),
});

/** Times `fn` `runs` times after `warmup` untimed runs; milliseconds. */
export function time(fn: () => unknown, runs: number, warmup = Math.min(20, runs)) {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return { runs, medianMs: round(median(ms), 3), p95Ms: round(quantile(ms, 0.95), 3) };
}

export const verdict = (value: number | null, target: number) =>
  value === null ? 'not measured' : value < target ? 'meets target' : 'MISSES TARGET';

/** One row of the printed table: figure, measured value, target, verdict. */
export const line = (label: string, value: string, target: string, ok: string) =>
  console.log(`${label.padEnd(44)} ${value.padEnd(26)} ${target.padEnd(12)} ${ok}`);

/** A median and p95 in ms, or 'not measured'. */
export const ms = (t: { medianMs: number; p95Ms: number } | undefined) =>
  t ? `${t.medianMs} ms (p95 ${t.p95Ms})` : 'not measured';

/** Builds dist/ when it is missing or older than the sources it is built from. */
export function ensureBuild() {
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

/** Builds data/compiled/places.bin (the broad gazetteer) when it is missing or stale. */
export function ensureGazetteer() {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/gazetteer/build.ts'), '--if-stale'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}

/** Serves dist/, launches Chromium, runs `bench` against them, and closes both whatever happens. */
export async function withChromium<T>(
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

/** One section of the bench: a file beside this one. */
export interface Section<T> {
  /** The name --only takes. */
  name: string;
  /** The name failures are reported under. */
  label: string;
  /** Its key in results.json. */
  key: string;
  /**
   * In a full run, measured only when this other section succeeded (the browser sections need
   * the build that the size section checks); with --only, measured whatever.
   */
  after?: string;
  run(): T | Promise<T>;
  /** Its rows of the table; `result` is null when the section was not measured or failed. */
  print(result: T | null): void;
  /** Lines printed under the table. */
  footer?(result: T): void;
}

/** Runs one section; a failure is reported and the others still run (the exit code says so). */
async function attempt<T>(label: string, run: () => T | Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (e) {
    console.error(`${label}: FAILED: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
    return null;
  }
}

/**
 * Runs the sections (all, or the one --only names), prints the table and writes
 * bench/out/results.json.
 */
export async function runBench(sections: readonly Section<unknown>[]) {
  const names = sections.map((s) => s.name);
  const only = ((): string | null => {
    const i = process.argv.indexOf('--only');
    if (i < 0) return null;
    const name = process.argv[i + 1] ?? '';
    if (!names.includes(name)) {
      console.error(`bench: --only takes one of ${names.join(', ')}; got ${JSON.stringify(name)}`);
      process.exit(2);
    }
    return name;
  })();
  const measured = new Map<string, unknown>();
  for (const s of sections) {
    const wanted = only === null ? s.after === undefined || measured.get(s.after) != null : only === s.name;
    measured.set(s.name, wanted ? await attempt(s.label, () => s.run()) : null);
  }
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGb: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    targets: TARGETS,
  };
  for (const s of sections) results[s.key] = measured.get(s.name) ?? null;
  const machine = results.machine as { cpus: number; cpu: string };
  console.log(`\nNewsletter Atlas benchmarks, ${String(results.date)}, ${machine.cpus} × ${machine.cpu}\n`);
  line('figure', 'measured', 'target', '');
  for (const s of sections) s.print(measured.get(s.name) ?? null);
  let first = true;
  for (const s of sections) {
    const result = measured.get(s.name);
    if (result == null || !s.footer) continue;
    if (first) console.log('');
    first = false;
    s.footer(result);
  }
  const out = join(ROOT, 'bench/out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('written: bench/out/results.json');
}
