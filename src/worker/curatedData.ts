/**
 * The curated data as the worker bundles it (as src/web/main.tsx does for the page): every file
 * as text, named as loadData's messages name them.
 */
import type { AtlasData } from '../core';
import gazetteer from '../../data/geo/gazetteer.csv?raw';
import routeLayers from '../../data/geo/route-layers.csv?raw';
import rules from '../../data/geo/rules.csv?raw';
import seas from '../../data/geo/seas.csv?raw';
import catalog from '../../data/newsletters/catalog.csv?raw';

const byBaseName = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).map(([path, text]) => [path.split('/').pop()!, text]));

export function curatedData(): AtlasData {
  return {
    gazetteer: { file: 'data/geo/gazetteer.csv', text: gazetteer },
    rules: { file: 'data/geo/rules.csv', text: rules },
    catalog: { file: 'data/newsletters/catalog.csv', text: catalog },
    // import.meta.glob takes literal options only (Vite reads them at build time).
    storyIndexes: byBaseName(
      import.meta.glob<string>('../../data/newsletters/*.stories.csv', {
        query: '?raw',
        import: 'default',
        eager: true,
      }),
    ),
    routes: byBaseName(
      import.meta.glob<string>('../../data/geo/routes/*', { query: '?raw', import: 'default', eager: true }),
    ),
    furniture: byBaseName(
      import.meta.glob<string>('../../data/newsletters/*.furniture.csv', {
        query: '?raw',
        import: 'default',
        eager: true,
      }),
    ),
    newsletters: byBaseName(
      import.meta.glob<string>('../../data/newsletters/*.txt', {
        query: '?raw',
        import: 'default',
        eager: true,
      }),
    ),
    routeLayers: { file: 'data/geo/route-layers.csv', text: routeLayers },
    seas: { file: 'data/geo/seas.csv', text: seas },
  };
}
