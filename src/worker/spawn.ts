/** Starts the geoparse worker: Vite bundles the entry as a chunk of its own (with the broad finder). */
export function spawnGeoparseWorker(): Worker {
  return new Worker(new URL('./geoparse.worker.ts', import.meta.url), { type: 'module', name: 'geoparse' });
}
