/**
 * npm run eval -- CORPUS.xml: geoparses every article of a test corpus (LGL layout, see
 * eval/corpus.ts) with the project's place finder and prints strict toponym precision, recall
 * and F1, accuracy within 161 km of the strictly matched spans, and the twenty most frequent
 * false, missed and misplaced names. The corpus is for measuring only: nothing of it goes into
 * data/ or the code.
 * Options: --top N (names listed, default 20), --json (the scores as JSON on stdout),
 *          --curated (the curated gazetteer alone, without the broad one),
 *          --show NAME (each prediction of NAME with the gold: where the errors of a name come from).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadData } from '../src/core';
import { readBroadData } from '../src/cli/broad';
import { readDataFiles } from '../src/cli/data';
import { CorpusError, parseCorpus } from './corpus';
import { ACCURACY_KM, score, type Prediction } from './score';

// A reader that stops early (`| head`) closes the pipe: no error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 2));

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2).filter((a) => a !== '--');
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 20;
const json = args.includes('--json');
const showArg = args.indexOf('--show');
const show = showArg >= 0 ? (args.splice(showArg, 2)[1] ?? '') : null;
const files = args.filter((a) => !a.startsWith('--'));
if (files.length !== 1 || !Number.isInteger(top) || top < 0) {
  fail('usage: npm run --silent eval -- [--top N] [--json] [--curated] [--show NAME] CORPUS.xml');
}
const file = files[0]!;

let xml: string;
try {
  xml = readFileSync(file, 'utf8');
} catch (e) {
  fail(`${file}: cannot read: ${(e as Error).message}`);
}
let articles;
try {
  articles = parseCorpus(xml, file);
} catch (e) {
  if (e instanceof CorpusError) fail(e.message);
  throw e;
}

// --curated: the curated gazetteer alone (the baseline before the broad one).
const curatedOnly = process.argv.includes('--curated');
const data = loadData(readDataFiles(process.env.ATLAS_DATA_DIR), curatedOnly ? undefined : readBroadData());
const t0 = performance.now();
const predictions = articles.map((article): Prediction[] => {
  const atlas = data.geoparse(article.text);
  return atlas.mentions.map((m) => {
    const place = atlas.gazetteer.byId.get(m.placeId)!;
    return { start: m.start, end: m.end, text: m.text, lat: place.lat, lon: place.lon };
  });
});
const seconds = (performance.now() - t0) / 1000;
if (show !== null) {
  const name = show;
  articles.forEach((a, i) => {
    for (const p of predictions[i]!) {
      if (p.text !== name) continue;
      const g = a.toponyms.find((t) => t.start === p.start && t.end === p.end);
      const gold = g
        ? g.lat === null
          ? 'gold without coordinates'
          : `gold ${g.lat},${g.lon}`
        : 'not in the gold';
      process.stdout.write(
        `${a.id}@${p.start}: ${p.lat.toFixed(2)},${p.lon.toFixed(2)}  ${gold}  …${a.text.slice(Math.max(0, p.start - 40), p.end + 40).replace(/\s+/g, ' ')}…\n`,
      );
    }
  });
}
const s = score(articles, predictions);

if (json) {
  process.stdout.write(JSON.stringify({ file, articles: articles.length, seconds, ...s }, null, 1) + '\n');
} else {
  const pct = (x: number) => x.toFixed(3);
  const names = (list: [string, number][]) =>
    list
      .slice(0, top)
      .map(([name, n]) => `${name} (${n})`)
      .join(', ') || '(none)';
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  process.stdout.write(
    [
      `${file}: ${articles.length} articles, ${s.gold} gold toponyms, ${(chars / 1e6).toFixed(2)} M characters, geoparsed in ${seconds.toFixed(2)} s`,
      `strict toponyms: precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}  (${s.truePositives} matched of ${s.predicted} predicted)`,
      `accuracy@${ACCURACY_KM} km: ${pct(s.accuracy161)}  (${s.within161} of ${s.located} matched spans with gold coordinates)`,
      `most frequent false names: ${names(s.falseNames)}`,
      `most frequent missed names: ${names(s.missedNames)}`,
      `most frequent misplaced names (> ${ACCURACY_KM} km): ${names(s.farNames)}`,
    ].join('\n') + '\n',
  );
}
