/** Browser entry: loads the data (bundled as text), geoparses the newsletter, renders the app. */
// First: seeds localStorage from an offline copy's embedded storage before any module reads it.
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
import { loadData, type Atlas, type FlightData, type RouteLayers, type SeaLabel } from '../core';
import { App } from '../ui/App';
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
} catch (error) {
  atlas = null;
  root.render(<ErrorPanel error={error} />);
}
if (atlas && routeLayers) {
  root.render(
    <StrictMode>
      {/* No error anywhere leaves a blank page: the boundary says what went wrong and offers a way out. */}
      <WithAppBoundary>
        <App
          atlas={atlas}
          loadTopology={loadTopology}
          routeLayers={routeLayers}
          flight={flight}
          seas={seas}
        />
      </WithAppBoundary>
    </StrictMode>,
  );
}
