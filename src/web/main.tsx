/** Browser entry: loads the data (bundled as text), geoparses the newsletter, renders the app. */
// First: an offline copy keeps its own HTML as loaded, before React renders into it.
import './seedStorage';
import 'leaflet/dist/leaflet.css';
import '../ui/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import gazetteer from '../../data/geo/gazetteer.csv?raw';
import routeLayersText from '../../data/geo/route-layers.csv?raw';
import rules from '../../data/geo/rules.csv?raw';
import seasText from '../../data/geo/seas.csv?raw';
import catalog from '../../data/newsletters/catalog.csv?raw';
import text from '../../data/newsletters/russian-embassy-newsletter-2020-06.txt?raw';
import { fingerprint, loadData, type Atlas, type FlightData, type RouteLayers, type SeaLabel } from '../core';
import { browserStorage, embeddedNewsletterOf, embeddedStorageOf } from '../library';
import { LibraryShell, type LibrarySetup } from '../ui/library';
import { WithAppBoundary } from '../ui/ErrorBoundary';
import { ErrorPanel } from '../ui/ErrorPanel';
import { loadTopology } from './topology';

/** File name → text, keyed by base name as the catalog and gazetteer name them. */
function byBaseName(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([path, content]) => [path.split('/').pop()!, content]),
  );
}

// import.meta.glob takes literal options only (Vite reads them at build time).
// Every file of the routes folder (not only *.csv): loadData reports one that belongs to no route.
const routes = byBaseName(
  import.meta.glob<string>('../../data/geo/routes/*', { query: '?raw', import: 'default', eager: true }),
);
const storyIndexes = byBaseName(
  import.meta.glob<string>('../../data/newsletters/*.stories.csv', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);
const furniture = byBaseName(
  import.meta.glob<string>('../../data/newsletters/*.furniture.csv', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);
const newsletters = byBaseName(
  import.meta.glob<string>('../../data/newsletters/*.txt', { query: '?raw', import: 'default', eager: true }),
);

const root = createRoot(document.getElementById('root')!);
let atlas: Atlas | null = null;
let routeLayers: RouteLayers | null = null;
let flight: FlightData | null = null;
let seas: SeaLabel[] = [];
let setup: LibrarySetup | null = null;
try {
  // The same checks as the CLI's: every data file, with the file, line and column of an error.
  const data = loadData({
    gazetteer: { file: 'data/geo/gazetteer.csv', text: gazetteer },
    rules: { file: 'data/geo/rules.csv', text: rules },
    catalog: { file: 'data/newsletters/catalog.csv', text: catalog },
    storyIndexes,
    routes,
    furniture,
    newsletters,
    routeLayers: { file: 'data/geo/route-layers.csv', text: routeLayersText },
    seas: { file: 'data/geo/seas.csv', text: seasText },
  });
  atlas = data.geoparse(text);
  routeLayers = data.routeLayers;
  flight = data.flight;
  seas = data.seas;
  const bundled = atlas.newsletter;
  const entry = {
    id: bundled?.id ?? 'bundled',
    title: bundled?.title || 'The newsletter that comes with the app',
    date: bundled?.date || null,
    fingerprint: fingerprint(text),
  };
  // The app asks the library for its newsletter: the bundled one is its first entry, geoparsed
  // here with the curated data; the store and the worker load only when first needed.
  setup = {
    bundled: { entry, atlas },
    base: { gazetteer: data.gazetteer, routes: data.routes },
    // Before anything reads the library: what was kept in localStorage moves in (once), and an
    // offline copy's saved choices are seeded on its first opening.
    openStore: () =>
      import('../library/store').then((m) =>
        m.openAppLibrary(
          { bundled: [entry] },
          { storage: browserStorage(), embedded: embeddedStorageOf(document) },
        ),
      ),
    loadGeoparse: () => import('../worker/client').then((m) => m.geoparseInWorker),
    loadSearch: () => import('../worker/client').then((m) => (query: string) => m.searchGazetteer(query)),
    embedded: embeddedNewsletterOf(document),
  };
} catch (error) {
  atlas = null;
  root.render(<ErrorPanel error={error} />);
}
if (setup && routeLayers) {
  root.render(
    <StrictMode>
      {/* No error anywhere leaves a blank page: the boundary says what went wrong and offers a way out. */}
      <WithAppBoundary>
        <LibraryShell setup={setup} app={{ loadTopology, routeLayers, flight, seas }} />
      </WithAppBoundary>
    </StrictMode>,
  );
}
