/**
 * The scale bench's newsletter (issue 14, "Scale"): about 1 MB of text with over 1,000 stories
 * and 5,000 places, geoparsed in Node with the broad gazetteer, as the geoparse worker would
 * (the same GeoparseResult), and written as JSON for the bench page (bench/scale-page/main.tsx) to
 * read, as the library would hand the app a stored newsletter.
 *
 * Half the bytes are the seed newsletter repeated (real stories, parted by blank lines, unknown to
 * the catalog, so segmented); the other half are short generated letters (tests/fixtures/letters.ts),
 * each naming four towns of the broad gazetteer, so the map gets thousands of distinct places.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadData } from '../../src/core';
import { readDataFiles } from '../../src/cli/data';
import { createBroadGeoparser, lexiconOf } from '../../src/core/places';
import { compiledGazetteer, letters, letterTowns } from '../../tests/fixtures/letters';
import { resultOfAtlas } from '../../src/worker/atlas';
import { seedNewsletter } from '../geoparse';
import { ensureGazetteer, ROOT } from '../runner';

/** About 1 MB of text. */
export const SCALE_BYTES = 1e6;
/** Where the page's build reads the fixture from (git-ignored). */
export const FIXTURE_DIR = join(ROOT, 'bench/out/scale/public');
export const FIXTURE_FILE = 'newsletter.json';

export interface ScaleFixture {
  bytes: number;
  stories: number;
  mentions: number;
  places: number;
  file: string;
}

/** Builds the text: seed copies, then generated letters, to SCALE_BYTES. */
function scaleText(seed: string, towns: readonly string[]): string {
  const parts: string[] = [];
  let bytes = 0;
  const add = (s: string) => {
    parts.push(s);
    bytes += Buffer.byteLength(s) + 2;
  };
  while (bytes < SCALE_BYTES / 2) add(seed);
  for (let letter = 0; bytes < SCALE_BYTES; letter++) for (const part of letters(towns, 1, letter)) add(part);
  return parts.join('\n\n');
}

export function buildScaleFixture(): ScaleFixture {
  ensureGazetteer();
  const data = readDataFiles(join(ROOT, 'data/'));
  const gazetteer = compiledGazetteer();
  const broad = createBroadGeoparser(gazetteer, lexiconOf(gazetteer));
  const text = scaleText(seedNewsletter().text, letterTowns(gazetteer));
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
