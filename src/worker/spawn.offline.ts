/**
 * The offline copy's stand-in for ./spawn.ts (vite.config.ts aliases it in `offline` mode): the
 * single file carries neither the worker nor the 14 MB gazetteer, and a page opened from disk
 * could not start a module worker or fetch the gazetteer anyway (docs/offline-copy.md).
 */
export function spawnGeoparseWorker(): Worker {
  throw new Error(
    'the offline copy cannot find places in a new newsletter: open Newsletter Atlas from its server to import one',
  );
}
