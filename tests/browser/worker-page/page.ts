/**
 * A page of the geoparse worker's client alone, for tests/browser/worker.test.ts and
 * bench/worker.ts: the client as the app bundles it (its worker a chunk of its own, the broad
 * gazetteer an asset beside it), on window.geoparseClient. The app's own build has no entry of
 * the client: its import view loads it lazily.
 */
import * as client from '../../../src/worker/client';

declare global {
  interface Window {
    geoparseClient?: typeof client;
  }
}

window.geoparseClient = client;
document.getElementById('ready')!.hidden = false;
