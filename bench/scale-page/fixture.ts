/**
 * The scale bench's newsletter (issue 14, "Scale"): about 1 MB of text with over 1,000 stories
 * and 5,000 places, geoparsed in Node with the broad gazetteer, as the geoparse worker would
 * (the same GeoparseResult), and written as JSON for the bench page (bench/scale-page/main.tsx) to
 * read, as the library would hand the app a stored newsletter.
 *
 * Half the bytes are the seed newsletter repeated (real stories, parted by blank lines, unknown to
 * the catalog, so segmented); the other half are short generated letters, each naming four towns
 * of the broad gazetteer taken at a fixed stride (no randomness, no names in this code): towns of
 * 15,000 people or more whose name is their own first candidate and no common word, so the finder
 * takes them as those towns and the map gets thousands of distinct places.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadData } from '../../src/core';
import { readDataFiles } from '../../src/cli/data';
import { createBroadGeoparser, lexiconOf, openGazetteer } from '../../src/core/places';
import { resultOfAtlas } from '../../src/worker/atlas';
import { seedNewsletter } from '../geoparse';
import { ensureGazetteer, ROOT } from '../runner';

/** About 1 MB of text. */
export const SCALE_BYTES = 1e6;
/** Where the page's build reads the fixture from (git-ignored). */
export const FIXTURE_DIR = join(ROOT, 'bench/out/scale/public');
export const FIXTURE_FILE = 'newsletter.json';
const PLACES_PER_LETTER = 4;
const MIN_POPULATION = 15_000;

export interface ScaleFixture {
  bytes: number;
  stories: number;
  mentions: number;
  places: number;
  file: string;
}

/** Builds the text: seed copies, then generated letters, to SCALE_BYTES. */
function scaleText(seed: string, names: readonly string[]): string {
  const parts: string[] = [];
  let bytes = 0;
  const add = (s: string) => {
    parts.push(s);
    bytes += Buffer.byteLength(s) + 2;
  };
  while (bytes < SCALE_BYTES / 2) add(seed);
  let letter = 0;
  for (let i = 0; bytes < SCALE_BYTES; i += PLACES_PER_LETTER, letter++) {
    const four = Array.from({ length: PLACES_PER_LETTER }, (_, k) => names[(i + k) % names.length]!);
    add(`Letter ${letter + 1}: news from ${four[0]}`);
    add(
      `Our readers in ${four[0]} and ${four[1]} wrote to us this month. A teacher from ${four[2]} ` +
        `sent photographs of the school exhibition, and the choir of ${four[3]} will sing at the ` +
        `festival next spring. We thank everyone who wrote and look forward to more letters.`,
    );
  }
  return parts.join('\n\n');
}

export function buildScaleFixture(): ScaleFixture {
  ensureGazetteer();
  const data = readDataFiles(join(ROOT, 'data/'));
  const raw = readFileSync(join(ROOT, 'data/compiled/places.bin'));
  const gazetteer = openGazetteer(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
  const broad = createBroadGeoparser(gazetteer, lexiconOf(gazetteer));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < gazetteer.size; i++) {
    const p = gazetteer.place(i);
    if (p.kind !== 'city' || p.population < MIN_POPULATION || !/^[A-Z][a-z]+$/.test(p.name)) continue;
    if (seen.has(p.name) || gazetteer.lookup(p.name)[0] !== i || gazetteer.wordFlags(p.name) !== 0) continue;
    seen.add(p.name);
    names.push(p.name);
  }
  const text = scaleText(seedNewsletter().text, names);
  const atlas = loadData(data, broad).geoparse(text);
  const result = resultOfAtlas(atlas, { name: 'scale-bench.txt', format: 'text' });
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const file = join(FIXTURE_DIR, FIXTURE_FILE);
  writeFileSync(file, JSON.stringify(result));
  return {
    bytes: Buffer.byteLength(text),
    stories: atlas.stories.length,
    mentions: atlas.mentions.length,
    places: atlas.places.length,
    file,
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) console.log(buildScaleFixture());
