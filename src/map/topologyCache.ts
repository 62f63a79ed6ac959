/**
 * One load of each basemap resolution, shared by the basemap and the country labels (both maps
 * and every layer ask the same LoadTopology, which may fetch each time it is called).
 */
import type { Topology } from 'topojson-specification';

export type BasemapDetail = '110m' | '50m';
/** Supplied by the entry point (only it fetches): the world-atlas topology at a resolution. */
export type LoadTopology = (detail: BasemapDetail) => Promise<Topology>;

const cache = new WeakMap<LoadTopology, Map<BasemapDetail, Promise<Topology>>>();

export function loadOnce(load: LoadTopology, detail: BasemapDetail): Promise<Topology> {
  let byDetail = cache.get(load);
  if (!byDetail) cache.set(load, (byDetail = new Map()));
  let promise = byDetail.get(detail);
  if (!promise) {
    promise = load(detail);
    // A failed load may be tried again.
    promise.catch(() => byDetail.delete(detail));
    byDetail.set(detail, promise);
  }
  return promise;
}
