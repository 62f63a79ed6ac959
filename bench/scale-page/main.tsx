/**
 * The scale bench's page (bench/scale.ts builds it apart from the app, into bench/out/scale/dist):
 * the real App with a 1 MB newsletter already geoparsed (bench/scale-page/fixture.ts wrote it as the
 * geoparse worker's GeoparseResult), made into an Atlas with the page's curated data as the
 * library does for a stored newsletter (atlasFromResult), without the import's worker and store,
 * so that the bench measures the page; nothing here is part of the app's own build.
 */
import 'leaflet/dist/leaflet.css';
import '../../src/ui/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadData } from '../../src/core';
import { openLibrary, type LibraryStore } from '../../src/library/store';
import { App } from '../../src/ui/App';
import { WithAppBoundary } from '../../src/ui/ErrorBoundary';
import { ErrorPanel } from '../../src/ui/ErrorPanel';
import { loadTopology } from '../../src/web/topology';
import { atlasFromResult, type GeoparseResult } from '../../src/worker/client';
import { curatedData } from '../../src/worker/curatedData';

/** A library in memory: the bench measures the page, not the browser's storage. */
let library: Promise<LibraryStore> | null = null;
const openStore = () => (library ??= openLibrary({ name: 'scale-bench', indexedDB: null }));

const root = createRoot(document.getElementById('root')!);

async function start() {
  // The stored newsletter is read while the curated data is parsed, as the library's read would be.
  const request = fetch('./newsletter.json');
  const data = loadData(curatedData());
  const response = await request;
  if (!response.ok) throw new Error(`newsletter.json: ${response.status}: run the scale bench to build it`);
  const result = (await response.json()) as GeoparseResult;
  const atlas = atlasFromResult(result, data);
  performance.mark('scale:atlas');
  root.render(
    <StrictMode>
      <WithAppBoundary>
        <App
          atlas={atlas}
          newsletter={{ id: 'scale-bench', title: 'Scale bench', date: null, bundled: false }}
          bundledId={data.catalog[0]?.id ?? ''}
          loadTopology={loadTopology}
          openStore={openStore}
          routeLayers={data.routeLayers}
          flight={data.flight}
          seas={data.seas}
        />
      </WithAppBoundary>
    </StrictMode>,
  );
}

start().catch((error: unknown) => root.render(<ErrorPanel error={error} />));
