/**
 * geoparse: the whole newsletter with the curated data, warm (median and p95 after warm-up), as
 * loadAtlas (validating the data too) and 100 copies of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAtlas, loadData } from '../src/core';
import { readDataFiles } from '../src/cli/data';
import { ms, line, ROOT, RUNS, TARGETS, time, verdict, type Section } from './runner';

/** The seed newsletter (the first .txt of data/newsletters/): its file name and text. */
export function seedNewsletter() {
  const dir = join(ROOT, 'data/newsletters');
  const file = readdirSync(dir).find((f) => f.endsWith('.txt'));
  if (!file) throw new Error(`no newsletter .txt in ${dir}`);
  return { file, text: readFileSync(join(dir, file), 'utf8') };
}

function benchGeoparse() {
  const data = readDataFiles(join(ROOT, 'data/'));
  const { file, text } = seedNewsletter();
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

export const geoparse: Section<ReturnType<typeof benchGeoparse>> = {
  name: 'geoparse',
  label: 'geoparse',
  key: 'geoparse',
  run: benchGeoparse,
  print(g) {
    line(
      `geoparse, warm (${RUNS} runs)`,
      ms(g?.geoparse),
      `< ${TARGETS.geoparseMs} ms`,
      verdict(g?.geoparse.medianMs ?? null, TARGETS.geoparseMs),
    );
    line('loadAtlas (data + geoparse)', ms(g?.loadAtlas), '', '');
    line('geoparse, 100 copies', ms(g?.copies100), '', '');
  },
  footer(g) {
    console.log(
      `${g.newsletter}: ${g.chars} chars, ${g.stories} stories, ${g.mentions} mentions of ${g.places} places`,
    );
  },
};
