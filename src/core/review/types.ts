/** The review's data: what a person decided about a name, and the names that matched no place. */
import type { MentionSpan } from '../types';

/** A person's answer for a name: this place (a gazetteer id), or no place at all. */
export type ReviewVerdict = { kind: 'place'; place: string } | { kind: 'not-a-place' };

/** A person's answer for every mention of `name` in one newsletter. */
export interface ReviewChoice {
  /** The mention's name as the finder keys it (core/places/key.ts: placeKey of its text). */
  name: string;
  verdict: ReviewVerdict;
}

/**
 * A name the broad finder found where a place stands ("in Quibbletown", "Zorblatt Creek,
 * Kansas") that no gazetteer entry names, in its story, with its sentence.
 */
export interface UnmatchedName extends MentionSpan {
  /** placeKey of `text`: the key review choices name it by. */
  name: string;
}
