/**
 * The review's state for the app: the atlas with the choices applied (memoised), the groups to
 * review, and the choices: kept by the library's store (useReviewOf) or in React state (useReviewState).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  applyReviewChoices,
  reviewItems,
  withChoice,
  withoutChoice,
  type Atlas,
  type CandidatePlace,
  type Place,
  type ReviewChoice,
  type ReviewGroup,
  type UnmatchedName,
} from '../../core';

/** What the app needs of a geoparse result's review (src/worker: result.review, reviewResolver, searchGazetteer). */
export interface AppReview {
  unmatched: readonly UnmatchedName[];
  /** Review group name → candidate places (result.review.candidates). */
  candidates: Readonly<Record<string, CandidatePlace[]>>;
  /** A place by id (reviewResolver(result, data)). */
  resolve: (id: string) => Place | undefined;
  /** searchGazetteer. */
  search: (query: string) => Promise<CandidatePlace[]>;
  /** Choices kept from an earlier session. */
  choices?: readonly ReviewChoice[];
}

/**
 * The atlas with `choices` applied to `original` (the finder's atlas, kept for undo), made again
 * only when one of them changes; `original` itself while there are no choices.
 */
export function useReview(
  original: Atlas,
  choices: readonly ReviewChoice[],
  resolve: (id: string) => Place | undefined,
  unmatched: readonly UnmatchedName[] = [],
): Atlas {
  return useMemo(
    () => (choices.length ? applyReviewChoices(original, choices, resolve, unmatched) : original),
    [original, choices, resolve, unmatched],
  );
}

const NONE: AppReview = {
  unmatched: [],
  candidates: {},
  resolve: () => undefined,
  search: async () => [],
};

export interface ReviewState {
  /** The atlas the app shows: the choices applied. */
  atlas: Atlas;
  /** The groups to review (of the original atlas). */
  items: ReviewGroup[];
  choices: readonly ReviewChoice[];
  choose: (choice: ReviewChoice, place?: Place) => void;
  undo: (name: string) => void;
  /** A place by id: the ones chosen in this session, else the review's. */
  resolve: (id: string) => Place | undefined;
  review: AppReview;
}

/**
 * The review with its choices kept by the caller (the library's store: `change` writes them),
 * and the places chosen from a search this session remembered for `resolve`.
 */
export function useReviewOf(
  original: Atlas,
  review: AppReview | undefined,
  choices: readonly ReviewChoice[],
  change: (update: (choices: readonly ReviewChoice[]) => readonly ReviewChoice[]) => void,
): ReviewState {
  const r = review ?? NONE;
  /** Places chosen from a search, which neither the atlas nor the candidates hold. */
  const picked = useRef(new Map<string, Place>());
  const { resolve: known } = r;
  const resolve = useCallback((id: string) => picked.current.get(id) ?? known(id), [known]);
  const choose = useCallback(
    (choice: ReviewChoice, place?: Place) => {
      if (place) picked.current.set(place.id, place);
      change((c) => withChoice(c, choice));
    },
    [change],
  );
  const undo = useCallback((name: string) => change((c) => withoutChoice(c, name)), [change]);
  const atlas = useReview(original, choices, resolve, r.unmatched);
  const items = useMemo(() => reviewItems(original, r.unmatched), [original, r.unmatched]);
  return { atlas, items, choices, choose, undo, resolve, review: r };
}

/** The review with its choices in React state (a page of the panel alone). */
export function useReviewState(original: Atlas, review: AppReview | undefined): ReviewState {
  const [choices, setChoices] = useState<readonly ReviewChoice[]>(review?.choices ?? []);
  return useReviewOf(original, review, choices, setChoices);
}
