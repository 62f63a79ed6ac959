export {
  applyReviewChoices,
  reviewItems,
  withChoice,
  withoutChoice,
  REVIEW_BELOW,
  type ReviewGroup,
  type ReviewMention,
} from './review';
export type { ReviewChoice, ReviewVerdict, UnmatchedName } from './types';
export { createGazetteerSearch, type CandidatePlace, type GazetteerSearch } from './search';
