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
import {
  loadAtlas,
  loadFlight,
  parseRouteLayers,
  parseSeas,
  type Atlas,
  type FlightData,
  type RouteLayers,
  type SeaLabel,
} from '../core';
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

const routes = byBaseName(
  import.meta.glob<string>('../../data/geo/routes/*.csv', { query: '?raw', import: 'default', eager: true }),
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

const root = createRoot(document.getElementById('root')!);
let atlas: Atlas | null = null;
let routeLayers: RouteLayers | null = null;
let flight: FlightData | null = null;
let seas: SeaLabel[] = [];
try {
  atlas = loadAtlas({
    text,
    gazetteer: { file: 'data/geo/gazetteer.csv', text: gazetteer },
    rules: { file: 'data/geo/rules.csv', text: rules },
    catalog: { file: 'data/newsletters/catalog.csv', text: catalog },
    storyIndexes,
    routes,
    furniture,
  });
  routeLayers = parseRouteLayers(
    routeLayersText,
    'data/geo/route-layers.csv',
    atlas.routes.map((r) => r.place.id),
  );
  flight = loadFlight(routeLayers, atlas.routes, routes, atlas.text);
  seas = parseSeas(seasText, 'data/geo/seas.csv');
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
