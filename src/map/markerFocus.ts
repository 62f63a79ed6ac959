/**
 * Keyboard order on the map: the marker elements are put in the marker pane in the order of
 * markerOrder (Tab follows the DOM), and after a cluster opens by keyboard, focus goes to the
 * first marker that holds one of its places instead of dropping to the page.
 */
import type L from 'leaflet';
import { markerOrder } from './markerOrder';

export interface FocusableMarker {
  marker: L.Marker;
  /** The places the marker stands for. */
  places: readonly string[];
}

/**
 * Moves the markers' elements into tab order, never moving the focused one (it would blur).
 * `screen` holds each marker's drawn centre in container pixels, by the same key as `shown`.
 */
export function orderMarkerElements(
  shown: ReadonlyMap<string, FocusableMarker>,
  screen: ReadonlyMap<string, { x: number; y: number }>,
  textOrder: readonly string[],
): void {
  const elements = new Map<string, HTMLElement>();
  const items = [];
  for (const [key, s] of shown) {
    const el = s.marker.getElement();
    const at = screen.get(key);
    if (!el?.parentElement || !at) continue;
    elements.set(key, el);
    items.push({ key, x: at.x, y: at.y, places: s.places });
  }
  const ordered = markerOrder(items, textOrder).map((k) => elements.get(k)!);
  if (ordered.length < 2) return;
  const wanted = new Set<Element>(ordered);
  const current = [...ordered[0]!.parentElement!.children].filter((e) => wanted.has(e));
  if (current.every((e, i) => e === ordered[i])) return;
  const focused = ordered.find((e) => e === document.activeElement);
  if (!focused) {
    const pane = ordered[0]!.parentElement!;
    for (const el of ordered) pane.appendChild(el);
    return;
  }
  const at = ordered.indexOf(focused);
  for (const el of ordered.slice(0, at)) focused.before(el);
  let previous = focused;
  for (const el of ordered.slice(at + 1)) {
    previous.after(el);
    previous = el;
  }
}

/** Focuses the first marker (in tab order) that stands for one of `places`; false when none. */
export function focusFirstMarker(
  shown: ReadonlyMap<string, FocusableMarker>,
  places: readonly string[],
): boolean {
  const wanted = new Set(places);
  const candidates = [...shown.values()]
    .filter((s) => s.places.some((p) => wanted.has(p)))
    .map((s) => s.marker.getElement())
    .filter((el): el is HTMLElement => el?.isConnected === true);
  const first = candidates.sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  )[0];
  first?.focus();
  return first !== undefined;
}
