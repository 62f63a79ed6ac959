/**
 * The tour and its presenter view (a second window, ?presenter=N) talk over a BroadcastChannel:
 * the tour says which slide it shows and the tour as saved; the presenter asks to move, or
 * changes a note. Same origin only; nothing leaves the machine.
 */
import type { SavedTour } from '../../core';

export const TOUR_CHANNEL = 'newsletter-atlas-tour';

export type TourMessage =
  /** From the tour: the slide shown (0-based among the shown slides) and the tour as saved. */
  | { type: 'slide'; index: number; saved: SavedTour }
  /** From the presenter: a new presenter window wants the current state. */
  | { type: 'hello' }
  /** From the presenter: show this slide (0-based among the shown slides). */
  | { type: 'go'; index: number }
  /** From the presenter: the teacher's note for a slide. */
  | { type: 'note'; id: string; note: string }
  /** From the tour: it was left. */
  | { type: 'closed' };

/** Opens the channel, or null where the browser has none. */
export function openChannel(onMessage: (m: TourMessage) => void): {
  post: (m: TourMessage) => void;
  close: () => void;
} | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(TOUR_CHANNEL);
  channel.onmessage = (e: MessageEvent<TourMessage>) => onMessage(e.data);
  return { post: (m) => channel.postMessage(m), close: () => channel.close() };
}

/** The 1-based slide N of ?present=N (the tour) or ?presenter=N (the presenter window), or null. */
export { slideParam } from '../state/url';
