/**
 * geoparse, broad (issue 13): 1 MB of news text (the seed newsletter repeated, unknown to the
 * catalog, so segmented into stories) geoparsed with the broad gazetteer loaded: the first run,
 * then the median and p95 of the warm runs, in ms and MB/s, beside a plain loop that only visits
 * each character of the same text (the ratio says how far the geoparser is from that floor);
 * and the time of each stage, so the hot paths show.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPlaceFinder, findStories, loadData, normalizeText, sentenceFinder } from '../src/core';
import { readDataFiles } from '../src/cli/data';
import {
  combineMentions,
  createBroadGeoparser,
  findBroadMentions,
  lexiconOf,
  openGazetteer,
} from '../src/core/places';
import { seedNewsletter } from './geoparse';
import {
  ensureGazetteer,
  line,
  median,
  quantile,
  ROOT,
  round,
  TARGETS,
  verdict,
  type Section,
} from './runner';

/** The size of the text: 1 MB. */
const BYTES = 1e6;
const RUNS = 15;
const WARMUP = 3;

/**
 * The CPU time this thread has run, in ms (Linux: /proc/thread-self/schedstat, in ns), or null
 * where it cannot be read. Other processes move it far less than the wall time: on a shared
 * machine it is the figure to compare runs by.
 */
function threadCpuMs(): number | null {
  const file = '/proc/thread-self/schedstat';
  if (!existsSync(file)) return null;
  return Number(readFileSync(file, 'utf8').split(' ')[0]) / 1e6;
}

/** Median and p95 of `runs` timed calls after `warmup` untimed ones, and the median CPU time; ms. */
function timed(fn: () => unknown, runs = RUNS, warmup = WARMUP) {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = threadCpuMs();
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
    const c1 = threadCpuMs();
    if (c0 !== null && c1 !== null) cpu.push(c1 - c0);
  }
  return {
    median: median(ms),
    p95: quantile(ms, 0.95),
    best: Math.min(...ms),
    cpuMedian: cpu.length > 0 ? median(cpu) : null,
  };
}

function benchGeoparseBroad() {
  ensureGazetteer();
  const data = readDataFiles(join(ROOT, 'data/'));
  const raw = readFileSync(join(ROOT, 'data/compiled/places.bin'));
  const places = openGazetteer(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
  const lexicon = lexiconOf(places);
  const loaded = loadData(data, createBroadGeoparser(places, lexicon));
  const { text: seed } = seedNewsletter();
  const copies = Math.ceil(BYTES / Buffer.byteLength(seed + '\n\n'));
  const text = Array.from({ length: copies }, () => seed).join('\n\n');
  const bytes = Buffer.byteLength(text);
  const mbps = (ms: number) => round(bytes / 1e6 / (ms / 1000), 1);

  const t0 = performance.now();
  const atlas = loaded.geoparse(text);
  const firstMs = performance.now() - t0;
  if (atlas.newsletter !== null) throw new Error('the repeated newsletter should be unknown to the catalog');
  const whole = timed(() => loaded.geoparse(text));

  // The floor: a loop that visits each character and does nothing else with it.
  let sink = 0;
  const loop = timed(
    () => {
      let h = 0;
      for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
      sink ^= h;
    },
    50,
    20,
  );
  if (sink === 0.5) console.log(sink); // keeps the loop's result alive

  // The stages geoparse goes through, each timed on its own with the same inputs.
  const { stories } = findStories(text, loaded.catalog, data.storyIndexes, data.catalog.file);
  const finder = createPlaceFinder(loaded.gazetteer);
  // As geoparse calls it before combining: the broad geoparser finds the sentences itself.
  const curated = finder.findMentions(text, stories, { snippets: false });
  const combined = combineMentions(text, stories, curated, loaded.gazetteer, places, lexicon);
  const segmenting = timed(() => findStories(text, loaded.catalog, data.storyIndexes, data.catalog.file));
  const curatedFinder = timed(() => finder.findMentions(text, stories, { snippets: false }));
  const broadFinder = timed(() => findBroadMentions(text, places, lexicon, stories));
  const snippets = timed(() => {
    const sentence = sentenceFinder(text, normalizeText(text));
    for (const m of combined.mentions) sentence(m.start, m.end);
  });
  const combineAll = timed(() => combineMentions(text, stories, curated, loaded.gazetteer, places, lexicon));
  const stage = (ms: number) => ({ ms: round(ms, 1), mbPerS: mbps(ms) });
  const combineOnly = Math.max(0, combineAll.median - broadFinder.median - snippets.median);
  const rest = Math.max(0, whole.median - segmenting.median - curatedFinder.median - combineAll.median);
  return {
    bytes,
    copies,
    stories: atlas.stories.length,
    mentions: atlas.mentions.length,
    runs: RUNS,
    firstMs: round(firstMs, 1),
    medianMs: round(whole.median, 1),
    p95Ms: round(whole.p95, 1),
    /** The fastest run: the figure least moved by other work on the machine. */
    bestMs: round(whole.best, 1),
    mbPerS: mbps(whole.median),
    /** The main thread's CPU time per run, median (null where it cannot be read). */
    cpuMedianMs: whole.cpuMedian === null ? null : round(whole.cpuMedian, 1),
    charLoop: { ms: round(loop.median, 2), mbPerS: mbps(loop.median) },
    /** How many times slower than the plain character loop. */
    ratio: round(loop.median > 0 ? whole.median / loop.median : NaN, 0),
    stages: {
      segmenting: stage(segmenting.median),
      curatedFinder: stage(curatedFinder.median),
      broadFinder: stage(broadFinder.median),
      combine: stage(combineOnly),
      snippets: stage(snippets.median),
      /** Places summarised, and what the stages timed apart do not add up to. */
      rest: stage(rest),
    },
  };
}

export const geoparseBroad: Section<ReturnType<typeof benchGeoparseBroad>> = {
  name: 'geoparse-broad',
  label: 'geoparse, broad',
  key: 'geoparseBroad',
  run: benchGeoparseBroad,
  print(g) {
    line(
      `geoparse, broad, 1 MB (${RUNS} runs)`,
      g ? `${g.medianMs} ms (p95 ${g.p95Ms}, best ${g.bestMs})` : 'not measured',
      `< ${TARGETS.geoparseBroadMs} ms`,
      verdict(g?.medianMs ?? null, TARGETS.geoparseBroadMs),
    );
    if (!g) return;
    line('  first run', `${g.firstMs} ms`, '', '');
    if (g.cpuMedianMs !== null) line('  main-thread CPU per run, median', `${g.cpuMedianMs} ms`, '', '');
    line(
      '  MB/s; a plain character loop',
      `${g.mbPerS}; ${g.charLoop.mbPerS} MB/s`,
      '',
      `${g.ratio}× the loop`,
    );
    const names: Record<keyof typeof g.stages, string> = {
      segmenting: 'segmenting into stories',
      curatedFinder: 'curated finder',
      broadFinder: 'broad finder',
      combine: 'combining the two',
      snippets: 'sentences (snippets)',
      rest: 'the rest (places summarised)',
    };
    for (const [key, s] of Object.entries(g.stages))
      line(`  ${names[key as keyof typeof g.stages]}`, `${s.ms} ms (${s.mbPerS} MB/s)`, '', '');
  },
};
