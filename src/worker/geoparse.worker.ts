/**
 * The geoparse worker's entry: created by src/worker/client.ts (`new Worker(new URL(...), { type:
 * 'module' })`), it fetches the broad gazetteer from the app's own origin on its first request
 * and answers every request with one reply (src/worker/protocol.ts).
 */
import { curatedData } from './curatedData';
import { fetchGazetteer } from './fetchGazetteer';
import type { Reply, Request } from './protocol';
import { createGeoparseService } from './service';

// Vite emits the compiled gazetteer as an asset of the build (and serves it in dev); built first
// when stale by the gazetteer plugin of vite.config.ts.
const url = new URL('../../data/compiled/places.bin', import.meta.url).href;

/** The worker's global scope, as much of it as is used (the DOM lib, not the webworker one, is loaded). */
const scope = self as unknown as {
  postMessage(reply: Reply, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Request>) => void): void;
};
const service = createGeoparseService({
  data: curatedData,
  gazetteer: (onBytes) => fetchGazetteer(url, onBytes),
  post: (reply, transfer = []) => scope.postMessage(reply, transfer),
  source: `the broad gazetteer (${url})`,
});
scope.addEventListener('message', (event) => void service.handle(event.data));
