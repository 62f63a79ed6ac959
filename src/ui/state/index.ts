/** The state a URL restores: one reducer with typed actions, its URL form, and the hook that syncs it. */
export {
  historyOf,
  reduce,
  shownPolar,
  startState,
  stateContext,
  validState,
  type Action,
  type AtlasState,
  type StateContext,
} from './state';
export {
  isNewsletterId,
  MAX_QUERY,
  parseUrl,
  searchWithRoutes,
  serialiseUrl,
  initialRoutes,
  slideParam,
  urlNotice,
} from './url';
export { useAtlasState, type AtlasStateHook } from './useAtlasState';
