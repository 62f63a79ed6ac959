/**
 * The review: a person corrects the machine. The panel loads lazily (LazyReviewPanel); the hooks
 * (the atlas with the choices applied, the choices in React state) and the words are small.
 */
import { lazy } from 'react';

export { useReview, useReviewOf, useReviewState, type AppReview, type ReviewState } from './useReview';
export { describePlace, groupStatus, sentencePieces } from './reviewModel';
export type { ReviewPanelProps } from './ReviewPanel';
/** The Review panel, loaded when first shown (wrap it in Suspense). */
export const LazyReviewPanel = lazy(() => import('./ReviewPanel'));
