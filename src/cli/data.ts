import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AtlasData } from '../core';

/** Reads the curated data under `dataDir` (default: the project's data/) for loadData/loadAtlas. */
export function readDataFiles(dataDir = new URL('../../data/', import.meta.url).pathname): AtlasData {
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const file = (path: string) => ({ file: shown(path), text: readFileSync(path, 'utf8') });
  /** Every file of `dir` whose name ends with `suffix` (all of them for ''), by name → text. */
  const files = (dir: string, suffix: string) =>
    Object.fromEntries(
      readdirSync(dir, { withFileTypes: true })
        .filter((f) => f.isFile() && f.name.endsWith(suffix))
        .map((f) => [f.name, readFileSync(join(dir, f.name), 'utf8')]),
    );
  return {
    gazetteer: file(join(dataDir, 'geo/gazetteer.csv')),
    rules: file(join(dataDir, 'geo/rules.csv')),
    catalog: file(join(dataDir, 'newsletters/catalog.csv')),
    storyIndexes: files(join(dataDir, 'newsletters'), '.stories.csv'),
    // All of them: loadData reports a file there that belongs to no route.
    routes: files(join(dataDir, 'geo/routes'), ''),
    furniture: files(join(dataDir, 'newsletters'), '.furniture.csv'),
    newsletters: files(join(dataDir, 'newsletters'), '.txt'),
    routeLayers: file(join(dataDir, 'geo/route-layers.csv')),
    seas: file(join(dataDir, 'geo/seas.csv')),
  };
}
