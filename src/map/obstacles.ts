/**
 * Boxes that map layers of their own (the cut marks) keep on the map, in container pixels, for
 * the labels to stay clear of: each layer writes its boxes when it moves them, the label chooser
 * reads them all on moveend (Leaflet fires every move before it).
 */
import type L from 'leaflet';
import type { Box } from './labels/chooseLabels';

const byMap = new WeakMap<L.Map, Map<string, readonly Box[]>>();

/** Sets (or, with [], clears) the boxes layer `key` keeps on `map`. */
export function setObstacles(map: L.Map, key: string, boxes: readonly Box[]): void {
  let layers = byMap.get(map);
  if (!layers) byMap.set(map, (layers = new Map()));
  if (boxes.length) layers.set(key, boxes);
  else layers.delete(key);
}

/** Every box the map's layers keep now. */
export function obstacles(map: L.Map): Box[] {
  return [...(byMap.get(map)?.values() ?? [])].flat();
}
