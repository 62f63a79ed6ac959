/** Marker and cluster icons: DOM elements built with textContent, never HTML strings. */
import L from 'leaflet';

/** Diameter in pixels of a place marker mentioned in `stories` stories. */
export const placeMarkerSize = (stories: number) => Math.round(24 + 6 * Math.sqrt(Math.max(1, stories)));
/** Diameter in pixels of a cluster of `places` places. */
export const clusterMarkerSize = (places: number) => Math.round(32 + 4 * Math.sqrt(places));

/**
 * How a marker stands with the open story (or slide): one of its places (drawn larger, with a
 * thick dark outline), receding (smaller, lighter), or no story open.
 */
export type MarkerEmphasis = 'story' | 'receded' | 'none';

/**
 * A round divIcon showing `count`, displaced by `offset` pixels (to fan out places that share a
 * point).
 */
export function countIcon(
  kind: 'place' | 'cluster',
  count: number,
  size: number,
  selected: boolean,
  offset: [number, number] = [0, 0],
  emphasis: MarkerEmphasis = 'none',
): L.DivIcon {
  const inner = document.createElement('span');
  inner.className = 'marker-count';
  inner.textContent = String(count);
  return L.divIcon({
    html: inner,
    className:
      `${kind}-marker${selected ? ' is-selected' : ''}` +
      (emphasis === 'story' ? ' is-emphasised' : emphasis === 'receded' ? ' is-receded' : ''),
    iconSize: [size, size],
    iconAnchor: [size / 2 - offset[0], size / 2 - offset[1]],
  });
}
