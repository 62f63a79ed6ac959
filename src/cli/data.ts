import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AtlasData } from '../core';

/** Reads the curated data under `dataDir` (default: the project's data/) for loadData/loadAtlas. */
export function readDataFiles(dataDir = new URL('../../data/', import.meta.url).pathname): AtlasData {
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const file = (path: string) => ({ file: shown(path), text: readFileSync(path, 'utf8') });
  const csvs = (dir: string, suffix: string) =>
    Object.fromEntries(
      readdirSync(dir)
        .filter((f) => f.endsWith(suffix))
        .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    );
  return {
    gazetteer: file(join(dataDir, 'geo/gazetteer.csv')),
    rules: file(join(dataDir, 'geo/rules.csv')),
    catalog: file(join(dataDir, 'newsletters/catalog.csv')),
    storyIndexes: csvs(join(dataDir, 'newsletters'), '.stories.csv'),
    routes: csvs(join(dataDir, 'geo/routes'), '.csv'),
    furniture: csvs(join(dataDir, 'newsletters'), '.furniture.csv'),
  };
}
